import { isRegulator, type Organization } from '../directory/organization.js';
import type { PersonRecord } from '../directory/person.js';
import { operatesVenue, orgCoversSubject } from '../directory/scope.js';
import type { SubjectClassification } from '../directory/subject.js';
import { forbidden } from '../general/forbidden.js';
import { isRegulatorOfficerRole } from '../roles/role.js';
import type { HazardCommandType } from './commands.js';
import { assertRegulatorOrg } from './decide-registration.js';
import type { HazardDecisionContext } from './decision-context.js';
import { violate } from './rules.js';
import type { RegisteredHazard } from './state.js';

/** The classification snapshot a hazard was registered with (G-8). */
export function classificationOf(state: RegisteredHazard): SubjectClassification {
  return {
    areaId: state.areaId,
    sectorCode: state.sectorCode,
    venueCategory: state.venueCategory,
    specialties: state.specialties,
  };
}

/** The enterprise answerable for the hazard: the responsible enterprise or the venue's operating enterprise. */
function answerableEnterpriseId(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
): string | undefined {
  if (state.responsible.kind === 'enterprise') return state.responsible.id;
  return ctx.directory.venue(state.responsible.id)?.enterpriseId;
}

/**
 * True when the actor is the responsible party's principal: the `Principal` of the responsible
 * enterprise, or for a venue its `VenueOperator` (or the Principal of the enterprise running it).
 */
export function isResponsiblePrincipal(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
): boolean {
  const { actor } = ctx;
  if (actor.role === 'Principal') return actor.enterpriseId === answerableEnterpriseId(ctx, state);
  return (
    actor.role === 'VenueOperator' &&
    state.responsible.kind === 'venue' &&
    operatesVenue(ctx.person, state.responsible.id)
  );
}

/** True when the person works for the responsible party: its enterprise, or the venue they run. */
export function worksForResponsibleParty(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  person: PersonRecord | undefined,
): boolean {
  if (person === undefined) return false;
  const enterpriseId = answerableEnterpriseId(ctx, state);
  if (enterpriseId !== undefined && person.enterpriseId === enterpriseId) return true;
  return state.responsible.kind === 'venue' && operatesVenue(person, state.responsible.id);
}

/** True for the responsible party's principal or one of its `SafetyOfficer`s. */
export function isResponsibleManager(ctx: HazardDecisionContext, state: RegisteredHazard): boolean {
  if (isResponsiblePrincipal(ctx, state)) return true;
  return (
    ctx.actor.role === 'SafetyOfficer' &&
    ctx.actor.enterpriseId === answerableEnterpriseId(ctx, state)
  );
}

/** The actor's organisation when the actor is a regulator officer whose organisation covers the hazard (G-5). */
export function regulatorInScope(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
): Organization | undefined {
  if (!isRegulatorOfficerRole(ctx.actor.role) || ctx.actor.orgId === undefined) return undefined;
  const org = ctx.directory.organization(ctx.actor.orgId);
  if (org === undefined || !isRegulator(org)) return undefined;
  return orgCoversSubject(org, classificationOf(state)) ? org : undefined;
}

/**
 * Rejects unless the actor is the responsible party's principal or manager: under the hazard rule
 * that names who acts (H-11, H-13, H-17), else under G-5.
 *
 * @throws RuleViolationError (`rule`, `Forbidden`) naming the actor, the command and who may act.
 */
export function requireResponsible(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  level: 'principal' | 'manager',
  rule: 'H-11' | 'H-13' | 'H-17' | 'G-5',
  command: HazardCommandType,
): void {
  const ok =
    level === 'principal' ? isResponsiblePrincipal(ctx, state) : isResponsibleManager(ctx, state);
  if (ok) return;
  if (rule === 'G-5') {
    throw forbidden(rule, ctx.actor, 'not_responsible_party', {
      command,
      need: level,
      responsibleKind: state.responsible.kind,
      responsibleId: state.responsible.id,
      responsible: state.responsible,
    });
  }
  throw violate(rule, 'Forbidden', {
    ...actorDetails(ctx.actor),
    responsible: state.responsible,
    command,
    need: level,
    responsibleId: state.responsible.id,
  });
}

/**
 * The actor values a hazard `Forbidden` carries, as the general `forbidden` writes them, so a
 * rejection under a hazard rule and one under G-5 read alike.
 */
export function actorDetails(actor: HazardDecisionContext['actor']) {
  return {
    personId: actor.personId,
    role: actor.role,
    ...(actor.orgId === undefined ? {} : { orgId: actor.orgId }),
    ...(actor.enterpriseId === undefined ? {} : { enterpriseId: actor.enterpriseId }),
  };
}

/**
 * G-5 for the organisation a command hands the hazard to (a supervising, ordering or referral
 * regulator): it must be a regulator in the directory whose remit covers the hazard's area and,
 * for industry and special regulators, its sector, venue category or specialty.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) when the organisation is unknown or no regulator.
 * @throws RuleViolationError (`rule`, `OrgOutOfScope`) naming the organisation and the classification.
 */
export function assertOrgCoversHazard(
  ctx: HazardDecisionContext,
  rule: 'H-8' | 'H-24' | 'H-28',
  orgId: string,
  field: string,
  classification: SubjectClassification,
): void {
  assertRegulatorOrg(ctx, orgId, field);
  const org = ctx.directory.organization(orgId)!;
  if (orgCoversSubject(org, classification)) return;
  throw violate(rule, 'OrgOutOfScope', {
    field,
    orgId,
    areaId: classification.areaId,
    sectorCode: classification.sectorCode,
    venueCategory: classification.venueCategory,
    specialties: classification.specialties,
  });
}
