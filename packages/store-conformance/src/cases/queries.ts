import {
  createProjectionQuery,
  createProjectionRunner,
  type EventStore,
  isProjectionLaggingError,
  isValidationError,
  type NewEvent,
  type Where,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { rejection } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';
import {
  appendRecords,
  queryRegistry,
  type RecordData,
  type RecordsProjection,
  recordsProjection,
} from '../query-fixtures.js';

const group = 'queries';

type Fields = NonNullable<ReturnType<typeof recordsProjection>['fields']>;

// The oracle below is written from the contract, independently of every store and of the
// kernel's reference evaluator: plain JavaScript over the records the test itself wrote.

/** Code point order, computed from code point arrays (not UTF-16 units). */
function codePointOrder(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

type Value = string | number | boolean | null;

/** Nulls first ascending; instants compared as times. */
function compare(a: Value, b: Value, instant = false): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (instant) return Date.parse(a as string) - Date.parse(b as string);
  if (typeof a === 'string') return codePointOrder(a, b as string);
  return Number(a) - Number(b);
}

interface QuerySpec {
  readonly where: Where<Fields>;
  /** True when the record matches (SQL three-valued logic: unknown does not match). */
  readonly matches: (record: RecordData) => boolean;
}

interface SortSpec {
  readonly orderBy: ReadonlyArray<{
    field: 'title' | 'area' | 'priority' | 'due' | 'at' | 'urgent';
    direction: 'asc' | 'desc';
  }>;
}

const areas = ['A', 'B', '中', 'ä'] as const;
const titles = ['a', 'B', 'é', '中', '😀', 'ﬀ', '', 'a b', 'Z'] as const;
const tagsPool = ['ROOT', 'MAJOR24', '治本'] as const;

const instant = fc
  .date({
    min: new Date('2023-01-01T00:00:00Z'),
    max: new Date('2025-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .chain((date) =>
    fc.constantFrom(
      date.toISOString(),
      // The same instant written in China Standard Time: stored fields are normalised to UTC.
      new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00'),
    ),
  );

const record = (key: string): fc.Arbitrary<RecordData> =>
  fc.record({
    key: fc.constant(key),
    title: fc.constantFrom(...titles),
    area: fc.option(fc.constantFrom(...areas), { nil: null }),
    priority: fc.option(fc.integer({ min: -3, max: 5 }), { nil: null }),
    due: fc.option(
      fc
        .date({ min: new Date('2024-01-01'), max: new Date('2024-03-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    at: fc.option(instant, { nil: null }),
    urgent: fc.option(fc.boolean(), { nil: null }),
    tags: fc.uniqueArray(fc.constantFrom(...tagsPool), { maxLength: 3 }),
  });

/** Writes and drops under a few keys: the state is the last write per key unless dropped. */
const history = fc.array(
  fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'kä', 'k中').chain((key) =>
    fc.oneof(
      {
        weight: 5,
        arbitrary: record(key).map((data) => ({ type: 'RecordPut', data }) as NewEvent),
      },
      { weight: 1, arbitrary: fc.constant({ type: 'RecordDropped', data: { key } } as NewEvent) },
    ),
  ),
  { minLength: 1, maxLength: 25 },
);

const querySpec: fc.Arbitrary<QuerySpec> = fc.oneof(
  fc.constant<QuerySpec>({ where: {}, matches: () => true }),
  fc
    .constantFrom(...areas)
    .map((area) => ({ where: { area }, matches: (r: RecordData) => r.area === area })),
  fc.subarray([...areas]).map((list) => ({
    where: { area: { in: list } },
    matches: (r: RecordData) => r.area !== null && list.includes(r.area as (typeof areas)[number]),
  })),
  fc.tuple(fc.integer({ min: -3, max: 5 }), fc.integer({ min: -3, max: 6 })).map(([low, high]) => ({
    where: { priority: { gte: low, lt: high } },
    matches: (r: RecordData) => r.priority !== null && r.priority >= low && r.priority < high,
  })),
  fc.boolean().map((isNull) => ({
    where: { due: { isNull } },
    matches: (r: RecordData) => (r.due === null) === isNull,
  })),
  fc.constantFrom(...tagsPool).map((tag) => ({
    where: { tags: { contains: tag } },
    matches: (r: RecordData) => r.tags.includes(tag),
  })),
  fc.constantFrom(...areas).map((area) => ({
    where: { or: [{ area }, { urgent: true }] },
    matches: (r: RecordData) => r.area === area || r.urgent === true,
  })),
  fc.constantFrom(...areas).map((area) => ({
    where: { not: { area } },
    matches: (r: RecordData) => r.area !== null && r.area !== area,
  })),
  instant.map((at) => ({
    where: { at: { lte: at }, urgent: false },
    matches: (r: RecordData) =>
      r.at !== null && Date.parse(r.at) <= Date.parse(at) && r.urgent === false,
  })),
  fc.constantFrom(...titles).map((title) => ({
    where: { title: { gt: title } },
    matches: (r: RecordData) => codePointOrder(r.title, title) > 0,
  })),
);

const sortSpec: fc.Arbitrary<SortSpec> = fc.constantFrom<SortSpec>(
  { orderBy: [] },
  { orderBy: [{ field: 'priority', direction: 'desc' }] },
  {
    orderBy: [
      { field: 'due', direction: 'asc' },
      { field: 'title', direction: 'desc' },
    ],
  },
  {
    orderBy: [
      { field: 'urgent', direction: 'asc' },
      { field: 'at', direction: 'desc' },
    ],
  },
  { orderBy: [{ field: 'title', direction: 'asc' }] },
  {
    orderBy: [
      { field: 'area', direction: 'desc' },
      { field: 'priority', direction: 'asc' },
    ],
  },
);

/** The records the events leave, by key. */
function replay(events: readonly NewEvent[]): RecordData[] {
  const state = new Map<string, RecordData>();
  for (const event of events) {
    const data = event.data as RecordData;
    if (event.type === 'RecordDropped') state.delete(data.key);
    else state.set(data.key, data);
  }
  return [...state.values()];
}

function naiveSort(records: readonly RecordData[], sort: SortSpec): RecordData[] {
  return [...records].sort((a, b) => {
    for (const { field, direction } of sort.orderBy) {
      const order = compare(a[field], b[field], field === 'at');
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    return codePointOrder(a.key, b.key);
  });
}

/** The same records with no scalar field indexed on its own (only the composite index). */
const leanRecords = () => recordsProjection({ name: 'records-lean', ownIndexes: false });

async function pageAll(
  store: EventStore,
  where: Where<Fields>,
  sort: SortSpec,
  limit: number,
  projection: RecordsProjection = recordsProjection(),
): Promise<string[]> {
  const query = createProjectionQuery(store, projection);
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await query.find({
      where,
      orderBy: sort.orderBy,
      limit,
      ...(cursor === undefined ? {} : { cursor }),
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (cursor === undefined) return ids;
  }
  throw new Error('paging did not end');
}

/**
 * One property run: the store's answers to `queries` equal a naive replay of the whole log, for
 * each of `projections` (all fed the same events).
 */
async function checkRun(
  store: EventStore,
  events: readonly NewEvent[],
  queries: readonly (readonly [QuerySpec, SortSpec, number])[],
  log: NewEvent[],
  projections: readonly RecordsProjection[] = [recordsProjection()],
): Promise<void> {
  await appendRecords(store, events, log.length, projections);
  log.push(...events);
  const records = replay(log);
  for (const projection of projections) await checkAnswers(store, records, queries, projection);
}

async function checkAnswers(
  store: EventStore,
  records: readonly RecordData[],
  queries: readonly (readonly [QuerySpec, SortSpec, number])[],
  projection: RecordsProjection,
): Promise<void> {
  const query = createProjectionQuery(store, projection);
  for (const [spec, sort, limit] of queries) {
    const expected = naiveSort(records.filter(spec.matches), sort).map((r) => r.key);
    expect(await pageAll(store, spec.where, sort, limit, projection), projection.name).toEqual(
      expected,
    );
    expect(await query.count({ where: spec.where })).toBe(expected.length);

    const matching = records.filter(spec.matches);
    const groups = await query.group({
      by: ['area', 'urgent'],
      where: spec.where,
      measures: {
        all: { count: true },
        prioritised: { count: true, where: { priority: { gte: 1 } } },
        total: { sum: 'priority' },
      },
    });
    const naive = new Map<
      string,
      { key: [Value, Value]; all: number; prioritised: number; total: number }
    >();
    for (const r of matching) {
      const key: [Value, Value] = [r.area, r.urgent];
      const text = JSON.stringify(key);
      const entry = naive.get(text) ?? { key, all: 0, prioritised: 0, total: 0 };
      entry.all += 1;
      if (r.priority !== null && r.priority >= 1) entry.prioritised += 1;
      entry.total += r.priority ?? 0;
      naive.set(text, entry);
    }
    const expectedGroups = [...naive.values()]
      .sort((a, b) => compare(a.key[0], b.key[0]) || compare(a.key[1], b.key[1]))
      .map(({ key, all, prioritised, total }) => ({
        key: { area: key[0], urgent: key[1] },
        measures: { all, prioritised, total },
      }));
    expect(groups).toEqual(expectedGroups);
  }
}

/** A record written then dropped: the projection runs and prepares its columns, holding nothing. */
const putAndDrop: NewEvent[] = [
  {
    type: 'RecordPut',
    data: {
      key: 'gone',
      title: '',
      area: null,
      priority: null,
      due: null,
      at: null,
      urgent: null,
      tags: [],
    },
  },
  { type: 'RecordDropped', data: { key: 'gone' } },
];

/**
 * The S7 query property: random histories, each folded by `projections` in a store of its own,
 * then random filters, sorts and page sizes, each answer equal to a naive replay.
 */
async function queryProperty(
  context: Parameters<ConformanceCase['run']>[0],
  projections: () => readonly RecordsProjection[],
): Promise<void> {
  // Runs share one database, so the log keeps every earlier run's events: the oracle replays
  // all of them.
  const log: NewEvent[] = [];
  await fc.assert(
    fc.asyncProperty(
      history,
      fc.array(fc.tuple(querySpec, sortSpec, fc.integer({ min: 1, max: 4 })), {
        minLength: 1,
        maxLength: 4,
      }),
      async (events, queries) => {
        // One store per run, closed at its end: forty open pools would exhaust the server's
        // connection slots while other suites share it.
        const store = await context.open({ registry: queryRegistry() });
        try {
          await checkRun(store, events, queries, log, projections());
        } finally {
          await store.close();
        }
      },
    ),
    { numRuns: context.scale.modelRuns },
  );
}

export const queryCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'S7 filters, sorts, keyset pages, counts and groups equal a naive recomputation (property)',
    run: (context) => queryProperty(context, () => [recordsProjection()]),
  },
  {
    group,
    name: 'S7 fields without their own index (ownIndex false) filter, sort, page, count and group like indexed ones (property)',
    // Both projections fold the same events; each must equal the naive replay.
    run: (context) => queryProperty(context, () => [recordsProjection(), leanRecords()]),
  },
  {
    group,
    name: 'S7 keyset paging under concurrent writes never repeats or skips an unchanged document',
    async run(context) {
      const store = await context.open({ registry: queryRegistry() });
      const base: RecordData = {
        key: '',
        title: 't',
        area: 'A',
        priority: 0,
        due: null,
        at: null,
        urgent: null,
        tags: [],
      };
      const put = (key: string, priority: number): NewEvent => ({
        type: 'RecordPut',
        data: { ...base, key, priority },
      });
      const first = Array.from({ length: 20 }, (_, i) =>
        put(`s${String(i).padStart(2, '0')}`, i % 5),
      );
      await appendRecords(store, first, 0);
      const query = createProjectionQuery(store, recordsProjection());
      const orderBy = [{ field: 'priority', direction: 'asc' } as const];
      const seen: string[] = [];
      let page = await query.find({ orderBy, limit: 6 });
      seen.push(...page.items.map((i) => i.id));
      // Between pages: new documents before and after the cursor, and one deleted ahead of it.
      const between: NewEvent[] = [
        put('n-low', -1),
        put('n-high', 9),
        put('s03', 3),
        { type: 'RecordDropped', data: { key: 's19' } },
      ];
      await appendRecords(store, between, first.length);
      while (page.nextCursor !== undefined) {
        page = await query.find({ orderBy, limit: 6, cursor: page.nextCursor });
        seen.push(...page.items.map((i) => i.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      const unchanged = first
        .map((e) => (e.data as RecordData).key)
        .filter((k) => k !== 's19' && k !== 's03');
      for (const key of unchanged) expect(seen).toContain(key);
      expect(seen).toContain('n-high');
      expect(seen).not.toContain('n-low');
      expect(seen).not.toContain('s19');
    },
  },
  {
    group,
    name: 'S7 empty results: no rows, no cursor, zero counts, one empty ungrouped group',
    async run(context) {
      const store = await context.open({ registry: queryRegistry() });
      await appendRecords(store, putAndDrop, 0);
      const query = createProjectionQuery(store, recordsProjection());
      expect(await query.find({ where: { area: 'nowhere' } })).toEqual({
        items: [],
        nextCursor: undefined,
      });
      expect(await query.count()).toBe(0);
      expect(await query.group({ by: ['area'], measures: { n: { count: true } } })).toEqual([]);
      expect(
        await query.group({ measures: { n: { count: true }, s: { sum: 'priority' } } }),
      ).toEqual([{ key: {}, measures: { n: 0, s: 0 } }]);
      expect(await query.find({ where: { area: { in: [] } } })).toEqual({
        items: [],
        nextCursor: undefined,
      });
    },
  },
  {
    group,
    name: 'S7 text sorts and compares by Unicode code point on every store',
    async run(context) {
      const store = await context.open({ registry: queryRegistry() });
      const base: RecordData = {
        key: '',
        title: '',
        area: null,
        priority: null,
        due: null,
        at: null,
        urgent: null,
        tags: [],
      };
      // U+FB00 sorts before U+1F600 by code point, after it by UTF-16 unit.
      const words = ['😀', 'ﬀ', 'é', 'e', 'E', '中文', '中', 'z', 'Ω'];
      await appendRecords(
        store,
        words.map((title, i) => ({
          type: 'RecordPut',
          data: { ...base, key: `u${i}`, title, tags: [title] },
        })),
        0,
      );
      const query = createProjectionQuery(store, recordsProjection());
      const page = await query.find({ orderBy: ['title'], limit: 20 });
      expect(page.items.map((i) => i.document.title)).toEqual([
        'E',
        'e',
        'z',
        'é',
        'Ω',
        '中',
        '中文',
        'ﬀ',
        '😀',
      ]);
      expect((await query.find({ where: { title: '中文' } })).items.map((i) => i.id)).toEqual([
        'u5',
      ]);
      expect(
        (await query.find({ where: { tags: { contains: '😀' } } })).items.map((i) => i.id),
      ).toEqual(['u0']);
      expect(await query.count({ where: { title: { gt: 'ﬀ' } } })).toBe(1);
    },
  },
  {
    group,
    name: 'S7 a bad filter, sort, measure or cursor is a ValidationError naming the field',
    async run(context) {
      const store = await context.open({ registry: queryRegistry() });
      await appendRecords(store, putAndDrop, 0);
      const query = createProjectionQuery(store, recordsProjection()) as any;
      const cases: Array<[string, () => Promise<unknown>]> = [
        ['colour', () => query.find({ where: { colour: 'red' } })],
        ['priority', () => query.find({ where: { priority: 'high' } })],
        ['priority', () => query.find({ where: { priority: 1.5 } })],
        ['due', () => query.find({ where: { due: { lt: '2024-02-30' } } })],
        ['at', () => query.count({ where: { at: { gte: 'yesterday' } } })],
        ['tags', () => query.find({ where: { tags: 'ROOT' } })],
        ['area', () => query.find({ where: { area: { contains: 'A' } } })],
        ['area', () => query.find({ where: { area: { like: 'A%' } } })],
        ['area', () => query.find({ where: { area: null } })],
        ['tags', () => query.find({ orderBy: ['tags'] })],
        ['measures.bad', () => query.group({ measures: { bad: { sum: 'title' } } })],
        [
          'by',
          () => query.group({ by: ['area', 'urgent', 'title'], measures: { n: { count: true } } }),
        ],
        ['cursor', () => query.find({ cursor: 'not-a-cursor' })],
        ['limit', () => query.find({ limit: 0 })],
      ];
      for (const [field, attempt] of cases) {
        const error = await rejection(attempt);
        expect(isValidationError(error), `${field}: ${String(error)}`).toBe(true);
        expect((error as Error).message).toContain(`"${field}"`);
      }
      const page = await query.find({ orderBy: ['title'], limit: 1 });
      expect(page.nextCursor).toBeUndefined();
    },
  },
  {
    group,
    name: 'S7 changing indexed fields needs a new version; the new version rebuilds its columns',
    async run(context) {
      const store = await context.open({ registry: queryRegistry() });
      const base: RecordData = {
        key: 'x',
        title: 'x',
        area: 'A',
        priority: 1,
        due: '2024-01-02',
        at: null,
        urgent: true,
        tags: [],
      };
      await appendRecords(store, [{ type: 'RecordPut', data: base }], 0);
      // Same version, different fields: the store has no columns for them.
      const changed = recordsProjection({ withDue: false });
      const lagging = await rejection(createProjectionQuery(store, changed).count());
      expect(isProjectionLaggingError(lagging)).toBe(true);
      // A new version rebuilds from the start and gets its own columns.
      const next = recordsProjection({ version: 2, withDue: false });
      const runner = createProjectionRunner({ store, projections: [next], pollIntervalMs: 5 });
      await runner.catchUp();
      await runner.stop();
      expect(await createProjectionQuery(store, next).count({ where: { area: 'A' } })).toBe(1);
    },
  },
];
