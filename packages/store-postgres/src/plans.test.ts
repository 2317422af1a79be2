import { createUlidGenerator } from '@safeledger/core';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { run } from './database.js';
import { quoteIdentifier } from './schema-name.js';
import { buildStatements } from './statements.js';
import { admin, pgUrl, type TestDatabase, testDatabase } from './test-support/database.js';

const newId = createUlidGenerator();
let db: TestDatabase;
afterEach(() => db.close());

/**
 * Buffers a statement touches, as EXPLAIN (ANALYZE, BUFFERS) counts them (a function call's
 * inner statements included).
 */
async function buffersOf(
  client: pg.ClientBase,
  sql: string,
  params: readonly unknown[] = [],
): Promise<number> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, [
    ...params,
  ]);
  const plan = rows[0]['QUERY PLAN'][0].Plan;
  return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
}

/** Buffers one append touches. */
function appendBuffers(client: pg.Client, schema: string, expected: number): Promise<number> {
  const occurredAt = new Date().toISOString();
  const batch = [{ i: newId(), t: 'Noted', v: 1, d: {}, m: { occurredAt } }];
  return buffersOf(
    client,
    `SELECT * FROM ${quoteIdentifier(schema)}.append_events($1, $2, $3, $4::jsonb, $5)`,
    ['default', 'hot-1', expected, JSON.stringify(batch), occurredAt],
  );
}

// Plans inside the append function are cached per connection. One cached while the tables were
// empty must still be a probe, not a walk through the tenant's log, once they have grown.
it('an append on a connection whose plans were cached on empty tables stays cheap as the tables grow', async () => {
  db = testDatabase('plans');
  const store = db.open();
  await store.migrate();
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  try {
    // Generic plans from the first call on, as a long-lived pooled connection ends up with.
    await client.query('SET plan_cache_mode = force_generic_plan');
    for (let version = 0; version < 10; version++) {
      await appendBuffers(client, db.schema, version);
      // And the failed-check path (a stale expected version): it looks the batch's ids up.
      await appendBuffers(client, db.schema, version);
    }
    const s = quoteIdentifier(db.schema);
    await client.query(
      `INSERT INTO ${s}.events (tenant_id, event_id, epoch, xid, seq, stream_id, version, type,
         schema_version, data, metadata, recorded_at)
       SELECT 'default', 'bulk-' || g, 1, pg_current_xact_id(), g, 'bulk-' || (g % 500), g, 'Noted',
         1, '{}', '{}', now()
       FROM generate_series(1, 20000) g`,
    );
    await client.query(
      `INSERT INTO ${s}.streams (tenant_id, stream_id, version)
       SELECT 'default', 'cold-' || g, 1 FROM generate_series(1, 5000) g`,
    );
    // Exact version (the stream row update), 'any' (the upsert) and a stale version (the id
    // lookup before reporting the conflict): all stay small.
    expect(await appendBuffers(client, db.schema, 10)).toBeLessThan(100);
    expect(await appendBuffers(client, db.schema, -1)).toBeLessThan(100);
    expect(await appendBuffers(client, db.schema, 3)).toBeLessThan(100);
  } finally {
    await client.end();
  }
});

it('a command id lookup is an index probe, with a generic plan on a grown table', async () => {
  db = testDatabase('plans');
  const store = db.open();
  await store.migrate();
  const s = quoteIdentifier(db.schema);
  await admin(
    `INSERT INTO ${s}.events (tenant_id, event_id, epoch, xid, seq, stream_id, version, type,
       schema_version, data, metadata, recorded_at)
     SELECT 'default', 'bulk-' || g, 1, pg_current_xact_id(), g, 'bulk-' || (g % 50), g, 'Noted',
       1, '{}', jsonb_build_object('commandId', 'cmd-' || g), now()
     FROM generate_series(1, 20000) g`,
  );
  await admin(`ANALYZE ${s}.events`);
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  try {
    // Generic plans, as a long-lived pooled connection ends up with for prepared statements.
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(
      `PREPARE lookup (text, text, text) AS ${buildStatements(db.schema).commandEvents.text}`,
    );
    const { rows } = await client.query(
      "EXPLAIN (FORMAT JSON) EXECUTE lookup ('default', 'bulk-7', 'cmd-107')",
    );
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(plan).toContain('"Index Name":"events_command"');
    expect(plan).not.toContain('"Node Type":"Sort"');
  } finally {
    await client.end();
  }
});

/** Fills the documents table of `projection` behind the planner's back (no ANALYZE). */
async function growDocuments(schema: string, projection: string, count: number): Promise<void> {
  await admin(
    `INSERT INTO ${quoteIdentifier(schema)}.projection_documents (tenant_id, projection, id, document)
     SELECT 'default', $1, 'doc-' || g, '{}' FROM generate_series(1, $2::integer) g`,
    [projection, count],
  );
}

// A projection commit with nothing to delete must not walk the projection's documents: with a
// plan cached while the table was empty, `id = ANY (deletes)` was a filter over every document
// of the projection instead of an index condition, so each commit of a long replay cost more
// than the one before.
it('a projection commit on a connection whose plans were cached on an empty table stays cheap as the documents grow', async () => {
  db = testDatabase('plans');
  const store = db.open();
  await store.migrate();
  await store.projections.reset('ledger', 1);
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  const s = quoteIdentifier(db.schema);
  let position = 0;
  const commitBuffers = async (deletes: string[]) => {
    const at = (n: number) => (n === 0 ? null : `p-${String(n).padStart(8, '0')}`);
    const buffers = await buffersOf(
      client,
      `SELECT * FROM ${s}.projection_commit('default', 'ledger', 1, $1, $2, 'active', NULL, now(),
         $3::jsonb, $4::text[])`,
      [at(position), at(position + 1), JSON.stringify({ [`new-${position}`]: {} }), deletes],
    );
    position++;
    return buffers;
  };
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    for (let i = 0; i < 6; i++) await commitBuffers(i % 2 === 0 ? [] : ['gone']);
    await growDocuments(db.schema, 'ledger', 20_000);
    expect(await commitBuffers([])).toBeLessThan(100);
    expect(await commitBuffers(['doc-17'])).toBeLessThan(100);
  } finally {
    await client.end();
  }
});

// Loading a page's documents probes the primary key once per id: with `id = ANY (ids)` (or a
// plain join to the unnested ids), a plan made while the documents table was empty, or from
// statistics that lag a growing table, walked every document of the projection (1.1 s for 450
// ids among 300,000 documents, against 8 ms).
it('a document load on a connection whose plans were cached on an empty table stays cheap as the documents grow', async () => {
  db = testDatabase('plans');
  const store = db.open();
  await store.migrate();
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  const load = buildStatements(db.schema).documentsLoad;
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE load (text, text, text[]) AS ${load.text}`);
    const loadBuffers = async (ids: string[]) => {
      // EXECUTE takes no bind parameters; the ids are plain test strings.
      const array = `ARRAY[${ids.map((id) => `'${id}'`).join(', ')}]`;
      return buffersOf(client, `EXECUTE load ('default', 'ledger', ${array})`);
    };
    for (let i = 0; i < 6; i++) await loadBuffers(['doc-1']);
    await growDocuments(db.schema, 'ledger', 20_000);
    expect(await loadBuffers(['doc-1', 'doc-2', 'doc-19999'])).toBeLessThan(100);
    const loaded = await run(client, load, ['default', 'ledger', ['doc-1', 'doc-2', 'absent']]);
    expect(loaded.map((row) => row.id).sort()).toEqual(['doc-1', 'doc-2']);
  } finally {
    await client.end();
  }
});

// A page of the global log starts at the reader's position. With `epoch = bound` in the same
// scan, the B-tree started at the epoch's first event and tested the position row by row, so a
// catch-up's reads grew with the log (433 ms and 24,000 buffers per page of 2,000 at the
// 4,000,000th event of a 4,500,000-event log).
it('a global-log page far into the log reads from the position, not from the start of the epoch', async () => {
  db = testDatabase('plans');
  const store = db.open();
  await store.migrate();
  await store.appendToStream('seed-1', [{ type: 'Noted', data: {} }]);
  const s = quoteIdentifier(db.schema);
  await admin(
    `INSERT INTO ${s}.events (tenant_id, event_id, epoch, xid, seq, stream_id, version, type,
       schema_version, data, metadata, recorded_at)
     SELECT 'default', 'bulk-' || g, 1, (1000 + g)::text::xid8, 1, 'bulk-' || (g % 500), g,
       'Noted', 1, '{}', '{}', now()
     FROM generate_series(1, 50000) g`,
  );
  await admin(`ANALYZE ${s}.events`);
  const statements = buildStatements(db.schema);
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  const pageBuffers = (text: string) => {
    const parameters = Math.max(...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    return buffersOf(client, text, ['default', 1, '50000', 1, 100, ['Noted']].slice(0, parameters));
  };
  // A hundred events after the 49,000th (one per transaction, as appends write them): a few
  // index and heap pages, not the 49,000 entries before them.
  try {
    expect(await pageBuffers(statements.readAllFiltered.text)).toBeLessThan(100);
    expect(await pageBuffers(statements.readAll.text)).toBeLessThan(100);
  } finally {
    await client.end();
  }
});
