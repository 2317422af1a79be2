import { isRegulator, type Organization } from '../directory/organization.js';
import { identityProblem, orgCoversSubject } from '../directory/scope.js';
import { forbidden } from '../general/forbidden.js';
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
 * regulator whose remit covers every given profile. Returns the actor's organisation.
 * @throws RuleViolationError (`G-5`, `Forbidden`) naming the reason.
 */
export function assertOfficerInScope(
  ctx: EnterpriseDecisionContext,
  roles: readonly Role[],
  profiles: readonly EnterpriseProfileScope[],
): Organization {
  const { actor, directory } = ctx;
  if (!roles.includes(actor.role)) {
    throw forbidden('G-5', actor, `may not act here: only ${roles.join(', ')} may`);
  }
  const problem = identityProblem(directory, actor);
  if (problem !== undefined) throw forbidden('G-5', actor, problem);
  const org = directory.organization(actor.orgId ?? '');
  if (org === undefined || !isRegulator(org)) {
    throw forbidden('G-5', actor, 'does not act for a regulator');
  }
  for (const profile of profiles) {
    const covered = orgCoversSubject(org, {
      areaId: profile.areaId,
      sectorCode: profile.sectorCode,
      venueCategory: null,
      specialties: profile.specialties,
    });
    if (!covered) {
      throw forbidden(
        'G-5',
        actor,
        `acts for ${org.id}, whose remit does not cover area ${profile.areaId} / sector ${profile.sectorCode}`,
      );
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
  who: string,
) {
  return forbidden(
    'G-5',
    ctx.actor,
    `is not recorded as ${who} of enterprise ${state.enterpriseId} in the registry`,
  );
}
