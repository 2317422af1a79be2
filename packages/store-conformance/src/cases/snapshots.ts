import { createCommandHandler, type Decider, type DomainEvent, toArray } from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { currentRegistry, openStoreAndStream, uniqueStream } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'snapshots';

type Added = DomainEvent<'ItemAdded', { sku: string; quantity: number; unit: string }>;
type Removed = DomainEvent<'ItemRemoved', { sku: string }>;
type CartState = { lines: Record<string, number>; changes: number };
type CartCommand = { kind: 'add'; sku: string; quantity: number } | { kind: 'remove'; sku: string };

function cart(snapshot?: {
  every: number;
  version: number;
}): Decider<CartState, CartCommand, Added | Removed> {
  return {
    name: 'cart',
    initialState: () => ({ lines: {}, changes: 0 }),
    evolve: (state, event) => {
      const lines = { ...state.lines };
      if (event.type === 'ItemAdded')
        lines[event.data.sku] = (lines[event.data.sku] ?? 0) + event.data.quantity;
      else delete lines[event.data.sku];
      return { lines, changes: state.changes + 1 };
    },
    decide: (command) =>
      command.kind === 'add'
        ? {
            type: 'ItemAdded',
            data: { sku: command.sku, quantity: command.quantity, unit: 'piece' },
          }
        : { type: 'ItemRemoved', data: { sku: command.sku } },
    ...(snapshot === undefined ? {} : { snapshot }),
  };
}

const commandArbitrary: fc.Arbitrary<CartCommand> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    sku: fc.constantFrom('a', 'b', 'c'),
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), sku: fc.constantFrom('a', 'b', 'c') }),
);

/** Snapshots are starting points only (SN1). */
export const snapshotCases: ConformanceCase[] = [
  {
    group,
    name: 'SN1 loading with and without snapshots yields the same state (property)',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const withSnapshots = cart({ every: 3, version: 1 });
      const handle = createCommandHandler({ store, decider: withSnapshots });
      await fc.assert(
        fc.asyncProperty(
          fc.array(commandArbitrary, { minLength: 1, maxLength: 25 }),
          async (commands) => {
            const streamId = uniqueStream();
            let last: CartState | undefined;
            for (const command of commands) last = (await handle(streamId, command)).state;
            const full = await store.aggregateStream(streamId, withSnapshots, { snapshots: false });
            const fromSnapshot = await store.aggregateStream(streamId, withSnapshots);
            expect(fromSnapshot).toEqual(full);
            expect(full.state).toEqual(last);
            expect(full.version).toBe(commands.length);
            if (commands.length >= 3) {
              const snapshot = await store.snapshots.load(streamId, 'cart@1');
              expect(snapshot?.version).toBe(Math.floor(commands.length / 3) * 3);
            }
          },
        ),
        { numRuns: 20 },
      );
    },
  },
  {
    group,
    name: "SN1 a snapshot is keyed by the decider's snapshot version: a new shape ignores old snapshots",
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const handle = createCommandHandler({ store, decider: cart({ every: 2, version: 1 }) });
      for (let i = 0; i < 4; i++) await handle(streamId, { kind: 'add', sku: 'a', quantity: 1 });
      expect((await store.snapshots.load(streamId, 'cart@1'))?.version).toBe(4);
      // Corrupt the v1 snapshot: a v2 decider must not read it.
      await store.snapshots.save({
        streamId,
        key: 'cart@1',
        version: 5,
        state: { bogus: true },
        commands: [],
        takenAt: new Date().toISOString(),
      });
      const v2 = cart({ every: 2, version: 2 });
      expect(await store.aggregateStream(streamId, v2)).toEqual({
        state: { lines: { a: 4 }, changes: 4 },
        version: 4,
      });
    },
  },
  {
    group,
    name: 'SN1 the snapshot store keeps the highest version per key',
    async run(context) {
      const store = await context.open({});
      const streamId = uniqueStream();
      const at = (version: number) => ({
        streamId,
        key: 'k@1',
        version,
        state: { version },
        commands: [{ commandId: `c${version}`, firstVersion: version, lastVersion: version }],
        takenAt: '2024-01-01T00:00:00.000Z',
      });
      await store.snapshots.save(at(10));
      await store.snapshots.save(at(5));
      expect(await store.snapshots.load(streamId, 'k@1')).toEqual(at(10));
      await store.snapshots.save(at(20));
      expect((await store.snapshots.load(streamId, 'k@1'))?.version).toBe(20);
      expect(await store.snapshots.load(streamId, 'k@2')).toBeUndefined();
      expect(await store.snapshots.load(uniqueStream(), 'k@1')).toBeUndefined();
    },
  },
  {
    group,
    name: 'A6 idempotency survives snapshots: a command folded into a snapshot is still recognised',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const handle = createCommandHandler({ store, decider: cart({ every: 2, version: 1 }) });
      const first = await handle(
        streamId,
        { kind: 'add', sku: 'a', quantity: 1 },
        { commandId: 'c-1' },
      );
      for (let i = 2; i <= 5; i++)
        await handle(streamId, { kind: 'add', sku: 'b', quantity: 1 }, { commandId: `c-${i}` });
      const retried = await handle(
        streamId,
        { kind: 'add', sku: 'a', quantity: 1 },
        { commandId: 'c-1' },
      );
      expect(retried.duplicate).toBe(true);
      expect(retried.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      expect(await toArray(store.readStream(streamId))).toHaveLength(5);
    },
  },
];
