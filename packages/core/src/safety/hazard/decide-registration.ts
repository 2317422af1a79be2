import { ValidationError } from '../../eventsourcing/errors.js';
import { compareLocalDates } from '../calendar/local-date.js';
import { localDateOf } from '../calendar/time-zone.js';
import { isRegulator } from '../directory/organization.js';
import { classifySubject, identityRefusal, isActorInScope } from '../directory/scope.js';
import { forbidden, forbiddenFor } from '../general/forbidden.js';
import type { SafetyActor } from '../roles/actor.js';
import { enterpriseRoles, type Role, regulatorOfficerRoles } from '../roles/role.js';
import type { ParsedHazardCommand } from './commands.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import { assertOrgCoversHazard } from './permissions.js';
import { violate } from './rules.js';
import { HazardNatureSchema, type HazardSource, regulatorDeadlineSources } from './values.js';

type Register = Extract<ParsedHazardCommand, { type: 'RegisterHazard' }>;

/** Sources each kind of registrant may claim (G-5): a worker cannot file an enforcement finding. */
const sourcesByRole: Readonly<Partial<Record<Role, readonly HazardSource[]>>> = {
  Worker: ['self_inspection', 'other'],
  SafetyOfficer: ['self_inspection', 'landlord_check', 'other'],
  Principal: ['self_inspection', 'landlord_check', 'other'],
  VenueOperator: ['self_inspection', 'other'],
  GridPatroller: ['patrol', 'other'],
  FireAdvisor: ['patrol', 'other'],
  ...Object.fromEntries(
    regulatorOfficerRoles.map((role) => [
      role,
      [
        'regulator_inspection',
        ...(role === 'EnforcementOfficer' || role === 'AuthorityHead'
          ? (['enforcement_inspection'] as const)
          : []),
        'service_visit',
        'patrol',
        'spot_check',
        'handover',
        'petition',
        'other',
      ],
    ]),
  ),
};

/**
 * H-3: the nature must be one of the three national kinds.
 *
 * @throws RuleViolationError (`H-3`, `UnknownHazardNature`).
 */
export function assertNature(nature: string): void {
  if (HazardNatureSchema.safeParse(nature).success) return;
  throw violate('H-3', 'UnknownHazardNature', { nature, allowed: HazardNatureSchema.options });
}

/** Decides `RegisterHazard` (H-1…H-6, H-8, G-5, G-8). */
export function decideRegisterHazard(ctx: HazardDecisionContext, command: Register): HazardEvent[] {
  const { directory, policy } = ctx;
  assertNature(command.nature);
  // H-2: a major grade rests on a clause of a sector standard; a general one has none.
  if (command.grade === 'major' && command.majorBasis === undefined) {
    throw violate('H-2', 'MajorBasisRequired', { grade: command.grade });
  }
  if (command.grade === 'general' && command.majorBasis !== undefined) {
    throw violate('H-2', 'MajorBasisNotAllowed', {
      grade: command.grade,
      majorBasis: command.majorBasis,
    });
  }
  // H-5: a major hazard needs time and/or suspension to fix, by definition.
  if (command.grade === 'major' && command.rectifiedOnSpot !== undefined) {
    throw violate('H-5', 'MajorCannotBeRectifiedOnSpot', { grade: command.grade });
  }
  // H-16: an on-the-spot fix leaves no room for the suspension or evacuation that must come first
  // when safety cannot be ensured, so such a hazard is registered open and fixed under H-16.
  if (command.safetyNotAssured && command.rectifiedOnSpot !== undefined) {
    throw violate('H-16', 'SafetyNotAssured', { safetyNotAssured: true, rectifiedOnSpot: true });
  }
  // H-4: without an on-the-spot fix the rectification needs a deadline.
  if (command.deadline === undefined && command.rectifiedOnSpot === undefined) {
    throw violate('H-4', 'DeadlineRequired', { rectifiedOnSpot: false });
  }

  const registrant = registrantOf(ctx, command);
  const responsible = responsibleParty(ctx, command);
  const classification = classifySubject(directory, command.subject, responsible.enterpriseId);
  if (classification === undefined) {
    throw violate('H-1', 'UnknownSubject', {
      subject: command.subject,
      subjectKind: command.subject.kind,
      subjectId: command.subject.id,
    });
  }
  authoriseRegistrant(ctx, registrant, command);

  const supervisingOrgId = supervisingOrgOf(ctx, registrant, command);
  // G-5: the supervising and the ordering regulator must have the subject in their remit.
  assertOrgCoversHazard(ctx, 'H-8', supervisingOrgId, 'supervisingOrgId', classification);
  if (command.rectificationOrder !== undefined) {
    assertOrgCoversHazard(
      ctx,
      'H-8',
      command.rectificationOrder.orgId,
      'rectificationOrder.orgId',
      classification,
    );
  }
  // H-8: the ordering regulator, or the supervising regulator for regulator-found hazards, owns the deadline.
  const deadlineOwner =
    command.rectificationOrder !== undefined
      ? { kind: 'regulator' as const, orgId: command.rectificationOrder.orgId }
      : regulatorDeadlineSources.includes(command.source)
        ? { kind: 'regulator' as const, orgId: supervisingOrgId }
        : { kind: 'enterprise' as const };

  const registrationDate = localDateOf(ctx.occurredAt, policy.timezone);
  // An on-the-spot fix without a stated deadline is due the day it was found, so on-time
  // metrics count it as met rather than leaving it without a date.
  const deadline = command.deadline ?? registrationDate;
  // H-6: a deadline cannot lie before the (local) registration date.
  if (compareLocalDates(deadline, registrationDate) < 0) {
    throw violate('H-6', 'DeadlineBeforeRegistration', {
      deadline,
      registrationDate,
      timezone: policy.timezone,
    });
  }
  if (command.recurrenceOf === command.hazardId) {
    throw badInput(
      'recurrenceOf',
      `a hazard cannot be a recurrence of itself ("${command.hazardId}")`,
    );
  }

  const base = eventBase(ctx, command.hazardId);
  const events: HazardEvent[] = [
    {
      type: 'HazardRegistered',
      data: {
        ...base,
        subject: command.subject,
        responsible: responsible.party,
        areaId: classification.areaId,
        sectorCode: classification.sectorCode,
        venueCategory: classification.venueCategory,
        specialties: [...classification.specialties],
        description: command.description,
        location: command.location,
        nature: HazardNatureSchema.parse(command.nature),
        grade: command.grade,
        majorBasis: command.majorBasis ?? null,
        source: command.source,
        discoveredBy: registrant,
        inspectionId: command.inspectionId ?? null,
        findingId: command.findingId ?? null,
        supervisionItemId: command.supervisionItemId ?? null,
        campaignIds: [...new Set(command.campaignIds)],
        deadline,
        deadlineOwner,
        rectificationOrderNo: command.rectificationOrder?.orderNo ?? null,
        supervisingOrgId,
        safetyNotAssured: command.safetyNotAssured,
        recurrenceOf: command.recurrenceOf ?? null,
        rectifiedOnSpot: command.rectifiedOnSpot !== undefined,
      },
    },
  ];
  // H-4: an on-the-spot fix is registered and completed in one commit.
  if (command.rectifiedOnSpot !== undefined) {
    events.push({
      type: 'RectificationCompleted',
      data: {
        ...base,
        completedAt: ctx.occurredAt,
        actionsTaken: command.rectifiedOnSpot.actionsTaken,
        evidenceRefs: command.rectifiedOnSpot.evidenceRefs,
        costCny: command.rectifiedOnSpot.costCny ?? null,
        onSpot: true,
      },
    });
  }
  return events;
}

/** Who found the hazard: the actor, or the named discoverer when a process (`System`) registers it. */
function registrantOf(ctx: HazardDecisionContext, command: Register): SafetyActor {
  const discoverer = command.discoveredBy;
  if (ctx.actor.role === 'System' && discoverer === undefined) {
    throw forbidden('G-5', ctx.actor, 'needs_discoverer');
  }
  if (discoverer === undefined) return ctx.actor;
  const refusal = identityRefusal(ctx.directory, discoverer);
  if (refusal !== undefined) throw forbiddenFor('G-5', discoverer, refusal, { as: 'discoveredBy' });
  if (discoverer.role === 'System') {
    throw forbidden('G-5', discoverer, 'not_a_discoverer', { as: 'discoveredBy' });
  }
  return discoverer;
}

/** H-1: one subject and one responsible enterprise or venue, both in the directory. */
function responsibleParty(
  ctx: HazardDecisionContext,
  command: Register,
): { party: { kind: 'enterprise' | 'venue'; id: string }; enterpriseId: string | undefined } {
  const { subject, responsibleEnterpriseId } = command;
  if (subject.kind === 'venue') {
    if (responsibleEnterpriseId !== undefined) {
      throw violate('H-1', 'ResponsiblePartyMismatch', {
        subject,
        responsibleEnterpriseId,
        subjectKind: subject.kind,
        subjectId: subject.id,
      });
    }
    return { party: { kind: 'venue', id: subject.id }, enterpriseId: undefined };
  }
  if (subject.kind === 'enterprise') {
    if (responsibleEnterpriseId !== undefined && responsibleEnterpriseId !== subject.id) {
      throw violate('H-1', 'ResponsiblePartyMismatch', {
        subject,
        responsibleEnterpriseId,
        subjectKind: subject.kind,
        subjectId: subject.id,
      });
    }
    return { party: { kind: 'enterprise', id: subject.id }, enterpriseId: subject.id };
  }
  const site = ctx.directory.site(subject.id);
  const onSite = site === undefined ? [] : [site.landlordEnterpriseId, ...site.tenantEnterpriseIds];
  if (responsibleEnterpriseId === undefined || !onSite.includes(responsibleEnterpriseId)) {
    throw violate('H-1', 'ResponsiblePartyMismatch', {
      subjectKind: subject.kind,
      subjectId: subject.id,
      subject,
      responsibleEnterpriseId: responsibleEnterpriseId ?? null,
      enterprisesOnSite: onSite,
    });
  }
  return {
    party: { kind: 'enterprise', id: responsibleEnterpriseId },
    enterpriseId: responsibleEnterpriseId,
  };
}

/** G-5 for registration: the registrant's role may register this subject kind, in scope, from this source. */
function authoriseRegistrant(
  ctx: HazardDecisionContext,
  registrant: SafetyActor,
  command: Register,
): void {
  const { directory } = ctx;
  const { subject } = command;
  const role = registrant.role;
  const mayRegisterKind =
    (enterpriseRoles.includes(role) && subject.kind !== 'venue') ||
    (role === 'VenueOperator' && subject.kind === 'venue') ||
    ((role === 'GridPatroller' || role === 'FireAdvisor') && subject.kind === 'venue') ||
    regulatorOfficerRoles.includes(role);
  if (!mayRegisterKind) {
    throw forbidden('G-5', registrant, 'subject_kind_not_allowed', {
      subjectKind: subject.kind,
      subject,
    });
  }
  // On a multi-tenant site only the landlord's safety staff register; tenants register on themselves.
  if (subject.kind === 'site' && enterpriseRoles.includes(role)) {
    const landlord = directory.site(subject.id)?.landlordEnterpriseId;
    if (role === 'Worker' || registrant.enterpriseId !== landlord) {
      throw forbidden('G-5', registrant, 'not_landlord_staff', { siteId: subject.id, subject });
    }
  }
  if (!isActorInScope(directory, registrant, subject)) {
    throw forbidden('G-5', registrant, 'out_of_scope', {
      subjectKind: subject.kind,
      subjectId: subject.id,
      subject,
    });
  }
  if (ctx.actor !== registrant && ctx.actor.role !== 'System') {
    // Registering what a colleague found: same organisation or enterprise, and in scope.
    const colleague =
      (registrant.orgId !== undefined && registrant.orgId === ctx.actor.orgId) ||
      (registrant.enterpriseId !== undefined && registrant.enterpriseId === ctx.actor.enterpriseId);
    if (!colleague || !isActorInScope(directory, ctx.actor, subject)) {
      throw forbidden('G-5', ctx.actor, 'not_colleague', {
        discovererId: registrant.personId,
        subjectKind: subject.kind,
        subjectId: subject.id,
        subject,
        discoveredBy: registrant.personId,
      });
    }
  }
  const sources = sourcesByRole[role] ?? [];
  if (!sources.includes(command.source)) {
    throw forbidden('G-5', registrant, 'source_not_allowed', {
      source: command.source,
      allowedSources: sources,
    });
  }
  if (command.source === 'landlord_check' && subject.kind !== 'site') {
    throw forbidden('G-5', registrant, 'landlord_check_off_site', {
      subject,
      source: command.source,
    });
  }
}

/** The supervising regulator: as given, else the registering officer's organisation, else the subject's default. */
function supervisingOrgOf(
  ctx: HazardDecisionContext,
  registrant: SafetyActor,
  command: Register,
): string {
  const { directory } = ctx;
  const subjectDefault =
    command.subject.kind === 'enterprise'
      ? directory.enterprise(command.subject.id)?.supervisingOrgId
      : command.subject.kind === 'venue'
        ? directory.venue(command.subject.id)?.supervisingOrgId
        : (directory.site(command.subject.id)?.supervisingOrgId ??
          directory.enterprise(command.responsibleEnterpriseId ?? '')?.supervisingOrgId);
  const orgId = command.supervisingOrgId ?? registrant.orgId ?? subjectDefault;
  if (orgId === undefined) {
    throw badInput(
      'supervisingOrgId',
      `is required: ${command.subject.kind} ${command.subject.id} has no default supervising regulator in the directory`,
    );
  }
  assertRegulatorOrg(
    ctx,
    orgId,
    command.supervisingOrgId === undefined ? 'supervisingOrgId (derived)' : 'supervisingOrgId',
  );
  return orgId;
}

/**
 * Rejects an organisation id that is not a regulator in the directory.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) naming the field and the id.
 */
export function assertRegulatorOrg(ctx: HazardDecisionContext, orgId: string, field: string): void {
  const org = ctx.directory.organization(orgId);
  if (org === undefined) throw badInput(field, `organisation "${orgId}" is not in the directory`);
  if (!isRegulator(org))
    throw badInput(field, `organisation "${orgId}" is a ${org.kind} body, not a regulator`);
}

/** A `ValidationError` for one field of a command whose shape was fine but whose value is not. */
export function badInput(path: string, message: string): ValidationError {
  return new ValidationError(`invalid HazardCommand: ${path}: ${message}`, [
    { type: 'HazardCommand', path, message },
  ]);
}
