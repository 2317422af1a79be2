import { createUlidGenerator, type StoredEvent, toArray } from '@safeledger/core';
import { eventually } from '@safeledger/store-conformance';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresEventStore } from './create-postgres-event-store.js';
import { quoteIdentifier } from './schema-name.js';
import { pgUrl, type TestDatabase, testDatabase } from './test-support/database.js';

const newId = createUlidGenerator();
const WRITERS = 16;
const APPENDS_PER_WRITER = 250;
const ROUNDS = 5;

let databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.map((db) => db.close()));
  databases = [];
});
function database(label: string): TestDatabase {
  const db = testDatabase(label);
  databases.push(db);
  return db;
}

/** Reads the global log page by page, resuming from each checkpoint on alternating stores. */
async function pageThrough(
  stores: readonly PostgresEventStore[],
  after: string | undefined,
  collected: StoredEvent[],
): Promise<string | undefined> {
  let checkpoint = after;
  for (let page = 0; ; page++) {
    const result = await stores[page % stores.length]!.readAllPage({
      after: checkpoint,
      maxCount: 17,
    });
    collected.push(...result.events);
    checkpoint = result.checkpoint;
    if (result.caughtUp) return checkpoint;
  }
}

async function raceRound(round: number): Promise<void> {
  const db = database(`race${round}`);
  // Four application instances write, two more read; each has its own pool.
  const writers = Array.from({ length: 4 }, () => db.open({ poolSize: 4 }));
  const reader = db.open({ poolSize: 2 });
  const pager = [db.open({ poolSize: 2 }), db.open({ poolSize: 2 })];
  await Promise.all(
    [...writers, reader, ...pager].map((store) => store.readAllPage({ maxCount: 1 })),
  );

  const seen: StoredEvent[] = [];
  const disorder: string[] = [];
  const subscription = reader.subscribe({ pollIntervalMs: 5, batchSize: 50 }, (event) => {
    const previous = seen[seen.length - 1];
    if (previous !== undefined && !(event.position > previous.position)) {
      disorder.push(`${event.position} after ${previous.position}`);
    }
    seen.push(event);
  });
  // A second reader that pages and resumes from its checkpoints while the writers run, and
  // afterwards until it has everything: a committed event can stay invisible for as long as an
  // older transaction anywhere in the cluster is open, so "caught up" is not "has it all".
  const paged: StoredEvent[] = [];
  let writing = true;
  const total = WRITERS * APPENDS_PER_WRITER;
  const paging = (async () => {
    let checkpoint: string | undefined;
    while (writing) checkpoint = await pageThrough(pager, checkpoint, paged);
    const deadline = Date.now() + 60_000;
    while (paged.length < total && Date.now() < deadline) {
      checkpoint = await pageThrough(pager, checkpoint, paged);
    }
  })();

  const shared = `shared-r${round}`;
  const written: string[] = [];
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      const store = writers[writer % writers.length]!;
      const own = `private-r${round}w${writer}`;
      for (let i = 0; i < APPENDS_PER_WRITER; i++) {
        // Alternate a contended stream ('any') with an uncontended one (exact versions).
        const onShared = i % 2 === 0;
        const result = await store.appendToStream(
          onShared ? shared : own,
          [{ type: onShared ? 'SharedNoted' : 'PrivateNoted', data: { writer, i } }],
          { expectedVersion: onShared ? 'any' : (i - 1) / 2 },
        );
        written.push(result.position);
      }
    }),
  );
  writing = false;
  await paging;

  await eventually(
    () => seen.length >= total,
    `round ${round}: the subscriber to see ${total} events (saw ${seen.length})`,
    60_000,
  );
  await subscription.stop();

  expect(disorder, `round ${round}: out-of-order deliveries`).toEqual([]);
  expect(seen).toHaveLength(total);
  expect(new Set(seen.map((event) => event.eventId)).size).toBe(total);
  expect(new Set(seen.map((event) => event.position))).toEqual(new Set(written));
  const all = await toArray(reader.readAll());
  expect(all.map((event) => event.eventId)).toEqual(seen.map((event) => event.eventId));
  expect(paged.map((event) => event.eventId)).toEqual(seen.map((event) => event.eventId));
  const versions = (await toArray(reader.readStream(shared))).map((event) => event.version);
  expect(versions).toEqual(Array.from({ length: total / 2 }, (_, i) => i + 1));
}

/** Calls the append function on a raw connection, so the test decides when it commits. */
async function appendInOpenTransaction(
  client: pg.Client,
  schema: string,
  streamId: string,
  type: string,
): Promise<void> {
  await client.query('BEGIN');
  const occurredAt = new Date().toISOString();
  const batch = [{ i: newId(), t: type, v: 1, d: { from: 'raw' }, m: { occurredAt } }];
  const [row] = (
    await client.query(
      `SELECT * FROM ${quoteIdentifier(schema)}.append_events($1, $2, $3, $4::jsonb, $5)`,
      ['default', streamId, 0, JSON.stringify(batch), occurredAt],
    )
  ).rows;
  expect(row.kind).toBe('ok');
}

async function rawClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  return client;
}

describe('R1 gap safety', () => {
  it(`${WRITERS} writers × ${APPENDS_PER_WRITER} appends with a live subscriber, ${ROUNDS} rounds: every event exactly once, in position order`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      await raceRound(round);
      // Each round holds seven stores (pools and listen connections); closing them before the
      // next round keeps the five rounds within the server's connection slots.
      await Promise.all(databases.map((db) => db.close()));
      databases = [];
    }
  }, 240_000);

  it('a transaction that appended first and commits last is not skipped by a reader', async () => {
    const db = database('interleave');
    const writer = db.open();
    const reader = db.open();
    await writer.appendToStream('setup-1', [{ type: 'Setup', data: {} }]);
    const start = (await reader.readAllPage({ maxCount: 100 })).checkpoint;
    const live: StoredEvent[] = [];
    const subscription = reader.subscribe({ after: start, pollIntervalMs: 5 }, (event) => {
      live.push(event);
    });

    const a = await rawClient();
    try {
      // Writer A appends in a transaction it keeps open; writer B appends and commits.
      await appendInOpenTransaction(a, db.schema, 'left-1', 'LeftNoted');
      const b = await writer.appendToStream('right-1', [{ type: 'RightNoted', data: {} }]);

      // B is committed but sits behind A's open transaction: nobody may read past A yet.
      const during = await reader.readAllPage({ after: start, maxCount: 100 });
      expect(during.events).toEqual([]);
      expect(during.caughtUp).toBe(true);
      expect(during.checkpoint).toBe(start);
      const filtered = await reader.readAllPage({
        after: start,
        maxCount: 100,
        types: ['LeftNoted'],
      });
      expect(filtered.events).toEqual([]);
      expect(filtered.checkpoint).toBe(start);
      const byCategory = await reader.readAllPage({
        after: start,
        maxCount: 100,
        categories: ['right'],
      });
      expect(byCategory.events).toEqual([]);
      expect(byCategory.checkpoint).toBe(start);
      const [{ pid }] = (await a.query('SELECT pg_backend_pid() AS pid')).rows;
      // B is committed and held back; A's own event is not committed yet, so not counted.
      const lag = await reader.subscriptionLag(start);
      expect(lag).toMatchObject({ eventsBehind: 0, eventsHeldBack: 1, head: start });
      expect(lag.oldestTransaction).toMatchObject({ pid, state: 'idle in transaction' });
      // Give the live subscription (polling every 5 ms) time to move past A if it could.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(live).toEqual([]);

      await a.query('COMMIT');
      const after = await reader.readAllPage({ after: during.checkpoint, maxCount: 100 });
      expect(after.events.map((event) => event.streamId)).toEqual(['left-1', 'right-1']);
      expect(after.events[0]!.position < b.position).toBe(true);
      expect(after.checkpoint).toBe(b.position);
      await eventually(() => live.length === 2, 'the subscription to deliver both events');
      expect(live.map((event) => event.streamId)).toEqual(['left-1', 'right-1']);
      // A filtered reader that had checkpointed at `start` still finds A's event.
      const left = await reader.readAllPage({ after: start, maxCount: 100, types: ['LeftNoted'] });
      expect(left.events.map((event) => event.streamId)).toEqual(['left-1']);
      expect(left.checkpoint).toBe(b.position);
    } finally {
      await subscription.stop();
      await a.end();
    }
  });

  it('a page that reaches a held-back end waits a little for it; with visibilityWaitMs 0 it does not', async () => {
    const db = database('visibility');
    const writer = db.open();
    const patient = db.open({ visibilityWaitMs: 30_000 });
    const impatient = db.open({ visibilityWaitMs: 0 });
    await writer.appendToStream('setup-1', [{ type: 'Setup', data: {} }]);
    const start = (await patient.readAllPage({ maxCount: 10 })).checkpoint;
    const older = await rawClient();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      const appended = await writer.appendToStream('late-1', [{ type: 'Late', data: {} }]);
      expect((await impatient.readAllPage({ after: start, maxCount: 10 })).events).toEqual([]);
      let settled = false;
      const waiting = patient.readAllPage({ after: start, maxCount: 10 }).finally(() => {
        settled = true;
      });
      // Still waiting for the open transaction rather than returning the stale end.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBe(false);
      await older.query('COMMIT');
      const page = await waiting;
      expect(page.events.map((event) => event.position)).toEqual([appended.position]);
    } finally {
      await older.end();
    }
  });

  it('a transaction that appended and rolls back holds readers only while it is open', async () => {
    const db = database('rollback');
    const writer = db.open();
    const reader = db.open();
    await writer.appendToStream('setup-1', [{ type: 'Setup', data: {} }]);
    const start = (await reader.readAllPage({ maxCount: 100 })).checkpoint;
    const a = await rawClient();
    try {
      await appendInOpenTransaction(a, db.schema, 'doomed-1', 'Doomed');
      const b = await writer.appendToStream('kept-1', [{ type: 'Kept', data: {} }]);
      expect((await reader.readAllPage({ after: start, maxCount: 10 })).events).toEqual([]);
      await a.query('ROLLBACK');
      const page = await reader.readAllPage({ after: start, maxCount: 10 });
      expect(page.events.map((event) => event.streamId)).toEqual(['kept-1']);
      expect(page.checkpoint).toBe(b.position);
      expect(await toArray(reader.readStream('doomed-1'))).toEqual([]);
      // The stream the rolled-back transaction created does not exist.
      await writer.appendToStream('doomed-1', [{ type: 'Doomed', data: {} }], {
        expectedVersion: 'no_stream',
      });
    } finally {
      await a.end();
    }
  });

  it('positions follow the order in which appending transactions took their ids', async () => {
    const db = database('order');
    const writer = db.open();
    const reader = db.open();
    await writer.appendToStream('setup-1', [{ type: 'Setup', data: {} }]);
    const start = (await reader.readAllPage({ maxCount: 100 })).checkpoint;
    const a = await rawClient();
    try {
      // A opens a transaction but writes nothing yet, so it has no transaction id: B, which
      // appends meanwhile, comes first in the log although A began first.
      await a.query('BEGIN');
      await a.query('SELECT 1');
      await writer.appendToStream('second-1', [{ type: 'Noted', data: {} }]);
      const occurredAt = new Date().toISOString();
      await a.query(
        `SELECT * FROM ${quoteIdentifier(db.schema)}.append_events($1, $2, $3, $4::jsonb, $5)`,
        [
          'default',
          'first-1',
          0,
          JSON.stringify([{ i: newId(), t: 'Noted', v: 1, d: {}, m: { occurredAt } }]),
          occurredAt,
        ],
      );
      await a.query('COMMIT');
      const events = await toArray(reader.readAll({ after: start }));
      expect(events.map((event) => event.streamId)).toEqual(['second-1', 'first-1']);
    } finally {
      await a.end();
    }
  });

  it('two appends in one transaction get distinct, ordered positions', async () => {
    const db = database('twice');
    const store = db.open();
    await store.appendToStream('setup-1', [{ type: 'Setup', data: {} }]);
    const a = await rawClient();
    try {
      await appendInOpenTransaction(a, db.schema, 'one-1', 'Noted');
      const occurredAt = new Date().toISOString();
      await a.query(
        `SELECT * FROM ${quoteIdentifier(db.schema)}.append_events($1, $2, $3, $4::jsonb, $5)`,
        [
          'default',
          'two-1',
          0,
          JSON.stringify([
            { i: newId(), t: 'Noted', v: 1, d: {}, m: { occurredAt } },
            { i: newId(), t: 'Noted', v: 1, d: {}, m: { occurredAt } },
          ]),
          occurredAt,
        ],
      );
      await a.query('COMMIT');
      const events = await toArray(store.readAll());
      expect(events.map((event) => event.streamId)).toEqual(['setup-1', 'one-1', 'two-1', 'two-1']);
      const positions = events.map((event) => event.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(4);
    } finally {
      await a.end();
    }
  });
});
