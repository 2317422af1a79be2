import {
  type AppendResult,
  createUlidGenerator,
  type ExpectedVersion,
  isConcurrencyError,
  type NewEvent,
  toArray,
} from '@safeledger/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresEventStore } from './create-postgres-event-store.js';
import { quoteIdentifier } from './schema-name.js';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';

const newId = createUlidGenerator();
let db: TestDatabase;
afterEach(() => db.close());

function items(n: number, tag: string): NewEvent[] {
  return Array.from({ length: n }, (_, i) => ({ type: 'ItemAdded', data: { sku: `${tag}-${i}` } }));
}

/** Ten application instances, each with a pool of its own, all ready before the race. */
async function instances(count = 10): Promise<PostgresEventStore[]> {
  db = testDatabase('race');
  const stores = Array.from({ length: count }, () => db.open({ poolSize: 1 }));
  await Promise.all(stores.map((store) => store.readAllPage({ maxCount: 1 })));
  return stores;
}

async function race(
  stores: readonly PostgresEventStore[],
  streamId: string,
  expectedVersion: ExpectedVersion,
  batch: (writer: number) => NewEvent[],
) {
  return Promise.allSettled(
    stores.map((store, writer) =>
      store.appendToStream(streamId, batch(writer), { expectedVersion }),
    ),
  );
}

async function streamRow(streamId: string): Promise<number | undefined> {
  const rows = await admin<{ version: string }>(
    `SELECT version FROM ${quoteIdentifier(db.schema)}.streams WHERE tenant_id = 'default' AND stream_id = $1`,
    [streamId],
  );
  return rows[0] === undefined ? undefined : Number(rows[0].version);
}

describe('concurrent appends from separate pools (A1-A3)', () => {
  it('10 appends at one expected version: exactly one wins; the losers leave nothing a reader could wait on', async () => {
    const stores = await instances();
    const streamId = 'cart-contended';
    await stores[0]!.appendToStream(streamId, items(1, 'first'));
    const before = (await stores[0]!.readAllPage({ maxCount: 100 })).checkpoint;

    const attempts = await race(stores, streamId, 1, (writer) => items(2, `writer${writer}`));
    const winners = attempts.flatMap((a, writer) => (a.status === 'fulfilled' ? [writer] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect(isConcurrencyError(attempt.reason), String(attempt.reason)).toBe(true);
        expect(attempt.reason).toMatchObject({ streamId, expected: 1, actual: 3 });
      }
    }
    const won = (attempts[winner] as PromiseFulfilledResult<AppendResult>).value;
    expect(won).toMatchObject({ firstVersion: 2, nextVersion: 3, created: false });

    const events = await toArray(stores[5]!.readStream(streamId));
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(events.slice(1).map((e) => (e.data as { sku: string }).sku)).toEqual([
      `writer${winner}-0`,
      `writer${winner}-1`,
    ]);
    expect(await streamRow(streamId)).toBe(3);

    // Nothing after the winner, nothing held back, nothing left to wait for.
    const page = await stores[9]!.readAllPage({ after: before, maxCount: 100 });
    expect(page.events.map((e) => e.eventId)).toEqual(events.slice(1).map((e) => e.eventId));
    expect(page).toMatchObject({ caughtUp: true, checkpoint: won.position });
    const lag = await stores[3]!.subscriptionLag(won.position);
    expect(lag).toMatchObject({ eventsBehind: 0, eventsHeldBack: 0, head: won.position });
    const [count] = await admin<{ n: string }>(
      `SELECT count(*) AS n FROM ${quoteIdentifier(db.schema)}.events`,
    );
    expect(Number(count!.n)).toBe(3);

    // The next correct append gets the next version and is the next event a reader sees.
    const next = await stores[7]!.appendToStream(streamId, items(1, 'next'), {
      expectedVersion: 3,
    });
    expect(next).toMatchObject({ firstVersion: 4, nextVersion: 4 });
    const after = await stores[2]!.readAllPage({ after: won.position, maxCount: 100 });
    expect(after.events.map((e) => e.version)).toEqual([4]);
  });

  it("10 first appends with 'no_stream': exactly one creates the stream", async () => {
    const stores = await instances();
    const attempts = await race(stores, 'cart-new', 'no_stream', (writer) =>
      items(1, `w${writer}`),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect(attempt.reason).toMatchObject({ code: 'CONCURRENCY_CONFLICT', actual: 1 });
      }
    }
    expect(await toArray(stores[0]!.readStream('cart-new'))).toHaveLength(1);
    expect(await streamRow('cart-new')).toBe(1);
  });

  it("10 appends with 'stream_exists' on an absent stream all fail and create nothing", async () => {
    const stores = await instances();
    const attempts = await race(stores, 'cart-absent', 'stream_exists', (w) => items(1, `w${w}`));
    for (const attempt of attempts) {
      expect(attempt.status).toBe('rejected');
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({ actual: 0 });
    }
    expect(await streamRow('cart-absent')).toBeUndefined();
  });

  it("10 appends with 'any' all land, with contiguous versions and distinct positions", async () => {
    const stores = await instances();
    const attempts = await race(stores, 'cart-any', 'any', (writer) => items(2, `w${writer}`));
    const results = attempts.map((a) => (a as PromiseFulfilledResult<AppendResult>).value);
    expect(results.map((r) => r.firstVersion).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => 2 * i + 1),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const events = await toArray(stores[0]!.readStream('cart-any'));
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.position)).size).toBe(20);
  });

  it('the same batch appended by 10 instances at once is written once; the others get the original result (A6)', async () => {
    const stores = await instances();
    // 'any' takes the insert path (a unique violation on the event id, then the comparison);
    // an exact version takes the failed-check path (the stored rows come back at once).
    for (const expectedVersion of ['any', 1] as const) {
      const streamId = `cart-retry-${expectedVersion}`;
      await stores[0]!.appendToStream(streamId, items(1, 'before'));
      const batch = items(3, 'retried').map((event) => ({ ...event, eventId: newId() }));
      const attempts = await race(stores, streamId, expectedVersion, () => batch);
      const results = attempts.map((a) => {
        expect(a.status, String((a as PromiseRejectedResult).reason)).toBe('fulfilled');
        return (a as PromiseFulfilledResult<AppendResult>).value;
      });
      const original = results.find((r) => !r.duplicate)!;
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      for (const result of results)
        expect(result).toEqual({ ...original, duplicate: result.duplicate });
      expect(original).toMatchObject({ firstVersion: 2, nextVersion: 4 });
      expect(await toArray(stores[1]!.readStream(streamId))).toHaveLength(4);
    }
  });
});
