import {
  createHazardFigures,
  createHazardLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  type EventStore,
  type NewEvent,
} from '@safeledger/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from './schema-name.js';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';

// A page of the hazard ledger sorted by one field, unfiltered or filtered only by fields
// without an index of their own, must be read along the field's `(tenant_id, field, id)` index
// and stop after the page: never the whole ledger joined to its documents and sorted. The
// field table has statistics (ANALYZE), the documents table none yet, as after a rebuild.

const HAZARDS = 3_000;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** One registration; deadlines fall on 400 dates, so about seven hazards share each one. */
function registration(i: number): NewEvent {
  const hazardId = `h${String(i).padStart(5, '0')}`;
  return {
    type: 'HazardRegistered',
    data: {
      hazardId,
      occurredAt: new Date(START + i * 3_600_000).toISOString(),
      subject: { kind: i % 3 === 0 ? 'venue' : 'enterprise', id: `e${i % 50}` },
      areaId: `area-${i % 20}`,
      sectorCode: 'C',
      nature: 'unsafe_condition',
      grade: 'general',
      majorBasis: null,
      source: i % 5 < 3 ? 'self_inspection' : 'regulator_inspection',
      campaignIds: [],
      supervisingOrgId: 'org-1',
      deadline: new Date(START + ((i * 7_919) % 400) * DAY).toISOString().slice(0, 10),
    },
  };
}

interface Ran {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A ledger row as the field table holds it, to recompute a page independently. */
interface Row {
  readonly id: string;
  readonly deadline: string;
  readonly registeredAt: string;
  readonly source: string;
  readonly subjectKind: string;
}

/** One node of an `EXPLAIN (FORMAT JSON)` plan. */
interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Relation Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

let db: TestDatabase;
let store: EventStore;
let table: string;
let rows: Row[];
const ran: Ran[] = [];
const query = pg.Client.prototype.query;

beforeAll(async () => {
  // Records the page statements the store runs, with their parameters.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args as [{ text?: unknown; values?: unknown[] } | string];
    if (typeof config === 'object' && String(config.text).startsWith('SELECT t.id AS id')) {
      ran.push({ sql: String(config.text), params: config.values ?? [] });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  db = testDatabase('page_order');
  store = db.open();
  let next = 0;
  const writer = async () => {
    while (next < HAZARDS) {
      const i = next++;
      await store.appendToStream(`hazard-h${String(i).padStart(5, '0')}`, [registration(i)]);
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
  const policy = createSupervisionPolicy();
  const runner = createProjectionRunner({
    store,
    projections: [createHazardLedgerProjection(policy)],
    batchSize: 1_000,
  });
  await runner.catchUp({ timeoutMs: 120_000 });
  await runner.stop();
  const s = quoteIdentifier(db.schema);
  const [registered] = await admin<{ table_name: string }>(
    `SELECT table_name FROM ${s}.projection_field_tables WHERE name = 'hazard-ledger'`,
  );
  table = registered!.table_name;
  await admin(`ANALYZE ${s}."${table}"`);
  rows = await admin<Row>(
    `SELECT id, deadline, "registeredAt", source, "subjectKind" FROM ${s}."${table}"`,
  );
}, 180_000);

afterAll(async () => {
  pg.Client.prototype.query = query;
  await db.close();
});

type Field = 'deadline' | 'registeredAt';
type Direction = 'asc' | 'desc';
type Filter = { readonly source: string } | { readonly subjectKind: string } | undefined;

/** The page recomputed from the field table's rows (no nulls here: every row has both keys). */
function expectedPage(field: Field, direction: Direction, filter: Filter, skip: number) {
  const [[column, value] = []] = Object.entries(filter ?? {});
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .filter((row) => column === undefined || row[column as keyof Row] === value)
    .sort((a, b) =>
      a[field] !== b[field] ? (a[field] < b[field] ? -sign : sign) : a.id < b.id ? -1 : 1,
    )
    .slice(skip, skip + 50)
    .map((row) => row.id);
}

/** Every node of a plan, depth first. */
function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Runs page one and two through the ledger query; returns their statements' plan nodes. */
async function pages(field: Field, direction: Direction, filter: Filter): Promise<PlanNode[][]> {
  const figures = createHazardFigures({ store, policy: createSupervisionPolicy() });
  const request = {
    ...(filter === undefined ? {} : { where: filter }),
    orderBy: [{ field, direction }],
    limit: 50,
  };
  ran.length = 0;
  const first = await figures.ledger.find(request);
  const second = await figures.ledger.find({ ...request, cursor: first.nextCursor! });
  // The same rows as a plain sort of the ledger, so the plans below are of real pages.
  expect(first.items.map((item) => item.id)).toEqual(expectedPage(field, direction, filter, 0));
  expect(second.items.map((item) => item.id)).toEqual(expectedPage(field, direction, filter, 50));
  expect(ran).toHaveLength(2);
  const plans: PlanNode[][] = [];
  for (const { sql, params } of ran) {
    const [row] = await admin<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      [...params],
    );
    plans.push(nodes(row!['QUERY PLAN'][0]!.Plan));
  }
  return plans;
}

/**
 * The field table is read along the sort field's own index, the documents are probed by their
 * key, and nothing sorts the whole walk: a descending key may only sort the ids of equal values
 * (an incremental sort), since ties break by ascending id.
 */
function expectIndexWalk(plan: PlanNode[], field: Field): void {
  const types = plan.map((node) => node['Node Type']);
  expect(types).not.toContain('Sort');
  expect(types).not.toContain('Seq Scan');
  expect(types).not.toContain('Bitmap Heap Scan');
  const scans = plan.filter((node) => node['Relation Name'] === table);
  expect(scans.map((node) => node['Index Name'])).toEqual([`${table}_i_${field}`]);
  const documents = plan.filter((node) => node['Relation Name'] === 'projection_documents');
  expect(documents.map((node) => node['Index Name'])).toEqual(['projection_documents_pkey']);
}

describe('a ledger page sorted by one field reads its index in order (PostgreSQL)', () => {
  it.each([
    ['deadline', 'asc'],
    ['registeredAt', 'asc'],
    ['deadline', 'desc'],
    ['registeredAt', 'desc'],
  ] as const)('no filter, by %s %s: pages one and two', async (field, direction) => {
    for (const plan of await pages(field, direction, undefined)) expectIndexWalk(plan, field);
  });

  it.each([
    ['deadline', 'asc', { source: 'regulator_inspection' }],
    ['registeredAt', 'desc', { source: 'self_inspection' }],
    ['deadline', 'desc', { subjectKind: 'venue' }],
    ['registeredAt', 'asc', { subjectKind: 'enterprise' }],
  ] as const)(
    'by %s %s, filtered by %o (no index of its own): pages one and two',
    async (field, direction, filter) => {
      for (const plan of await pages(field, direction, filter)) expectIndexWalk(plan, field);
    },
  );
});
