import type { Directory } from '../directory/directory.js';
import { identityRefusal } from '../directory/scope.js';
import { forbidden, forbiddenFor } from '../general/forbidden.js';
import type { SafetyActor } from '../roles/actor.js';
import type { Role } from '../roles/role.js';

/** Roles that record and correct the activities of a government organisation. */
export const organisationActivityRoles: readonly Role[] = [
  'AuthorityHead',
  'SafetyCommitteeOffice',
  'TerritorialOfficer',
  'IndustryOfficer',
  'SpecialOfficer',
  'EnforcementOfficer',
  'GridPatroller',
  'FireAdvisor',
];

/** Roles that record and correct an enterprise's own trainings and drills. */
export const enterpriseActivityRoles: readonly Role[] = ['Principal', 'SafetyOfficer'];

/** Who organised an activity: an organisation or an enterprise, never both. */
export interface ActivityOrganizer {
  readonly organizerOrgId: string | null;
  readonly organizerEnterpriseId: string | null;
}

/**
 * G-5: the directory backs the actor, who acts for the organiser in a role allowed to record its
 * activities. An enterprise records only its own participation (G-5: enterprise roles act on
 * their own enterprise), so its activities name no other enterprise.
 *
 * @throws RuleViolationError (`G-5`, `Forbidden`) naming the reason.
 */
export function assertMayRecordFor(
  directory: Directory,
  actor: SafetyActor,
  organizer: ActivityOrganizer,
  enterpriseIds: readonly string[],
): void {
  const refusal = identityRefusal(directory, actor);
  if (refusal !== undefined) throw forbiddenFor('G-5', actor, refusal);
  if (organizer.organizerOrgId !== null) {
    if (
      !organisationActivityRoles.includes(actor.role) ||
      actor.orgId !== organizer.organizerOrgId
    ) {
      throw forbidden('G-5', actor, 'owner_roles_only', {
        act: 'record_activity',
        ownerId: organizer.organizerOrgId,
        allowedRoles: organisationActivityRoles,
      });
    }
    return;
  }
  const enterpriseId = organizer.organizerEnterpriseId;
  if (!enterpriseActivityRoles.includes(actor.role) || actor.enterpriseId !== enterpriseId) {
    throw forbidden('G-5', actor, 'owner_roles_only', {
      act: 'record_activity',
      ownerId: enterpriseId,
      allowedRoles: enterpriseActivityRoles,
    });
  }
  const other = enterpriseIds.find((id) => id !== enterpriseId);
  if (other !== undefined) {
    throw forbidden('G-5', actor, 'foreign_participant', {
      ownEnterpriseId: enterpriseId,
      participantId: other,
    });
  }
}
