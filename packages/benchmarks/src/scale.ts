import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHazardFigures,
  createHazardLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  type EventStore,
  type NewEvent,
} from '@safeledger/core';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

// Scale measurements of the hazard read models (issue: query side). Usage:
//   pnpm --filter @safeledger/benchmarks exec tsx --conditions=@safeledger/source src/scale.ts <hazards>
// Writes synthetic hazards (5 events each), catches the hazard ledger up from zero, then times
// a filtered sorted page of 50, a cohort rate with asOf and a grouped rate by area, and prints
// the query plans. Run with PG_URL set to include PostgreSQL; SCALE_PROFILE=<file> also writes a
// CPU profile of the catch-up.

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00+08:00');
const AREAS = Array.from({ length: 20 }, (_, i) => `area-${i}`);

/** A deterministic pseudo-random generator, so every run writes the same hazards. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function hazard(i: number, next: () => number): NewEvent[] {
  const id = `h${i.toString(36).padStart(6, '0')}`;
  const reg = START + Math.floor(next() * 365) * DAY + Math.floor(next() * DAY);
  const at = (offsetDays: number) => new Date(reg + offsetDays * DAY).toISOString();
  const deadline = new Date(reg + 8 * 3_600_000 + Math.floor(next() * 30) * DAY)
    .toISOString()
    .slice(0, 10);
  const base = (offset: number) => ({ hazardId: id, occurredAt: at(offset) });
  const events: NewEvent[] = [
    {
      type: 'HazardRegistered',
      data: {
        ...base(0),
        subject: { kind: 'enterprise', id: `e${i % 5000}` },
        areaId: AREAS[i % AREAS.length],
        sectorCode: 'C',
        nature: 'unsafe_condition',
        grade: next() < 0.02 ? 'major' : 'general',
        majorBasis: null,
        source: next() < 0.6 ? 'self_inspection' : 'regulator_inspection',
        campaignIds: next() < 0.3 ? ['ROOT'] : [],
        supervisingOrgId: 'org-1',
        deadline,
      },
    },
  ];
  const done = next();
  if (done < 0.9) {
    const c = Math.floor(next() * 40);
    events.push({ type: 'RectificationCompleted', data: { ...base(c), completedAt: at(c) } });
    events.push({ type: 'VerificationRequested', data: { ...base(c + 1), purpose: 'closure' } });
    if (done < 0.85) {
      events.push({
        type: 'RectificationVerified',
        data: { ...base(c + 3), outcome: 'passed', kind: 'internal_check' },
      });
      events.push({ type: 'HazardClosed', data: { ...base(c + 3), basisVerificationVersion: 4 } });
    }
  }
  return events;
}

async function time<T>(label: string, action: () => Promise<T>, repeat = 5): Promise<T> {
  let result: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    result = await action();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label}: median ${samples[Math.floor(repeat / 2)]!.toFixed(1)} ms`);
  return result as T;
}

/**
 * How the benchmark groups its appends. PostgreSQL: `inFlight` appends open at once over the
 * pool, each its own transaction. SQLite: the store runs on a connection the benchmark owns
 * (a documented source), and `around` wraps each chunk of appends in one outer transaction;
 * better-sqlite3 turns the store's own per-append transactions into savepoints inside it, so
 * every append still runs the store's checks and writes, but the chunk pays one commit.
 */
/** One statement the store ran, with its parameters. */
interface Ran {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The field-table statements the stores run, recorded so the printed plans are those of the
 * very queries timed (not a hand-written look-alike). Recording wraps the drivers' query entry
 * points in this process only.
 */
const ran: Ran[] = [];
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const [config, values] = args as [unknown, unknown];
  const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
  if (typeof text === 'string' && /pf_[0-9a-f]/.test(text) && /^\s*SELECT/i.test(text)) {
    const params = Array.isArray(values)
      ? values
      : ((config as { values?: unknown[] }).values ?? []);
    ran.push({ sql: text, params });
  }
  return pgQuery.apply(this, args);
} as typeof pg.Client.prototype.query;
const sqlitePrepare = BetterSqlite3.prototype.prepare;
BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, sql: string) {
  const statement = sqlitePrepare.call(this, sql);
  if (!/pf_/.test(sql) || !/^\s*SELECT/i.test(sql)) return statement;
  for (const method of ['all', 'get'] as const) {
    const original = statement[method].bind(statement) as (...params: unknown[]) => unknown;
    (statement as any)[method] = (...params: unknown[]) => {
      ran.push({ sql, params });
      return original(...params);
    };
  }
  return statement;
} as typeof BetterSqlite3.prototype.prepare;

/** Runs `action` and returns the field-table statements it ran. */
async function recording(action: () => Promise<unknown>): Promise<Ran[]> {
  ran.length = 0;
  await action();
  return [...ran];
}

interface SeedPlan {
  /** Events already written by an earlier run (reused data): seeding is skipped. */
  readonly written?: () => Promise<number>;
  readonly chunk: number;
  readonly inFlight: number;
  readonly around: (appends: () => Promise<unknown>) => Promise<unknown>;
}

/**
 * Wall time spent in the store calls of a catch-up (reading events, loading documents,
 * committing), so the report can say whether the store or the projection's JavaScript limits it.
 */
function timePhases(store: EventStore) {
  const spent = new Map<string, number>();
  // The longest single call: for commits, the one at the head that built the field indexes.
  const longest = new Map<string, number>();
  const restore: Array<() => void> = [];
  const wrap = (target: any, method: string, label: string) => {
    const original = target[method];
    target[method] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original.apply(target, args);
      } finally {
        const took = performance.now() - started;
        spent.set(label, (spent.get(label) ?? 0) + took);
        longest.set(label, Math.max(longest.get(label) ?? 0, took));
      }
    };
    restore.push(() => {
      target[method] = original;
    });
  };
  wrap(store, 'readAllPage', 'read events');
  wrap(store.projections, 'loadDocuments', 'load documents');
  wrap(store.projections, 'commit', 'commit');
  return {
    stop: () => {
      for (const undo of restore) undo();
    },
    report: () =>
      [...spent]
        .map(
          ([label, ms]) =>
            `${label} ${(ms / 1000).toFixed(1)} s (longest call ${((longest.get(label) ?? 0) / 1000).toFixed(2)} s)`,
        )
        .join(', '),
  };
}

/**
 * With a path, a CPU profile of the catch-up alone (open it in Chrome's DevTools), so what
 * limits the catch-up is not mixed with the seeding before it or the queries after it.
 */
async function profileTo(path: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (path === undefined) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = await post('Profiler.stop');
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
      console.log(`  CPU profile of the catch-up written to ${path}`);
    },
  };
}

async function measure(
  name: string,
  store: EventStore,
  hazards: number,
  explain: (statement: Ran) => Promise<string>,
  seed: SeedPlan,
  settle: () => Promise<void> = async () => {},
) {
  console.log(`\n## ${name}: ${hazards} hazards`);
  const next = random(42);
  let events = 0;
  let started = performance.now();
  if (seed.written !== undefined) {
    events = await seed.written();
    console.log(`  reusing ${events} events written by an earlier run`);
  } else {
    // Seeding goes through the public append API (one `appendToStream` per hazard stream), so
    // every envelope is written and checked by the store itself; `seed` says how appends are
    // grouped (see `SeedPlan`).
    for (let first = 0; first < hazards; first += seed.chunk) {
      const last = Math.min(hazards, first + seed.chunk);
      let index = first;
      const writer = async () => {
        while (index < last) {
          const i = index++;
          const batch = hazard(i, next);
          events += batch.length;
          await store.appendToStream(`hazard-h${i.toString(36).padStart(6, '0')}`, batch);
        }
      };
      await seed.around(() => Promise.all(Array.from({ length: seed.inFlight }, writer)));
    }
    console.log(
      `  wrote ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const policy = createSupervisionPolicy();
  const projection = createHazardLedgerProjection(policy);
  const runner = createProjectionRunner({ store, projections: [projection], batchSize: 2000 });
  started = performance.now();
  // CPU time of this process as well as wall time: on a shared machine the wall time mostly
  // measures the neighbours. (PostgreSQL's own CPU is not in it.)
  const cpu = process.cpuUsage();
  const phases = timePhases(store);
  const profiler = await profileTo(process.env.SCALE_PROFILE);
  await runner.catchUp({ timeoutMs: 3_600_000 });
  await profiler.stop();
  phases.stop();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  await runner.stop();
  console.log(`  catch-up wall time by store call: ${phases.report()}`);
  console.log(
    `  ledger catch-up: ${(events / seconds).toFixed(0)} events/s (${seconds.toFixed(1)} s wall; ${cpuSeconds.toFixed(1)} s CPU of this process, ${(events / cpuSeconds).toFixed(0)} events per CPU-second)`,
  );
  await settle();
  const figures = createHazardFigures({ store, policy });
  const asOf = '2024-12-31T23:59:59+08:00';
  // The cohort is every hazard registered in 2024: at 100,000 hazards that is the issue's
  // cohort of 100,000.
  const q1 = { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' };
  const page = () =>
    figures.ledger.find({
      where: { areaId: 'area-3', closedAt: { isNull: true }, deadline: { lt: '2024-12-31' } },
      orderBy: [{ field: 'deadline', direction: 'asc' }],
      limit: 50,
    });
  const cohortRate = () => figures.rectificationRate({ asOf, period: q1 });
  const byArea = () =>
    figures.rectificationRateBy('areaId', {
      asOf,
      period: { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' },
    });
  await time('overdue page of 50 in one area, most overdue first', page);
  const cohort = await time(
    'cohort rectification rate (hazards found in 2024) as of T',
    cohortRate,
  );
  console.log(`    cohort size ${cohort.found}, rectified ${cohort.rectified}`);
  // The cohort of 100,000 inside a larger ledger: registrations are spread evenly over
  // the year, so the first days holding about 100,000 of them.
  const days = Math.min(365, Math.ceil((365 * 100_000) / hazards));
  const firstDays = {
    from: '2024-01-01T00:00:00+08:00',
    to: new Date(Date.parse('2024-01-01T00:00:00+08:00') + days * DAY).toISOString(),
  };
  const cohortOf100k = () => figures.rectificationRate({ asOf, period: firstDays });
  const smaller = await time(
    `cohort rectification rate (hazards found in the first ${days} days of 2024) as of T`,
    cohortOf100k,
  );
  console.log(`    cohort size ${smaller.found}, rectified ${smaller.rectified}`);
  await time('rectification rate by area (all of 2024) as of T', byArea);
  for (const [label, action] of [
    ['page', page],
    ['cohort rate', cohortRate],
    ['cohort rate of about 100,000', cohortOf100k],
    ['rate by area', byArea],
  ] as const) {
    for (const statement of await recording(action)) {
      console.log(`  ${label}: ${statement.sql.replace(/\s+/g, ' ')}`);
      console.log(`    params: ${JSON.stringify(statement.params)}`);
      console.log(await explain(statement));
    }
  }
}

async function main() {
  const hazards = Number(process.argv[2] ?? 10_000);
  // SCALE_STORES=sqlite or =postgres measures one store only.
  const only = process.env.SCALE_STORES;
  if (only !== 'postgres') await measureSqlite(hazards);
  if (only !== 'sqlite') await measurePostgres(hazards);
}

async function measureSqlite(hazards: number) {
  const dir = mkdtempSync(join(tmpdir(), 'safeledger-scale-'));
  try {
    const path = join(dir, 'scale.db');
    const connection = new BetterSqlite3(path);
    // A page cache big enough for the ledger's field indexes: the default 2 MB thrashes once
    // the field table outgrows it.
    connection.pragma('cache_size = -524288');
    const store = createSqliteEventStore(
      { database: connection },
      { wal: true, synchronous: 'NORMAL' },
    );
    await measure(
      'SQLite',
      store,
      hazards,
      async ({ sql, params }) => {
        const plan = connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params);
        return plan.map((row: any) => `    plan: ${row.detail}`).join('\n');
      },
      {
        chunk: 5_000,
        inFlight: 1,
        around: async (appends) => {
          connection.exec('BEGIN IMMEDIATE');
          try {
            await appends();
            connection.exec('COMMIT');
          } catch (error) {
            connection.exec('ROLLBACK');
            throw error;
          }
        },
      },
    );
    await store.close();
    connection.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measurePostgres(hazards: number) {
  const url = process.env.PG_URL;
  if (url === undefined) {
    console.log('\nPG_URL not set: PostgreSQL not measured');
    return;
  }
  // SCALE_PG_SCHEMA=<schema> reuses the events of an earlier run's schema (kept, not dropped)
  // and rebuilds its ledger from zero, so a catch-up can be measured again without seeding.
  const reused = process.env.SCALE_PG_SCHEMA;
  const schema = reused ?? `scale_${Date.now().toString(36)}`;
  const store = createPostgresEventStore({ connectionString: url }, { schema });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await measure(
      'PostgreSQL',
      store,
      hazards,
      async ({ sql, params }) => {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
        return plan.rows.map((r) => `    plan: ${r['QUERY PLAN']}`).join('\n');
      },
      {
        chunk: 10_000,
        inFlight: 32,
        around: (appends) => appends(),
        ...(reused === undefined ? {} : { written: () => forgetLedger(client, schema) }),
      },
      // What autovacuum does to a settled table, done at once: statistics for the planner and
      // the visibility map that lets covering indexes answer without visiting the table.
      async () => {
        const { rows } = await client.query(
          `SELECT table_name FROM ${schema}.projection_field_tables`,
        );
        await client.query(`VACUUM ANALYZE ${schema}."${rows[0].table_name}"`);
        await client.query(`VACUUM ANALYZE ${schema}.projection_documents`);
      },
    );
  } finally {
    await store.close();
    if (reused === undefined) await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
}

/**
 * Drops every projection's documents, field tables and checkpoints from a reused schema, so the
 * ledger is built from zero into a new field table; returns the number of events kept.
 */
async function forgetLedger(client: pg.Client, schema: string): Promise<number> {
  const { rows } = await client.query(`SELECT table_name FROM ${schema}.projection_field_tables`);
  for (const { table_name } of rows) await client.query(`DROP TABLE ${schema}."${table_name}"`);
  for (const table of [
    'projection_field_tables',
    'projection_documents',
    'projection_checkpoints',
    'projection_leases',
  ]) {
    await client.query(`DELETE FROM ${schema}.${table}`);
  }
  await client.query(`VACUUM ANALYZE ${schema}.projection_documents`);
  const [{ n }] = (await client.query(`SELECT count(*)::integer AS n FROM ${schema}.events`)).rows;
  return n;
}

await main();
