import { RuleViolationError } from '../../eventsourcing/errors.js';
import { compareLocalDates } from '../calendar/local-date.js';
import { isRegulator } from '../directory/organization.js';
import { orgCoversArea, orgCoversSubject } from '../directory/scope.js';
import { forbidden } from '../general/forbidden.js';
import type { ParsedHazardCommand } from './commands.js';
import { badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import {
  assertOrgCoversHazard,
  classificationOf,
  requireResponsible,
  worksForResponsibleParty,
} from './permissions.js';
import { planGaps } from './plan.js';
import { activeListings, type RegisteredHazard } from './state.js';

type Cmd<T extends ParsedHazardCommand['type']> = Extract<ParsedHazardCommand, { type: T }>;

const filled = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

function requireMajor(rule: string, state: RegisteredHazard, what: string): void {
  if (state.grade === 'major') return;
  throw new RuleViolationError(
    rule,
    'NotMajor',
    `${what} applies to major hazards only; this one is ${state.grade}`,
    {
      grade: state.grade,
    },
  );
}

/** Decides `ReportMajorHazard` (H-11, H-12). */
export function decideReportMajorHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'ReportMajorHazard'>,
): HazardEvent[] {
  requireMajor('H-11', state, 'reporting to the regulator');
  requireResponsible(ctx, state, 'principal', 'H-11', 'report the major hazard');
  // H-12 (Order 16 Art. 14): status and cause, severity and difficulty, and the plan.
  const missing = [
    ...(command.recipientOrgIds.length === 0 ? ['recipientOrgIds'] : []),
    ...(filled(command.statusAndCause) ? [] : ['statusAndCause']),
    ...(filled(command.severityAndDifficulty) ? [] : ['severityAndDifficulty']),
    ...(filled(command.planSummary) || filled(command.planRef) ? [] : ['planSummary or planRef']),
  ];
  if (missing.length > 0) {
    throw new RuleViolationError(
      'H-12',
      'IncompleteReport',
      `the major-hazard report lacks ${missing.join(', ')}`,
      { missing },
    );
  }
  for (const [index, orgId] of command.recipientOrgIds.entries()) {
    if (ctx.directory.organization(orgId) === undefined) {
      throw badInput(`recipientOrgIds.${index}`, `organisation "${orgId}" is not in the directory`);
    }
  }
  // H-11: the report goes to the supervising department; that is what makes the regulator aware.
  if (!command.recipientOrgIds.includes(state.supervisingOrgId)) {
    throw new RuleViolationError(
      'H-11',
      'SupervisingOrgNotARecipient',
      `the report must go to the supervising regulator ${state.supervisingOrgId}`,
      { supervisingOrgId: state.supervisingOrgId, recipientOrgIds: command.recipientOrgIds },
    );
  }
  return [
    {
      type: 'MajorHazardReported',
      data: {
        ...eventBase(ctx, state.hazardId),
        recipientOrgIds: [...new Set(command.recipientOrgIds)],
        statusAndCause: command.statusAndCause!,
        severityAndDifficulty: command.severityAndDifficulty!,
        planSummary: filled(command.planSummary) ? command.planSummary : null,
        planRef: filled(command.planRef) ? command.planRef : null,
      },
    },
  ];
}

/** Decides `DiscloseMajorHazardToWorkforce` (H-11, WSL 2021 Art. 41). */
export function decideDiscloseMajorHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'DiscloseMajorHazardToWorkforce'>,
): HazardEvent[] {
  requireMajor('H-11', state, 'disclosure to the workforce');
  requireResponsible(ctx, state, 'manager', 'H-11', 'disclose the major hazard');
  return [
    {
      type: 'MajorHazardDisclosedToWorkforce',
      data: { ...eventBase(ctx, state.hazardId), forum: command.forum },
    },
  ];
}

/** Decides `SubmitRectificationPlan` (H-13, H-14). */
export function decideSubmitRectificationPlan(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'SubmitRectificationPlan'>,
): HazardEvent[] {
  const major = state.grade === 'major';
  requireResponsible(
    ctx,
    state,
    major ? 'principal' : 'manager',
    'H-13',
    'submit the rectification plan',
  );
  const measures = command.measures.filter((measure) => measure.trim() !== '');
  if (major) {
    const missing = planGaps({ ...command, measures });
    if (missing.length > 0) {
      throw new RuleViolationError(
        'H-13',
        'IncompletePlan',
        `the plan for a major hazard lacks ${missing.join(', ')}`,
        { missing },
      );
    }
  }
  // H-13 (责任): the responsible person is a real person of the responsible party, not a free text.
  const personId = command.responsiblePersonId;
  if (filled(personId) && !worksForResponsibleParty(ctx, state, ctx.directory.person(personId))) {
    throw new RuleViolationError(
      'H-13',
      'UnknownResponsiblePerson',
      `responsiblePersonId ${personId} is not a person of ${state.responsible.kind} ${state.responsible.id} in the directory`,
      { responsiblePersonId: personId, responsible: state.responsible },
    );
  }
  // H-14: more time than the effective deadline needs an approved extension first.
  if (command.deadline !== undefined && compareLocalDates(command.deadline, state.deadline) > 0) {
    throw new RuleViolationError(
      'H-14',
      'PlanExceedsDeadline',
      `plan deadline ${command.deadline} is after the effective deadline ${state.deadline}; extend the deadline first`,
      { planDeadline: command.deadline, effectiveDeadline: state.deadline },
    );
  }
  const orNull = (value: string | undefined) => (filled(value) ? value : null);
  return [
    {
      type: 'RectificationPlanSubmitted',
      data: {
        ...eventBase(ctx, state.hazardId),
        objectives: orNull(command.objectives),
        measures,
        funding: {
          amountCny: command.funding?.amountCny ?? null,
          source: orNull(command.funding?.source),
        },
        responsibleOrgUnit: orNull(command.responsibleOrgUnit),
        responsiblePersonId: orNull(command.responsiblePersonId),
        deadline: command.deadline ?? null,
        safetyMeasures: orNull(command.safetyMeasures),
        contingencyPlanRef: orNull(command.contingencyPlanRef),
      },
    },
  ];
}

/** Decides `ListForSupervision` (H-24). */
export function decideListForSupervision(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'ListForSupervision'>,
): HazardEvent[] {
  const { actor, directory } = ctx;
  requireMajor('H-24', state, 'listing for supervision');
  const org = actor.orgId === undefined ? undefined : directory.organization(actor.orgId);
  const authority =
    org !== undefined &&
    org.id === command.authorityOrgId &&
    org.level === command.level &&
    ((actor.role === 'SafetyCommitteeOffice' && orgCoversArea(org, state.areaId)) ||
      (actor.role === 'AuthorityHead' &&
        (isRegulator(org)
          ? orgCoversSubject(org, classificationOf(state))
          : orgCoversArea(org, state.areaId))));
  if (!authority) {
    throw forbidden(
      'H-24',
      actor,
      `may not list at ${command.level} level for ${command.authorityOrgId}: only that ${command.level}-level authority's SafetyCommitteeOffice or AuthorityHead, covering area ${state.areaId}, may`,
      { level: command.level, authorityOrgId: command.authorityOrgId },
    );
  }
  if (activeListings(state).some((listing) => listing.level === command.level)) {
    throw new RuleViolationError(
      'H-24',
      'AlreadyListedAtLevel',
      `the hazard is already listed at ${command.level} level`,
      {
        level: command.level,
      },
    );
  }
  const supervisingOrgId = command.supervisingOrgId ?? state.supervisingOrgId;
  if (command.supervisingOrgId !== undefined)
    assertOrgCoversHazard(
      ctx,
      'H-24',
      supervisingOrgId,
      'supervisingOrgId',
      classificationOf(state),
    );
  return [
    {
      type: 'HazardListedForSupervision',
      data: {
        ...eventBase(ctx, state.hazardId),
        level: command.level,
        authorityOrgId: command.authorityOrgId,
        supervisingOrgId,
        listingRef: command.listingRef,
        publicized: command.publicized,
      },
    },
  ];
}

/** Decides `DelistHazard` (H-25). */
export function decideDelistHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'DelistHazard'>,
): HazardEvent[] {
  const { actor } = ctx;
  const listing = activeListings(state).find((candidate) => candidate.level === command.level);
  if (listing === undefined) {
    throw new RuleViolationError(
      'H-25',
      'NotListed',
      `the hazard has no active listing at ${command.level} level`,
      {
        level: command.level,
        activeLevels: activeListings(state).map((active) => active.level),
      },
    );
  }
  if (
    actor.orgId !== listing.authorityOrgId ||
    (actor.role !== 'SafetyCommitteeOffice' && actor.role !== 'AuthorityHead')
  ) {
    throw forbidden(
      'H-25',
      actor,
      `may not delist: only the listing authority ${listing.authorityOrgId} may`,
      {
        authorityOrgId: listing.authorityOrgId,
      },
    );
  }
  assertPassedAfterCompletion('H-25', state, 'delisting');
  return [
    {
      type: 'HazardDelisted',
      data: {
        ...eventBase(ctx, state.hazardId),
        level: listing.level,
        authorityOrgId: listing.authorityOrgId,
        ref: command.ref,
      },
    },
  ];
}

/**
 * H-25 / H-26: a passed verification recorded after the latest `RectificationCompleted`.
 *
 * @throws RuleViolationError (`rule`, `VerificationRequired`).
 */
export function assertPassedAfterCompletion(
  rule: string,
  state: RegisteredHazard,
  what: string,
): void {
  const verification = state.lastVerification;
  const completion = state.lastCompletion;
  if (
    verification !== null &&
    completion !== null &&
    verification.outcome === 'passed' &&
    verification.atVersion > completion.atVersion
  ) {
    return;
  }
  throw new RuleViolationError(
    rule,
    'VerificationRequired',
    `${what} needs a passed verification after the latest rectification`,
    {
      lastCompletionVersion: completion?.atVersion ?? null,
      lastVerificationVersion: verification?.atVersion ?? null,
      lastVerificationOutcome: verification?.outcome ?? null,
    },
  );
}
