import { addDays, startOfLocalDay } from '@safeledger/core';

/** A period P of spec §5: a calendar year, quarter, month or day, e.g. `2024`, `2024-Q3`, `2024-05`, `2024-05-17`. */
export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$/;

/**
 * The instants `[from, to)` of a calendar period in the policy's time zone (G-7: a day runs from
 * local midnight to local midnight), or undefined when the text names no real period.
 */
export function periodRange(
  period: string,
  timezone: string,
): { from: string; to: string } | undefined {
  const match = PERIOD_PATTERN.exec(period);
  if (match === null) return undefined;
  const [, year = '', quarter, month, day] = match;
  const y = Number(year);
  const pad = (n: number) => String(n).padStart(2, '0');
  let first: string;
  let next: string;
  if (day !== undefined) {
    first = `${year}-${month}-${day}`;
    // Reject 2024-02-30: the date must survive a round trip through the calendar.
    const date = new Date(`${first}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== first) return undefined;
    next = addDays(first, 1);
  } else if (month !== undefined) {
    const m = Number(month);
    first = `${year}-${month}-01`;
    next = m === 12 ? `${y + 1}-01-01` : `${year}-${pad(m + 1)}-01`;
  } else if (quarter !== undefined) {
    const m = (Number(quarter) - 1) * 3 + 1;
    first = `${year}-${pad(m)}-01`;
    next = m === 10 ? `${y + 1}-01-01` : `${year}-${pad(m + 3)}-01`;
  } else {
    first = `${year}-01-01`;
    next = `${y + 1}-01-01`;
  }
  return {
    from: startOfLocalDay(first, timezone).toISOString(),
    to: startOfLocalDay(next, timezone).toISOString(),
  };
}
