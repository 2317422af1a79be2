import type { Directory } from '../directory/directory.js';
import { isRegulator, type Organization } from '../directory/organization.js';
import { classifySubject, orgCoversArea, orgCoversSubject } from '../directory/scope.js';
import type { SubjectRef } from '../directory/subject.js';
import { forbidden } from '../general/forbidden.js';
import { isRegulatorOfficerRole, type Role } from '../roles/role.js';
import type { InspectionCommandType } from './commands.js';
import type { InspectionDecisionContext } from './decision-context.js';
import type { ScheduledInspection } from './state.js';
import type { InspectionKind } from './values.js';

/**
 * True when an organisation may run an inspection of this kind on the subject: a regulator
 * covering it (G-5), or for a `supervision_team_check` a supervision team covering its area.
 */
export function orgMayInspect(
  directory: Directory,
  org: Organization,
  kind: InspectionKind,
  subject: SubjectRef,
): boolean {
  const classification = classifySubject(directory, subject);
  if (classification === undefined) return false;
  if (kind === 'supervision_team_check') {
    return org.kind === 'supervision_team' && orgCoversArea(org, classification.areaId);
  }
  return isRegulator(org) && orgCoversSubject(org, classification);
}

/** The roles that inspect for an organisation running an inspection of this kind. */
export function inspectorRoleFits(kind: InspectionKind, role: Role): boolean {
  return kind === 'supervision_team_check'
    ? role === 'SupervisionTeam'
    : isRegulatorOfficerRole(role);
}

/** True when the person is an officer (inspector role) of the organisation. */
export function isInspectorOf(
  directory: Directory,
  personId: string,
  orgId: string,
  kind: InspectionKind,
): boolean {
  const person = directory.person(personId);
  return person?.orgId === orgId && person.roles.some((role) => inspectorRoleFits(kind, role));
}

/** True when the person is an AuthorityHead of the organisation. */
export function isHeadOf(directory: Directory, personId: string, orgId: string): boolean {
  const person = directory.person(personId);
  return person?.orgId === orgId && person.roles.includes('AuthorityHead');
}

/**
 * Rejects unless the actor is on the inspection team (the lead, when `lead`) and acts in an
 * inspector role for the inspecting organisation (G-5).
 *
 * @throws RuleViolationError (`G-5`, `Forbidden`).
 */
export function requireInspector(
  ctx: InspectionDecisionContext,
  state: ScheduledInspection,
  command: InspectionCommandType,
  lead = false,
): void {
  const { actor } = ctx;
  const team = lead ? state.inspectorIds.slice(0, 1) : state.inspectorIds;
  const ok =
    team.includes(actor.personId) &&
    actor.orgId === state.orgId &&
    inspectorRoleFits(state.kind, actor.role);
  if (ok) return;
  throw forbidden('G-5', actor, 'not_inspector', {
    command,
    lead,
    inspectionId: state.inspectionId,
    inspectorIds: state.inspectorIds,
  });
}

/**
 * Rejects unless the actor is an officer of the inspecting organisation (scheduling, cancelling).
 *
 * @throws RuleViolationError (`G-5`, `Forbidden`).
 */
export function requireOrgOfficer(
  ctx: InspectionDecisionContext,
  orgId: string,
  kind: InspectionKind,
  command: InspectionCommandType,
): void {
  const { actor } = ctx;
  if (actor.orgId === orgId && inspectorRoleFits(kind, actor.role)) return;
  throw forbidden('G-5', actor, 'not_org_officer', { command, officerOf: orgId });
}
