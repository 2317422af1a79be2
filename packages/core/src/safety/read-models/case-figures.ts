import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { localDateOf } from '../calendar/time-zone.js';
import {
  type ClosureWatchEntry,
  closureWatch,
  type MajorHazardDecision,
} from '../enforcement-case/closure-watch.js';
import { type PenaltyKind, PenaltyKindSchema } from '../enforcement-case/values.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import {
  type CaseSourceKind,
  type caseLedgerFields,
  createCaseLedgerProjection,
} from './case-ledger.js';

type Fields = typeof caseLedgerFields;
type Condition = Where<Fields>;

/** The filter of P-15; every figure takes an explicit `asOf` (T). */
export interface CaseFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
  /** Period P as instants `[from, to)`: the cases filed in it form the cohort. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly agencyOrgId?: string;
  /** Any of these agencies (e.g. an organisation and the ones below it). */
  readonly agencyOrgIds?: readonly string[];
  /** Only cases with a respondent of this enterprise (a unit, or an individual answering for it). */
  readonly respondentEnterpriseId?: string;
  readonly campaignId?: string;
  readonly sourceKind?: CaseSourceKind;
}

/**
 * P-15 case statistics of the cohort "filed in P, by T" (a dismissed case still counts as
 * filed). Every count is of cases of that cohort in that condition at T.
 */
export interface CaseStatistics {
  readonly filed: number;
  /** EC-3 flag true at T. */
  readonly majorHazardCases: number;
  /** Decided by T with an EC-11 dual penalty. */
  readonly dualPenalties: number;
  readonly decided: number;
  readonly closed: number;
  readonly dismissed: number;
  readonly transferred: number;
  /** Fines of the decisions issued by T, in integer fen (分), on units and on individuals. */
  readonly finesUnitFen: number;
  readonly finesIndividualFen: number;
  /** Average local calendar days from filing to decision over the decided cases, exact. */
  readonly avgDaysToDecision: Rate;
  /** EC-9 at T: decided after the due date, or still undecided (and not ended) past it. */
  readonly decisionOverdue: number;
}

/** Dimensions the case statistics can be broken down by. */
export type CaseDimension = 'agencyOrgId' | 'sourceKind';

/** Cases decided by T whose decision includes a penalty kind, per kind. */
export type CasesByPenaltyKind = Readonly<Record<PenaltyKind, number>>;

/**
 * The case figures P-15 and P-16 over the enforcement-case ledger, counted and summed in the
 * store at query time from stored instants and dates (G-6).
 *
 * Known limit: the ledger keeps the latest approved decision due date, so `decisionOverdue` at a
 * T before an extension judges against the extended date.
 */
export function createCaseFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const ledger = createProjectionQuery(store, createCaseLedgerProjection(policy));
  const tz = policy.timezone;
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  const by = (field: keyof Fields, T: string): Condition => ({ [field]: { lte: T } });
  const notBy = (field: keyof Fields, T: string): Condition => ({
    or: [{ [field]: { isNull: true } }, { [field]: { gt: T } }],
  });
  /** The cohort: filed in P and by T, matching the filter. */
  const filed = (f: CaseFigureFilter): Condition => {
    const T = at(f.asOf);
    const parts: Condition[] = [
      {
        filedAt:
          f.period === undefined
            ? { lte: T }
            : { lte: T, gte: at(f.period.from), lt: at(f.period.to) },
      },
    ];
    if (f.agencyOrgId !== undefined) parts.push({ agencyOrgId: f.agencyOrgId });
    if (f.agencyOrgIds !== undefined) parts.push({ agencyOrgId: { in: [...f.agencyOrgIds] } });
    if (f.respondentEnterpriseId !== undefined) {
      parts.push({ respondentEnterpriseIds: { contains: f.respondentEnterpriseId } });
    }
    if (f.campaignId !== undefined) parts.push({ campaignIds: { contains: f.campaignId } });
    if (f.sourceKind !== undefined) parts.push({ sourceKind: f.sourceKind });
    return { and: parts };
  };
  const measuresAt = (T: string) => {
    const decided = by('decidedAt', T);
    return {
      filed: { count: true },
      majorHazardCases: { count: true, where: by('majorHazardSince', T) },
      dualPenalties: { count: true, where: { and: [decided, { isDualPenalty: true }] } },
      decided: { count: true, where: decided },
      closed: { count: true, where: by('closedAt', T) },
      dismissed: { count: true, where: by('dismissedAt', T) },
      transferred: { count: true, where: by('transferredAt', T) },
      finesUnitFen: { sum: 'finesUnitFen', where: decided },
      finesIndividualFen: { sum: 'finesIndividualFen', where: decided },
      daysToDecision: { sum: 'daysToDecision', where: decided },
      decisionOverdue: {
        count: true,
        where: {
          or: [
            { and: [decided, { decidedLate: true }] },
            {
              and: [
                notBy('decidedAt', T),
                notBy('dismissedAt', T),
                notBy('transferredAt', T),
                // T is past the end of the due date D exactly when T's local date is after D.
                { decisionDueDate: { lt: localDateOf(T, tz) } },
              ],
            },
          ],
        },
      },
    } as const;
  };
  const statistics = (m: Record<string, number> | undefined): CaseStatistics => {
    const v = (name: string) => m?.[name] ?? 0;
    return {
      filed: v('filed'),
      majorHazardCases: v('majorHazardCases'),
      dualPenalties: v('dualPenalties'),
      decided: v('decided'),
      closed: v('closed'),
      dismissed: v('dismissed'),
      transferred: v('transferred'),
      finesUnitFen: v('finesUnitFen'),
      finesIndividualFen: v('finesIndividualFen'),
      avgDaysToDecision: rateOf(v('daysToDecision'), v('decided')),
      decisionOverdue: v('decisionOverdue'),
    };
  };

  return {
    /** The ledger query itself: filter, sort and page the case rows directly. */
    ledger,
    /** P-15 case statistics of the cases filed in P, as of T. */
    async caseStatistics(f: CaseFigureFilter): Promise<CaseStatistics> {
      const [group] = await ledger.group({ where: filed(f), measures: measuresAt(at(f.asOf)) });
      return statistics(group?.measures);
    },
    /** P-15 broken down by agency or by source (groups ordered by key, nulls first). */
    async caseStatisticsBy(
      dimension: CaseDimension,
      f: CaseFigureFilter,
    ): Promise<Array<{ key: string | null } & CaseStatistics>> {
      const groups = await ledger.group({
        by: [dimension],
        where: filed(f),
        measures: measuresAt(at(f.asOf)),
      });
      return groups.map(({ key, measures }) => ({
        key: (key[dimension] as string | null) ?? null,
        ...statistics(measures),
      }));
    },
    /** P-15 by penalty kind: cases of the cohort decided by T with at least one penalty of the kind. */
    async casesByPenaltyKind(f: CaseFigureFilter): Promise<CasesByPenaltyKind> {
      const T = at(f.asOf);
      const kinds = PenaltyKindSchema.options;
      const measures = Object.fromEntries(
        kinds.map((kind) => [
          kind,
          {
            count: true as const,
            where: { and: [by('decidedAt', T), { penaltyKinds: { contains: kind } }] },
          },
        ]),
      );
      const [group] = await ledger.group({ where: filed(f), measures });
      return Object.fromEntries(
        kinds.map((kind) => [kind, group?.measures[kind] ?? 0]),
      ) as CasesByPenaltyKind;
    },
    /**
     * P-16 closure watchlist (EC-17, WSL 2021 Art. 113(1)): enterprises penalised in at least
     * `count` major-hazard case decisions within `days` days, for a trigger of `closureTrigger`,
     * counting decisions by T. Only decided major-hazard case rows are read, a page at a time;
     * the sliding window itself is `closureWatch`.
     */
    async closureWatchlist(f: {
      readonly asOf: string;
      readonly agencyOrgId?: string;
    }): Promise<ClosureWatchEntry[]> {
      const T = at(f.asOf);
      const where: Condition = {
        and: [
          by('decidedAt', T),
          { isMajorHazardCase: true },
          ...(f.agencyOrgId === undefined ? [] : [{ agencyOrgId: f.agencyOrgId }]),
        ],
      };
      const decisions: MajorHazardDecision[] = [];
      let cursor: string | undefined;
      do {
        const page = await ledger.find({
          where,
          orderBy: [{ field: 'decidedAt' }],
          limit: 500,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const { document } of page.items) {
          for (const enterpriseId of document.penalisedEnterpriseIds) {
            decisions.push({
              enterpriseId,
              caseId: document.caseId,
              decidedAt: document.decidedAt!,
            });
          }
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return closureWatch(decisions, T, policy);
    },
  };
}
