import {
  createCommandHandler,
  createUlidGenerator,
  type Decider,
  type DomainEvent,
  isIdempotencyError,
  type NewEvent,
  SNAPSHOT_COMMAND_WINDOW,
  toArray,
} from '@safeledger/core';
import { expect } from 'vitest';
import {
  currentRegistry,
  items,
  openStoreAndStream,
  readStream,
  rejection,
  uniqueStream,
  visibleLog,
} from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'idempotency';
const newId = createUlidGenerator();

function withIds(events: NewEvent[]): NewEvent[] {
  return events.map((event) => ({ ...event, eventId: newId() }));
}

type CartEvent = DomainEvent<'ItemAdded', { sku: string; quantity: number; unit: string }>;

/** A tiny decider: add one item per command. */
export const cartDecider: Decider<{ count: number }, { sku: string }, CartEvent> = {
  name: 'cart',
  initialState: () => ({ count: 0 }),
  evolve: (state) => ({ count: state.count + 1 }),
  decide: (command) => ({
    type: 'ItemAdded',
    data: { sku: command.sku, quantity: 1, unit: 'piece' },
  }),
};

type ShelfCommand =
  | { readonly type: 'Stock'; readonly sku: string; readonly quantity: number }
  | { readonly type: 'Note'; readonly text: string };
type ShelfEvent = CartEvent | DomainEvent<'NoteWritten', { text: string }>;

/** A decider with typed commands and an optional snapshot policy. */
function shelfDecider(
  snapshotEvery?: number,
): Decider<{ stocked: number }, ShelfCommand, ShelfEvent> {
  return {
    name: 'shelf',
    initialState: () => ({ stocked: 0 }),
    evolve: (state, event) => ({
      stocked: state.stocked + (event.type === 'ItemAdded' ? event.data.quantity : 0),
    }),
    decide: (command) =>
      command.type === 'Stock'
        ? {
            type: 'ItemAdded',
            data: { sku: command.sku, quantity: command.quantity, unit: 'piece' },
          }
        : { type: 'NoteWritten', data: { text: command.text } },
    ...(snapshotEvery === undefined ? {} : { snapshot: { every: snapshotEvery, version: 1 } }),
  };
}

/** Idempotent retries (A6) and the absence of silent drops (A7). */
export const idempotencyCases: ConformanceCase[] = [
  {
    group,
    name: 'A6 re-appending the same batch returns the original result and writes nothing',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, items(1, 'pre'));
      const batch = withIds(items(3));
      const original = await store.appendToStream(streamId, batch, { expectedVersion: 1 });
      await store.appendToStream(streamId, items(1, 'later'));
      const again = await store.appendToStream(streamId, batch, { expectedVersion: 1 });
      expect(again).toEqual({ ...original, duplicate: true });
      const anyAgain = await store.appendToStream(streamId, batch);
      expect(anyAgain).toEqual({ ...original, duplicate: true });
      expect(await readStream(store, streamId)).toHaveLength(5);
    },
  },
  {
    group,
    name: 'A6 same event ids with different content: IdempotencyConflictError',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const batch = withIds(items(2));
      await store.appendToStream(streamId, batch);
      const changed = batch.map((event, i) =>
        i === 1 ? { ...event, data: { sku: 'changed', quantity: 9, unit: 'piece' } } : event,
      );
      const error = await rejection(store.appendToStream(streamId, changed));
      expect(isIdempotencyError(error), String(error)).toBe(true);
      expect(await readStream(store, streamId)).toHaveLength(2);
    },
  },
  {
    group,
    name: 'A6 same batch at a different expected version or stream: IdempotencyConflictError',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const batch = withIds(items(2));
      await store.appendToStream(streamId, batch, { expectedVersion: 'no_stream' });
      await store.appendToStream(streamId, items(1));
      const atOtherVersion = await rejection(
        store.appendToStream(streamId, batch, { expectedVersion: 3 }),
      );
      expect(isIdempotencyError(atOtherVersion), String(atOtherVersion)).toBe(true);
      const elsewhere = await rejection(store.appendToStream(uniqueStream(), batch));
      expect(isIdempotencyError(elsewhere), String(elsewhere)).toBe(true);
      expect(await readStream(store, streamId)).toHaveLength(3);
    },
  },
  {
    group,
    name: 'A6 a batch that is partly present: IdempotencyConflictError, nothing written',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const batch = withIds(items(2));
      await store.appendToStream(streamId, batch);
      const error = await rejection(
        store.appendToStream(streamId, [...batch, ...withIds(items(1, 'new'))]),
      );
      expect(isIdempotencyError(error), String(error)).toBe(true);
      expect(await readStream(store, streamId)).toHaveLength(2);
      expect(await visibleLog(store, 2)).toHaveLength(2);
    },
  },
  {
    group,
    name: 'A6 a command retried with the same commandId appends nothing and returns the original events',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const handle = createCommandHandler({ store, decider: cartDecider });
      const streamId = uniqueStream();
      const first = await handle(streamId, { sku: 'a' }, { commandId: 'cmd-1' });
      await handle(streamId, { sku: 'b' }, { commandId: 'cmd-2' });
      const retried = await handle(streamId, { sku: 'a' }, { commandId: 'cmd-1' });
      expect(retried.duplicate).toBe(true);
      expect(retried.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      expect(retried.state).toEqual({ count: 2 });
      const stored = await readStream(store, streamId);
      expect(stored).toHaveLength(2);
      expect(stored[0]!.metadata).toMatchObject({ commandId: 'cmd-1', correlationId: 'cmd-1' });
    },
  },
  {
    group,
    name: 'A6 a command id is recognised however old it is, with snapshots on',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const handle = createCommandHandler({ store, decider: shelfDecider(10) });
      const streamId = uniqueStream('shelf');
      // More commands after the first than any snapshot remembers.
      const total = SNAPSHOT_COMMAND_WINDOW + 44;
      const first = await handle(
        streamId,
        { type: 'Stock', sku: 'sku-0', quantity: 1 },
        { commandId: 'cmd-0' },
      );
      for (let i = 1; i < total; i++) {
        await handle(
          streamId,
          { type: 'Stock', sku: `sku-${i}`, quantity: 1 },
          { commandId: `cmd-${i}` },
        );
      }
      const retried = await handle(
        streamId,
        { type: 'Stock', sku: 'sku-0', quantity: 1 },
        { commandId: 'cmd-0' },
      );
      expect(retried.duplicate).toBe(true);
      expect(retried.nextVersion).toBe(total);
      expect(retried.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      expect(retried.events.map((e) => e.version)).toEqual([1]);
      expect(retried.state).toEqual({ stocked: total });
      expect(
        (await toArray(store.readStream(streamId, { direction: 'backward', maxCount: 1 })))[0]!
          .version,
      ).toBe(total);
    },
  },
  {
    group,
    name: 'A6 the same command id with a different command is an IdempotencyConflictError naming both command types',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      for (const snapshotEvery of [undefined, 2]) {
        const handle = createCommandHandler({ store, decider: shelfDecider(snapshotEvery) });
        const streamId = uniqueStream('shelf');
        const stock = { type: 'Stock', sku: 'a', quantity: 2 } as const;
        const first = await handle(streamId, stock, { commandId: 'cmd-1' });
        // Enough later commands that, with snapshots, cmd-1 is only found by the lookup.
        for (let i = 2; i < SNAPSHOT_COMMAND_WINDOW + 4; i++) {
          await handle(streamId, { type: 'Note', text: `n${i}` }, { commandId: `cmd-${i}` });
        }
        const version = SNAPSHOT_COMMAND_WINDOW + 3;
        // The same command, its keys in another order: a retry.
        const retried = await handle(
          streamId,
          { quantity: 2, sku: 'a', type: 'Stock' },
          { commandId: 'cmd-1' },
        );
        expect(retried.duplicate).toBe(true);
        expect(retried.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));

        const otherType = await rejection(
          handle(streamId, { type: 'Note', text: 'different' }, { commandId: 'cmd-1' }),
        );
        expect(isIdempotencyError(otherType), String(otherType)).toBe(true);
        expect((otherType as Error).message).toContain('Stock');
        expect((otherType as Error).message).toContain('Note');
        expect((otherType as Error).message).toContain('cmd-1');

        const otherPayload = await rejection(
          handle(streamId, { ...stock, quantity: 3 }, { commandId: 'cmd-1' }),
        );
        expect(isIdempotencyError(otherPayload), String(otherPayload)).toBe(true);
        const stored = await toArray(store.readStream(streamId));
        expect(stored, `snapshots every ${String(snapshotEvery)}`).toHaveLength(version);
      }
    },
  },
];
