import { addDays, type LocalDate } from '../calendar/local-date.js';
import { localDateOf, startOfLocalDay } from '../calendar/time-zone.js';

/** A shift as coverage sees it: `[start, end)`. */
export interface CoveredInterval {
  readonly shiftId: string;
  readonly start: string;
  readonly end: string;
}

/** A fault of a roster's coverage (DR-1). */
export type CoverageProblem =
  | {
      readonly kind: 'gap' | 'overlap';
      readonly shiftId: string | null;
      readonly from: string;
      readonly to: string;
      readonly date: LocalDate;
    }
  | { readonly kind: 'outside_month' | 'empty'; readonly shiftId: string };

/** The first and the last local day of a month `YYYY-MM`. */
export function daysOfMonth(month: string): { first: LocalDate; nextFirst: LocalDate } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const nextFirst = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, nextFirst };
}

/**
 * Where a month's shifts fail to cover every local day from 00:00 to 24:00 exactly once (DR-1):
 * gaps and overlaps between consecutive shifts (ordered by start), shifts reaching outside the
 * month, shifts that end at or before their start. The month runs from the first instant of its
 * first local day to the first instant of the next month's, in `timeZone`, so days of 23 or 25
 * hours (daylight-saving jumps) count for what they are. Empty when the roster is complete.
 */
export function coverageProblems(
  shifts: readonly CoveredInterval[],
  month: string,
  timeZone: string,
): CoverageProblem[] {
  const { first, nextFirst } = daysOfMonth(month);
  const monthStart = startOfLocalDay(first, timeZone).getTime();
  const monthEnd = startOfLocalDay(nextFirst, timeZone).getTime();
  const problems: CoverageProblem[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => localDateOf(new Date(ms), timeZone);
  const ordered = [...shifts].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end),
  );
  let cursor = monthStart;
  for (const shift of ordered) {
    const start = Date.parse(shift.start);
    const end = Date.parse(shift.end);
    if (end <= start) {
      problems.push({ kind: 'empty', shiftId: shift.shiftId });
      continue;
    }
    if (start < monthStart || end > monthEnd)
      problems.push({ kind: 'outside_month', shiftId: shift.shiftId });
    if (start > cursor)
      problems.push({
        kind: 'gap',
        shiftId: null,
        from: iso(cursor),
        to: iso(start),
        date: day(cursor),
      });
    if (start < cursor) {
      problems.push({
        kind: 'overlap',
        shiftId: shift.shiftId,
        from: iso(start),
        to: iso(Math.min(cursor, end)),
        date: day(start),
      });
    }
    cursor = Math.max(cursor, end);
  }
  if (cursor < monthEnd)
    problems.push({
      kind: 'gap',
      shiftId: null,
      from: iso(cursor),
      to: iso(monthEnd),
      date: day(cursor),
    });
  return problems;
}

/** The local days `[start, end)` touches, in order. */
export function localDaysTouched(start: string, end: string, timeZone: string): LocalDate[] {
  const last = localDateOf(new Date(Date.parse(end) - 1), timeZone);
  const days: LocalDate[] = [];
  for (let date = localDateOf(start, timeZone); date <= last; date = addDays(date, 1))
    days.push(date);
  return days;
}
