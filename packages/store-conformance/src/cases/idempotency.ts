import {
  createCommandHandler,
  createUlidGenerator,
  type Decider,
  type DomainEvent,
  isIdempotencyError,
  type NewEvent,
} from '@safeledger/core';
import { expect } from 'vitest';
import {
  currentRegistry,
  items,
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

/** Idempotent retries (A6) and the absence of silent drops (A7). */
export const idempotencyCases: ConformanceCase[] = [
  {
    group,
    name: 'A6 re-appending the same batch returns the original result and writes nothing',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
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
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
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
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
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
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
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
];
