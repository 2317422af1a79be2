import type { LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { activeStaff, type StartedAssignment } from './state.js';
import type { Period } from './values.js';

// Time-derived facts of §4.3 (G-6): computed from the state and an `asOf` instant, never stored.

/** The last day of a period (its calendar year). */
export function periodEnd(period: Period): LocalDate {
  return `${String(period.year).padStart(4, '0')}-12-31`;
}

/** True when `instant` falls after the period's last day in the policy timezone (RA-11). */
export function isAfterPeriod(
  period: Period,
  instant: Date | string,
  policy: Pick<SupervisionPolicy, 'timezone'>,
): boolean {
  return localDateOf(instant, policy.timezone) > periodEnd(period);
}

/**
 * `expired` of §4.3: an issued assignment whose period ended before `asOf`. Drafts and superseded
 * assignments are not expired: they never were, or are no longer, in force.
 */
export function isAssignmentExpired(
  state: StartedAssignment,
  asOf: Date | string,
  policy: Pick<SupervisionPolicy, 'timezone'>,
): boolean {
  return state.status === 'issued' && isAfterPeriod(state.period, asOf, policy);
}

/** True when a duty with a due date was not completed by the end of that date and `asOf` is past it. */
export function isDutyOverdue(
  state: StartedAssignment,
  dutyId: string,
  asOf: Date | string,
  policy: Pick<SupervisionPolicy, 'timezone'>,
): boolean {
  const duty = state.duties.find((candidate) => candidate.dutyId === dutyId);
  if (duty?.dueDate === undefined || state.status === 'draft') return false;
  const due = endOfLocalDay(duty.dueDate, policy.timezone).getTime();
  const at = new Date(asOf).getTime();
  const completedAt = state.completedDuties[dutyId];
  const metBy = completedAt === undefined ? undefined : Date.parse(completedAt);
  return at > due && (metBy === undefined || metBy > due);
}

/**
 * RA-8 compliance of a staffing duty: at least `requiredHeadcount` active designations, all
 * full-time when `fullTimeRequired`. False for a duty that is not a staffing duty.
 */
export function isStaffingSatisfied(state: StartedAssignment, dutyId: string): boolean {
  const duty = state.duties.find((candidate) => candidate.dutyId === dutyId);
  if (duty === undefined || duty.kind !== 'staffing') return false;
  const staff = activeStaff(state, dutyId);
  if (staff.length < (duty.requiredHeadcount ?? 1)) return false;
  return duty.fullTimeRequired !== true || staff.every((entry) => entry.fullTime);
}
