import { createProjectionRunner, type EventStore } from '@safeledger/core';
import { openHazards } from './open-hazards-projection.js';

export async function listOpenHazards(store: EventStore) {
  const runner = createProjectionRunner({ store, projections: [openHazards] });
  runner.start(); // catch up, then follow live
  await runner.catchUp(); // wait until everything visible now is applied
  const page = await store.projections.listDocuments('open-hazards', { limit: 100 });
  await runner.stop();
  return page;
}
