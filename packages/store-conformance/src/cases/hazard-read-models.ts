import {
  createHazardFigures,
  createHazardLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  HAZARD_LEDGER,
  type HazardFigureFilter,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { projectOnce, visibleLog } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';
import {
  cst,
  DAY,
  dayDiff,
  endOf,
  expectRebuildEqualsIncremental,
  historyWriter,
  iso,
  plusDays,
  type Raw,
} from '../read-model-fixtures.js';

const group = 'hazard read models';

// The oracle below recomputes every figure from the raw events the test wrote, following the
// formulas of domain spec §5 literally, in China Standard Time (UTC+8, no daylight saving).

const START = Date.parse('2024-01-01T00:00:00+08:00');
const regulatorSources = new Set([
  'regulator_inspection',
  'enforcement_inspection',
  'spot_check',
  'handover',
  'petition',
]);

/** One hazard's plausible life, as events with increasing business times. */
const hazardHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      regDay: fc.integer({ min: 0, max: 400 }),
      regMinute: fc.integer({ min: 0, max: 1439 }),
      area: fc.constantFrom('A', 'B', '中'),
      grade: fc.constantFrom('general', 'major'),
      source: fc.constantFrom('self_inspection', 'regulator_inspection', 'patrol'),
      campaigns: fc.subarray(['ROOT', 'MAJOR24']),
      kind: fc.constantFrom('enterprise', 'venue'),
      deadlineIn: fc.integer({ min: 0, max: 40 }),
      regrade: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      extend: fc.option(
        fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 30 })),
        { nil: undefined },
      ),
      report: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      end: fc.oneof(
        fc.constant({ kind: 'none' as const }),
        fc.record({ kind: fc.constant('void' as const), after: fc.integer({ min: 0, max: 20 }) }),
        fc.record({
          kind: fc.constant('life' as const),
          complete: fc.integer({ min: 0, max: 60 }),
          request: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
          verify: fc.option(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), {
            nil: undefined,
          }),
          close: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        }),
      ),
    })
    .map((h) => {
      let t = START + h.regDay * DAY + h.regMinute * 60_000;
      const base = (type: string, extra: Record<string, unknown>): Raw => ({
        type,
        data: { hazardId: id, occurredAt: iso(t), ...extra },
      });
      const deadline = plusDays(cst(t), h.deadlineIn);
      const events: Raw[] = [
        base('HazardRegistered', {
          subject: { kind: h.kind, id: `s-${id}` },
          areaId: h.area,
          sectorCode: null,
          nature: 'unsafe_condition',
          grade: h.grade,
          majorBasis: h.grade === 'major' ? { standardId: 'X', clause: '1' } : null,
          source: h.source,
          campaignIds: h.campaigns,
          supervisingOrgId: 'org-1',
          deadline,
        }),
      ];
      const later = (days: number) => {
        t += days * DAY + 3_600_000;
      };
      if (h.report !== undefined) {
        later(h.report);
        events.push(base('MajorHazardReported', {}));
      }
      if (h.regrade !== undefined) {
        later(h.regrade);
        const to = h.grade === 'major' ? 'general' : 'major';
        events.push(base('HazardRegraded', { from: h.grade, to, basis: null, reason: 'r' }));
      }
      if (h.extend !== undefined) {
        later(h.extend[0]);
        events.push(
          base('RectificationDeadlineExtended', {
            old: deadline,
            new: plusDays(deadline, h.extend[1]),
            reason: 'r',
          }),
        );
      }
      if (h.end.kind === 'void') {
        later(h.end.after);
        events.push(base('HazardVoided', { reason: 'r' }));
      } else if (h.end.kind === 'life') {
        later(h.end.complete);
        events.push(base('RectificationCompleted', { completedAt: iso(t) }));
        if (h.end.request !== undefined) {
          later(h.end.request);
          events.push(base('VerificationRequested', { purpose: 'closure' }));
        }
        if (h.end.verify !== undefined) {
          later(h.end.verify[0]);
          const passed = h.end.verify[1];
          events.push(
            base('RectificationVerified', {
              outcome: passed ? 'passed' : 'failed',
              kind: 'regulator_review',
            }),
          );
          if (passed && h.end.close !== undefined) {
            later(h.end.close);
            events.push(base('HazardClosed', { basisVerificationVersion: 1 }));
          }
        }
      }
      return events;
    });

/** What the oracle knows of one hazard, straight from its events. */
function facts(events: readonly Raw[]) {
  const at = (
    type: string,
    pick: 'first' | 'last' = 'last',
    where: (e: Raw) => boolean = () => true,
  ) => {
    const found = events.filter((e) => e.type === type && where(e));
    const event = pick === 'first' ? found[0] : found[found.length - 1];
    return event === undefined ? undefined : Date.parse(event.data.occurredAt);
  };
  const registered = events[0]!;
  const extensions = events.filter((e) => e.type === 'RectificationDeadlineExtended');
  const requested = at('VerificationRequested');
  return {
    id: registered.data.hazardId as string,
    reg: Date.parse(registered.data.occurredAt),
    area: registered.data.areaId as string,
    source: registered.data.source as string,
    campaigns: registered.data.campaignIds as string[],
    gradeAt: (T: number) => {
      let grade = registered.data.grade as string;
      for (const e of events) {
        if (e.type === 'HazardRegraded' && Date.parse(e.data.occurredAt) <= T) grade = e.data.to;
      }
      return grade;
    },
    D: (extensions.length > 0
      ? extensions[extensions.length - 1]!.data.new
      : registered.data.deadline) as string,
    D0: registered.data.deadline as string,
    voided: at('HazardVoided'),
    completed: at('RectificationCompleted'),
    verified: at('RectificationVerified', 'last', (e) => e.data.outcome === 'passed'),
    closed: at('HazardClosed'),
    reported: at('MajorHazardReported', 'first'),
    requested,
    answered:
      requested === undefined
        ? undefined
        : at('RectificationVerified', 'first', (e) => Date.parse(e.data.occurredAt) >= requested),
  };
}

type Facts = ReturnType<typeof facts>;
const le = (x: number | undefined, T: number) => x !== undefined && x <= T;

export const hazardReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-1..P-7 every hazard figure equals a naive recomputation from the raw events, for random histories and asOf; rebuild equals incremental (property)',
    async run(context) {
      const log: Raw[][] = [];
      let round = 0;
      // One store for every run: a pool per run would exhaust the server's connection slots.
      const store = await context.open({});
      const writer = historyWriter(store);
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 12 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => hazardHistory(`h${round}-${i}`))),
            ),
          fc.integer({ min: 0, max: 560 }).map((d) => START + d * DAY + 12 * 3_600_000 - 1),
          fc.constantFrom('closed', 'verified', 'completed'),
          fc.constantFrom('completion', 'closure'),
          fc.record(
            {
              areaId: fc.constantFrom('A', 'B', '中'),
              grade: fc.constantFrom('general', 'major'),
              campaignId: fc.constantFrom('ROOT', 'MAJOR24'),
              source: fc.constantFrom('self_inspection', 'patrol'),
            },
            { requiredKeys: [] },
          ),
          fc.boolean(),
          async (histories, asOfMs, rectifiedMeans, deadlineMetBy, filter, withPeriod) => {
            round += 1;
            const policy = createSupervisionPolicy({
              rectifiedMeans,
              deadlineMetBy,
              regulatorVerificationWithinDays: 10,
            });
            const projection = createHazardLedgerProjection({ timezone: policy.timezone });
            const runner = createProjectionRunner({
              store,
              projections: [projection],
              pollIntervalMs: 5,
              batchSize: 9,
            });
            await writer.appendAll(
              runner,
              histories,
              (events) => `hazard-${events[0]!.data.hazardId}`,
            );
            log.push(...histories);

            const T = asOfMs;
            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const period = withPeriod
              ? { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' }
              : undefined;
            const f: HazardFigureFilter = {
              asOf,
              ...filter,
              ...(period === undefined ? {} : { period }),
            };
            const figures = createHazardFigures({ store, policy });
            const all = log.map(facts);
            const inPeriod = (x: number) =>
              period === undefined || (x >= Date.parse(period.from) && x < Date.parse(period.to));
            const matchesF = (h: Facts) =>
              (filter.areaId === undefined || h.area === filter.areaId) &&
              (filter.grade === undefined || h.gradeAt(T) === filter.grade) &&
              (filter.campaignId === undefined || h.campaigns.includes(filter.campaignId)) &&
              (filter.source === undefined || h.source === filter.source);
            const found = all.filter(
              (h) => h.reg <= T && inPeriod(h.reg) && !le(h.voided, T) && matchesF(h),
            );
            const rectifiedAt = (h: Facts) =>
              ({ closed: h.closed, verified: h.verified, completed: h.completed })[rectifiedMeans];
            const rectified = found.filter((h) => le(rectifiedAt(h), T));

            // P-2
            const p2 = await figures.rectificationRate(f);
            expect(p2).toEqual({
              found: found.length,
              rectified: rectified.length,
              rate: { numerator: rectified.length, denominator: found.length },
            });
            expect(p2.rate.numerator).toBeLessThanOrEqual(p2.rate.denominator);
            // P-2 by area
            const byArea = await figures.rectificationRateBy('areaId', f);
            const areas = [...new Set(found.map((h) => h.area))].sort();
            expect(byArea.map((g) => [g.key, g.found, g.rectified])).toEqual(
              areas.map((a) => [
                a,
                found.filter((h) => h.area === a).length,
                rectified.filter((h) => h.area === a).length,
              ]),
            );
            // P-2b
            const closures = all.filter(
              (h) => le(h.closed, T) && inPeriod(h.closed!) && matchesF(h),
            );
            expect(await figures.closuresFlow(f)).toBe(closures.length);
            // P-3
            const majors = found.filter(
              (h) =>
                h.gradeAt(T) === 'major' && (regulatorSources.has(h.source) || le(h.reported, T)),
            );
            const p3 = await figures.majorHazardRate(f);
            expect([p3.found, p3.rectified]).toEqual([
              majors.length,
              majors.filter((h) => le(rectifiedAt(h), T)).length,
            ]);
            // P-4 and its strict variant
            const met = (h: Facts) => (deadlineMetBy === 'completion' ? h.completed : h.closed);
            for (const strict of [false, true]) {
              const deadlineOf = (h: Facts) => endOf(strict ? h.D0 : h.D);
              const eligible = found.filter((h) => deadlineOf(h) <= T || le(met(h), T));
              const onTime = eligible.filter((h) => le(met(h), Math.min(T, deadlineOf(h))));
              const p4 = await figures.onTimeRate({ ...f, strict });
              expect([strict, p4.eligible, p4.onTime]).toEqual([
                strict,
                eligible.length,
                onTime.length,
              ]);
            }
            // P-5
            const today = cst(T);
            const overdue = all
              .filter(
                (h) =>
                  h.reg <= T && !le(h.voided, T) && !le(met(h), T) && T > endOf(h.D) && matchesF(h),
              )
              .sort((a, b) =>
                a.D < b.D ? -1 : a.D > b.D ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
              );
            const p5 = await figures.overdueLedger({ ...f, limit: 1000 });
            expect(p5.total).toBe(overdue.length);
            expect(p5.rows.map((r) => [r.row.hazardId, r.daysOverdue])).toEqual(
              overdue.map((h) => [h.id, dayDiff(h.D, today)]),
            );
            for (const r of p5.rows) expect(r.daysOverdue).toBeGreaterThan(0);
            // P-7
            const backlog = all.filter(
              (h) =>
                h.reg <= T &&
                !le(h.voided, T) &&
                le(h.requested, T) &&
                !le(h.answered, T) &&
                !le(h.closed, T) &&
                matchesF(h),
            );
            const breached = backlog.filter(
              (h) => h.gradeAt(T) === 'major' && T > h.requested! + 10 * DAY,
            );
            const p7 = await figures.verificationBacklog({ ...f, limit: 1000 });
            expect([p7.total, p7.breached]).toEqual([backlog.length, breached.length]);
            expect(p7.rows.filter((r) => r.slaBreached === true).length).toBe(breached.length);

            // S5: a rebuild from scratch equals the incrementally built ledger.
            await expectRebuildEqualsIncremental(store, runner, HAZARD_LEDGER);
            expect(await figures.rectificationRate(f)).toEqual(p2);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(10, Math.floor(context.scale.modelRuns / 2)) },
      );
    },
  },
  {
    group,
    name: 'P-2 and P-2b differ where they should: a hazard found in 2023 and closed in 2024 counts only in the 2024 closures flow',
    async run(context) {
      const store = await context.open({});
      const data = (occurredAt: string, extra: Record<string, unknown> = {}) => ({
        hazardId: 'old',
        occurredAt,
        ...extra,
      });
      await store.appendToStream('hazard-old', [
        {
          type: 'HazardRegistered',
          data: data('2023-12-20T10:00:00+08:00', {
            subject: { kind: 'enterprise', id: 'e' },
            areaId: 'A',
            sectorCode: null,
            nature: 'unsafe_condition',
            grade: 'general',
            majorBasis: null,
            source: 'self_inspection',
            campaignIds: [],
            supervisingOrgId: 'o',
            deadline: '2024-01-10',
          }),
        },
        {
          type: 'RectificationCompleted',
          data: data('2024-01-05T10:00:00+08:00', { completedAt: '2024-01-05T10:00:00+08:00' }),
        },
        {
          type: 'RectificationVerified',
          data: data('2024-01-06T10:00:00+08:00', { outcome: 'passed', kind: 'internal_check' }),
        },
        {
          type: 'HazardClosed',
          data: data('2024-01-06T10:00:00+08:00', { basisVerificationVersion: 3 }),
        },
      ]);
      await visibleLog(store, 4);
      const policy = createSupervisionPolicy();
      await projectOnce(store, [createHazardLedgerProjection(policy)]);
      const figures = createHazardFigures({ store, policy });
      const year2024 = { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' };
      const asOf = '2024-12-31T23:59:59+08:00';
      expect(await figures.closuresFlow({ asOf, period: year2024 })).toBe(1);
      expect(await figures.rectificationRate({ asOf, period: year2024 })).toEqual({
        found: 0,
        rectified: 0,
        rate: { numerator: 0, denominator: 0 },
      });
      const year2023 = { from: '2023-01-01T00:00:00+08:00', to: '2024-01-01T00:00:00+08:00' };
      expect((await figures.rectificationRate({ asOf, period: year2023 })).rectified).toBe(1);
      expect(await figures.closuresFlow({ asOf, period: year2023 })).toBe(0);
      // As of the end of 2023 the cohort was found but not yet rectified.
      expect(
        (await figures.rectificationRate({ asOf: '2023-12-31T23:59:59+08:00', period: year2023 }))
          .rate,
      ).toEqual({ numerator: 0, denominator: 1 });
    },
  },
];
