import {
  ACTIVITY_LEDGER,
  createActivityFigures,
  createActivityLedgerProjection,
  createDutyCoverageProjection,
  createDutyFigures,
  createPlanLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  DUTY_COVERAGE,
  type EventStore,
  type NewEvent,
  PLAN_LEDGER,
  type PlanVersionRow,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { visibleLog } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'activity and duty read models';
const DAY = 86_400_000;
const MINUTE = 60_000;

// The oracles below recompute every figure from the raw events the tests wrote, following domain
// spec §5 (P-20, P-21), §4.9 (EP-1, DR-1, DR-2) literally, in China Standard Time (UTC+8, no
// daylight saving): a local day is [date 00:00+08:00, next date 00:00+08:00).

interface Raw {
  readonly type: string;
  readonly data: Record<string, any>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const cst = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const dayStart = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The number of days of a month `YYYY-MM`. */
const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

const START = Date.parse('2024-01-01T00:00:00+08:00');
const actor = { personId: 'p1', role: 'TerritorialOfficer', orgId: 'o1' };
const planOrgActor = { personId: 'p2', role: 'AuthorityHead', orgId: 'A1' };
const planEnterpriseActor = { personId: 'p3', role: 'Principal', enterpriseId: 'E1' };
const KINDS = ['training', 'key_sector_training', 'drill', 'exhibition_visit', 'competition'];
const TOPICS = ['steward', 'confined_space', 'VENUE'];
const ENTERPRISES = ['E0', 'E1', 'E2', 'E3', 'E4'];

const factsArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  topic: fc.constantFrom(...TOPICS),
  day: fc.integer({ min: 0, max: 500 }),
  participantCount: fc.integer({ min: 0, max: 400 }),
  enterpriseIds: fc.subarray(ENTERPRISES),
  manuals: fc.integer({ min: 0, max: 50 }),
  posters: fc.integer({ min: 0, max: 20 }),
  approximate: fc.boolean(),
});
type FactsInput = typeof factsArb extends fc.Arbitrary<infer T> ? T : never;

const factsOf = (f: FactsInput) => ({
  kind: f.kind,
  topic: f.topic,
  sectorCode: null,
  date: cst(START + f.day * DAY),
  participantCount: f.participantCount,
  enterpriseIds: f.enterpriseIds,
  materials: { manuals: f.manuals, posters: f.posters },
  planId: null,
  planKind: null,
  approximate: f.approximate,
});

/** One activity: recorded after its date, then perhaps corrected. */
const activityHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      facts: factsArb,
      organizer: fc.constantFrom('A1', 'A2'),
      recordAfter: fc.integer({ min: 0, max: 60 }),
      corrections: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(factsArb, { nil: undefined })),
        { maxLength: 2 },
      ),
    })
    .map((a) => {
      let t = START + a.facts.day * DAY + a.recordAfter * DAY + 10 * 3_600_000;
      const events: Raw[] = [
        {
          type: 'ActivityRecorded',
          data: {
            activityId: id,
            occurredAt: iso(t),
            actor,
            organizerOrgId: a.organizer,
            organizerEnterpriseId: null,
            ...factsOf(a.facts),
          },
        },
      ];
      for (const [after, facts] of a.corrections) {
        t += after * DAY + 3_600_000;
        // A correction changes some facts: all of a new draw, or only the person-times.
        const changes =
          facts === undefined ? { participantCount: after * 3 } : factsOf(facts as FactsInput);
        events.push({
          type: 'ActivityCorrected',
          data: { activityId: id, occurredAt: iso(t), actor, reason: 'r', changes },
        });
      }
      return events;
    });

/** One plan: drafted (perhaps rewriting another), then revised and published in some order. */
const planHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      day: fc.integer({ min: 0, max: 500 }),
      rewrites: fc.boolean(),
      // G-5: the person who drafts, revises and publishes acts for the owner, an organisation
      // or an enterprise.
      owner: fc.constantFrom(
        { ownerOrgId: 'A1', ownerEnterpriseId: null, actor: planOrgActor },
        { ownerOrgId: null, ownerEnterpriseId: 'E1', actor: planEnterpriseActor },
      ),
      steps: fc.array(
        fc.tuple(fc.constantFrom('revise', 'publish', 'publish'), fc.integer({ min: 0, max: 90 })),
        { maxLength: 5 },
      ),
      retire: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    })
    .map((p) => {
      let t = START + p.day * DAY + 9 * 3_600_000;
      const at = () => ({ planId: id, occurredAt: iso(t), actor: p.owner.actor });
      const events: Raw[] = [
        {
          type: 'PlanDrafted',
          data: {
            ...at(),
            kind: 'special',
            title: `Plan ${id}`,
            ownerOrgId: p.owner.ownerOrgId,
            ownerEnterpriseId: p.owner.ownerEnterpriseId,
            replacesPlanId: p.rewrites ? `old-${id}` : null,
            version: 1,
          },
        },
      ];
      let latest = 1;
      let published = 0;
      for (const [step, after] of p.steps) {
        t += after * DAY + 3_600_000;
        if (step === 'revise') {
          latest += 1;
          events.push({ type: 'PlanRevised', data: { ...at(), version: latest, summary: 's' } });
        } else if (published < latest) {
          published = latest;
          events.push({ type: 'PlanPublished', data: { ...at(), version: latest } });
        }
      }
      if (p.retire !== undefined) {
        t += p.retire * DAY + 3_600_000;
        events.push({ type: 'PlanRetired', data: { ...at(), reason: 'r' } });
      }
      return events;
    });

/** What the oracle knows of one activity: its facts after every correction. */
function activityFacts(events: readonly Raw[]) {
  const recorded = events[0]!.data;
  let facts: Record<string, any> = { ...recorded };
  for (const e of events.slice(1)) facts = { ...facts, ...e.data.changes };
  return { ...facts, recordedAt: Date.parse(recorded.occurredAt) } as Record<string, any>;
}

/** EP-1 by the letter: a plan counts once if a revision of it was published in P and by T. */
function plansRevisedOf(plans: readonly Raw[][], T: number, from: number, to: number) {
  return plans.filter((events) => {
    const rewrites = events[0]!.data.replacesPlanId !== null;
    return events.some((e) => {
      const at = Date.parse(e.data.occurredAt);
      return (
        e.type === 'PlanPublished' &&
        at <= T &&
        at >= from &&
        at < to &&
        (e.data.version > 1 || rewrites)
      );
    });
  }).length;
}

/** A month's shifts, one a day from near local midnight to near the next, some perturbed. */
const rosterHistory = (month: string): fc.Arbitrary<Raw[]> => {
  const first = `${month}-01`;
  const days = daysIn(month);
  const shiftArb = fc.record({
    // Mostly exact; sometimes a start moved by whole or half hours, or a shift left out.
    startShift: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, fc.integer({ min: -6, max: 6 })),
    endShift: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, fc.integer({ min: -6, max: 6 })),
    skip: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true)),
    leaderless: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, fc.constant(true)),
  });
  return fc.array(shiftArb, { minLength: days, maxLength: days }).map((shifts) => {
    const scheduledAt = iso(dayStart(first) - 3 * DAY);
    const events: Raw[] = [];
    shifts.forEach((s, i) => {
      if (s.skip) return;
      const date = plusDays(first, i);
      const start = dayStart(date) + s.startShift * 30 * MINUTE;
      const end = dayStart(plusDays(date, 1)) + s.endShift * 30 * MINUTE;
      events.push({
        type: 'ShiftScheduled',
        data: {
          month,
          occurredAt: scheduledAt,
          actor,
          orgId: 'A1',
          shiftId: `${month}-s${i}`,
          start: iso(start),
          end: iso(end),
          dutyOfficerId: `officer-${i % 3}`,
          leaderOnCallId: s.leaderless ? '' : `leader-${i % 2}`,
          reinforced: false,
        },
      });
    });
    return events;
  });
};

/** DR-1 and DR-2 per day by brute force: how many shifts cover each minute of the month. */
function rosterDays(events: readonly Raw[], month: string) {
  const first = dayStart(`${month}-01`);
  const days = daysIn(month);
  const minutes = days * 1440;
  const dates = Array.from({ length: days }, (_, i) => plusDays(`${month}-01`, i));
  const dateOf = (minute: number) => dates[Math.floor(minute / 1440)]!;
  const delta = new Array<number>(minutes + 1).fill(0);
  const leaderless = new Set<string>();
  for (const e of events) {
    const start = Math.max(0, (Date.parse(e.data.start) - first) / MINUTE);
    const end = Math.min(minutes, (Date.parse(e.data.end) - first) / MINUTE);
    if (end <= start) continue;
    delta[start]! += 1;
    delta[end]! -= 1;
    if (e.data.leaderOnCallId === '' || e.data.dutyOfficerId === '') {
      for (let m = start; m < end; m += 1440) leaderless.add(dateOf(m));
      leaderless.add(dateOf(end - 1));
    }
  }
  const gap = new Set<string>();
  const overlap = new Set<string>();
  let covered = 0;
  for (let m = 0; m < minutes; m += 1) {
    covered += delta[m]!;
    if (covered === 0) gap.add(dateOf(m));
    if (covered >= 2) overlap.add(dateOf(m));
  }
  return { gap, overlap, leaderless };
}

export const activityReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-20 every activity figure equals a naive recomputation from the raw events, for random histories, asOf and filters; rebuild equals incremental (property)',
    async run(context) {
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy();
      const figures = createActivityFigures({ store, policy });
      const projections = [createActivityLedgerProjection(), createPlanLedgerProjection()];
      const activities: Raw[][] = [];
      const plans: Raw[][] = [];
      let appended = 0;
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 }))
            .chain(([n, m]) =>
              fc.tuple(
                fc.tuple(...Array.from({ length: n }, (_, i) => activityHistory(`a${round}-${i}`))),
                m === 0
                  ? fc.constant([] as Raw[][])
                  : fc.tuple(...Array.from({ length: m }, (_, i) => planHistory(`p${round}-${i}`))),
              ),
            ),
          fc.integer({ min: 0, max: 700 }).map((d) => START + d * DAY + 12 * 3_600_000 - 1),
          fc.oneof(
            fc.constant({}),
            fc.record({ kind: fc.constantFrom(...KINDS) }),
            fc.record({ topic: fc.constantFrom(...TOPICS) }),
            fc.record({ organizerOrgId: fc.constantFrom('A1', 'A2') }),
          ) as fc.Arbitrary<{ kind?: string; topic?: string; organizerOrgId?: string }>,
          fc.boolean(),
          async ([newActivities, newPlans], T, filter, withPeriod) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections,
              pollIntervalMs: 5,
              batchSize: 50,
            });
            const write = async (streamId: string, events: Raw[]) => {
              await store.appendToStream(streamId, events as NewEvent[]);
              appended += events.length;
            };
            for (const events of newActivities) {
              await write(`act-${events[0]!.data.activityId}`, events);
              activities.push(events);
            }
            for (const events of newPlans) {
              await write(`plan-${events[0]!.data.planId}`, events);
              plans.push(events);
            }
            await visibleLog(store, appended);
            await runner.catchUp();

            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const period = withPeriod ? { from: '2024-01-01', to: '2025-01-01' } : undefined;
            const f = {
              asOf,
              ...filter,
              ...(period === undefined ? {} : { period }),
            } as Parameters<typeof figures.activityTotals>[0];
            const rows = activities
              .map(activityFacts)
              .filter(
                (a) =>
                  a.recordedAt <= T &&
                  (period === undefined || (a.date >= period.from && a.date < period.to)) &&
                  (filter.kind === undefined || a.kind === filter.kind) &&
                  (filter.topic === undefined || a.topic === filter.topic) &&
                  (filter.organizerOrgId === undefined ||
                    a.organizerOrgId === filter.organizerOrgId),
              );
            const sum = (pick: (a: Record<string, any>) => number, of = rows) =>
              of.reduce((total, a) => total + pick(a), 0);
            const totalsOf = (of: Record<string, any>[]) => ({
              sessions: of.length,
              personTimes: sum((a) => a.participantCount, of),
              drills: of.filter((a) => a.kind === 'drill').length,
              manuals: sum((a) => a.materials.manuals, of),
              posters: sum((a) => a.materials.posters, of),
              approximate: of.some((a) => a.approximate),
            });

            const totals = await figures.activityTotals(f);
            expect(totals).toEqual(totalsOf(rows));
            for (const dimension of ['kind', 'topic'] as const) {
              const keys = [...new Set(rows.map((a) => a[dimension] as string))].sort();
              expect(await figures.activityTotalsBy(dimension, f)).toEqual(
                keys.map((key) => ({
                  key,
                  ...totalsOf(rows.filter((a) => a[dimension] === key)),
                })),
              );
            }
            const withEnterprises = rows.filter((a) => a.enterpriseIds.length > 0);
            expect(await figures.distinctEnterprisesTrained(f)).toEqual({
              value: new Set(rows.flatMap((a) => a.enterpriseIds)).size,
              approximate: withEnterprises.some((a) => a.approximate),
            });
            const [from, to] =
              period === undefined
                ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]
                : [dayStart(period.from), dayStart(period.to)];
            expect(
              await figures.plansRevisedAndPublished({
                asOf,
                ...(period === undefined ? {} : { period }),
              }),
            ).toBe(plansRevisedOf(plans, T, from, to));

            // Every version row carries its plan's owner, as drafted (later versions from G-5).
            const owners = new Map(
              plans.map((events) => [
                events[0]!.data.planId,
                [events[0]!.data.ownerOrgId, events[0]!.data.ownerEnterpriseId],
              ]),
            );
            for (const { document } of await store.projections.listDocuments(PLAN_LEDGER)) {
              const row = document as PlanVersionRow;
              expect([row.ownerOrgId, row.ownerEnterpriseId]).toEqual(owners.get(row.planId));
            }

            // S5: a rebuild from scratch equals the incrementally built ledgers (every third run:
            // a rebuild replays everything written so far).
            for (const name of round % 3 === 1 ? [ACTIVITY_LEDGER, PLAN_LEDGER] : []) {
              const incremental = await store.projections.listDocuments(name);
              await runner.rebuild(name);
              await runner.catchUp();
              expect(await store.projections.listDocuments(name)).toEqual(incremental);
            }
            expect(await figures.activityTotals(f)).toEqual(totals);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(6, Math.floor(context.scale.modelRuns / 4)) },
      );
    },
  },
  {
    group,
    name: 'P-21 duty coverage per day equals a minute-by-minute recomputation of the raw shifts (DR-1 gaps and overlaps, DR-2 shifts without a leader), with days no roster covers; rebuild equals incremental (property)',
    async run(context) {
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy();
      const figures = createDutyFigures({ store, policy });
      const projection = createDutyCoverageProjection(policy);
      const rosters = new Map<string, Raw[]>();
      let appended = 0;
      let nextMonth = 0;
      const monthAt = (index: number) => {
        const y = 2024 + Math.floor(index / 12);
        return `${y}-${String((index % 12) + 1).padStart(2, '0')}`;
      };
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 2 })
            .chain((n) =>
              fc.tuple(
                ...Array.from({ length: n }, (_, i) => rosterHistory(monthAt(nextMonth + i))),
              ),
            ),
          // Some months are left without a roster, so their days count as unrostered gaps.
          fc.boolean(),
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 1, max: 80 }),
          fc.integer({ min: -40, max: 40 }),
          async (newRosters, skipAMonth, fromOffset, length, asOfOffset) => {
            const runner = createProjectionRunner({
              store,
              projections: [projection],
              pollIntervalMs: 5,
              batchSize: 50,
            });
            const firstNew = nextMonth;
            for (const events of newRosters) {
              const month = monthAt(nextMonth);
              nextMonth += 1;
              if (events.length === 0) continue;
              await store.appendToStream(`duty-${month}`, events as NewEvent[]);
              appended += events.length;
              rosters.set(month, events);
            }
            if (skipAMonth) nextMonth += 1;
            await visibleLog(store, appended);
            await runner.catchUp();

            const from = plusDays(`${monthAt(firstNew)}-01`, fromOffset - 20);
            const to = plusDays(from, length);
            // T before some rosters were scheduled leaves their days unrostered.
            const T = dayStart(`${monthAt(firstNew)}-01`) - 3 * DAY + asOfOffset * 3_600_000;
            const asOf = iso(T);
            const facts = new Map<string, ReturnType<typeof rosterDays>>();
            const expected = [];
            for (let date = from; date < to; date = plusDays(date, 1)) {
              const events = rosters.get(date.slice(0, 7));
              const known = events !== undefined && Date.parse(events[0]!.data.occurredAt) <= T;
              const month = date.slice(0, 7);
              if (known && !facts.has(month)) facts.set(month, rosterDays(events, month));
              const days = known ? facts.get(month) : undefined;
              expected.push({
                date,
                rosters: known ? 1 : 0,
                gap: days === undefined || days.gap.has(date),
                overlap: days?.overlap.has(date) ?? false,
                withoutLeader: days?.leaderless.has(date) ?? false,
              });
            }
            const byDay = await figures.dutyCoverageByDay({ asOf, period: { from, to } });
            expect(byDay).toEqual(expected);
            expect(await figures.dutyCoverage({ asOf, period: { from, to } })).toEqual({
              days: expected.length,
              unrosteredDays: expected.filter((d) => d.rosters === 0).length,
              gapDays: expected.filter((d) => d.gap).length,
              overlapDays: expected.filter((d) => d.overlap).length,
              daysWithoutLeader: expected.filter((d) => d.withoutLeader).length,
            });

            if (firstNew % 3 === 0) {
              const incremental = await store.projections.listDocuments(DUTY_COVERAGE);
              await runner.rebuild(DUTY_COVERAGE);
              await runner.catchUp();
              expect(await store.projections.listDocuments(DUTY_COVERAGE)).toEqual(incremental);
            }
            await runner.stop();
          },
        ),
        { numRuns: Math.max(6, Math.floor(context.scale.modelRuns / 4)) },
      );
    },
  },
];
