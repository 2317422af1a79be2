import {
  createCommandHandler,
  createEventRegistry,
  type Decider,
  defineEvent,
  type EventOf,
} from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';
import { z } from 'zod';

const ObservationRecorded = defineEvent('ObservationRecorded', z.object({ site: z.string() }));
type Recorded = EventOf<typeof ObservationRecorded>;

const decider: Decider<{ recorded: boolean }, { site: string }, Recorded> = {
  name: 'observation',
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (command) => ObservationRecorded.create({ site: command.site }),
};

const store = createMemoryEventStore({
  registry: createEventRegistry({ events: [ObservationRecorded] }),
});
const handle = createCommandHandler({ store, decider });

const first = await handle('observation-1', { site: 'yard' }, { commandId: 'cmd-1' });
const retry = await handle('observation-1', { site: 'yard' }, { commandId: 'cmd-1' }); // appends nothing
export const summary = { version: first.nextVersion, duplicate: retry.duplicate };
