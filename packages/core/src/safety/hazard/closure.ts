import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { planGaps } from './plan.js';
import { activeListings, type RegisteredHazard } from './state.js';

/** A prerequisite of closure (H-20) that is not yet met. */
export type ClosurePrerequisite =
  | 'passed_verification'
  | 'regulator_verification'
  | 'known_to_regulator'
  | 'workforce_disclosure'
  | 'plan'
  | 'delisting'
  | 'resumption'
  | 'assessment';

/**
 * H-17: the latest `RectificationAssessed` came after the latest completion and concluded that the
 * fix meets the standard. Order 16 asks for it before a suspended major applies to resume.
 */
export function isAssessedAfterCompletion(state: RegisteredHazard): boolean {
  const assessment = state.assessment;
  const completion = state.lastCompletion;
  return (
    assessment !== null &&
    completion !== null &&
    assessment.atVersion > completion.atVersion &&
    assessment.conclusion === 'meets'
  );
}

/**
 * The closure prerequisites of H-20 a hazard still lacks; empty when it may be closed. For every
 * hazard: the last verification, recorded after the latest completion, passed, and no suspension
 * is active. For a major, in addition: that verification was a regulator's by at least
 * `minVerifiersMajor` officers; the regulator knows of it; it was disclosed to the workforce
 * (when `requireWorkforceDisclosureForMajor`, for enterprise and site subjects; a venue has no
 * workers' congress); a complete plan was submitted; every listing is delisted; and, if its
 * operations were ever suspended, an assessment concluding `meets` follows the latest completion (H-17).
 */
export function closureBlockers(
  state: RegisteredHazard,
  policy: SupervisionPolicy,
): readonly ClosurePrerequisite[] {
  const missing: ClosurePrerequisite[] = [];
  const verification = state.lastVerification;
  const completion = state.lastCompletion;
  const passed =
    verification !== null &&
    completion !== null &&
    verification.outcome === 'passed' &&
    verification.atVersion > completion.atVersion;
  if (!passed) missing.push('passed_verification');
  if (state.grade === 'major') {
    if (
      passed &&
      (!verification.byRegulator || verification.verifierIds.length < policy.minVerifiersMajor)
    ) {
      missing.push('regulator_verification');
    }
    if (!state.knownToRegulator) missing.push('known_to_regulator');
    if (
      policy.requireWorkforceDisclosureForMajor &&
      state.subject.kind !== 'venue' &&
      state.disclosedToWorkforceAt === null
    ) {
      missing.push('workforce_disclosure');
    }
    if (state.plan === null || planGaps(state.plan).length > 0) missing.push('plan');
    // H-17: a major whose operations were suspended resumes, and so closes, only on an assessment.
    if (state.suspension !== null && !isAssessedAfterCompletion(state)) missing.push('assessment');
  }
  if (activeListings(state).length > 0) missing.push('delisting');
  if (state.suspension?.active === true) missing.push('resumption');
  return missing;
}
