import type { EventStore } from '../../eventsourcing/event-store.js';
import { createProjectionQuery, type Where } from '../../eventsourcing/projection-query.js';
import { addDays, isLocalDate, type LocalDate } from '../calendar/local-date.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { LocalPeriod } from './activity-figures.js';
import { createDutyCoverageProjection, type dutyCoverageFields } from './duty-coverage.js';

type Condition = Where<typeof dutyCoverageFields>;

/** The filter of P-21. */
export interface DutyFigureFilter {
  /** As-of instant T (ISO-8601 with offset): only rosters scheduled by T count. */
  readonly asOf: string;
  /** The local days looked at, `[from, to)`. */
  readonly period: LocalPeriod;
  readonly orgId?: string;
}

/** P-21 for one local day. */
export interface DutyDay {
  readonly date: LocalDate;
  /** Rosters scheduled by T that cover the day's month. */
  readonly rosters: number;
  /** DR-1: some time of the day is on no shift (always so on a day no roster covers). */
  readonly gap: boolean;
  /** DR-1: some time of the day is on two shifts. */
  readonly overlap: boolean;
  /** DR-2: a shift of the day has no duty officer or no leader on call. */
  readonly withoutLeader: boolean;
}

/** P-21 over a period: days with each fault. */
export interface DutyCoverage {
  readonly days: number;
  /** Days no roster scheduled by T covers (counted among the gap days too). */
  readonly unrosteredDays: number;
  readonly gapDays: number;
  readonly overlapDays: number;
  readonly daysWithoutLeader: number;
}

/**
 * The duty figures P-21 over the duty-coverage read model: for each local day of a period, whether
 * the rosters scheduled by T leave a gap, overlap or a shift without a leader. Each month is one
 * query counting, in the store, the rosters whose indexed day lists name each day.
 */
export function createDutyFigures(options: {
  readonly store: EventStore;
  readonly policy: SupervisionPolicy;
}) {
  const { store, policy } = options;
  const coverage = createProjectionQuery(store, createDutyCoverageProjection(policy));
  const at = (instant: string) => {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new TypeError(`"${instant}" is not a valid instant`);
    return new Date(ms).toISOString();
  };

  async function byDay(f: DutyFigureFilter): Promise<DutyDay[]> {
    const { from, to } = f.period;
    for (const date of [from, to]) {
      if (!isLocalDate(date)) throw new TypeError(`"${date}" is not a date written YYYY-MM-DD`);
    }
    const T = at(f.asOf);
    const months = new Map<string, LocalDate[]>();
    for (let date = from; date < to; date = addDays(date, 1)) {
      const month = date.slice(0, 7);
      months.set(month, [...(months.get(month) ?? []), date]);
    }
    const result: DutyDay[] = [];
    for (const [month, dates] of months) {
      const where: Condition = {
        and: [
          { month },
          { scheduledAt: { lte: T } },
          ...(f.orgId === undefined ? [] : [{ orgId: f.orgId }]),
        ],
      };
      const measures: Record<string, { count: true; where?: Condition }> = {
        rosters: { count: true },
      };
      for (const date of dates) {
        measures[`gap ${date}`] = { count: true, where: { gapDates: { contains: date } } };
        measures[`overlap ${date}`] = { count: true, where: { overlapDates: { contains: date } } };
        measures[`leader ${date}`] = {
          count: true,
          where: { leaderlessDates: { contains: date } },
        };
      }
      const [group] = await coverage.group({ where, measures });
      const m = (name: string) => group?.measures[name] ?? 0;
      const rosters = m('rosters');
      for (const date of dates) {
        result.push({
          date,
          rosters,
          gap: rosters === 0 || m(`gap ${date}`) > 0,
          overlap: m(`overlap ${date}`) > 0,
          withoutLeader: m(`leader ${date}`) > 0,
        });
      }
    }
    return result;
  }

  return {
    /** The read model query itself: one row per month's roster. */
    coverage,
    /** P-21 per local day of the period. */
    dutyCoverageByDay: byDay,
    /** P-21 over the period: how many days have each fault. */
    async dutyCoverage(f: DutyFigureFilter): Promise<DutyCoverage> {
      const days = await byDay(f);
      const count = (test: (day: DutyDay) => boolean) => days.filter(test).length;
      return {
        days: days.length,
        unrosteredDays: count((d) => d.rosters === 0),
        gapDays: count((d) => d.gap),
        overlapDays: count((d) => d.overlap),
        daysWithoutLeader: count((d) => d.withoutLeader),
      };
    },
  };
}
