import { type AppendResult, type EventStore, isConcurrencyError } from '@safeledger/core';
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
import type { ConformanceCase, ConformanceContext } from '../harness.js';

const group = 'append';

async function openStore(context: ConformanceContext): Promise<EventStore> {
  return context.open({ registry: currentRegistry() });
}

async function expectConflict(
  promise: Promise<AppendResult>,
  streamId: string,
  actual: number,
): Promise<void> {
  const error = await rejection(promise);
  expect(isConcurrencyError(error), `expected a ConcurrencyError, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamId, actual });
}

/** Expected-version forms, batch results and the no-trace guarantee (A1-A4). */
export const appendCases: ConformanceCase[] = [
  {
    group,
    name: "A2 'no_stream' creates a new stream",
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const result = await store.appendToStream(streamId, items(2), {
        expectedVersion: 'no_stream',
      });
      expect(result).toMatchObject({
        firstVersion: 1,
        nextVersion: 2,
        created: true,
        duplicate: false,
      });
      expect(typeof result.position).toBe('string');
      expect((await readStream(store, streamId)).map((e) => e.version)).toEqual([1, 2]);
    },
  },
  {
    group,
    name: "A2 'no_stream' on an existing stream fails with the actual version",
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, items(3));
      await expectConflict(
        store.appendToStream(streamId, items(1), { expectedVersion: 'no_stream' }),
        streamId,
        3,
      );
      expect(await readStream(store, streamId)).toHaveLength(3);
    },
  },
  {
    group,
    name: "A2 'stream_exists' on an absent stream fails",
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await expectConflict(
        store.appendToStream(streamId, items(1), { expectedVersion: 'stream_exists' }),
        streamId,
        0,
      );
      expect(await readStream(store, streamId)).toHaveLength(0);
    },
  },
  {
    group,
    name: "A2 'stream_exists' on an existing stream appends",
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, items(1));
      const result = await store.appendToStream(streamId, items(2), {
        expectedVersion: 'stream_exists',
      });
      expect(result).toMatchObject({ firstVersion: 2, nextVersion: 3, created: false });
    },
  },
  {
    group,
    name: 'A2 an exact version appends when it matches and fails when stale',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, items(2), { expectedVersion: 0 });
      const result = await store.appendToStream(streamId, items(1), { expectedVersion: 2 });
      expect(result).toMatchObject({ firstVersion: 3, nextVersion: 3 });
      await expectConflict(
        store.appendToStream(streamId, items(1), { expectedVersion: 2 }),
        streamId,
        3,
      );
      await expectConflict(
        store.appendToStream(streamId, items(1), { expectedVersion: 7 }),
        streamId,
        3,
      );
      await expectConflict(
        store.appendToStream(streamId, items(1), { expectedVersion: 0 }),
        streamId,
        3,
      );
    },
  },
  {
    group,
    name: "A2 'any' appends to new and existing streams",
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      expect(
        await store.appendToStream(streamId, items(1), { expectedVersion: 'any' }),
      ).toMatchObject({
        firstVersion: 1,
        created: true,
      });
      expect(await store.appendToStream(streamId, items(1))).toMatchObject({
        firstVersion: 2,
        created: false,
      });
    },
  },
  {
    group,
    name: 'A2 the conflict message names the stream and both versions',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, items(5));
      const error = await rejection(
        store.appendToStream(streamId, items(1), { expectedVersion: 3 }),
      );
      expect((error as Error).message).toBe(
        `expected version 3 for stream "${streamId}" but found version 5`,
      );
    },
  },
  {
    group,
    name: 'A3 a rejected append leaves no trace: no version, no row, no position a reader waits on',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const absent = uniqueStream();
      await store.appendToStream(streamId, items(2));
      const head = (await visibleLog(store, 2)).at(-1)!.position;

      await rejection(store.appendToStream(streamId, items(3), { expectedVersion: 'no_stream' }));
      await rejection(store.appendToStream(streamId, items(3), { expectedVersion: 1 }));
      await rejection(store.appendToStream(absent, items(3), { expectedVersion: 'stream_exists' }));
      await rejection(store.appendToStream(absent, items(3), { expectedVersion: 4 }));

      expect(await readStream(store, streamId)).toHaveLength(2);
      expect(await readStream(store, absent)).toHaveLength(0);
      const after = await store.readAllPage({ after: head, maxCount: 10 });
      expect(after.events).toHaveLength(0);
      expect(after.caughtUp).toBe(true);

      // The next correct appends get the next versions and are the next events a reader sees.
      const next = await store.appendToStream(streamId, items(1), { expectedVersion: 2 });
      expect(next).toMatchObject({ firstVersion: 3, nextVersion: 3, created: false });
      const created = await store.appendToStream(absent, items(1), {
        expectedVersion: 'no_stream',
      });
      expect(created).toMatchObject({ firstVersion: 1, created: true });
      const seen = await visibleLog(store, 2, { after: head });
      expect(seen.map((e) => [e.streamId, e.version])).toEqual([
        [streamId, 3],
        [absent, 1],
      ]);
    },
  },
  {
    group,
    name: 'A4 a batch gets contiguous versions and ascending positions; the result describes it',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, items(2));
      const result = await store.appendToStream(streamId, items(4, 'b'), { expectedVersion: 2 });
      expect(result).toMatchObject({
        firstVersion: 3,
        nextVersion: 6,
        created: false,
        duplicate: false,
      });
      const events = await readStream(store, streamId);
      expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
      const positions = events.map((e) => e.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(events.at(-1)!.position).toBe(result.position);
    },
  },
  {
    group,
    name: 'A4 a batch is atomic: one bad event and nothing is written',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const batch = [
        ...items(3),
        { type: 'ItemAdded', data: { sku: '', quantity: -1, unit: 'x' } },
      ];
      await rejection(store.appendToStream(streamId, batch));
      expect(await readStream(store, streamId)).toHaveLength(0);
      // A batch that collides with stored event ids part-way is also all-or-nothing.
      const elsewhere = uniqueStream();
      await store.appendToStream(elsewhere, items(1));
      const existingId = (await readStream(store, elsewhere))[0]!.eventId;
      await rejection(
        store.appendToStream(streamId, [...items(2), { ...items(1)[0]!, eventId: existingId }]),
      );
      expect(await readStream(store, streamId)).toHaveLength(0);
    },
  },
  {
    group,
    name: 'A1 10 concurrent appends at the same expected version: exactly one wins',
    async run(context) {
      const stores = await Promise.all(
        Array.from({ length: context.scale.instances }, () => openStore(context)),
      );
      const streamId = uniqueStream();
      await stores[0]!.appendToStream(streamId, items(1));
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) =>
          stores[writer % stores.length]!.appendToStream(streamId, items(2, `writer${writer}`), {
            expectedVersion: 1,
          }),
        ),
      );
      const winners = attempts.flatMap((a, writer) => (a.status === 'fulfilled' ? [writer] : []));
      expect(winners).toHaveLength(1);
      for (const attempt of attempts) {
        if (attempt.status === 'rejected') {
          expect(isConcurrencyError(attempt.reason), String(attempt.reason)).toBe(true);
          expect(attempt.reason).toMatchObject({ expected: 1, actual: 3 });
        }
      }
      const events = await readStream(stores[0]!, streamId);
      expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
      expect(events.slice(1).map((e) => (e.data as { sku: string }).sku)).toEqual([
        `writer${winners[0]}-0`,
        `writer${winners[0]}-1`,
      ]);
      // The losers left nothing a reader could wait on.
      const page = await stores[1 % stores.length]!.readAllPage({
        after: events.at(-1)!.position,
        maxCount: 10,
      });
      expect(page.events).toHaveLength(0);
      expect(page.caughtUp).toBe(true);
    },
  },
  {
    group,
    name: 'A1 concurrent first appends with no_stream: exactly one creates the stream',
    async run(context) {
      const stores = await Promise.all(
        Array.from({ length: context.scale.instances }, () => openStore(context)),
      );
      const streamId = uniqueStream();
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) =>
          stores[writer % stores.length]!.appendToStream(streamId, items(1, `w${writer}`), {
            expectedVersion: 'no_stream',
          }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      for (const attempt of attempts) {
        if (attempt.status === 'rejected')
          expect(isConcurrencyError(attempt.reason), String(attempt.reason)).toBe(true);
      }
      expect(await readStream(stores[0]!, streamId)).toHaveLength(1);
    },
  },
];
