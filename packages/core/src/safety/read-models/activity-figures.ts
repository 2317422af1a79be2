import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import type { ActivityKind } from '../activity/values.js';
import { isLocalDate, type LocalDate } from '../calendar/local-date.js';
import { startOfLocalDay } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type activityLedgerFields, createActivityLedgerProjection } from './activity-ledger.js';
import { createPlanLedgerProjection } from './plan-ledger.js';

type Condition = Where<typeof activityLedgerFields>;

/** A period of local calendar days `[from, to)` in the policy's time zone. */
export interface LocalPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** The filter of P-20; every figure takes an explicit `asOf` (T). */
export interface ActivityFigureFilter {
  /** As-of instant T (ISO-8601 with offset): only activities recorded by T count. */
  readonly asOf: string;
  /** The activities dated in these local days; all dates when left out. */
  readonly period?: LocalPeriod;
  readonly kind?: ActivityKind;
  readonly topic?: string;
  readonly sectorCode?: string;
  readonly organizerOrgId?: string;
}

/**
 * P-20 totals of the activities recorded by T that match a filter, with their facts as last
 * corrected. `approximate` is true when any counted activity's counts are estimates, so a printer
 * flags the figures (§6: "余" is printed as "+").
 */
export interface ActivityTotals {
  readonly sessions: number;
  /** Σ participantCount (人次). */
  readonly personTimes: number;
  readonly drills: number;
  readonly manuals: number;
  readonly posters: number;
  readonly approximate: boolean;
}

/** A count that may be an estimate (§6). */
export interface ApproximateFigure {
  readonly value: number;
  readonly approximate: boolean;
}

/** Dimensions the activity totals can be broken down by. */
export type ActivityDimension = 'kind' | 'topic';

/**
 * The activity figures P-20 over the activity ledger and the emergency-plan ledger, counted and
 * summed in the store at query time.
 *
 * Known limit: the ledger keeps the facts as last corrected, so a figure at a T before a later
 * correction counts the corrected facts.
 */
export function createActivityFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const ledger = createProjectionQuery(store, createActivityLedgerProjection());
  const plans = createProjectionQuery(store, createPlanLedgerProjection());
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  const checkPeriod = (period: LocalPeriod) => {
    for (const date of [period.from, period.to]) {
      if (!isLocalDate(date)) throw new TypeError(`"${date}" is not a date written YYYY-MM-DD`);
    }
  };
  const matching = (f: ActivityFigureFilter): Condition => {
    const parts: Condition[] = [{ recordedAt: { lte: at(f.asOf) } }];
    if (f.period !== undefined) {
      checkPeriod(f.period);
      parts.push({ date: { gte: f.period.from, lt: f.period.to } });
    }
    if (f.kind !== undefined) parts.push({ kind: f.kind });
    if (f.topic !== undefined) parts.push({ topic: f.topic });
    if (f.sectorCode !== undefined) parts.push({ sectorCode: f.sectorCode });
    if (f.organizerOrgId !== undefined) parts.push({ organizerOrgId: f.organizerOrgId });
    return { and: parts };
  };
  const measures = {
    sessions: { count: true },
    personTimes: { sum: 'participantCount' },
    drills: { count: true, where: { kind: 'drill' } },
    manuals: { sum: 'manuals' },
    posters: { sum: 'posters' },
    approximate: { count: true, where: { approximate: true } },
  } as const;
  const totals = (m: Record<string, number> | undefined): ActivityTotals => {
    const v = (name: string) => m?.[name] ?? 0;
    return {
      sessions: v('sessions'),
      personTimes: v('personTimes'),
      drills: v('drills'),
      manuals: v('manuals'),
      posters: v('posters'),
      approximate: v('approximate') > 0,
    };
  };

  return {
    /** The ledger query itself: filter, sort and page the activity rows directly. */
    ledger,
    /** The plan ledger query: one row per plan version. */
    plans,
    /** P-20 sessions, person-times, drills and materials of the matching activities at T. */
    async activityTotals(f: ActivityFigureFilter): Promise<ActivityTotals> {
      const [group] = await ledger.group({ where: matching(f), measures });
      return totals(group?.measures);
    },
    /** P-20 broken down by kind or by topic (groups ordered by key). */
    async activityTotalsBy(
      dimension: ActivityDimension,
      f: ActivityFigureFilter,
    ): Promise<Array<{ key: string } & ActivityTotals>> {
      const groups = await ledger.group({ by: [dimension], where: matching(f), measures });
      return groups.map(({ key, measures: m }) => ({
        key: String(key[dimension]),
        ...totals(m),
      }));
    },
    /**
     * P-20 `distinctEnterprisesTrained`: enterprises taking part in at least one matching
     * activity, flagged approximate when one of those activities is. The store counts and sums
     * but has no distinct count over a list field, so only the matching rows are read, a page at
     * a time, and their enterprise ids united.
     */
    async distinctEnterprisesTrained(f: ActivityFigureFilter): Promise<ApproximateFigure> {
      const enterprises = new Set<string>();
      let approximate = false;
      let cursor: string | undefined;
      do {
        const page = await ledger.find({
          where: matching(f),
          limit: 500,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const { document } of page.items) {
          for (const id of document.enterpriseIds) enterprises.add(id);
          if (document.enterpriseIds.length > 0 && document.approximate) approximate = true;
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return { value: enterprises.size, approximate };
    },
    /**
     * P-20 plans revised and published (EP-1): plans with a version published in the period and
     * by T that is a revision (a version after the first, or the first of a rewritten plan).
     * Each plan counts once however many of its revisions were published.
     */
    async plansRevisedAndPublished(f: {
      readonly asOf: string;
      readonly period?: LocalPeriod;
    }): Promise<number> {
      const T = at(f.asOf);
      let publishedAt: { lte: string; gte?: string; lt?: string } = { lte: T };
      if (f.period !== undefined) {
        checkPeriod(f.period);
        publishedAt = {
          lte: T,
          gte: startOfLocalDay(f.period.from, policy.timezone).toISOString(),
          lt: startOfLocalDay(f.period.to, policy.timezone).toISOString(),
        };
      }
      const groups = await plans.group({
        by: ['planId'],
        where: { and: [{ publishedAt }, { isRevision: true }] },
        measures: { versions: { count: true } },
      });
      return groups.length;
    },
  };
}
