import { addDays, epochDay, type LocalDate } from './local-date.js';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

// Intl is the one timezone database that exists in every runtime (Node and browsers alike).
function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** True when the runtime knows the IANA timezone (e.g. `Asia/Shanghai`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock milliseconds (as if UTC) shown in `timeZone` at `epochMs`. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const hour = parts.hour === 24 ? 0 : (parts.hour ?? 0);
  const seconds = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    hour,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // formatToParts drops milliseconds; put them back so the offset stays whole minutes.
  return seconds + (((epochMs % 1000) + 1000) % 1000);
}

function toEpochMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`"${String(instant)}" is not a valid instant`);
  return ms;
}

/**
 * The offset of `timeZone` from UTC at an instant, in milliseconds (+8 h for Asia/Shanghai).
 *
 * @throws RangeError for an unknown timezone; TypeError for an invalid instant.
 */
export function timeZoneOffsetMs(instant: Date | string, timeZone: string): number {
  const ms = toEpochMs(instant);
  return wallClockMs(ms, timeZone) - ms;
}

/**
 * The calendar date in `timeZone` at an instant (G-7): 2024-03-01T16:00:00Z is 2024-03-02 in
 * Asia/Shanghai.
 *
 * @throws RangeError for an unknown timezone; TypeError for an invalid instant.
 */
export function localDateOf(instant: Date | string, timeZone: string): LocalDate {
  return new Date(wallClockMs(toEpochMs(instant), timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of a local date in `timeZone`. Where a daylight-saving jump skips local
 * midnight, the day starts at the jump.
 *
 * @throws RangeError for an unknown timezone; TypeError for a malformed date.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const wall = epochDay(date) * DAY_MS;
  // The offset a day before and a day after bracket any transition near this midnight.
  const candidates = [
    wall - (wallClockMs(wall - DAY_MS, timeZone) - (wall - DAY_MS)),
    wall - (wallClockMs(wall + DAY_MS, timeZone) - (wall + DAY_MS)),
  ];
  const exact = candidates.filter((t) => wallClockMs(t, timeZone) === wall);
  // Midnight shown twice (clocks set back onto it): the day starts at the later showing, so
  // the previous day keeps every instant it displays.
  if (exact.length > 0) return new Date(Math.max(...exact));
  const inDay = candidates.filter((t) => localDateOf(new Date(t), timeZone) === date);
  return new Date(Math.min(...inDay));
}

/**
 * The last instant of a local date in `timeZone`: "by date D" means at or before
 * D 23:59:59.999 local time (G-7).
 *
 * @throws RangeError for an unknown timezone; TypeError for a malformed date.
 */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}

/**
 * True when `instant` is at or before the end of local date `date` (G-7 "by date D").
 *
 * @throws RangeError for an unknown timezone; TypeError for an invalid instant or date.
 */
export function isOnOrBeforeLocalDate(
  instant: Date | string,
  date: LocalDate,
  timeZone: string,
): boolean {
  return toEpochMs(instant) <= endOfLocalDay(date, timeZone).getTime();
}
