import { compareLocalDates } from '../calendar/local-date.js';
import { isRegulator } from '../directory/organization.js';
import { orgCoversArea, orgCoversSubject } from '../directory/scope.js';
import type { ParsedHazardCommand } from './commands.js';
import { badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import {
  actorDetails,
  assertOrgCoversHazard,
  classificationOf,
  requireResponsible,
  worksForResponsibleParty,
} from './permissions.js';
import { planGaps } from './plan.js';
import { violate } from './rules.js';
import { activeListings, type RegisteredHazard } from './state.js';

type Cmd<T extends ParsedHazardCommand['type']> = Extract<ParsedHazardCommand, { type: T }>;

const filled = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

function requireMajor(rule: 'H-11' | 'H-24', state: RegisteredHazard): void {
  if (state.grade === 'major') return;
  throw violate(rule, 'NotMajor', { grade: state.grade });
}

/** Decides `ReportMajorHazard` (H-11, H-12). */
export function decideReportMajorHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'ReportMajorHazard'>,
): HazardEvent[] {
  requireMajor('H-11', state);
  requireResponsible(ctx, state, 'principal', 'H-11', 'ReportMajorHazard');
  // H-12 (Order 16 Art. 14): status and cause, severity and difficulty, and the plan.
  const missing = [
    ...(command.recipientOrgIds.length === 0 ? ['recipientOrgIds'] : []),
    ...(filled(command.statusAndCause) ? [] : ['statusAndCause']),
    ...(filled(command.severityAndDifficulty) ? [] : ['severityAndDifficulty']),
    ...(filled(command.planSummary) || filled(command.planRef) ? [] : ['planSummary or planRef']),
  ];
  if (missing.length > 0) {
    throw violate('H-12', 'IncompleteReport', { missing });
  }
  for (const [index, orgId] of command.recipientOrgIds.entries()) {
    if (ctx.directory.organization(orgId) === undefined) {
      throw badInput(`recipientOrgIds.${index}`, `organisation "${orgId}" is not in the directory`);
    }
  }
  // H-11: the report goes to the supervising department; that is what makes the regulator aware.
  if (!command.recipientOrgIds.includes(state.supervisingOrgId)) {
    throw violate('H-11', 'SupervisingOrgNotARecipient', {
      supervisingOrgId: state.supervisingOrgId,
      recipientOrgIds: command.recipientOrgIds,
    });
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
  requireMajor('H-11', state);
  requireResponsible(ctx, state, 'manager', 'H-11', 'DiscloseMajorHazardToWorkforce');
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
    'SubmitRectificationPlan',
  );
  const measures = command.measures.filter((measure) => measure.trim() !== '');
  if (major) {
    const missing = planGaps({ ...command, measures });
    if (missing.length > 0) {
      throw violate('H-13', 'IncompletePlan', { missing });
    }
  }
  // H-13 (责任): the responsible person is a real person of the responsible party, not a free text.
  const personId = command.responsiblePersonId;
  if (filled(personId) && !worksForResponsibleParty(ctx, state, ctx.directory.person(personId))) {
    throw violate('H-13', 'UnknownResponsiblePerson', {
      responsiblePersonId: personId,
      responsible: state.responsible,
      responsibleId: state.responsible.id,
    });
  }
  // H-14: more time than the effective deadline needs an approved extension first.
  if (command.deadline !== undefined && compareLocalDates(command.deadline, state.deadline) > 0) {
    throw violate('H-14', 'PlanExceedsDeadline', {
      planDeadline: command.deadline,
      effectiveDeadline: state.deadline,
    });
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
  requireMajor('H-24', state);
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
    throw violate('H-24', 'Forbidden', {
      ...actorDetails(actor),
      level: command.level,
      authorityOrgId: command.authorityOrgId,
      areaId: state.areaId,
    });
  }
  if (activeListings(state).some((listing) => listing.level === command.level)) {
    throw violate('H-24', 'AlreadyListedAtLevel', { level: command.level });
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
    throw violate('H-25', 'NotListed', {
      level: command.level,
      activeLevels: activeListings(state).map((active) => active.level),
    });
  }
  if (
    actor.orgId !== listing.authorityOrgId ||
    (actor.role !== 'SafetyCommitteeOffice' && actor.role !== 'AuthorityHead')
  ) {
    throw violate('H-25', 'Forbidden', {
      ...actorDetails(actor),
      authorityOrgId: listing.authorityOrgId,
    });
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
  rule: 'H-25' | 'H-26',
  state: RegisteredHazard,
  action: 'delisting' | 'resumption',
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
  throw violate(rule, 'VerificationRequired', {
    lastCompletionVersion: completion?.atVersion ?? null,
    lastVerificationVersion: verification?.atVersion ?? null,
    lastVerificationOutcome: verification?.outcome ?? null,
    action,
  });
}
