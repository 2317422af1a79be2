import { createEventRegistry, defineEvent, toArray } from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';
import { z } from 'zod';

const ObservationRecorded = defineEvent('ObservationRecorded', z.object({ site: z.string() }));
const store = createMemoryEventStore({
  registry: createEventRegistry({ events: [ObservationRecorded] }),
});

await store.appendToStream('observation-1', [ObservationRecorded.create({ site: 'yard' })], {
  expectedVersion: 'no_stream',
});
const events = await toArray(store.readStream('observation-1'));

export const sites = events.map((event) => event.data); // [{ site: 'yard' }]
export const version = events[0]?.version; // 1
