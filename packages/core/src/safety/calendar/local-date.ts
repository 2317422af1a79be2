import { z } from 'zod';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A calendar date without time (`YYYY-MM-DD`), read in the policy's timezone (G-7). */
export type LocalDate = string;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2024-02-30 is not). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** A calendar date `YYYY-MM-DD` (deadlines, due dates; G-7). */
export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'expected a calendar date written YYYY-MM-DD' })
  .meta({
    title: 'LocalDate',
    description:
      'A calendar date `YYYY-MM-DD` without time, read in the policy timezone: "by 2024-03-10" means at or before 2024-03-10 23:59:59.999 local time (G-7).',
  });

/**
 * Days since 1970-01-01 of a local date: calendar arithmetic on dates never involves a timezone.
 *
 * @throws TypeError when `date` is not a calendar date.
 */
export function epochDay(date: LocalDate): number {
  if (!isLocalDate(date)) throw new TypeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The local date `days` after (or, if negative, before) `date`. @throws TypeError on a malformed date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new TypeError(`days must be an integer, got ${days}`);
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). @throws TypeError on a malformed date. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/** Orders two local dates: negative, zero or positive like a sort comparator. @throws TypeError on a malformed date. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(epochDay(a) - epochDay(b));
}
