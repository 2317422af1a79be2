import {
  createCommandHandler,
  createProcessManagerRunner,
  type Decider,
  type DomainEvent,
  defineProcessManager,
  type EventStore,
  RuleViolationError,
  reactionCommandId,
  toArray,
} from '@safeledger/core';
import { expect } from 'vitest';
import { currentRegistry, items, uniqueStream } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'process managers';

type Noted = DomainEvent<'NoteWritten', { text: string }>;

/** Writes one note per command; refuses skus that start with "bad". */
const noteDecider: Decider<number, { sku: string }, Noted> = {
  name: 'note',
  initialState: () => 0,
  evolve: (n) => n + 1,
  decide(command) {
    if (command.sku.startsWith('bad')) {
      throw new RuleViolationError('T-1', 'BadSku', `sku ${command.sku} is refused`, {
        sku: command.sku,
      });
    }
    return { type: 'NoteWritten', data: { text: command.sku } };
  },
};

function noteOnItem(prefix: string) {
  return defineProcessManager<DomainEvent<'ItemAdded', { sku: string }>>({
    name: `notes-${prefix}`,
    handles: ['ItemAdded'],
    react: (event) =>
      event.data.sku.startsWith(`${prefix}`) || event.data.sku.startsWith(`bad${prefix}`)
        ? [
            {
              target: 'note',
              streamId: `note-${event.data.sku}`,
              command: { sku: event.data.sku },
              commandId: reactionCommandId(`notes-${prefix}`, event),
            },
          ]
        : [],
  });
}

function runnerOn(store: EventStore, prefix: string, calls: string[] = []) {
  const handle = createCommandHandler({ store, decider: noteDecider });
  return createProcessManagerRunner({
    store,
    managers: [noteOnItem(prefix)],
    handlers: {
      note: (streamId, command, options) => {
        calls.push(streamId);
        return handle(streamId, command, options);
      },
    },
    pollIntervalMs: 20,
    leaseTtlMs: 2_000,
  });
}

/** Process managers (§4.10): reactions issued once, rejections recorded, never dropped. */
export const processManagerCases: ConformanceCase[] = [
  {
    group,
    name: 'process managers: two racing runners issue each reaction once and record each rejection once',
    async run(context) {
      const prefix = uniqueStream('p').replace(/[^a-z0-9]/g, '');
      const stores = [
        await context.open({ registry: currentRegistry() }),
        await context.open({ registry: currentRegistry() }),
      ];
      const runners = stores.map((store) => runnerOn(store, prefix));
      for (const runner of runners) runner.start();
      try {
        const source = uniqueStream();
        await stores[0]!.appendToStream(source, items(6, prefix));
        await stores[1]!.appendToStream(uniqueStream(), items(2, `bad${prefix}`));
        await Promise.all(runners.map((runner) => runner.catchUp({ timeoutMs: 30_000 })));
      } finally {
        await Promise.all(runners.map((runner) => runner.stop()));
      }
      for (let i = 0; i < 6; i++) {
        const notes = await toArray(stores[0]!.readStream(`note-${prefix}-${i}`));
        expect(notes.map((note) => note.data)).toEqual([{ text: `${prefix}-${i}` }]);
      }
      const rejected = await runners[0]!.rejections(`notes-${prefix}`);
      expect(rejected.map((r) => [r.rule, r.violation, r.commandType])).toEqual([
        ['T-1', 'BadSku', null],
        ['T-1', 'BadSku', null],
      ]);
      expect(await toArray(stores[0]!.readStream(`note-bad${prefix}-0`))).toEqual([]);
    },
  },
  {
    group,
    name: 'process managers: a restarted runner resumes after its checkpoint',
    async run(context) {
      const prefix = uniqueStream('r').replace(/[^a-z0-9]/g, '');
      const store = await context.open({ registry: currentRegistry() });
      await store.appendToStream(uniqueStream(), items(3, prefix));
      const first = runnerOn(store, prefix);
      await first.catchUp();
      await first.stop();
      await store.appendToStream(uniqueStream(), items(1, `${prefix}x`));
      const calls: string[] = [];
      const second = runnerOn(store, prefix, calls);
      await second.catchUp();
      await second.stop();
      expect(calls).toEqual([`note-${prefix}x-0`]);
      for (const sku of [`${prefix}-0`, `${prefix}-1`, `${prefix}-2`, `${prefix}x-0`]) {
        expect((await toArray(store.readStream(`note-${sku}`))).length).toBe(1);
      }
    },
  },
];
