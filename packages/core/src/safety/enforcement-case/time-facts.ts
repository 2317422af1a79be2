import { addDays, type LocalDate } from '../calendar/local-date.js';
import { endOfLocalDay, localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import {
  type EnforcementCaseState,
  type FiledCase,
  isFiledCase,
  penalisedRefs,
  type RespondentProcedure,
} from './state.js';

// G-6: deadlines of the procedure are computed from the state, the policy and an `asOf`
// instant, never stored. "Within N days of X" counts calendar days in the policy's time zone and
// ends at the end of the local day X + N (G-7).

function toMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new TypeError(`"${String(instant)}" is not a valid instant`);
  return ms;
}

/** True when `at` lies after the end of the local day `date` (G-7). */
export function isAfterLocalDay(at: Date | string, date: LocalDate, policy: SupervisionPolicy) {
  return toMs(at) > endOfLocalDay(date, policy.timezone).getTime();
}

/** The last local day of a respondent's statement window (EC-5). */
export function statementWindowEnd(
  procedure: RespondentProcedure,
  policy: SupervisionPolicy,
): LocalDate {
  return addDays(
    localDateOf(procedure.noticeServedAt, policy.timezone),
    policy.statementWindowDays,
  );
}

/** The last local day a respondent may request a hearing (EC-5). */
export function hearingWindowEnd(
  procedure: RespondentProcedure,
  policy: SupervisionPolicy,
): LocalDate {
  return addDays(
    localDateOf(procedure.noticeServedAt, policy.timezone),
    policy.hearingRequestWindowDays,
  );
}

/** EC-9: the date the decision is due by: the latest approved extension, else filing + `caseDecisionWithinDays`. */
export function decisionDueDate(state: FiledCase, policy: SupervisionPolicy): LocalDate {
  return (
    state.extendedDueDate ??
    addDays(localDateOf(state.filedAt, policy.timezone), policy.caseDecisionWithinDays)
  );
}

/**
 * EC-9: true when at `asOf` the case is still undecided (and not dismissed or transferred)
 * after its due date, or was decided after it.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function isDecisionOverdue(
  state: EnforcementCaseState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): boolean {
  if (!isFiledCase(state)) return false;
  const due = decisionDueDate(state, policy);
  const asOfMs = toMs(asOf);
  if (state.decision !== null && toMs(state.decision.decidedAt) <= asOfMs) {
    return isAfterLocalDay(state.decision.decidedAt, due, policy);
  }
  const ended = state.dismissal?.at ?? state.transfer?.at;
  if (ended !== undefined && toMs(ended) <= asOfMs) return false;
  return isAfterLocalDay(asOf, due, policy);
}

/** EC-12: the date the decision is due to be served by, or null before a decision. */
export function decisionServiceDueDate(
  state: EnforcementCaseState,
  policy: SupervisionPolicy,
): LocalDate | null {
  if (!isFiledCase(state) || state.decision === null) return null;
  return addDays(
    localDateOf(state.decision.decidedAt, policy.timezone),
    policy.decisionServiceWithinDays,
  );
}

/**
 * EC-12: the penalised respondents whose service was late at `asOf`: served after the due date,
 * or still unserved once it has passed.
 *
 * @throws TypeError when `asOf` is not a valid instant.
 */
export function lateServices(
  state: EnforcementCaseState,
  asOf: Date | string,
  policy: SupervisionPolicy,
): string[] {
  const due = decisionServiceDueDate(state, policy);
  if (due === null || !isFiledCase(state)) return [];
  const asOfMs = toMs(asOf);
  return penalisedRefs(state).filter((ref) => {
    const served = state.served[ref];
    if (served !== undefined && toMs(served.at) <= asOfMs) {
      return isAfterLocalDay(served.at, due, policy);
    }
    return isAfterLocalDay(asOf, due, policy);
  });
}
