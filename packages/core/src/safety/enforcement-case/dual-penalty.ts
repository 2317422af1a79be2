import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { Respondent } from './values.js';

/**
 * EC-11: whether penalties make a dual penalty (一案双罚): at least one on a unit respondent and
 * one on an individual respondent of the same enterprise whose role is one of
 * `dualPenaltyIndividualRoles`. Derived from a decision, never set by a command.
 */
export function isDualPenalty(
  penalties: readonly { readonly respondentRef: string }[],
  respondents: readonly Respondent[],
  policy: Pick<SupervisionPolicy, 'dualPenaltyIndividualRoles'>,
): boolean {
  const penalised = new Set(penalties.map((penalty) => penalty.respondentRef));
  const targets = respondents.filter((respondent) => penalised.has(respondent.ref));
  const units = new Set(targets.filter((r) => r.kind === 'unit').map((r) => r.enterpriseId));
  return targets.some(
    (r) =>
      r.kind === 'individual' &&
      policy.dualPenaltyIndividualRoles.includes(r.role) &&
      units.has(r.enterpriseId),
  );
}

/** EC-11 for a case: false before a decision. */
export function isDualPenaltyCase(
  state: {
    readonly decision: { readonly penalties: readonly { readonly respondentRef: string }[] } | null;
    readonly respondents: readonly Respondent[];
  },
  policy: Pick<SupervisionPolicy, 'dualPenaltyIndividualRoles'>,
): boolean {
  return (
    state.decision !== null && isDualPenalty(state.decision.penalties, state.respondents, policy)
  );
}
