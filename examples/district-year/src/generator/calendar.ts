import { addDays, type LocalDate, startOfLocalDay } from '@safeledger/core';

/** Instants and days of the scenario's year, in its time zone. */
export interface YearCalendar {
  /** The first working day the generator uses. */
  readonly first: LocalDate;
  /** The local date of the as-of instant. */
  readonly last: LocalDate;
  /** Days from `first` to `last`. */
  readonly span: number;
  /** The local date `offset` days after `first`. */
  day(offset: number): LocalDate;
  /** The instant at `hour:minute` local time on `date`, as ISO-8601 UTC. */
  at(date: LocalDate, hour: number, minute?: number): string;
}

/** The calendar of a year up to its as-of date, in a time zone. */
export function yearCalendar(year: number, last: LocalDate, timeZone: string): YearCalendar {
  const first = `${year}-01-02`;
  const span = Math.round(
    (startOfLocalDay(last, timeZone).getTime() - startOfLocalDay(first, timeZone).getTime()) /
      86_400_000,
  );
  return {
    first,
    last,
    span,
    day: (offset) => addDays(first, offset),
    at: (date, hour, minute = 0) =>
      new Date(
        startOfLocalDay(date, timeZone).getTime() + (hour * 60 + minute) * 60_000,
      ).toISOString(),
  };
}
