import { mkdtempSync, rmSync } from 'node:fs';
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
// the query plans. Run with PG_URL set to include PostgreSQL.

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

async function measure(
  name: string,
  store: EventStore,
  hazards: number,
  explain: (sql: string) => Promise<string>,
) {
  console.log(`\n## ${name}: ${hazards} hazards`);
  const next = random(42);
  let events = 0;
  let started = performance.now();
  for (let i = 0; i < hazards; i++) {
    const batch = hazard(i, next);
    events += batch.length;
    await store.appendToStream(`hazard-h${i.toString(36).padStart(6, '0')}`, batch);
  }
  console.log(`  wrote ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const policy = createSupervisionPolicy();
  const projection = createHazardLedgerProjection(policy);
  const runner = createProjectionRunner({ store, projections: [projection], batchSize: 2000 });
  started = performance.now();
  await runner.catchUp({ timeoutMs: 3_600_000 });
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  console.log(
    `  ledger catch-up: ${(events / seconds).toFixed(0)} events/s (${seconds.toFixed(1)} s)`,
  );
  const figures = createHazardFigures({ store, policy });
  const asOf = '2024-12-31T23:59:59+08:00';
  const q1 = { from: '2024-01-01T00:00:00+08:00', to: '2024-03-01T00:00:00+08:00' };
  await time('overdue page of 50 in one area, most overdue first', () =>
    figures.ledger.find({
      where: { areaId: 'area-3', closedAt: { isNull: true }, deadline: { lt: '2024-12-31' } },
      orderBy: [{ field: 'deadline', direction: 'asc' }],
      limit: 50,
    }),
  );
  const cohort = await time('cohort rectification rate (hazards found in Jan-Feb) as of T', () =>
    figures.rectificationRate({ asOf, period: q1 }),
  );
  console.log(`    cohort size ${cohort.found}, rectified ${cohort.rectified}`);
  await time('rectification rate by area (all of 2024) as of T', () =>
    figures.rectificationRateBy('areaId', {
      asOf,
      period: { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' },
    }),
  );
  console.log(await explain(projection.name));
}

async function main() {
  const hazards = Number(process.argv[2] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'safeledger-scale-'));
  try {
    const path = join(dir, 'scale.db');
    const store = createSqliteEventStore({ path });
    await measure('SQLite', store, hazards, async () => {
      const db = new BetterSqlite3(path, { readonly: true });
      const table = db
        .prepare('SELECT table_name FROM safeledger_projection_field_tables')
        .pluck()
        .get() as string;
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT t.id FROM "${table}" t WHERE t."areaId" = 'area-3' AND t."closedAt" IS NULL AND t."deadline" < '2024-12-31' ORDER BY t."deadline", t.id LIMIT 51`,
        )
        .all()
        .map((row: any) => `    page plan: ${row.detail}`)
        .join('\n');
      const cohort = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM "${table}" t WHERE t."registeredAt" >= '2023-12-31T16:00:00.000Z' AND t."registeredAt" < '2024-02-29T16:00:00.000Z'`,
        )
        .all()
        .map((row: any) => `    cohort plan: ${row.detail}`)
        .join('\n');
      db.close();
      return `${plan}\n${cohort}`;
    });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.PG_URL;
  if (url === undefined) {
    console.log('\nPG_URL not set: PostgreSQL not measured');
    return;
  }
  const schema = `scale_${Date.now().toString(36)}`;
  const store = createPostgresEventStore({ connectionString: url }, { schema });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await measure('PostgreSQL', store, hazards, async () => {
      const { rows } = await client.query(
        `SELECT table_name FROM ${schema}.projection_field_tables`,
      );
      const table = `${schema}."${rows[0].table_name}"`;
      await client.query(`ANALYZE ${table}`);
      const page = await client.query(
        `EXPLAIN SELECT t.id FROM ${table} t WHERE t.tenant_id = 'default' AND t."areaId" = 'area-3' AND t."closedAt" IS NULL AND t."deadline" < '2024-12-31' ORDER BY t."deadline" NULLS FIRST, t.id LIMIT 51`,
      );
      const cohort = await client.query(
        `EXPLAIN SELECT COUNT(*) FROM ${table} t WHERE t.tenant_id = 'default' AND t."registeredAt" >= '2023-12-31T16:00:00.000Z' AND t."registeredAt" < '2024-02-29T16:00:00.000Z'`,
      );
      return [
        ...page.rows.map((r) => `    page plan: ${r['QUERY PLAN']}`),
        ...cohort.rows.map((r) => `    cohort plan: ${r['QUERY PLAN']}`),
      ].join('\n');
    });
  } finally {
    await store.close();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
}

await main();
