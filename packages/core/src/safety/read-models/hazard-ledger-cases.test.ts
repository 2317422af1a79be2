import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleCaseCommands, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { createProjectionRunner } from '../../eventsourcing/projection-runner.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import { caseStreamId } from '../enforcement-case/case-stream.js';
import { createEnforcementCaseDecider } from '../enforcement-case/decide.js';
import { enforcementCaseEvents } from '../enforcement-case/events.js';
import { createHazardFactsFromStore } from '../enforcement-case/hazard-facts-from-store.js';
import { createHazardDecider } from '../hazard/decide.js';
import { hazardEvents } from '../hazard/events.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import {
  createHazardLedgerProjection,
  HAZARD_LEDGER,
  type HazardLedgerRow,
} from './hazard-ledger.js';

const cases = sampleCaseCommands();
const hazards = sampleHazardCommands();

it('P-6 lists the cases linked to each hazard, once each, in link order', async () => {
  const store = createMemoryEventStore({
    registry: createEventRegistry({
      events: [...hazardEvents, ...enforcementCaseEvents, ...uniqueKeyEvents],
    }),
    clock: () => sampleNow,
  });
  const handleHazard = createCommandHandler({
    store,
    decider: createHazardDecider({ directory: cases.directory }),
    clock: () => sampleNow,
  });
  const handleCase = createCommandHandler({
    store,
    decider: createEnforcementCaseDecider({
      directory: cases.directory,
      hazards: createHazardFactsFromStore({ store, directory: cases.directory }),
      inspections: { inspection: async () => undefined },
    }),
    clock: () => sampleNow,
  });
  for (const hazardId of ['h-1', 'h-2']) {
    await handleHazard(hazardStreamId(hazardId), hazards.registerGeneral({ hazardId }));
  }
  const link = (hazardId: string) =>
    ({ type: 'LinkHazardToCase', actor: cases.actors.officers[0], hazardId }) as const;
  await handleCase(caseStreamId('c-1'), cases.file({ caseId: 'c-1' }));
  await handleCase(caseStreamId('c-1'), link('h-1'));
  await handleCase(caseStreamId('c-2'), cases.file({ caseId: 'c-2' }));
  await handleCase(caseStreamId('c-2'), link('h-1'));
  const runner = createProjectionRunner({
    store,
    projections: [createHazardLedgerProjection({ timezone: 'Asia/Shanghai' })],
  });
  await runner.catchUp({ timeoutMs: 10_000 });
  const row = async (id: string) =>
    (await store.projections.getDocument(HAZARD_LEDGER, id)) as HazardLedgerRow | undefined;
  expect((await row('h-1'))?.cases.map((c) => c.caseId)).toEqual(['c-1', 'c-2']);
  expect((await row('h-1'))?.cases[0]?.linkedAt).toBe(sampleNow.toISOString());
  expect((await row('h-2'))?.cases).toEqual([]);
  // A rebuild reads the same links again and still lists each case once.
  await runner.rebuild(HAZARD_LEDGER);
  await runner.catchUp({ timeoutMs: 10_000 });
  expect((await row('h-1'))?.cases.map((c) => c.caseId)).toEqual(['c-1', 'c-2']);
  await runner.stop();
});
