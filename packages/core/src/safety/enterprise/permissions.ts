import { isRegulator, type Organization } from '../directory/organization.js';
import { identityRefusal, orgCoversSubject } from '../directory/scope.js';
import { forbidden, forbiddenFor } from '../general/forbidden.js';
import type { Role } from '../roles/role.js';
import type { EnterpriseDecisionContext } from './decision-context.js';
import type { RegisteredEnterprise } from './state.js';

/** Area, sector and specialties of an enterprise profile, as scope checks read them (G-5). */
export interface EnterpriseProfileScope {
  readonly areaId: string;
  readonly sectorCode: string;
  readonly specialties: readonly string[];
}

/**
 * G-5 for government actors: the directory backs the actor, who acts in one of `roles` for a
 * regulator whose remit covers every given profile. Returns the actor's organisation. `command`
 * is the command type the refusal names.
 * @throws RuleViolationError (`G-5`, `Forbidden`) naming the reason.
 */
export function assertOfficerInScope(
  ctx: EnterpriseDecisionContext,
  command: string,
  roles: readonly Role[],
  profiles: readonly EnterpriseProfileScope[],
): Organization {
  const { actor, directory } = ctx;
  if (!roles.includes(actor.role)) {
    throw forbidden('G-5', actor, 'role_not_allowed', { command, allowedRoles: roles });
  }
  const refusal = identityRefusal(directory, actor);
  if (refusal !== undefined) throw forbiddenFor('G-5', actor, refusal);
  const org = directory.organization(actor.orgId ?? '');
  if (org === undefined || !isRegulator(org)) {
    throw forbidden('G-5', actor, 'not_regulator');
  }
  for (const profile of profiles) {
    const covered = orgCoversSubject(org, {
      areaId: profile.areaId,
      sectorCode: profile.sectorCode,
      venueCategory: null,
      specialties: profile.specialties,
    });
    if (!covered) {
      throw forbidden('G-5', actor, 'remit_excludes_profile', {
        actingOrgId: org.id,
        areaId: profile.areaId,
        sectorCode: profile.sectorCode,
      });
    }
  }
  return org;
}

/**
 * G-5 for enterprise actors: the actor acts for this enterprise, and the registry (the state, not
 * the directory) records them in the role they claim: the current principal, or an appointed
 * safety officer.
 */
export function isEnterpriseMember(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  roles: readonly ('Principal' | 'SafetyOfficer')[],
): boolean {
  const { actor } = ctx;
  if (actor.enterpriseId !== state.enterpriseId) return false;
  if (actor.role === 'Principal' && roles.includes('Principal')) {
    return state.principal.personId === actor.personId;
  }
  if (actor.role === 'SafetyOfficer' && roles.includes('SafetyOfficer')) {
    return state.safetyOfficers.some((officer) => officer.personId === actor.personId);
  }
  return false;
}

/** `Forbidden` under G-5 for an enterprise actor the registry does not record in that role. */
export function notAMember(
  ctx: EnterpriseDecisionContext,
  state: RegisteredEnterprise,
  need: 'principal' | 'principal_or_safety_officer',
) {
  return forbidden('G-5', ctx.actor, 'not_registered_member', {
    need,
    memberOf: state.enterpriseId,
  });
}
