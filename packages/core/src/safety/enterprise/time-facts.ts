import { addDays, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, startOfLocalDay } from '../calendar/time-zone.js';
import type { RegisteredEnterprise, StandardizationAward } from './state.js';
import type { StandardizationGrade } from './values.js';

// Every fact here is computed from the recorded events and an `asOf` instant, never stored (G-6).

/** Where a filing stands at `asOf`: filed in time, filed late, missing past its due date, or not yet due. */
export type FilingStatus = 'on_time' | 'late' | 'overdue' | 'not_due';

/** The first and last local dates of a statistics period and its due date (E-5). */
export interface PeriodBounds {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly dueOn: LocalDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The bounds of a statistics period: `Qn-YYYY` is due by the 15th day of the following quarter,
 * `YYYY` by 31 January of the next year (E-5). `undefined` for a malformed period.
 */
export function statisticsPeriodBounds(period: string): PeriodBounds | undefined {
  const quarter = /^Q([1-4])-(\d{4})$/.exec(period);
  if (quarter !== null) {
    const q = Number(quarter[1]);
    const year = Number(quarter[2]);
    const start = `${year}-${pad(3 * q - 2)}-01`;
    const next = q === 4 ? `${year + 1}-01-01` : `${year}-${pad(3 * q + 1)}-01`;
    return { start, end: addDays(next, -1), dueOn: addDays(next, 14) };
  }
  if (/^\d{4}$/.test(period)) {
    const year = Number(period);
    return { start: `${year}-01-01`, end: `${year}-12-31`, dueOn: `${year + 1}-01-31` };
  }
  return undefined;
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = `${y + years}-${pad(m)}-${pad(d)}`;
  return m === 2 && d === 29 && !isLeap(y + years) ? `${y + years}-02-28` : target;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when the award is valid at `asOf` (E-3): awarded by then, not past `validUntil`, not revoked by then. */
export function isAwardValidAt(award: StandardizationAward, asOf: Date, timeZone: string): boolean {
  const t = asOf.getTime();
  if (t < startOfLocalDay(award.awardedOn, timeZone).getTime()) return false;
  if (t > endOfLocalDay(award.validUntil, timeZone).getTime()) return false;
  return award.revokedAt === null || Date.parse(award.revokedAt) > t;
}

/** The grade valid at `asOf`, if any: the latest award that is valid then (E-3). */
export function validGradeAt(
  state: RegisteredEnterprise,
  asOf: Date,
  timeZone: string,
): StandardizationGrade | undefined {
  const valid = state.standardization.filter((award) => isAwardValidAt(award, asOf, timeZone));
  return valid.at(-1)?.grade;
}

function statusOf(
  filedAt: string | undefined,
  dueOn: LocalDate,
  asOf: Date,
  timeZone: string,
): FilingStatus {
  const due = endOfLocalDay(dueOn, timeZone).getTime();
  if (filedAt !== undefined && Date.parse(filedAt) <= asOf.getTime()) {
    return Date.parse(filedAt) <= due ? 'on_time' : 'late';
  }
  return asOf.getTime() > due ? 'overdue' : 'not_due';
}

/**
 * Where the statistics filing of a period stands at `asOf` (E-5), judged on the first filing for
 * the period recorded by then. `undefined` for a malformed period.
 */
export function statisticsFilingStatus(
  state: RegisteredEnterprise,
  period: string,
  asOf: Date,
  timeZone: string,
): FilingStatus | undefined {
  const bounds = statisticsPeriodBounds(period);
  if (bounds === undefined) return undefined;
  const filing = state.statistics.find((f) => f.period === period);
  return statusOf(filing?.submittedAt, bounds.dueOn, asOf, timeZone);
}

/** Where the periodic risk report of `year` stands at `asOf` (E-4): due by 31 March of that year. */
export function periodicRiskReportStatus(
  state: RegisteredEnterprise,
  year: number,
  asOf: Date,
  timeZone: string,
): FilingStatus {
  const report = state.riskReports.find((r) => r.reportType === 'periodic' && r.year === year);
  return statusOf(report?.filedAt, `${year}-03-31`, asOf, timeZone);
}

/** The due date of a filed risk report (E-4): 30 days after acceptance, 31 March, or none for a change report. */
export function riskReportDueOn(report: {
  readonly reportType: 'initial' | 'periodic' | 'change';
  readonly year: number;
  readonly projectAcceptedOn: LocalDate | null;
}): LocalDate | null {
  if (report.reportType === 'initial' && report.projectAcceptedOn !== null) {
    return addDays(report.projectAcceptedOn, 30);
  }
  if (report.reportType === 'periodic') return `${report.year}-03-31`;
  return null;
}

/** True when a filed risk report was late (E-4); change reports have no deadline. */
export function isRiskReportLate(
  report: Parameters<typeof riskReportDueOn>[0] & { readonly filedAt: string },
  timeZone: string,
): boolean {
  const dueOn = riskReportDueOn(report);
  return dueOn !== null && Date.parse(report.filedAt) > endOfLocalDay(dueOn, timeZone).getTime();
}
