import { compareLocalDates } from '../calendar/local-date.js';
import { endOfLocalDay } from '../calendar/time-zone.js';
import { forbidden } from '../general/forbidden.js';
import { regulatorOfficerRoles } from '../roles/role.js';
import type { ParsedHazardCommand } from './commands.js';
import { assertNature, badInput } from './decide-registration.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import {
  actorDetails,
  assertOrgCoversHazard,
  classificationOf,
  isResponsiblePrincipal,
  regulatorInScope,
} from './permissions.js';
import { violate } from './rules.js';
import { activeListings, type RegisteredHazard } from './state.js';
import { HazardNatureSchema } from './values.js';

type Cmd<T extends ParsedHazardCommand['type']> = Extract<ParsedHazardCommand, { type: T }>;

const blank = (value: string) => value.trim() === '';

/** Decides `CorrectHazardDetails` (G-5: the registering organisation or enterprise; H-3). */
export function decideCorrectHazardDetails(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'CorrectHazardDetails'>,
): HazardEvent[] {
  const { actor } = ctx;
  const registrant = state.discoveredBy;
  const sameOrg =
    registrant.orgId !== undefined &&
    actor.orgId === registrant.orgId &&
    [...regulatorOfficerRoles, 'GridPatroller', 'FireAdvisor'].includes(actor.role);
  const sameEnterprise =
    registrant.enterpriseId !== undefined &&
    actor.enterpriseId === registrant.enterpriseId &&
    ['SafetyOfficer', 'Principal', 'Worker'].includes(actor.role);
  const sameVenue =
    actor.role === 'VenueOperator' &&
    registrant.role === 'VenueOperator' &&
    state.responsible.kind === 'venue' &&
    (ctx.person?.venueIds.includes(state.responsible.id) ?? false);
  if (!sameOrg && !sameEnterprise && !sameVenue) {
    throw forbidden('G-5', actor, 'not_registering_party', {
      registeredBy: registrant.orgId ?? registrant.enterpriseId ?? registrant.personId,
    });
  }
  if (command.nature !== undefined) assertNature(command.nature);
  const changes = {
    ...(command.description !== undefined && command.description !== state.description
      ? { description: command.description }
      : {}),
    ...(command.location !== undefined && command.location !== state.location
      ? { location: command.location }
      : {}),
    ...(command.nature !== undefined && command.nature !== state.nature
      ? { nature: HazardNatureSchema.parse(command.nature) }
      : {}),
    ...(command.campaignIds !== undefined &&
    JSON.stringify([...new Set(command.campaignIds)]) !== JSON.stringify(state.campaignIds)
      ? { campaignIds: [...new Set(command.campaignIds)] }
      : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw badInput(
      '(root)',
      'the correction changes nothing: give at least one of description, location, nature, campaignIds with a new value',
    );
  }
  return [
    { type: 'HazardDetailsCorrected', data: { ...eventBase(ctx, state.hazardId), ...changes } },
  ];
}

/** Decides `RegradeHazard` (H-2, H-9, H-10). */
export function decideRegradeHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'RegradeHazard'>,
): HazardEvent[] {
  const { actor } = ctx;
  if (command.to === state.grade) throw badInput('to', `the hazard is already ${state.grade}`);
  if (command.to === 'major') {
    // H-10: upgrade while the rectification is still pending or awaiting verification.
    if (state.status !== 'open' && state.status !== 'awaiting_verification') {
      throw violate('H-10', 'UpgradeNotAllowed', { state: state.status });
    }
    if (!isResponsiblePrincipal(ctx, state) && regulatorInScope(ctx, state) === undefined) {
      throw violate('H-10', 'Forbidden', actorDetails(actor));
    }
    if (command.basis === undefined) {
      throw violate('H-2', 'MajorBasisRequired', { to: command.to });
    }
  } else {
    // H-9: only a regulator's head may downgrade, and never while a listing is active.
    if (actor.role !== 'AuthorityHead' || regulatorInScope(ctx, state) === undefined) {
      throw violate('H-9', 'Forbidden', actorDetails(actor));
    }
    const listed = activeListings(state);
    if (listed.length > 0) {
      throw violate('H-9', 'DelistFirst', { levels: listed.map((listing) => listing.level) });
    }
    if (command.basis !== undefined) {
      throw violate('H-2', 'MajorBasisNotAllowed', { basis: command.basis });
    }
  }
  return [
    {
      type: 'HazardRegraded',
      data: {
        ...eventBase(ctx, state.hazardId),
        from: state.grade,
        to: command.to,
        basis: command.basis ?? null,
        reason: command.reason,
      },
    },
  ];
}

/** Decides `ExtendRectificationDeadline` (H-8). */
export function decideExtendRectificationDeadline(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'ExtendRectificationDeadline'>,
): HazardEvent[] {
  const { actor, policy } = ctx;
  const owner = state.deadlineOwner;
  const isOwner =
    owner.kind === 'regulator'
      ? actor.role === 'AuthorityHead' && actor.orgId === owner.orgId
      : isResponsiblePrincipal(ctx, state);
  if (!isOwner) {
    throw violate('H-8', 'Forbidden', {
      ...actorDetails(actor),
      deadlineOwner: owner,
      ownerKind: owner.kind,
      ownerId: owner.kind === 'regulator' ? owner.orgId : state.responsible.id,
    });
  }
  if (blank(command.reason)) {
    throw violate('H-8', 'ReasonRequired', { reason: command.reason });
  }
  if (compareLocalDates(command.newDeadline, state.deadline) <= 0) {
    throw violate('H-8', 'DeadlineNotLater', {
      currentDeadline: state.deadline,
      newDeadline: command.newDeadline,
    });
  }
  // G-7: "before the end of the current deadline" is D 23:59:59.999 local.
  const end = endOfLocalDay(state.deadline, policy.timezone);
  // H-30: a late entry is judged by its recording time, so back-dating cannot rescue it.
  if (!policy.allowLateDeadlineExtension && Date.parse(ctx.judgedAt) > end.getTime()) {
    throw violate('H-8', 'LateExtension', {
      currentDeadline: state.deadline,
      requestedAt: ctx.judgedAt,
      occurredAt: ctx.occurredAt,
      deadlineEndedAt: end.toISOString(),
    });
  }
  return [
    {
      type: 'RectificationDeadlineExtended',
      data: {
        ...eventBase(ctx, state.hazardId),
        old: state.deadline,
        new: command.newDeadline,
        reason: command.reason,
        approvedBy: actor.personId,
        via: 'extension',
      },
    },
  ];
}

/** Decides `VoidHazard` (H-23). */
export function decideVoidHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'VoidHazard'>,
): HazardEvent[] {
  const { actor } = ctx;
  if (blank(command.reason)) {
    throw violate('H-23', 'ReasonRequired', { reason: command.reason });
  }
  if (state.listings.length > 0) {
    throw violate('H-23', 'ListedHazardCannotBeVoided', {
      levels: state.listings.map((listing) => listing.level),
    });
  }
  if (state.completions > 0) {
    throw violate('H-23', 'AlreadyRectified', {
      completions: state.completions,
    });
  }
  const findingOrgId = state.discoveredBy.orgId;
  if (findingOrgId !== undefined) {
    if (actor.role !== 'AuthorityHead' || actor.orgId !== findingOrgId) {
      throw violate('H-23', 'Forbidden', {
        ...actorDetails(actor),
        findingOrgId,
        reason: 'finder',
        party: findingOrgId,
      });
    }
  } else if (state.grade === 'major') {
    if (actor.role !== 'AuthorityHead' || actor.orgId !== state.supervisingOrgId) {
      throw violate('H-23', 'Forbidden', {
        ...actorDetails(actor),
        supervisingOrgId: state.supervisingOrgId,
        reason: 'supervisor',
        party: state.supervisingOrgId,
      });
    }
  } else if (!isResponsiblePrincipal(ctx, state)) {
    throw violate('H-23', 'Forbidden', {
      ...actorDetails(actor),
      reason: 'principal',
      party: state.responsible.id,
    });
  }
  return [
    { type: 'HazardVoided', data: { ...eventBase(ctx, state.hazardId), reason: command.reason } },
  ];
}

/** Decides `ReferHazard` (H-28). */
export function decideReferHazard(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Cmd<'ReferHazard'>,
): HazardEvent[] {
  const { actor } = ctx;
  if (state.status !== 'open') {
    throw violate('H-28', 'NotOpen', { state: state.status });
  }
  if (!regulatorOfficerRoles.includes(actor.role) || actor.orgId !== state.supervisingOrgId) {
    throw violate('H-28', 'Forbidden', {
      ...actorDetails(actor),
      supervisingOrgId: state.supervisingOrgId,
    });
  }
  if (command.toOrgId === state.supervisingOrgId) {
    throw badInput('toOrgId', `"${command.toOrgId}" already supervises this hazard`);
  }
  // G-5: a referral goes to a department whose remit covers the hazard (Order 16).
  assertOrgCoversHazard(ctx, 'H-28', command.toOrgId, 'toOrgId', classificationOf(state));
  return [
    {
      type: 'HazardReferred',
      data: {
        ...eventBase(ctx, state.hazardId),
        fromOrgId: state.supervisingOrgId,
        toOrgId: command.toOrgId,
        reason: command.reason,
      },
    },
  ];
}
