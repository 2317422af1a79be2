import { endOfLocalDay } from '../calendar/time-zone.js';
import type { ReceivedItem } from './state.js';

/**
 * SI-7: an item is overdue at `asOf` when it is not closed by then and `asOf` is past the end of
 * its deadline in `timeZone` (G-7). Derived, never stored (G-6); the state must be folded up to
 * `asOf`.
 */
export function isItemOverdue(item: ReceivedItem, asOf: Date, timeZone: string): boolean {
  if (item.closedAt !== null && Date.parse(item.closedAt) <= asOf.getTime()) return false;
  return asOf.getTime() > endOfLocalDay(item.deadline, timeZone).getTime();
}
