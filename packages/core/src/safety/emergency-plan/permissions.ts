import type { Directory } from '../directory/directory.js';
import { identityRefusal } from '../directory/scope.js';
import { forbidden, forbiddenFor } from '../general/forbidden.js';
import type { SafetyActor } from '../roles/actor.js';
import type { Role } from '../roles/role.js';

/** Who owns a plan: an organisation or an enterprise, never both. */
export interface PlanOwner {
  readonly ownerOrgId: string | null;
  readonly ownerEnterpriseId: string | null;
}

/** Whether the command drafts (drafts and revisions) or decides (publication, retirement). */
export type PlanAct = 'draft' | 'decide';

const roles: Record<'org' | 'enterprise', Record<PlanAct, readonly Role[]>> = {
  org: {
    draft: [
      'AuthorityHead',
      'SafetyCommitteeOffice',
      'TerritorialOfficer',
      'IndustryOfficer',
      'SpecialOfficer',
      'EnforcementOfficer',
    ],
    decide: ['AuthorityHead', 'SafetyCommitteeOffice'],
  },
  // The principal answers for the enterprise's plan (spec §2), so only they publish or retire it.
  enterprise: { draft: ['Principal', 'SafetyOfficer'], decide: ['Principal'] },
};

/**
 * G-5: the directory backs the actor, who acts for the owner in a role allowed to `act`.
 *
 * @throws RuleViolationError (`G-5`, `Forbidden`) naming the reason.
 */
export function assertMayActOnPlan(
  directory: Directory,
  actor: SafetyActor,
  owner: PlanOwner,
  act: PlanAct,
): void {
  const refusal = identityRefusal(directory, actor);
  if (refusal !== undefined) throw forbiddenFor('G-5', actor, refusal);
  const side = owner.ownerOrgId !== null ? 'org' : 'enterprise';
  const ownerId = owner.ownerOrgId ?? owner.ownerEnterpriseId;
  const actsFor = side === 'org' ? actor.orgId : actor.enterpriseId;
  const allowed = roles[side][act];
  if (!allowed.includes(actor.role) || actsFor !== ownerId) {
    throw forbidden('G-5', actor, 'owner_roles_only', {
      act: act === 'draft' ? 'draft_plan' : 'decide_plan',
      ownerId,
      allowedRoles: allowed,
    });
  }
}
