import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { addDays, daysBetween } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import {
  createHazardLedgerProjection,
  type HazardLedgerRow,
  type hazardLedgerFields,
} from './hazard-ledger.js';

type Fields = typeof hazardLedgerFields;
type Condition = Where<Fields>;

/** The filter `F` of spec §5; every figure also takes an explicit `asOf` (T). */
export interface HazardFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
  /** Period P as instants `[from, to)`: hazards registered (P-2…P-4) or closed (P-2b) in it. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly areaId?: string;
  readonly sectorCode?: string;
  /** Grade as of T (`grade(h, T)`). */
  readonly grade?: 'general' | 'major';
  readonly source?: string;
  readonly campaignId?: string;
  readonly subjectKind?: 'enterprise' | 'venue' | 'site';
  /** The supervising organisation. */
  readonly orgId?: string;
  /** Any of these supervising organisations (e.g. an organisation and the ones below it). */
  readonly orgIds?: readonly string[];
  /** Any of these subjects (e.g. an enterprise, the sites it is on and the venues it runs). */
  readonly subjects?: readonly {
    readonly kind: 'enterprise' | 'venue' | 'site';
    readonly id: string;
  }[];
  /** `true`: only hazards found in an inspection (I-5); `false`: only hazards found otherwise. */
  readonly fromInspection?: boolean;
}

/** A cohort figure: its counts and the exact rate (§6). */
export interface CohortRate {
  readonly found: number;
  readonly rectified: number;
  readonly rate: Rate;
}

/** The on-time figure of P-4. */
export interface OnTimeRate {
  readonly eligible: number;
  readonly onTime: number;
  readonly rate: Rate;
}

/** A P-5 overdue row: the ledger row and its days overdue as of T. */
export interface OverdueRow {
  readonly row: HazardLedgerRow;
  readonly daysOverdue: number;
}

/** A P-7 backlog row with its SLA breach as of T (majors only; `null` for generals). */
export interface BacklogRow {
  readonly row: HazardLedgerRow;
  readonly slaBreached: boolean | null;
}

/** Dimensions a cohort rate can be broken down by. */
export type HazardDimension =
  | 'areaId'
  | 'sectorCode'
  | 'source'
  | 'subjectKind'
  | 'supervisingOrgId';

/**
 * The hazard figures P-2…P-7 over the hazard ledger, computed in the store at query time from
 * stored instants and dates (G-6), honouring the policy's `rectifiedMeans`, `deadlineMetBy`,
 * `timezone` and `regulatorVerificationWithinDays`.
 *
 * Known limit: the ledger keeps the latest regrade only, so `grade(h, T)` is exact when at most
 * one regrade of a hazard happened after T.
 */
export function createHazardFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const projection = createHazardLedgerProjection({ timezone: policy.timezone });
  const ledger = createProjectionQuery(store, projection);
  const tz = policy.timezone;
  const rectifiedField = (
    { closed: 'closedAt', verified: 'verifiedAt', completed: 'completedAt' } as const
  )[policy.rectifiedMeans];
  const metField = policy.deadlineMetBy === 'completion' ? 'completedAt' : 'closedAt';

  const at = (instant: string) => new Date(instant).toISOString();
  /** The latest local date whose end (23:59:59.999) is at or before T. */
  const lastEndedDate = (T: string) => {
    const today = localDateOf(T, tz);
    return endOfLocalDay(today, tz).getTime() <= Date.parse(T) ? today : addDays(today, -1);
  };
  const gradeAsOf = (T: string, grade: string): Condition => ({
    or: [
      { gradeSetAt: { isNull: true }, grade },
      { gradeSetAt: { lte: T }, grade },
      { gradeSetAt: { gt: T }, gradeBefore: grade },
    ],
  });
  const notVoided = (T: string): Condition => ({
    or: [{ voidedAt: { isNull: true } }, { voidedAt: { gt: T } }],
  });
  const filterOf = (f: HazardFigureFilter): Condition[] => {
    const T = at(f.asOf);
    const parts: Condition[] = [];
    if (f.areaId !== undefined) parts.push({ areaId: f.areaId });
    if (f.sectorCode !== undefined) parts.push({ sectorCode: f.sectorCode });
    if (f.source !== undefined) parts.push({ source: f.source });
    if (f.campaignId !== undefined) parts.push({ campaignIds: { contains: f.campaignId } });
    if (f.subjectKind !== undefined) parts.push({ subjectKind: f.subjectKind });
    if (f.orgId !== undefined) parts.push({ supervisingOrgId: f.orgId });
    if (f.orgIds !== undefined) parts.push({ supervisingOrgId: { in: [...f.orgIds] } });
    if (f.subjects !== undefined) {
      parts.push({ or: f.subjects.map((s) => ({ subjectKind: s.kind, subjectId: s.id })) });
    }
    if (f.fromInspection !== undefined) {
      parts.push({ inspectionId: { isNull: !f.fromInspection } });
    }
    if (f.grade !== undefined) parts.push(gradeAsOf(T, f.grade));
    return parts;
  };
  /** `Found(F, P, T)`: registered in P and by T, not voided by T, matching F. */
  const found = (f: HazardFigureFilter): Condition => {
    const T = at(f.asOf);
    const registered: Condition = {
      registeredAt:
        f.period === undefined
          ? { lte: T }
          : { lte: T, gte: at(f.period.from), lt: at(f.period.to) },
    };
    return { and: [registered, notVoided(T), ...filterOf(f)] };
  };
  const cohort = async (where: Condition, T: string): Promise<CohortRate> => {
    const [group] = await ledger.group({
      where,
      measures: {
        found: { count: true },
        rectified: { count: true, where: { [rectifiedField]: { lte: T } } },
      },
    });
    const counts = group?.measures ?? { found: 0, rectified: 0 };
    return {
      found: counts.found,
      rectified: counts.rectified,
      rate: rateOf(counts.rectified, counts.found),
    };
  };

  return {
    /** The ledger query itself (P-1): filter, sort and page the rows directly. */
    ledger,
    /** P-2 rectification rate: hazards found in P, rectified by T. */
    rectificationRate(f: HazardFigureFilter): Promise<CohortRate> {
      return cohort(found(f), at(f.asOf));
    },
    /** P-2 broken down by one dimension (groups ordered by key, nulls first). */
    async rectificationRateBy(
      dimension: HazardDimension,
      f: HazardFigureFilter,
    ): Promise<Array<{ key: string | null } & CohortRate>> {
      const T = at(f.asOf);
      const groups = await ledger.group({
        by: [dimension],
        where: found(f),
        measures: {
          found: { count: true },
          rectified: { count: true, where: { [rectifiedField]: { lte: T } } },
        },
      });
      return groups.map(({ key, measures }) => ({
        key: (key[dimension] as string | null) ?? null,
        found: measures.found,
        rectified: measures.rectified,
        rate: rateOf(measures.rectified, measures.found),
      }));
    },
    /** P-2b closures flow: hazards closed in P (and by T), whenever found. Never mixed with P-2. */
    async closuresFlow(f: HazardFigureFilter): Promise<number> {
      const T = at(f.asOf);
      const closed: Condition =
        f.period === undefined
          ? { closedAt: { lte: T } }
          : { closedAt: { lte: T, gte: at(f.period.from), lt: at(f.period.to) } };
      return ledger.count({ where: { and: [closed, ...filterOf(f)] } });
    },
    /** P-3 major-hazard rate: P-2 over majors as of T known to the regulator by T. */
    majorHazardRate(f: HazardFigureFilter): Promise<CohortRate> {
      const T = at(f.asOf);
      const where: Condition = {
        and: [found(f), gradeAsOf(T, 'major'), { knownToRegulatorAt: { lte: T } }],
      };
      return cohort(where, T);
    },
    /** P-4 on-time rate (strict: against the original deadline). */
    async onTimeRate(f: HazardFigureFilter & { readonly strict?: boolean }): Promise<OnTimeRate> {
      const T = at(f.asOf);
      const deadlineField = f.strict === true ? 'originalDeadline' : 'deadline';
      const onTimeField = `${metField === 'completedAt' ? 'completedOnTime' : 'closedOnTime'}${f.strict === true ? 'Strict' : ''}`;
      const eligible: Condition = {
        and: [
          found(f),
          {
            or: [{ [deadlineField]: { lte: lastEndedDate(T) } }, { [metField]: { lte: T } }],
          },
        ],
      };
      const [group] = await ledger.group({
        where: eligible,
        measures: {
          eligible: { count: true },
          onTime: { count: true, where: { [metField]: { lte: T }, [onTimeField]: true } },
        },
      });
      const counts = group?.measures ?? { eligible: 0, onTime: 0 };
      return { ...counts, rate: rateOf(counts.onTime, counts.eligible) } as OnTimeRate;
    },
    /** P-5 overdue hazards as of T, most days overdue first, one keyset page at a time. */
    async overdueLedger(
      f: HazardFigureFilter & { readonly limit?: number; readonly cursor?: string },
    ): Promise<{ rows: OverdueRow[]; total: number; nextCursor: string | undefined }> {
      const T = at(f.asOf);
      const today = localDateOf(T, tz);
      const where: Condition = {
        and: [
          { registeredAt: { lte: T } },
          notVoided(T),
          { or: [{ [metField]: { isNull: true } }, { [metField]: { gt: T } }] },
          { deadline: { lt: today } },
          ...filterOf(f),
        ],
      };
      const page = await ledger.find({
        where,
        orderBy: [{ field: 'deadline', direction: 'asc' }],
        limit: f.limit ?? 50,
        ...(f.cursor === undefined ? {} : { cursor: f.cursor }),
      });
      return {
        rows: page.items.map(({ document }) => ({
          row: document,
          daysOverdue: daysBetween(document.deadline, today),
        })),
        total: await ledger.count({ where }),
        nextCursor: page.nextCursor,
      };
    },
    /** P-5 counts of overdue hazards per area as of T. */
    async overdueByArea(
      f: HazardFigureFilter,
    ): Promise<Array<{ areaId: string | null; overdue: number }>> {
      const T = at(f.asOf);
      const groups = await ledger.group({
        by: ['areaId'],
        where: {
          and: [
            { registeredAt: { lte: T } },
            notVoided(T),
            { or: [{ [metField]: { isNull: true } }, { [metField]: { gt: T } }] },
            { deadline: { lt: localDateOf(T, tz) } },
            ...filterOf(f),
          ],
        },
        measures: { overdue: { count: true } },
      });
      return groups.map(({ key, measures }) => ({
        areaId: (key.areaId as string | null) ?? null,
        overdue: measures.overdue,
      }));
    },
    /**
     * P-7 verification backlog as of T: requested by T, not yet answered or closed by T; a major's
     * SLA is breached when T is past the request plus `regulatorVerificationWithinDays`.
     */
    async verificationBacklog(
      f: HazardFigureFilter & { readonly limit?: number; readonly cursor?: string },
    ): Promise<{
      rows: BacklogRow[];
      total: number;
      breached: number;
      nextCursor: string | undefined;
    }> {
      const T = at(f.asOf);
      const slaStart = new Date(
        Date.parse(T) - policy.regulatorVerificationWithinDays * 86_400_000,
      ).toISOString();
      const where: Condition = {
        and: [
          { registeredAt: { lte: T } },
          notVoided(T),
          { verificationRequestedAt: { lte: T } },
          {
            or: [
              { verificationAnsweredAt: { isNull: true } },
              { verificationAnsweredAt: { gt: T } },
            ],
          },
          { or: [{ closedAt: { isNull: true } }, { closedAt: { gt: T } }] },
          ...filterOf(f),
        ],
      };
      const page = await ledger.find({
        where,
        orderBy: [{ field: 'verificationRequestedAt', direction: 'asc' }],
        limit: f.limit ?? 50,
        ...(f.cursor === undefined ? {} : { cursor: f.cursor }),
      });
      const majorAt = (row: HazardLedgerRow) =>
        row.gradeSetAt === null || Date.parse(row.gradeSetAt) <= Date.parse(T)
          ? row.grade === 'major'
          : row.gradeBefore === 'major';
      const [counts] = await ledger.group({
        where,
        measures: {
          total: { count: true },
          breached: {
            count: true,
            where: { and: [gradeAsOf(T, 'major'), { verificationRequestedAt: { lt: slaStart } }] },
          },
        },
      });
      return {
        rows: page.items.map(({ document }) => ({
          row: document,
          slaBreached: majorAt(document)
            ? Date.parse(T) >
              Date.parse(document.verificationRequestedAt!) +
                policy.regulatorVerificationWithinDays * 86_400_000
            : null,
        })),
        total: counts?.measures.total ?? 0,
        breached: counts?.measures.breached ?? 0,
        nextCursor: page.nextCursor,
      };
    },
  };
}
