import {
  createProjectionQuery,
  type EventStore,
  isValidationError,
  type NewEvent,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { rejection } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';
import {
  appendRecords,
  queryRegistry,
  type RecordData,
  recordsProjection,
} from '../query-fixtures.js';

const group = 'queries';

// The oracle is plain JavaScript over the records the test wrote, independent of the stores and
// of the kernel's reference evaluator: distinct non-null values, instants compared as times.

type Value = string | number | boolean | null;

const areas = ['A', 'B', '中'] as const;
// Values that differ only in case, width or normal form stay distinct (code point equality).
const titles = ['a', 'A', 'é', 'é', 'ﬀ', 'ff', '', '😀'] as const;

const record = (key: string): fc.Arbitrary<RecordData> =>
  fc.record({
    key: fc.constant(key),
    title: fc.constantFrom(...titles),
    area: fc.option(fc.constantFrom(...areas), { nil: null }),
    priority: fc.option(fc.integer({ min: -2, max: 3 }), { nil: null }),
    due: fc.option(fc.constantFrom('2024-01-01', '2024-02-29', '2024-12-31'), { nil: null }),
    // The same instant in UTC and in China Standard Time is one value.
    at: fc.option(
      fc.constantFrom(
        '2024-03-01T00:00:00.000Z',
        '2024-03-01T08:00:00.000+08:00',
        '2024-03-02T00:00:00.000Z',
      ),
      { nil: null },
    ),
    urgent: fc.option(fc.boolean(), { nil: null }),
    tags: fc.constant([]),
  });

const history = fc.array(
  fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8').chain((key) =>
    fc.oneof(
      {
        weight: 5,
        arbitrary: record(key).map((data) => ({ type: 'RecordPut', data }) as NewEvent),
      },
      { weight: 1, arbitrary: fc.constant({ type: 'RecordDropped', data: { key } } as NewEvent) },
    ),
  ),
  { minLength: 1, maxLength: 20 },
);

const fields = ['title', 'area', 'priority', 'due', 'at', 'urgent'] as const;
type Field = (typeof fields)[number];

function replay(events: readonly NewEvent[]): RecordData[] {
  const state = new Map<string, RecordData>();
  for (const event of events) {
    const data = event.data as RecordData;
    if (event.type === 'RecordDropped') state.delete(data.key);
    else state.set(data.key, data);
  }
  return [...state.values()];
}

function distinct(records: readonly RecordData[], field: Field): number {
  const values = records
    .map((r): Value => r[field])
    .filter((v) => v !== null)
    .map((v) => (field === 'at' ? String(Date.parse(v as string)) : `${typeof v}:${String(v)}`));
  return new Set(values).size;
}

const runRecords = (store: EventStore, events: readonly NewEvent[], appended: number) =>
  appendRecords(store, events, appended, recordsProjection({ name: 'distinct-records' }));

/** Conformance cases of the distinct-count measure of `group` (S7). */
export const distinctCountCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'S7 distinct counts per group, plain and conditional, equal a naive recomputation (property)',
    async run(context) {
      // Runs share one database, so the oracle replays every earlier run's events too.
      const log: NewEvent[] = [];
      await fc.assert(
        fc.asyncProperty(history, fc.integer({ min: -2, max: 3 }), async (events, low) => {
          // One store per run, closed at its end (shared connection slots).
          const store = await context.open({ registry: queryRegistry() });
          try {
            await runRecords(store, events, log.length);
            log.push(...events);
            const records = replay(log);
            const query = createProjectionQuery(
              store,
              recordsProjection({ name: 'distinct-records' }),
            );
            const measures = Object.fromEntries(
              fields.flatMap((field) => [
                [field, { countDistinct: field }],
                [`${field}High`, { countDistinct: field, where: { priority: { gte: low } } }],
              ]),
            );
            const expectedMeasures = (members: readonly RecordData[]) =>
              Object.fromEntries(
                fields.flatMap((field) => [
                  [field, distinct(members, field)],
                  [
                    `${field}High`,
                    distinct(
                      members.filter((r) => r.priority !== null && r.priority >= low),
                      field,
                    ),
                  ],
                ]),
              );
            expect(await query.group({ measures })).toEqual([
              { key: {}, measures: expectedMeasures(records) },
            ]);
            const byArea = await query.group({ by: ['area'], measures });
            const keys = [...new Set(records.map((r) => r.area))].sort((a, b) =>
              a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0,
            );
            expect(byArea).toEqual(
              keys.map((area) => ({
                key: { area },
                measures: expectedMeasures(records.filter((r) => r.area === area)),
              })),
            );
          } finally {
            await store.close();
          }
        }),
        { numRuns: context.scale.modelRuns },
      );
    },
  },
  {
    group,
    name: 'S7 a distinct count of a text array or unknown field is rejected naming the measure',
    async run(context) {
      const store = await context.open({ registry: queryRegistry() });
      const query = createProjectionQuery(store, recordsProjection({ name: 'distinct-records' }));
      for (const field of ['tags', 'nowhere']) {
        const error = await rejection(query.group({ measures: { bad: { countDistinct: field } } }));
        expect(isValidationError(error)).toBe(true);
        expect(String((error as Error).message)).toContain('measures.bad');
      }
    },
  },
];
