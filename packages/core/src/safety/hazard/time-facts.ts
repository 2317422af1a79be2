import { addDays, daysBetween, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardState } from './state.js';
import { isRegisteredHazard } from './state.js';
import { regulatorSources } from './values.js';
import { verifierSide } from './verifiers.js';

// G-6 / H-29: these facts depend on "now", so they are computed, never stored. Each takes the
// hazard's current state and an `asOf` instant; for a view of the past, fold the events up to
// `asOf` first (a projection does exactly that).

function toMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  // A NaN would make every comparison false and quietly answer "not overdue".
  if (Number.isNaN(ms)) throw new TypeError(`"${String(instant)}" is not a valid instant`);
  return ms;
}

/**
 * The instant the rectification counts as done for deadline purposes (P-4's `met(h)`), or null
 * while it is not: per `deadlineMetBy`, the reported completion (unless a failed verification
 * sent the hazard back) or the closure. An on-the-spot fix (H-4) is done when it is found, under
 * either setting: its verification is a later formality, and without a stated deadline it is due
 * the day it was found, which a closure could rarely meet. A late entry (H-30) counts from its
 * recording time.
 */
export function deadlineMetAt(state: HazardState, policy: SupervisionPolicy): string | null {
  if (!isRegisteredHazard(state) || state.status === 'voided') return null;
  const completion = state.lastCompletion;
  const standing = completion !== null && state.status !== 'open';
  if (standing && completion.onSpot) return completion.judgedAt;
  if (policy.deadlineMetBy === 'closure') return state.closureJudgedAt;
  return standing ? completion.judgedAt : null;
}

/**
 * True when the deadline was met on time, as seen at `asOf` (P-4's `OnTime`): the rectification
 * was done (see `deadlineMetAt`) by `asOf` and by the end of the effective deadline's local day.
 * A late completion never meets it; it only ends the overdue state.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function isDeadlineMet(
  state: HazardState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): boolean {
  if (!isRegisteredHazard(state)) return false;
  const metAt = deadlineMetAt(state, policy);
  if (metAt === null) return false;
  const end = endOfLocalDay(state.deadline, policy.timezone).getTime();
  return toMs(metAt) <= Math.min(toMs(asOf), end);
}

/**
 * True when the hazard is overdue at `asOf` (P-5): not voided, not done by `asOf` (see
 * `deadlineMetAt`), and `asOf` after the end of the effective deadline's local day (G-7).
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function isOverdue(
  state: HazardState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): boolean {
  if (!isRegisteredHazard(state) || state.status === 'voided') return false;
  const metAt = deadlineMetAt(state, policy);
  if (metAt !== null && toMs(metAt) <= toMs(asOf)) return false;
  return toMs(asOf) > endOfLocalDay(state.deadline, policy.timezone).getTime();
}

/** Calendar days past the effective deadline at `asOf` (local date of `asOf` − deadline), 0 when not overdue. *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function daysOverdue(
  state: HazardState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): number {
  if (!isOverdue(state, asOf, policy) || !isRegisteredHazard(state)) return 0;
  return daysBetween(state.deadline, localDateOf(asOf, policy.timezone));
}

/**
 * When the enterprise's major-hazard report is due (H-11): `majorHazardReportWithinHours` after
 * the hazard became major. Undefined when no report is due: not major, or found by a regulator.
 */
export function majorReportDueAt(state: HazardState, policy: SupervisionPolicy): Date | undefined {
  if (!isRegisteredHazard(state) || state.grade !== 'major' || state.majorSince === null)
    return undefined;
  if (regulatorSources.includes(state.source)) return undefined;
  return new Date(toMs(state.majorSince) + policy.majorHazardReportWithinHours * 3_600_000);
}

/** True when the major-hazard report was (or, unfiled at `asOf`, already is) later than due (H-11). *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function isMajorReportLate(
  state: HazardState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): boolean {
  const due = majorReportDueAt(state, policy);
  if (due === undefined || !isRegisteredHazard(state) || state.status === 'voided') return false;
  const reportedAt = state.reportJudgedAt;
  if (reportedAt !== null && toMs(reportedAt) >= toMs(state.majorSince!))
    return toMs(reportedAt) > due.getTime();
  return toMs(asOf) > due.getTime();
}

/**
 * The local date by which a requested regulator verification is due (H-22): the request's local
 * date plus `regulatorVerificationWithinDays`. Undefined without a request, or when the hazard's
 * verifier is the enterprise itself (no regulator SLA applies).
 */
export function verificationDueDate(
  state: HazardState,
  policy: SupervisionPolicy,
): LocalDate | undefined {
  if (!isRegisteredHazard(state) || state.verificationRequest === null) return undefined;
  if (verifierSide(state) === 'enterprise') return undefined;
  return addDays(
    localDateOf(state.verificationRequest.requestedAt, policy.timezone),
    policy.regulatorVerificationWithinDays,
  );
}

/**
 * True when the regulator verification SLA (H-22) is breached at `asOf`: the latest request was
 * answered after its due date, or is still unanswered after the due date's local day.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function isVerificationSlaBreached(
  state: HazardState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): boolean {
  const due = verificationDueDate(state, policy);
  if (due === undefined || !isRegisteredHazard(state) || state.status === 'voided') return false;
  const end = endOfLocalDay(due, policy.timezone).getTime();
  const request = state.verificationRequest!;
  const answer = state.lastVerification;
  if (answer !== null && answer.atVersion > request.atVersion) return toMs(answer.judgedAt) > end;
  if (state.status === 'closed') return false;
  return toMs(asOf) > end;
}
