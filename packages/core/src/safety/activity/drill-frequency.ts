import { endOfLocalDay } from '../calendar/time-zone.js';
import { type ActivityState, activityFactsAt } from './state.js';
import type { PlanKind } from './values.js';

// A-3 is derived from the recorded activities and an `asOf` instant, never stored (G-6).

/** The two drill obligations of A-3; labels in the `drillObligation` vocabulary. */
export type DrillObligation = 'comprehensive_or_special_yearly' | 'on_site_half_yearly';

/** Where an obligation stands at `asOf`: met, missed (period over without a drill), or still open. */
export type DrillObligationStatus = 'met' | 'missed' | 'open';

const PERIOD = /^(?:(H[12])-)?(\d{4})$/;

/**
 * The local dates of an A-3 period: `YYYY` for the yearly obligation, `H1-YYYY` / `H2-YYYY` for
 * the half-yearly one; `undefined` when the period does not fit the obligation.
 */
export function drillPeriodBounds(
  obligation: DrillObligation,
  period: string,
): { readonly start: string; readonly end: string } | undefined {
  const match = PERIOD.exec(period);
  if (match === null) return undefined;
  const [, half, year] = match;
  if (obligation === 'comprehensive_or_special_yearly') {
    return half === undefined ? { start: `${year}-01-01`, end: `${year}-12-31` } : undefined;
  }
  if (half === 'H1') return { start: `${year}-01-01`, end: `${year}-06-30` };
  if (half === 'H2') return { start: `${year}-07-01`, end: `${year}-12-31` };
  return undefined;
}

const kindsOf: Record<DrillObligation, readonly PlanKind[]> = {
  comprehensive_or_special_yearly: ['comprehensive', 'special'],
  on_site_half_yearly: ['on_site'],
};

/**
 * Where an enterprise's drill obligation of a period stands at `asOf`: `met` when a drill
 * of a plan of the right kind, dated in the period, with the enterprise organising or taking
 * part, is known at `asOf` (with the facts known then, corrections included); `missed` when the
 * period ended before `asOf` without one; `open` otherwise.
 *
 * @throws TypeError when `period` does not fit `obligation` (`2024` for the yearly, `H1-2024` for the half-yearly one).
 */
export function drillObligationStatus(
  activities: readonly ActivityState[],
  enterpriseId: string,
  obligation: DrillObligation,
  period: string,
  asOf: Date,
  timeZone: string,
): DrillObligationStatus {
  const bounds = drillPeriodBounds(obligation, period);
  if (bounds === undefined) {
    throw new TypeError(`"${period}" is not a period of the obligation ${obligation}`);
  }
  const kinds = kindsOf[obligation];
  const met = activities.some((activity) => {
    const facts = activityFactsAt(activity, asOf);
    if (facts === undefined || facts.kind !== 'drill') return false;
    if (facts.planKind === null || !kinds.includes(facts.planKind)) return false;
    if (facts.date < bounds.start || facts.date > bounds.end) return false;
    const organiser = 'organizerEnterpriseId' in activity ? activity.organizerEnterpriseId : null;
    return organiser === enterpriseId || facts.enterpriseIds.includes(enterpriseId);
  });
  if (met) return 'met';
  return asOf.getTime() > endOfLocalDay(bounds.end, timeZone).getTime() ? 'missed' : 'open';
}
