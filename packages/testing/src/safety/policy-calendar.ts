// Calendar arithmetic the policy invariants state their deadlines in (G-7: dates are local
// calendar dates in the policy's time zone). Written here from the spec, not taken from core, so
// an invariant never agrees with the decider merely because both call the same helper.

const DAY = 86_400_000;

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDateIn(instant: string | number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`; negative goes back). */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The calendar date `years` after `date`; 29 February falls back to 28 February (§4.8 validity). */
export function plusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
