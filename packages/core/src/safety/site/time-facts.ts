import { addDays, compareLocalDates, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { isRegisteredSite, type SiteState, type SiteTenancy } from './state.js';

// G-6: MT-4 and MT-5 depend on "now", so they are computed from the state and an `asOf`
// instant, never stored. Agreements and checks after `asOf` are ignored, so a state folded from
// more events than `asOf` saw still answers for `asOf` (except for tenancies ended later, whose
// end date is then already known).

function toMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  // A NaN would make every comparison false and quietly answer "compliant".
  if (Number.isNaN(ms)) throw new TypeError(`"${String(instant)}" is not a valid instant`);
  return ms;
}

/** A derived non-compliance of one tenancy at `asOf`. */
export interface SiteLapse {
  /** `MT-4`: no agreement; `MT-5`: no landlord check within the interval. */
  readonly rule: 'MT-4' | 'MT-5';
  readonly tenancyId: string;
  readonly tenantEnterpriseId: string;
  /** The local date by whose end the agreement or the next check was due (G-7). */
  readonly dueDate: LocalDate;
  /** The first instant of the lapse: just after the end of `dueDate`. */
  readonly since: string;
}

/**
 * True when the tenancy is active at `asOf`: its start date has come and its end date (the last
 * day of the lease) has not passed, in local dates of the policy's time zone.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function isTenancyActive(
  tenancy: SiteTenancy,
  asOf: Date | string,
  policy: SupervisionPolicy,
): boolean {
  const today = localDateOf(new Date(toMs(asOf)), policy.timezone);
  if (compareLocalDates(today, tenancy.startDate) < 0) return false;
  return tenancy.endDate === null || compareLocalDates(today, tenancy.endDate) <= 0;
}

/** The date an agreement is due by (MT-4): `agreementGraceDays` after the start date. */
export function agreementDueDate(tenancy: SiteTenancy, policy: SupervisionPolicy): LocalDate {
  return addDays(tenancy.startDate, policy.agreementGraceDays);
}

/**
 * The date the next landlord check is due by at `asOf` (MT-5): `landlordCheckIntervalDays` after
 * the local date of the last check recorded by `asOf`, or after the start date when none was.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function nextCheckDueDate(
  tenancy: SiteTenancy,
  asOf: Date | string,
  policy: SupervisionPolicy,
): LocalDate {
  const at = toMs(asOf);
  let last: string | undefined;
  for (const check of tenancy.checks) {
    if (toMs(check.at) <= at && (last === undefined || toMs(check.at) > toMs(last)))
      last = check.at;
  }
  const from = last === undefined ? tenancy.startDate : localDateOf(last, policy.timezone);
  // A check recorded (back-dated) before the start still leaves the first interval to run from the start.
  const base = compareLocalDates(from, tenancy.startDate) < 0 ? tenancy.startDate : from;
  return addDays(base, policy.landlordCheckIntervalDays);
}

/**
 * The MT-4 and MT-5 lapses of a site at `asOf`, for active productive tenancies only: MT-4 when
 * no agreement was signed by `asOf` and the end of its due date has passed; MT-5 when the end of
 * the next check's due date has passed. Never stored (G-6); the same state and `asOf` always
 * give the same lapses, in tenancy order, MT-4 before MT-5.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function siteLapses(
  state: SiteState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): SiteLapse[] {
  if (!isRegisteredSite(state)) return [];
  const at = toMs(asOf);
  const lapses: SiteLapse[] = [];
  for (const tenancy of state.tenancies) {
    if (!tenancy.productive || !isTenancyActive(tenancy, asOf, policy)) continue;
    const signed = tenancy.agreements.some((agreement) => toMs(agreement.signedAt) <= at);
    if (!signed) {
      const lapse = lapseAfter(tenancy, 'MT-4', agreementDueDate(tenancy, policy), at, policy);
      if (lapse !== undefined) lapses.push(lapse);
    }
    const lapse = lapseAfter(tenancy, 'MT-5', nextCheckDueDate(tenancy, asOf, policy), at, policy);
    if (lapse !== undefined) lapses.push(lapse);
  }
  return lapses;
}

function lapseAfter(
  tenancy: SiteTenancy,
  rule: SiteLapse['rule'],
  dueDate: LocalDate,
  at: number,
  policy: SupervisionPolicy,
): SiteLapse | undefined {
  const end = endOfLocalDay(dueDate, policy.timezone).getTime();
  if (at <= end) return undefined;
  return {
    rule,
    tenancyId: tenancy.tenancyId,
    tenantEnterpriseId: tenancy.tenantEnterpriseId,
    dueDate,
    since: new Date(end + 1).toISOString(),
  };
}
