// Calendar arithmetic the policy invariants state their deadlines in (G-7: dates are local
// calendar dates in the policy's time zone). Written here from the spec, not taken from core, so
// an invariant never agrees with the decider merely because both call the same helper.

const DAY = 86_400_000;

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDateIn(instant: string | number | Date, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(instant));
}

// Building a DateTimeFormat costs far more than formatting with one; rosters format thousands
// of instants per run.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`; negative goes back). */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The first instant of a local date in a time zone (found by bisection, so any offset works). */
export function startOfLocalDate(date: string, timeZone: string): number {
  let lo = Date.parse(`${date}T00:00:00Z`) - 2 * DAY;
  let hi = lo + 4 * DAY;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDateIn(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}
