import {
  CASE_LEDGER,
  type CaseFigureFilter,
  createCaseFigures,
  createCaseLedgerProjection,
  createProjectionRunner,
  createSupervisionPolicy,
  type EventStore,
} from '@safeledger/core';
import fc from 'fast-check';
import { expect } from 'vitest';
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

const group = 'case read models';

// The oracle below recomputes every figure from the raw events the test wrote, following the
// formulas of domain spec §5 (P-15, P-16) and rules EC-3, EC-9, EC-11, EC-17 literally, in China
// Standard Time (UTC+8, no daylight saving).

const START = Date.parse('2024-01-01T00:00:00+08:00');
const DECISION_DAYS = 90;
// `other_directly_responsible` is left out so some unit-plus-individual decisions are not dual.
const DUAL_ROLES = ['principal', 'directly_responsible_manager'];
const ENTERPRISES = ['E0', 'E1', 'E2'];
const ROLES = ['principal', 'directly_responsible_manager', 'other_directly_responsible'];
const PENALTY_KINDS = [
  'warning',
  'fine',
  'confiscation',
  'suspension_of_operations',
  'license_suspension',
  'license_revocation',
  'closure',
  'ban_from_post',
];

const penaltyArb = fc.record({
  kind: fc.constantFrom('fine', 'fine', 'warning', 'suspension_of_operations', 'confiscation'),
  // Amounts with fen, so the sum in integer fen is tested against float drift.
  amountFen: fc.integer({ min: 1, max: 20_000_000 }),
});

/** One case's plausible life, as events with increasing business times, in the aggregate's order. */
const caseHistory = (id: string): fc.Arbitrary<Raw[]> =>
  fc
    .record({
      fileDay: fc.integer({ min: 0, max: 400 }),
      fileMinute: fc.integer({ min: 0, max: 1439 }),
      agency: fc.constantFrom('A1', 'A2'),
      campaigns: fc.subarray(['MTS', 'ENF']),
      source: fc.constantFrom('inspection', 'supervision_item', 'none'),
      majorBasis: fc.boolean(),
      unitEnterprise: fc.constantFrom(...ENTERPRISES),
      individual: fc.option(
        fc.record({
          sameEnterprise: fc.constantFrom(true, true, true, false),
          role: fc.constantFrom(...ROLES),
        }),
        { nil: undefined },
      ),
      addedLater: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      link: fc.option(
        fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom('general', 'major')),
        { nil: undefined },
      ),
      extend: fc.option(
        fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 60 })),
        { nil: undefined },
      ),
      // Decisions are weighted up: most figures and the closure watch are about decided cases.
      end: fc.oneof(
        fc.constant({ kind: 'none' as const }),
        fc.record({
          kind: fc.constant('dismiss' as const),
          after: fc.integer({ min: 0, max: 100 }),
        }),
        fc.record({
          kind: fc.constant('transfer' as const),
          after: fc.integer({ min: 0, max: 100 }),
        }),
        {
          weight: 6,
          arbitrary: fc.record({
            kind: fc.constant('decide' as const),
            // Some decisions land around the EC-9 due date (filing + 90 days), to test its boundary.
            after: fc.oneof(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 84, max: 92 })),
            unitPenalties: fc.array(penaltyArb, { minLength: 1, maxLength: 2 }),
            individualPenalties: fc.array(penaltyArb, { maxLength: 2 }),
            afterwards: fc.option(
              fc.tuple(fc.constantFrom('close', 'transfer'), fc.integer({ min: 0, max: 60 })),
              { nil: undefined },
            ),
          }),
        },
      ),
    })
    .map((c) => {
      let t = START + c.fileDay * DAY + c.fileMinute * 60_000;
      const later = (days: number) => {
        t += days * DAY + 3_600_000;
      };
      const base = (type: string, extra: Record<string, unknown>): Raw => ({
        type,
        data: { caseId: id, occurredAt: iso(t), ...extra },
      });
      const unit = { ref: 'u1', kind: 'unit', enterpriseId: c.unitEnterprise };
      const individual =
        c.individual === undefined
          ? undefined
          : {
              ref: 'i1',
              kind: 'individual',
              personId: `p-${id}`,
              enterpriseId: c.individual.sameEnterprise
                ? c.unitEnterprise
                : ENTERPRISES[(ENTERPRISES.indexOf(c.unitEnterprise) + 1) % ENTERPRISES.length],
              role: c.individual.role,
            };
      const filedDate = cst(t);
      const events: Raw[] = [
        base('CaseFiled', {
          caseNo: `No-${id}`,
          agencyOrgId: c.agency,
          respondents:
            individual !== undefined && c.addedLater === undefined ? [unit, individual] : [unit],
          cause: 'c',
          violatedProvisions: ['WSL-102'],
          majorBasis: c.majorBasis ? [{ standardId: 'S', clause: '1' }] : [],
          source: {
            inspectionId: c.source === 'inspection' ? `ins-${id}` : null,
            supervisionItemId: c.source === 'supervision_item' ? `item-${id}` : null,
          },
          campaignIds: c.campaigns,
          proposerIds: ['o1'],
          approvedBy: 'h1',
        }),
      ];
      if (individual !== undefined && c.addedLater !== undefined) {
        later(c.addedLater);
        events.push(base('RespondentAdded', { respondent: individual }));
      }
      let major = c.majorBasis;
      if (c.link !== undefined) {
        later(c.link[0]);
        major ||= c.link[1] === 'major';
        events.push(
          base('CaseHazardLinked', {
            hazardId: `h-${id}`,
            gradeAtLink: c.link[1],
            enterpriseId: c.unitEnterprise,
          }),
        );
      }
      if (c.extend !== undefined) {
        later(c.extend[0]);
        const old = plusDays(filedDate, DECISION_DAYS);
        events.push(
          base('CaseDeadlineExtended', {
            oldDueDate: old,
            newDueDate: plusDays(old, c.extend[1]),
            reason: 'r',
          }),
        );
      }
      const end = c.end;
      if (end.kind === 'dismiss') {
        later(end.after);
        events.push(base('CaseDismissed', { reason: 'insufficient_evidence' }));
      } else if (end.kind === 'transfer') {
        later(end.after);
        events.push(base('CaseTransferred', { toOrgId: 'court', kind: 'judicial' }));
      } else if (end.kind === 'decide') {
        later(end.after);
        const penalties = [
          ...end.unitPenalties.map((p, i) => ({ ...p, respondent: unit, n: `u${i}` })),
          ...(individual === undefined
            ? []
            : end.individualPenalties.map((p, i) => ({
                ...p,
                respondent: individual,
                n: `i${i}`,
              }))),
        ];
        if (penalties.length === 0)
          penalties.push({ kind: 'warning', amountFen: 1, respondent: unit, n: 'w' });
        events.push(
          base('PenaltyDecisionIssued', {
            decisionNo: `D-${id}`,
            penalties: penalties.map((p) => ({
              penaltyRef: `${id}-${p.n}`,
              respondentRef: p.respondent.ref,
              respondentKind: p.respondent.kind,
              enterpriseId: p.respondent.enterpriseId,
              kind: p.kind,
              amountCny: p.kind === 'fine' || p.kind === 'confiscation' ? p.amountFen / 100 : null,
              durationDays: p.kind === 'suspension_of_operations' ? 30 : null,
              basisProvision: 'WSL-102',
            })),
            collectiveDiscussion: false,
            isMajorHazardCase: major,
            linkedHazards: [],
          }),
        );
        if (end.afterwards !== undefined) {
          later(end.afterwards[1]);
          events.push(
            end.afterwards[0] === 'close'
              ? base('CaseClosed', {})
              : base('CaseTransferred', { toOrgId: 'court', kind: 'judicial' }),
          );
        }
      }
      return events;
    });

/** What the oracle knows of one case, straight from its events. */
function facts(events: readonly Raw[]) {
  const first = (type: string) => {
    const event = events.find((e) => e.type === type);
    return event === undefined ? undefined : Date.parse(event.data.occurredAt);
  };
  const filed = events[0]!;
  const filedAt = Date.parse(filed.data.occurredAt);
  const respondents = [
    ...filed.data.respondents,
    ...events.filter((e) => e.type === 'RespondentAdded').map((e) => e.data.respondent),
  ];
  const decision = events.find((e) => e.type === 'PenaltyDecisionIssued');
  const decided = first('PenaltyDecisionIssued');
  const majorLink = events.find(
    (e) =>
      e.type === 'CaseHazardLinked' &&
      e.data.gradeAtLink === 'major' &&
      (decided === undefined || Date.parse(e.data.occurredAt) <= decided),
  );
  const extensions = events.filter((e) => e.type === 'CaseDeadlineExtended');
  const due: string =
    extensions.length > 0
      ? extensions[extensions.length - 1]!.data.newDueDate
      : plusDays(cst(filedAt), DECISION_DAYS);
  const penalties: any[] = decision?.data.penalties ?? [];
  const penalised = respondents.filter((r) => penalties.some((p) => p.respondentRef === r.ref));
  const dual = penalised.some(
    (r) =>
      r.kind === 'individual' &&
      DUAL_ROLES.includes(r.role) &&
      penalised.some((u) => u.kind === 'unit' && u.enterpriseId === r.enterpriseId),
  );
  const transfers = events.filter((e) => e.type === 'CaseTransferred');
  return {
    id: filed.data.caseId as string,
    filedAt,
    agency: filed.data.agencyOrgId as string,
    campaigns: filed.data.campaignIds as string[],
    sourceKind:
      filed.data.source.inspectionId !== null
        ? 'inspection'
        : filed.data.source.supervisionItemId !== null
          ? 'supervision_item'
          : 'none',
    majorSince:
      filed.data.majorBasis.length > 0
        ? filedAt
        : majorLink !== undefined
          ? Date.parse(majorLink.data.occurredAt)
          : undefined,
    due,
    decided,
    majorAtDecision: decision?.data.isMajorHazardCase === true,
    dual,
    daysToDecision: decided === undefined ? 0 : dayDiff(cst(filedAt), cst(decided)),
    finesFen: (kind: string) =>
      penalties
        .filter((p) => p.kind === 'fine' && p.respondentKind === kind)
        .reduce((sum, p) => sum + Math.round(p.amountCny * 100), 0),
    kinds: new Set(penalties.map((p) => p.kind as string)),
    enterprises: [...new Set(penalties.map((p) => p.enterpriseId as string))],
    closed: first('CaseClosed'),
    dismissed: first('CaseDismissed'),
    transferred: transfers.length === 0 ? undefined : Date.parse(transfers[0]!.data.occurredAt),
  };
}

type Facts = ReturnType<typeof facts>;
const le = (x: number | undefined, T: number) => x !== undefined && x <= T;

/** P-15 for a cohort, counted one case at a time. */
function statisticsOf(cohort: readonly Facts[], T: number) {
  const decided = cohort.filter((c) => le(c.decided, T));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    filed: cohort.length,
    majorHazardCases: cohort.filter((c) => le(c.majorSince, T)).length,
    dualPenalties: decided.filter((c) => c.dual).length,
    decided: decided.length,
    closed: cohort.filter((c) => le(c.closed, T)).length,
    dismissed: cohort.filter((c) => le(c.dismissed, T)).length,
    transferred: cohort.filter((c) => le(c.transferred, T)).length,
    finesUnitFen: sum(decided.map((c) => c.finesFen('unit'))),
    finesIndividualFen: sum(decided.map((c) => c.finesFen('individual'))),
    avgDaysToDecision: {
      numerator: sum(decided.map((c) => c.daysToDecision)),
      denominator: decided.length,
    },
    decisionOverdue: cohort.filter((c) =>
      le(c.decided, T)
        ? c.decided! > endOf(c.due)
        : !le(c.dismissed, T) && !le(c.transferred, T) && T > endOf(c.due),
    ).length,
  };
}

/** EC-17 by brute force: some `count` decisions of one enterprise within `days` days. */
function watchlistOf(all: readonly Facts[], T: number) {
  const triggers = [
    { count: 3, days: 180 },
    { count: 4, days: 365 },
  ];
  const flagged: Array<{ enterpriseId: string; trigger: { count: number; days: number } }> = [];
  for (const enterpriseId of ENTERPRISES) {
    const dates = all
      .filter((c) => le(c.decided, T) && c.majorAtDecision && c.enterprises.includes(enterpriseId))
      .map((c) => cst(c.decided!))
      .sort();
    const trigger = triggers.find(({ count, days }) =>
      dates.some(
        (date, i) => i + count <= dates.length && dayDiff(date, dates[i + count - 1]!) < days,
      ),
    );
    if (trigger !== undefined) flagged.push({ enterpriseId, trigger });
  }
  return flagged;
}

export const caseReadModelCases: readonly ConformanceCase[] = [
  {
    group,
    name: 'P-15 and P-16 every case figure equals a naive recomputation from the raw events, for random histories, asOf and filters; rebuild equals incremental (property)',
    async run(context) {
      // One store for every run: each run adds cases to the same database, and the oracle
      // recomputes over everything written so far.
      const store: EventStore = await context.open({});
      const policy = createSupervisionPolicy({
        caseDecisionWithinDays: DECISION_DAYS,
        dualPenaltyIndividualRoles: DUAL_ROLES as never,
      });
      const projection = createCaseLedgerProjection(policy);
      const figures = createCaseFigures({ store, policy });
      const writer = historyWriter(store);
      const log: Raw[][] = [];
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 1, max: 10 })
            .chain((n) =>
              fc.tuple(...Array.from({ length: n }, (_, i) => caseHistory(`c${round}-${i}`))),
            ),
          fc.integer({ min: 0, max: 700 }).map((d) => START + d * DAY + 12 * 3_600_000 - 1),
          // Mostly one filter or none, so the cohort stays large enough to tell figures apart.
          fc.oneof(
            fc.constant({}),
            fc.record({ agencyOrgId: fc.constantFrom('A1', 'A2') }),
            fc.record({ campaignId: fc.constantFrom('MTS', 'ENF') }),
            fc.record({
              sourceKind: fc.constantFrom(
                'inspection' as const,
                'supervision_item' as const,
                'none' as const,
              ),
            }),
          ) as fc.Arbitrary<{
            agencyOrgId?: string;
            campaignId?: string;
            sourceKind?: 'inspection' | 'supervision_item' | 'none';
          }>,
          fc.boolean(),
          async (histories, T, filter, withPeriod) => {
            round += 1;
            const runner = createProjectionRunner({
              store,
              projections: [projection],
              pollIntervalMs: 5,
              batchSize: 7,
            });
            await writer.appendAll(runner, histories, (events) => `case-${events[0]!.data.caseId}`);
            log.push(...histories);

            const asOf = new Date(T).toISOString().replace('Z', '+00:00');
            const period = withPeriod
              ? { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' }
              : undefined;
            const f: CaseFigureFilter = {
              asOf,
              ...filter,
              ...(period === undefined ? {} : { period }),
            };
            const all = log.map(facts);
            const cohort = all.filter(
              (c) =>
                c.filedAt <= T &&
                (period === undefined ||
                  (c.filedAt >= Date.parse(period.from) && c.filedAt < Date.parse(period.to))) &&
                (filter.agencyOrgId === undefined || c.agency === filter.agencyOrgId) &&
                (filter.campaignId === undefined || c.campaigns.includes(filter.campaignId)) &&
                (filter.sourceKind === undefined || c.sourceKind === filter.sourceKind),
            );

            // P-15 overall
            const stats = await figures.caseStatistics(f);
            expect(stats).toEqual(statisticsOf(cohort, T));
            expect(stats.dualPenalties).toBeLessThanOrEqual(stats.decided);
            // P-15 by source and by agency
            for (const dimension of ['sourceKind', 'agencyOrgId'] as const) {
              const keyOf = (c: Facts) => (dimension === 'sourceKind' ? c.sourceKind : c.agency);
              const keys = [...new Set(cohort.map(keyOf))].sort();
              expect(await figures.caseStatisticsBy(dimension, f)).toEqual(
                keys.map((key) => ({
                  key,
                  ...statisticsOf(
                    cohort.filter((c) => keyOf(c) === key),
                    T,
                  ),
                })),
              );
            }
            // P-15 by penalty kind
            const decided = cohort.filter((c) => le(c.decided, T));
            expect(await figures.casesByPenaltyKind(f)).toEqual(
              Object.fromEntries(
                PENALTY_KINDS.map((kind) => [
                  kind,
                  decided.filter((c) => c.kinds.has(kind)).length,
                ]),
              ),
            );
            // P-16 closure watchlist
            const watch = await figures.closureWatchlist({ asOf });
            expect(
              watch.map((w) => ({ enterpriseId: w.enterpriseId, trigger: w.trigger })),
            ).toEqual(watchlistOf(all, T));
            for (const entry of watch) {
              expect(entry.caseIds.length).toBe(entry.trigger.count);
              expect(dayDiff(entry.from, entry.to)).toBeLessThan(entry.trigger.days);
            }

            // S5: a rebuild from scratch equals the incrementally built ledger.
            await expectRebuildEqualsIncremental(store, runner, CASE_LEDGER);
            expect(await figures.caseStatistics(f)).toEqual(stats);
            await runner.stop();
          },
        ),
        { numRuns: Math.max(10, Math.floor(context.scale.modelRuns / 2)) },
      );
    },
  },
];
