import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { localDateOf, startOfLocalDay } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from '../rates/rate.js';
import { type CohortRate, createHazardFigures } from './hazard-figures.js';
import { createVenueRegisterProjection, type venueRegisterFields } from './venue-register.js';

type Fields = typeof venueRegisterFields;
type Condition = Where<Fields>;

/** The filter of P-10…P-13: an explicit `asOf` (T) and the venue's area and category. */
export interface VenueFigureFilter {
  /** As-of instant T (ISO-8601 with offset). */
  readonly asOf: string;
  readonly areaId?: string;
  readonly category?: string;
}

/**
 * A calendar period in the policy's time zone: a year, a quarter of it (1–4) or a month of it
 * (1–12), never both.
 */
export interface CalendarPeriod {
  readonly year: number;
  readonly quarter?: number;
  readonly month?: number;
}

/** P-11 or P-12 of one period: venues active at its end, those of them covered, and the rate. */
export interface VenueCoverageRate {
  /** Venues active at the end of the period (the denominator). */
  readonly active: number;
  /** Of them, venues patrolled (P-11) or self-checked (P-12) in the period. */
  readonly covered: number;
  readonly rate: Rate;
}

/** P-10 at T: the four marking rates and the fully marked rate over the venues active at T. */
export interface VenueMarkingRates {
  /** `#Active(T)`, the denominator of every rate. */
  readonly active: number;
  readonly industry: Rate;
  readonly special: Rate;
  readonly territorial: Rate;
  readonly fireAdvisor: Rate;
  /** All four valid markings at T. */
  readonly fullyMarked: Rate;
  /** Active venues whose current industry marking is invalid (V-6), as the register knows now. */
  readonly invalidIndustryMarkings: number;
}

/** P-13 venue statistics. */
export interface VenueStatistics {
  /** Venues registered (录入) by T, deregistered or not. */
  readonly registered: number;
  /** Venues active at T (registered, not deregistered). */
  readonly active: number;
  /** Distinct venues with a regulator spot check in the period (V-7: patrol or inspection). */
  readonly spotChecked: number;
  /** P-2 over hazards with subject kind `venue` found in the period, rectified by T. */
  readonly hazards: CohortRate;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The venue figures P-10…P-13 over the venue register, each a count of register rows in the
 * store (a venue is one row, so counts are of distinct venues); the venue hazards of P-13 are the
 * hazard figures' P-2 with subject kind `venue`.
 *
 * Known limits: the register keeps the latest span of each marking role, so a marking rate at a
 * T before the latest loss and regain of a role is not exact. The patrol, spot-check and
 * self-check figures follow the spec's formulas over a whole calendar period (the register keeps
 * months, not instants), so T must fall on the period's last local day or later.
 */
export function createVenueFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const tz = policy.timezone;
  const register = createProjectionQuery(store, createVenueRegisterProjection(policy));
  const hazards = createHazardFigures({ store, policy });
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };
  const filterOf = (f: VenueFigureFilter): Condition[] => {
    const parts: Condition[] = [];
    if (f.areaId !== undefined) parts.push({ areaId: f.areaId });
    if (f.category !== undefined) parts.push({ category: f.category });
    return parts;
  };
  const activeAt = (E: string): Condition => ({
    and: [
      { registeredAt: { lte: E } },
      { or: [{ deregisteredAt: { isNull: true } }, { deregisteredAt: { gt: E } }] },
    ],
  });
  const markedAt = (role: 'territorial' | 'industry' | 'special' | 'fireAdvisor', T: string) =>
    ({
      and: [
        { [`${role}From`]: { lte: T } },
        { or: [{ [`${role}Until`]: { isNull: true } }, { [`${role}Until`]: { gt: T } }] },
      ],
    }) as Condition;
  /** The period's local months (`YYYY-MM`) and its bounds as instants `[from, to)`. */
  const periodOf = (p: CalendarPeriod) => {
    if (!Number.isInteger(p.year) || p.year < 1 || p.year > 9999) {
      throw new RangeError(`period year must be an integer from 1 to 9999, got ${p.year}`);
    }
    if (p.quarter !== undefined && p.month !== undefined) {
      throw new RangeError(
        'a period is a year, a quarter or a month: give quarter or month, not both',
      );
    }
    let first = 1;
    let count = 12;
    if (p.quarter !== undefined) {
      if (!Number.isInteger(p.quarter) || p.quarter < 1 || p.quarter > 4) {
        throw new RangeError(`period quarter must be 1 to 4, got ${p.quarter}`);
      }
      first = (p.quarter - 1) * 3 + 1;
      count = 3;
    }
    if (p.month !== undefined) {
      if (!Number.isInteger(p.month) || p.month < 1 || p.month > 12) {
        throw new RangeError(`period month must be 1 to 12, got ${p.month}`);
      }
      first = p.month;
      count = 1;
    }
    const months = Array.from({ length: count }, (_, i) => `${p.year}-${pad(first + i)}`);
    const next = first + count;
    const from = startOfLocalDay(`${p.year}-${pad(first)}-01`, tz).toISOString();
    const to = startOfLocalDay(
      next > 12 ? `${p.year + 1}-01-01` : `${p.year}-${pad(next)}-01`,
      tz,
    ).toISOString();
    return { months, from, to, end: new Date(Date.parse(to) - 1).toISOString() };
  };
  /**
   * The period, which must be over at T: T falls on its last local day or later. The register
   * keeps months, not instants, so the figure is the spec's formula over the whole period.
   */
  const endedPeriod = (p: CalendarPeriod, T: string, what: string) => {
    const period = periodOf(p);
    const lastDay = localDateOf(period.end, tz);
    if (localDateOf(T, tz) < lastDay) {
      throw new RangeError(
        `${what} of ${period.months[0]}…${period.months.at(-1)} needs an asOf on or after the period's last day (${lastDay}), got ${T}`,
      );
    }
    return period;
  };
  const inMonths = (
    field: 'patrolMonths' | 'spotCheckMonths' | 'selfCheckMonths',
    months: string[],
  ) => ({ or: months.map((month) => ({ [field]: { contains: month } })) }) as Condition;
  const coverage = async (
    f: VenueFigureFilter,
    p: CalendarPeriod,
    field: 'patrolMonths' | 'selfCheckMonths',
    what: string,
  ): Promise<VenueCoverageRate> => {
    const period = endedPeriod(p, at(f.asOf), what);
    const [group] = await register.group({
      where: { and: [activeAt(period.end), ...filterOf(f)] },
      measures: {
        active: { count: true },
        covered: { count: true, where: inMonths(field, period.months) },
      },
    });
    const active = group?.measures.active ?? 0;
    const covered = group?.measures.covered ?? 0;
    return { active, covered, rate: rateOf(covered, active) };
  };

  return {
    /** The register query itself: filter, sort and page the venue rows directly. */
    register,
    /** P-10 marking rates at T over the venues active at T (V-6: invalid industry markings do not count). */
    async markingRates(f: VenueFigureFilter): Promise<VenueMarkingRates> {
      const T = at(f.asOf);
      const roles = ['industry', 'special', 'territorial', 'fireAdvisor'] as const;
      const [group] = await register.group({
        where: { and: [activeAt(T), ...filterOf(f)] },
        measures: {
          active: { count: true },
          industry: { count: true, where: markedAt('industry', T) },
          special: { count: true, where: markedAt('special', T) },
          territorial: { count: true, where: markedAt('territorial', T) },
          fireAdvisor: { count: true, where: markedAt('fireAdvisor', T) },
          fullyMarked: { count: true, where: { and: roles.map((role) => markedAt(role, T)) } },
          invalidIndustryMarkings: { count: true, where: { invalidIndustryMarking: true } },
        },
      });
      const m = group?.measures;
      const active = m?.active ?? 0;
      const r = (name: (typeof roles)[number] | 'fullyMarked') => rateOf(m?.[name] ?? 0, active);
      return {
        active,
        industry: r('industry'),
        special: r('special'),
        territorial: r('territorial'),
        fireAdvisor: r('fireAdvisor'),
        fullyMarked: r('fullyMarked'),
        invalidIndustryMarkings: m?.invalidIndustryMarkings ?? 0,
      };
    },
    /**
     * P-11 quarterly patrol rate (季度场所巡查率): of the venues active at the end of the quarter,
     * those with a patrol in it (V-7: routine, spot check, or a completed venue inspection).
     * @throws RangeError when T is before the quarter's last day, or for a bad period.
     */
    patrolRate(
      f: VenueFigureFilter & { readonly year: number; readonly quarter: number },
    ): Promise<VenueCoverageRate> {
      return coverage(f, { year: f.year, quarter: f.quarter }, 'patrolMonths', 'P-11');
    },
    /**
     * P-12 monthly self-check completion rate (月度场所自查完成率): of the venues active at the
     * end of the month, those with a completed self-check in it.
     * @throws RangeError when T is before the month's last day, or for a bad period.
     */
    selfCheckRate(
      f: VenueFigureFilter & { readonly year: number; readonly month: number },
    ): Promise<VenueCoverageRate> {
      return coverage(f, { year: f.year, month: f.month }, 'selfCheckMonths', 'P-12');
    },
    /**
     * P-13 venue statistics: venues registered and active at T, distinct venues spot-checked in
     * the period, and the venue hazards found in the period and rectified by T (the hazards are
     * filtered by area only: the hazard ledger keeps no venue category).
     * @throws RangeError when T is before the period's last day, or for a bad period.
     */
    async statistics(
      f: VenueFigureFilter & { readonly period: CalendarPeriod },
    ): Promise<VenueStatistics> {
      const T = at(f.asOf);
      const period = endedPeriod(f.period, T, 'P-13 spotChecked');
      const [group] = await register.group({
        where: { and: [{ registeredAt: { isNull: false } }, ...filterOf(f)] },
        measures: {
          registered: { count: true, where: { registeredAt: { lte: T } } },
          active: { count: true, where: activeAt(T) },
          spotChecked: { count: true, where: inMonths('spotCheckMonths', period.months) },
        },
      });
      const venueHazards = await hazards.rectificationRate({
        asOf: f.asOf,
        period: { from: period.from, to: period.to },
        subjectKind: 'venue',
        ...(f.areaId === undefined ? {} : { areaId: f.areaId }),
      });
      return {
        registered: group?.measures.registered ?? 0,
        active: group?.measures.active ?? 0,
        spotChecked: group?.measures.spotChecked ?? 0,
        hazards: venueHazards,
      };
    },
  };
}
