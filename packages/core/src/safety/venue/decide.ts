import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import type { Directory } from '../directory/directory.js';
import { isRegulator } from '../directory/organization.js';
import { identityRefusal, orgCoversArea } from '../directory/scope.js';
import { commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { assertBusinessTime } from '../general/business-time.js';
import { forbidden, forbiddenFor } from '../general/forbidden.js';
import { freshValue } from '../ports/fresh-answer.js';
import { isRegulatorOfficerRole } from '../roles/role.js';
import { type ParsedVenueCommand, type VenueCommand, VenueCommandSchema } from './commands.js';
import type { VenueEvent } from './events.js';
import type { CategoryLeadPort, VenueFacts, VenueHazardsPort } from './ports.js';
import { violate } from './rules.js';
import {
  evolveVenue,
  initialVenueState,
  isRegisteredVenue,
  markedIds,
  type RegisteredVenue,
  type VenueState,
} from './state.js';
import { type MarkingRole, markingOrgKind } from './values.js';

/** Options of `createVenueDecider`. */
export interface VenueDeciderOptions {
  /** Reference data for authorisation (G-5) and marking checks (V-2). */
  readonly directory: Directory;
  /** The category-lead read model an industry marking consults (V-2, RA-10). */
  readonly categoryLeads: CategoryLeadPort;
  /** The venue-hazards read model a deregistration consults (V-5). */
  readonly hazards: VenueHazardsPort;
}

/** The venue decider: state, the 7 commands of §4.6 and their events. */
export type VenueDecider = Decider<VenueState, VenueCommand, VenueEvent, VenueFacts>;

interface Ctx {
  readonly directory: Directory;
  readonly occurredAt: string;
  readonly command: ParsedVenueCommand;
  readonly facts: VenueFacts;
}

/**
 * Creates the venue decider (domain spec §4.6). Duplicate detection (V-1) spans streams and is
 * done by `createVenueRegistry`, which wraps the command handler; every other rule is here.
 * `prepare` reads the category leads for an industry marking (V-2) and the live hazards for a
 * deregistration (V-5), failing with the retryable `ProjectionLaggingError` while either read
 * model is behind (G-9).
 *
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule.
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a malformed command.
 * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) from `prepare`.
 */
export function createVenueDecider(options: VenueDeciderOptions): VenueDecider {
  const { directory, categoryLeads, hazards } = options;
  return {
    name: 'venue',
    initialState: initialVenueState,
    evolve: evolveVenue,
    async prepare(input, state) {
      const command = input as { type?: unknown; role?: unknown };
      if (!isRegisteredVenue(state) || state.status !== 'active') return {};
      if (command.type === 'MarkResponsibleParty' && command.role === 'industry') {
        const answer = await categoryLeads.categoryLeads(state.category);
        return { categoryLeads: freshValue(categoryLeads.name, answer) };
      }
      if (command.type === 'DeregisterVenue') {
        const answer = await hazards.liveHazards(state.venueId);
        return { liveHazards: freshValue(hazards.name, answer) };
      }
      return {};
    },
    decide(input, state, context) {
      const command = parseOrThrow(VenueCommandSchema, input, 'VenueCommand');
      return decideVenue(command, state, context, directory);
    },
    metadataFor: commandMetadata,
  };
}

function decideVenue(
  command: ParsedVenueCommand,
  state: VenueState,
  context: DecideContext<VenueFacts>,
  directory: Directory,
): VenueEvent[] {
  if (command.type === 'RegisterVenue' && isRegisteredVenue(state)) {
    throw violate('V-0', 'AlreadyRegistered', { venueId: state.venueId });
  }
  if (command.type !== 'RegisterVenue' && !isRegisteredVenue(state)) {
    throw violate('V-0', 'NotRegistered', { command: command.type });
  }
  if (isRegisteredVenue(state) && state.status === 'deregistered') {
    throw violate('V-5', 'VenueDeregistered', { venueId: state.venueId, command: command.type });
  }
  const refusal = identityRefusal(directory, command.actor);
  if (refusal !== undefined) throw forbiddenFor('G-5', command.actor, refusal);
  const occurredAt = command.occurredAt ?? context.now.toISOString();
  assertBusinessTime({
    occurredAt,
    recordedAt: context.now,
    streamStartedAt: isRegisteredVenue(state) ? state.registeredAt : undefined,
  });
  const ctx: Ctx = { directory, occurredAt, command, facts: context.facts ?? {} };
  if (command.type === 'RegisterVenue') {
    if (directory.area(command.areaId) === undefined) {
      throw violate('V-0', 'UnknownArea', { areaId: command.areaId });
    }
    requireAreaRegistrar(ctx, command.areaId);
    const { type: _t, actor, occurredAt: _o, ...data } = command;
    return [
      {
        type: 'VenueRegistered',
        data: { ...data, uscc: data.uscc ?? null, occurredAt, actor },
      },
    ];
  }
  if (!isRegisteredVenue(state)) return [];
  const base = { venueId: state.venueId, occurredAt, actor: command.actor };
  switch (command.type) {
    case 'UpdateVenueProfile': {
      requireAreaRegistrar(ctx, state.areaId);
      const { type: _t, actor: _a, occurredAt: _o, ...changes } = command;
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, v]) => v !== undefined),
      );
      return [{ type: 'VenueProfileUpdated', data: { ...base, ...defined } }];
    }
    case 'MarkResponsibleParty':
      return decideMark(ctx, state, command, base);
    case 'UnmarkResponsibleParty': {
      requireMarker(ctx, state, command.role);
      const id = partyId(command);
      if (!markedIds(state.markings, command.role).includes(id)) {
        throw violate('V-2', 'NotMarked', { id, markingRole: command.role });
      }
      return [
        {
          type: 'VenueResponsiblePartyUnmarked',
          data: { ...base, ...party(command.role, id), reason: command.reason },
        },
      ];
    }
    case 'RecordPatrol':
      requirePatroller(ctx, state, command.kind);
      return [
        {
          type: 'VenuePatrolled',
          data: {
            ...base,
            mode: command.mode,
            kind: command.kind,
            result: command.result,
            hazardsFound: command.hazardsFound,
            areaId: state.areaId,
          },
        },
      ];
    case 'RecordSelfCheck': {
      const { actor } = command;
      const operates =
        actor.role === 'VenueOperator' &&
        (state.operator.personId === actor.personId ||
          (directory.person(actor.personId)?.venueIds.includes(state.venueId) ?? false));
      if (!operates) {
        throw violate('V-4', 'Forbidden', {
          role: actor.role,
          personId: actor.personId,
          venueId: state.venueId,
        });
      }
      return [
        {
          type: 'VenueSelfCheckCompleted',
          data: { ...base, checklist: command.checklist, issuesFound: command.issuesFound },
        },
      ];
    }
    case 'DeregisterVenue': {
      const org = orgOf(ctx);
      if (
        command.actor.role !== 'TerritorialOfficer' ||
        org?.kind !== 'territorial' ||
        !orgCoversArea(org, state.areaId)
      ) {
        throw forbidden('V-5', command.actor, 'not_area_officer', {
          command: command.type,
          areaId: state.areaId,
          allowedRoles: ['TerritorialOfficer'],
          venueId: state.venueId,
        });
      }
      const hazardIds = ctx.facts.liveHazards ?? [];
      if (hazardIds.length > 0)
        throw violate('V-5', 'OpenHazardsExist', { hazardIds: [...hazardIds] });
      return [{ type: 'VenueDeregistered', data: { ...base, reason: command.reason } }];
    }
  }
}

function orgOf(ctx: Ctx) {
  const orgId = ctx.command.actor.orgId;
  return orgId === undefined ? undefined : ctx.directory.organization(orgId);
}

/** V-0: a GridPatroller or TerritorialOfficer of an organisation covering the area. */
function requireAreaRegistrar(ctx: Ctx, areaId: string): void {
  const { actor } = ctx.command;
  const org = orgOf(ctx);
  const ok =
    (actor.role === 'GridPatroller' || actor.role === 'TerritorialOfficer') &&
    org !== undefined &&
    orgCoversArea(org, areaId);
  if (!ok) {
    throw forbidden('V-0', actor, 'not_area_officer', {
      command: ctx.command.type,
      areaId,
      allowedRoles: ['GridPatroller', 'TerritorialOfficer'],
    });
  }
}

function partyId(command: {
  role: MarkingRole;
  orgId?: string | undefined;
  personId?: string | undefined;
}): string {
  return (command.role === 'fire_advisor' ? command.personId : command.orgId) ?? '';
}

function party(role: MarkingRole, id: string) {
  return role === 'fire_advisor'
    ? { role, orgId: null, personId: id }
    : { role, orgId: id, personId: null };
}

/** V-2: the marker is an officer of the kind being marked, or a committee office covering the area. */
function requireMarker(ctx: Ctx, state: RegisteredVenue, role: MarkingRole): void {
  const { actor } = ctx.command;
  const org = orgOf(ctx);
  const kind = role === 'fire_advisor' ? 'special' : markingOrgKind[role];
  const ok =
    org !== undefined &&
    orgCoversArea(org, state.areaId) &&
    ((actor.role === 'SafetyCommitteeOffice' && org.kind === 'committee_office') ||
      (isRegulatorOfficerRole(actor.role) && org.kind === kind));
  if (!ok) {
    throw violate('V-2', 'Forbidden', {
      role: actor.role,
      personId: actor.personId,
      markingRole: role,
      orgKind: kind,
      areaId: state.areaId,
    });
  }
}

function decideMark(
  ctx: Ctx,
  state: RegisteredVenue,
  command: Extract<ParsedVenueCommand, { type: 'MarkResponsibleParty' }>,
  base: { venueId: string; occurredAt: string; actor: ParsedVenueCommand['actor'] },
): VenueEvent[] {
  requireMarker(ctx, state, command.role);
  const { role } = command;
  const id = partyId(command);
  // A fire advisor belongs to a special organisation (as `requireMarker` reads it).
  const kind = role === 'fire_advisor' ? 'special' : markingOrgKind[role];
  const wrong = (
    problem: 'not_fire_advisor' | 'advisor_out_of_area' | 'wrong_kind' | 'out_of_area',
  ) =>
    violate('V-2', 'WrongParty', {
      id: id || '(none)',
      markingRole: role,
      problem,
      areaId: state.areaId,
      orgKind: kind,
    });
  if (role === 'fire_advisor') {
    const person = ctx.directory.person(id);
    const org = person?.orgId === undefined ? undefined : ctx.directory.organization(person.orgId);
    if (person === undefined || !person.roles.includes('FireAdvisor'))
      throw wrong('not_fire_advisor');
    if (org === undefined || !orgCoversArea(org, state.areaId)) throw wrong('advisor_out_of_area');
  } else {
    const org = ctx.directory.organization(id);
    if (org === undefined || !isRegulator(org) || org.kind !== kind) throw wrong('wrong_kind');
    if (!orgCoversArea(org, state.areaId)) throw wrong('out_of_area');
    if (role === 'industry') {
      const leads = ctx.facts.categoryLeads ?? [];
      if (!(leads.length === 1 && leads[0] === id)) {
        throw violate('V-2', 'RegulatorNotAssignedToCategory', {
          orgId: id,
          category: state.category,
          leads: [...leads],
        });
      }
    }
  }
  const current = markedIds(state.markings, role);
  if (current.includes(id)) throw violate('V-2', 'AlreadyMarked', { id, markingRole: role });
  const marked: VenueEvent = {
    type: 'VenueResponsiblePartyMarked',
    data: { ...base, ...party(role, id), areaId: state.areaId, category: state.category },
  };
  if (role === 'special' || current.length === 0) return [marked];
  return [
    {
      type: 'VenueResponsiblePartyUnmarked',
      data: { ...base, ...party(role, current[0]!), reason: `replaced by ${id}` },
    },
    marked,
  ];
}

/** V-3: grid patroller of the area, the marked fire advisor, or an officer of a marked organisation. */
function requirePatroller(ctx: Ctx, state: RegisteredVenue, kind: 'routine' | 'spot_check'): void {
  const { actor } = ctx.command;
  const org = orgOf(ctx);
  const markedOrgs = [
    state.markings.territorial,
    state.markings.industry,
    ...state.markings.special,
  ];
  const officerOfMarked =
    isRegulatorOfficerRole(actor.role) && markedOrgs.includes(actor.orgId ?? null);
  if (kind === 'spot_check') {
    const safetyOfficer =
      isRegulatorOfficerRole(actor.role) &&
      org?.kind === 'safety' &&
      orgCoversArea(org, state.areaId);
    if (officerOfMarked || safetyOfficer) return;
    throw violate('V-3', 'Forbidden', {
      role: actor.role,
      personId: actor.personId,
      patrolKind: kind,
      areaId: state.areaId,
    });
  }
  const grid =
    actor.role === 'GridPatroller' && org !== undefined && orgCoversArea(org, state.areaId);
  const advisor = actor.role === 'FireAdvisor' && state.markings.fireAdvisor === actor.personId;
  if (grid || advisor || officerOfMarked) return;
  throw violate('V-3', 'Forbidden', {
    role: actor.role,
    personId: actor.personId,
    patrolKind: kind,
    areaId: state.areaId,
  });
}
