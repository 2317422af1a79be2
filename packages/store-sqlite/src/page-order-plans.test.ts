import {
  createHazardFigures,
  createHazardLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  type EventStore,
  type NewEvent,
} from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';

// A page of the hazard ledger sorted by one field, unfiltered or filtered only by fields
// without an index of their own, must be read along the field's `(field, id)` index and stop
// after the page: never the whole ledger joined to its documents and sorted. SQLite runs here
// without statistics (the store never runs ANALYZE), as a fresh deployment does.

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

let db: Database.Database;
let store: EventStore;
let table: string;
let rows: Row[];
const ran: Ran[] = [];

beforeAll(async () => {
  db = new Database(':memory:');
  // Records the page statements the store prepares and runs, with their parameters.
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!sql.startsWith('SELECT t.id AS id')) return statement;
    const all = statement.all.bind(statement);
    (statement as unknown as { all: typeof all }).all = ((...params: unknown[]) => {
      ran.push({ sql, params });
      return all(...params);
    }) as typeof all;
    return statement;
  }) as typeof db.prepare;
  store = createSqliteEventStore({ database: db });
  for (let i = 0; i < HAZARDS; i++) {
    await store.appendToStream(`hazard-h${String(i).padStart(5, '0')}`, [registration(i)]);
  }
  const policy = createSupervisionPolicy();
  const runner = createProjectionRunner({
    store,
    projections: [createHazardLedgerProjection(policy)],
    batchSize: 1_000,
  });
  await runner.catchUp({ timeoutMs: 120_000 });
  await runner.stop();
  table = db
    .prepare(
      "SELECT table_name FROM safeledger_projection_field_tables WHERE name = 'hazard-ledger'",
    )
    .pluck()
    .get() as string;
  rows = db
    .prepare(`SELECT id, deadline, registeredAt, source, subjectKind FROM "${table}"`)
    .all() as Row[];
}, 180_000);

afterAll(async () => {
  await store.close();
  db.close();
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

/** One line of `EXPLAIN QUERY PLAN`: lines nest under their parent's id. */
interface PlanLine {
  readonly id: number;
  readonly parent: number;
  readonly detail: string;
}

/** A page statement's plan: the lines picking the page (inside `t`), and the join after it. */
interface PagePlan {
  readonly page: string[];
  readonly join: string[];
}

/** Runs page one and two through the ledger query; returns their statements' plans. */
async function pages(field: Field, direction: Direction, filter: Filter): Promise<PagePlan[]> {
  const figures = createHazardFigures({ store, policy: createSupervisionPolicy() });
  const query = {
    ...(filter === undefined ? {} : { where: filter }),
    orderBy: [{ field, direction }],
    limit: 50,
  };
  ran.length = 0;
  const first = await figures.ledger.find(query);
  const second = await figures.ledger.find({ ...query, cursor: first.nextCursor! });
  // The same rows as a plain sort of the ledger, so the plans below are of real pages.
  expect(first.items.map((item) => item.id)).toEqual(expectedPage(field, direction, filter, 0));
  expect(second.items.map((item) => item.id)).toEqual(expectedPage(field, direction, filter, 50));
  expect(ran).toHaveLength(2);
  return ran.map(({ sql, params }) => {
    const lines = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as PlanLine[];
    const inside = new Set(lines.filter((line) => line.detail === 'CO-ROUTINE t').map((l) => l.id));
    for (const line of lines) if (inside.has(line.parent)) inside.add(line.id);
    return {
      page: lines.filter((line) => inside.has(line.parent)).map((line) => line.detail),
      join: lines.filter((line) => line.parent === 0 && !inside.has(line.id)).map((l) => l.detail),
    };
  });
}

/**
 * The page is picked along the sort field's own index, never by reading the whole table (a
 * bare `SCAN t`), and its rows are then looked up in the documents one by one by name and id
 * with no sort after the join. An ascending key needs no sort at all. A descending key either
 * sorts the ids of equal values only (SQLite's `LAST TERM`; ties break by ascending id), or,
 * filtered by fields without an index, reads the range from the page's least value on and
 * sorts that range.
 */
function expectIndexWalk({ page, join }: PagePlan, field: Field, direction: Direction): void {
  const index = new RegExp(`^(SCAN|SEARCH) t USING (COVERING )?INDEX ${table}_i_${field}\\b`);
  expect(page.some((line) => index.test(line))).toBe(true);
  expect(page).not.toContain('SCAN t');
  if (direction === 'asc' || !page.includes('USE TEMP B-TREE FOR ORDER BY')) {
    expect(page).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  } else {
    expect(page).toContain(`SEARCH t USING INDEX ${table}_i_${field} (${field}>?)`);
  }
  expect(join).toEqual([
    'SCAN t',
    'SEARCH d USING INDEX sqlite_autoindex_safeledger_projection_documents_1 (name=? AND id=?)',
  ]);
}

describe('a ledger page sorted by one field reads its index in order (SQLite)', () => {
  it.each([
    ['deadline', 'asc'],
    ['registeredAt', 'asc'],
    ['deadline', 'desc'],
    ['registeredAt', 'desc'],
  ] as const)('no filter, by %s %s: pages one and two', async (field, direction) => {
    for (const plan of await pages(field, direction, undefined)) {
      expectIndexWalk(plan, field, direction);
      expect(plan.page).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    }
  });

  it.each([
    ['deadline', 'asc', { source: 'regulator_inspection' }],
    ['registeredAt', 'asc', { subjectKind: 'enterprise' }],
    ['deadline', 'desc', { subjectKind: 'venue' }],
    ['registeredAt', 'desc', { source: 'self_inspection' }],
  ] as const)(
    'by %s %s, filtered by %o (no index of its own): pages one and two',
    async (field, direction, filter) => {
      for (const plan of await pages(field, direction, filter))
        expectIndexWalk(plan, field, direction);
    },
  );

  it('page two of an ascending sort starts at the cursor instead of walking page one again', async () => {
    const [, second] = await pages('deadline', 'asc', { source: 'self_inspection' });
    expect(second!.page).toContain(`SEARCH t USING INDEX ${table}_i_deadline (deadline>?)`);
  });
});
