import {
  type EnterpriseCommand,
  type EnterpriseDecider,
  type EnterpriseEvent,
  type EnterpriseState,
  enterpriseStreamId,
  isRegisteredEnterprise,
  type SafetyActor,
} from '@safeledger/core';
import fc from 'fast-check';
import { registerEnterpriseArbitrary } from './enterprise-arbitraries.js';
import {
  type EnterprisePolicyView,
  enterprisePolicyInvariants,
} from './enterprise-policy-invariants.js';
import type { PolicySubject } from './policy-lifecycle.js';

const enterpriseId = 'e-1';

/** The grading officers of `createSampleRegistryDirectory`, one per authority level. */
const graders = [
  { personId: 'p-national', role: 'EnforcementOfficer', orgId: 'org-national' },
  { personId: 'p-province', role: 'EnforcementOfficer', orgId: 'org-province' },
  { personId: 'p-city', role: 'EnforcementOfficer', orgId: 'org-city' },
] as const satisfies readonly SafetyActor[];

// Award dates that probe the year arithmetic: leap days, year ends, ordinary days.
const awardDates = ['2024-02-29', '2020-02-29', '2023-03-01', '2024-12-31', '2025-06-15'];

/** An award, mostly by the authority of the grade's level (E-3), sometimes by another one. */
const award = fc
  .record({
    grade: fc.constantFrom(1 as const, 2 as const, 3 as const),
    mismatch: fc.constantFrom(false, false, false, true),
    other: fc.constantFrom(...graders),
    awardedOn: fc.constantFrom(...awardDates),
  })
  .map(({ grade, mismatch, other, awardedOn }): EnterpriseCommand => {
    const actor = mismatch ? other : graders[grade - 1]!;
    return {
      type: 'AwardStandardizationGrade',
      actor,
      grade,
      authorityOrgId: actor.orgId,
      awardedOn,
      publicNoticeRef: `NOTICE-${awardedOn}`,
    };
  });

/** The other commands of a registered enterprise, by its principal or a grading officer. */
function others(principalId: string): fc.Arbitrary<EnterpriseCommand> {
  const principal: SafetyActor = { personId: principalId, role: 'Principal', enterpriseId };
  return fc.oneof(
    fc.constantFrom(...graders).map(
      (actor): EnterpriseCommand => ({
        type: 'RevokeStandardizationGrade',
        actor,
        reason: 'audit',
      }),
    ),
    fc.integer({ min: 1, max: 30 }).map(
      (memberCount): EnterpriseCommand => ({
        type: 'EstablishEmergencyTeam',
        actor: principal,
        memberCount,
      }),
    ),
    fc.constantFrom('p-a', 'p-b', 'p-c').map(
      (personId): EnterpriseCommand => ({
        type: 'ChangePrincipal',
        actor: principal,
        principal: { personId, name: personId },
      }),
    ),
  );
}

/**
 * The Enterprise aggregate as `verifyPolicy` drives it: an enterprise of the sample registry
 * (`createSampleRegistryDirectory`) registered by its territorial officer, then awarded grades
 * on dates that probe the validity arithmetic (leap days, year ends), by the right and by the
 * wrong authority, revoked and handed to new principals. Checked against
 * `enterprisePolicyInvariants`.
 */
export function enterprisePolicySubject(
  decider: EnterpriseDecider,
): PolicySubject<EnterpriseState, EnterpriseEvent, EnterprisePolicyView> {
  return {
    decider: decider as PolicySubject<
      EnterpriseState,
      EnterpriseEvent,
      EnterprisePolicyView
    >['decider'],
    invariants: enterprisePolicyInvariants,
    nextArgs: (state) => [isRegisteredEnterprise(state) ? state.principal.personId : null],
    next: (principalId: string | null): fc.Arbitrary<unknown> =>
      principalId === null
        ? fc.oneof(
            { arbitrary: registerEnterpriseArbitrary(enterpriseId), weight: 4 },
            // Before registration every other command is refused (E-6).
            { arbitrary: award, weight: 1 },
          )
        : fc.oneof(
            { arbitrary: award, weight: 3 },
            { arbitrary: others(principalId), weight: 2 },
            { arbitrary: registerEnterpriseArbitrary(enterpriseId), weight: 1 },
          ),
    streamId: () => enterpriseStreamId(enterpriseId),
    ended: (state) => isRegisteredEnterprise(state) && state.status === 'closed',
    view: (base) => base,
  };
}
