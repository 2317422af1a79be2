import { createMemoryEventStore } from '@safeledger/store-memory';
import { sampleInspectionCommands, sampleNow, staticSubjectStatus } from '@safeledger/testing';
import { expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { createInspectionDecider } from '../inspection/decide.js';
import { inspectionEvents } from '../inspection/events.js';
import { inspectionStreamId } from '../inspection/inspection-stream.js';
import { createInspectionFactsFromStore } from './inspection-facts-from-store.js';

const kit = sampleInspectionCommands();

it('EC-18 reads a filing source inspection from its own stream: kind when scheduled, unknown otherwise', async () => {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: inspectionEvents }),
    clock: () => sampleNow,
  });
  const handle = createCommandHandler({
    store,
    decider: createInspectionDecider({ directory: kit.directory, subjects: staticSubjectStatus() }),
    clock: () => sampleNow,
  });
  const facts = createInspectionFactsFromStore(store);
  expect(await facts.inspection('i-1')).toBeUndefined();
  await handle(inspectionStreamId('i-1'), kit.schedule({ kind: 'service_guidance' }));
  expect(await facts.inspection('i-1')).toEqual({ inspectionId: 'i-1', kind: 'service_guidance' });
  await handle(inspectionStreamId('i-2'), kit.schedule({ inspectionId: 'i-2' }));
  expect(await facts.inspection('i-2')).toEqual({ inspectionId: 'i-2', kind: 'enforcement' });
  expect(await facts.inspection('i-3')).toBeUndefined();
});
