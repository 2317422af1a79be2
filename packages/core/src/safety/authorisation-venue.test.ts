import { actorsOf, createSampleSafetyDirectory, venueCommandArbitrary } from '@safeledger/testing';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  regulatorOfficers,
  sampleOrganisations,
  sampleOrgCovers,
} from './authorisation-resend.test-helper.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';
import type { VenueCommand } from './venue/commands.js';
import { createVenueDecider } from './venue/decide.js';
import type { CategoryLeadPort, VenueHazardsPort } from './venue/ports.js';
import type { VenueState } from './venue/state.js';

/*
 * Issue 20, authorisation (G-5) for Venue: at every step of random venue histories while time
 * passes, the command is re-sent by every genuine actor of the sample directory. Whoever the
 * decider accepts must hold a role the spec's §4.6 table ("Who") names, and act inside the
 * venue's scope: an organisation covering the venue's area (of the kind being marked, or one
 * marked on the venue, as the table says), the marked fire advisor, or the venue's operator.
 * The table is written from the spec, not from the library's permissions.
 */

/** "Officer" of §2: the officer roles of a regulator, its head counted among them. */
const officers = regulatorOfficers;
/** §4.6 "Who" as role sets: an upper bound; the scope below adds whose organisation. */
const who: Record<VenueCommand['type'], readonly Role[]> = {
  RegisterVenue: ['GridPatroller', 'TerritorialOfficer'],
  UpdateVenueProfile: ['GridPatroller', 'TerritorialOfficer'],
  MarkResponsibleParty: [...officers, 'SafetyCommitteeOffice'],
  UnmarkResponsibleParty: [...officers, 'SafetyCommitteeOffice'],
  RecordPatrol: ['GridPatroller', 'FireAdvisor', ...officers],
  RecordSelfCheck: ['VenueOperator'],
  DeregisterVenue: ['TerritorialOfficer'],
};
/** The organisation kind an officer marking a party of this role must belong to (§4.6 V-2). */
const markedKind = {
  territorial: 'territorial',
  industry: 'industry',
  special: 'special',
  fire_advisor: 'special',
} as const;

const directory = createSampleSafetyDirectory();
const orgKind = (actor: SafetyActor) => sampleOrganisations[actor.orgId ?? '']?.kind;

function inScope(command: VenueCommand, actor: SafetyActor, state: VenueState): boolean {
  const areaId =
    state.status === 'unregistered'
      ? command.type === 'RegisterVenue'
        ? command.areaId
        : ''
      : state.areaId;
  switch (command.type) {
    case 'RecordSelfCheck':
      return actor.personId === 'p-venue-op';
    case 'MarkResponsibleParty':
    case 'UnmarkResponsibleParty':
      return (
        sampleOrgCovers(actor, areaId) &&
        (actor.role === 'SafetyCommitteeOffice'
          ? orgKind(actor) === 'committee_office'
          : orgKind(actor) === markedKind[command.role])
      );
    case 'RecordPatrol': {
      if (state.status === 'unregistered') return false;
      if (actor.role === 'GridPatroller') return sampleOrgCovers(actor, areaId);
      if (actor.role === 'FireAdvisor') return state.markings.fireAdvisor === actor.personId;
      const marked = [
        state.markings.territorial,
        state.markings.industry,
        ...state.markings.special,
      ];
      // V-7: a regulator's spot check counts as a patrol, so a safety bureau covering the area
      // may record one on a venue that has not marked it.
      const spotChecker =
        command.kind === 'spot_check' &&
        orgKind(actor) === 'safety' &&
        sampleOrgCovers(actor, areaId);
      return marked.includes(actor.orgId ?? null) || spotChecker;
    }
    default:
      return sampleOrgCovers(actor, areaId);
  }
}

const answer = <T>(value: T) => ({ value, streamId: 'x', seenVersion: 1, headVersion: 1 });
const categoryLeads: CategoryLeadPort = {
  name: 'category-leads',
  // The sample district's division list: the industry bureau leads small restaurants.
  categoryLeads: async (category) =>
    answer(category === 'small_restaurant' ? ['org-industry'] : []),
};
const hazards: VenueHazardsPort = { name: 'venue-hazards', liveHazards: async () => answer([]) };

/** Roles the property must see each of these commands accepted from (both sides got through). */
const acceptedFrom = {
  RecordPatrol: ['GridPatroller', 'FireAdvisor'],
  MarkResponsibleParty: ['SafetyCommitteeOffice'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no venue command is accepted from a role §4.6 does not allow, or from outside the venue’s scope', async () => {
  const summary = await checkResentCommands<VenueState, VenueCommand>({
    decider: createVenueDecider({ directory, categoryLeads, hazards }),
    actors: actorsOf(directory),
    streamId: () => 'venue-venue-1',
    // Until the venue is registered nothing else means anything: the first steps draw that.
    next: (state, now) =>
      venueCommandArbitrary({ directory, now: now.toISOString() }).filter(
        (command) => state.status !== 'unregistered' || command.type === 'RegisterVenue',
      ),
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 10,
    maxSteps: 14,
    allowed: (command, actor) => who[command.type].includes(actor.role),
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 60),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);
