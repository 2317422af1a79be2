import { toStreamId } from '../../eventsourcing/envelope.js';

/** A calendar month `YYYY-MM`. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The stream id of a month's duty roster: `duty-{yyyy-mm}` (domain spec §4).
 *
 * @throws TypeError when `month` is not written `YYYY-MM`.
 */
export function dutyRosterStreamId(month: string): string {
  if (!MONTH.test(month)) throw new TypeError(`"${month}" is not a month written YYYY-MM`);
  return toStreamId('duty', month);
}
