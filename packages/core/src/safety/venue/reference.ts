import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { VenueCommandSchema } from './commands.js';
import type { VenueEventType, venueEvents } from './events.js';

type CommandSchema = (typeof VenueCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof venueEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'venueId' | 'occurredAt' | 'actor'
>;
type Commands = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    VenueEventType
  >;
};
type Events = { readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>> };

const profile = {
  name: 'The venue’s name; with the address, unique after normalisation (V-1).',
  address: 'The venue’s address (V-1).',
  category: 'The venue category (九小场所, crowded place).',
  operator: 'The operator’s name and, if any, the VenueOperator person (V-4).',
  uscc: 'Unified social credit code, if any; unique among active venues (V-1).',
  riskColor: 'Risk colour: blue, yellow, orange or red.',
};
const partyFields = {
  role: '`territorial`, `industry`, `special` or `fire_advisor`.',
  orgId: 'The marked organisation (not for `fire_advisor`).',
  personId: 'The marked fire advisor (only for `fire_advisor`).',
};

const commands: Commands = {
  RegisterVenue: {
    summary:
      'Registers (录入) a small venue; through `createVenueRegistry` duplicates are refused (V-1).',
    who: 'A GridPatroller or TerritorialOfficer of an organisation covering the area (V-0).',
    emits: ['VenueRegistered'],
    fields: {
      venueId: 'The venue’s id; the stream is `venue-{venueId}`.',
      ...profile,
      areaId: 'The area (park, town, street); must be in the directory (V-0).',
    },
  },
  UpdateVenueProfile: {
    summary:
      'Changes the given profile fields; a category change may invalidate the industry marking (V-6).',
    who: 'A GridPatroller or TerritorialOfficer covering the area.',
    emits: ['VenueProfileUpdated'],
    fields: profile,
  },
  MarkResponsibleParty: {
    summary: 'Marks (标注) one of the four responsible parties (V-2).',
    who: 'An officer of an organisation of the kind being marked, or a SafetyCommitteeOffice covering the area (V-2).',
    emits: ['VenueResponsiblePartyUnmarked', 'VenueResponsiblePartyMarked'],
    fields: partyFields,
  },
  UnmarkResponsibleParty: {
    summary: 'Removes a marking.',
    who: 'As for marking (V-2).',
    emits: ['VenueResponsiblePartyUnmarked'],
    fields: { ...partyFields, reason: 'Why.' },
  },
  RecordPatrol: {
    summary: 'Records a patrol (巡查) or a regulator spot check (V-3, V-7).',
    who: 'A GridPatroller covering the area, the marked FireAdvisor or an officer of a marked organisation; spot checks by regulator officers (V-3).',
    emits: ['VenuePatrolled'],
    fields: {
      mode: '`onsite` or `online`.',
      kind: '`routine` or `spot_check`.',
      result: 'What the patrol found.',
      hazardsFound: 'How many hazards it found.',
    },
  },
  RecordSelfCheck: {
    summary: 'Records the operator’s self-check (自查) (V-4).',
    who: 'The venue’s VenueOperator.',
    emits: ['VenueSelfCheckCompleted'],
    fields: { checklist: 'The checklist used.', issuesFound: 'How many issues it found.' },
  },
  DeregisterVenue: {
    summary: 'Deregisters the venue; refused while it has live hazards (V-5).',
    who: 'A TerritorialOfficer covering the area (V-5).',
    emits: ['VenueDeregistered'],
    fields: { reason: 'Why.' },
  },
};

const events: Events = {
  VenueRegistered: {
    summary: 'A venue was registered.',
    fields: { ...profile, areaId: 'The area.' },
  },
  VenueProfileUpdated: { summary: 'Profile fields changed; only those appear.', fields: profile },
  VenueResponsiblePartyMarked: {
    summary: 'A responsible party was marked (V-2).',
    fields: {
      ...partyFields,
      areaId: 'The venue’s area at the time (G-8).',
      category: 'The venue’s category at the time (G-8, V-6).',
    },
  },
  VenueResponsiblePartyUnmarked: {
    summary: 'A marking was removed or replaced.',
    fields: { ...partyFields, reason: 'Why.' },
  },
  VenuePatrolled: {
    summary: 'A patrol or spot check (V-3, V-7).',
    fields: {
      mode: 'On site or online.',
      kind: 'Routine or spot check.',
      result: 'What it found.',
      hazardsFound: 'Hazards found.',
      areaId: 'The venue’s area at the time (G-8).',
    },
  },
  VenueSelfCheckCompleted: {
    summary: 'The operator completed a self-check (V-4).',
    fields: { checklist: 'The checklist used.', issuesFound: 'Issues found.' },
  },
  VenueDeregistered: {
    summary: 'The venue was deregistered (V-5). Terminal.',
    fields: { reason: 'Why.' },
  },
};

/** The venue reference (docs/domain/venue-reference.md). */
export const venueDocs: AggregateDocs = {
  intro:
    'Every command and event of the `Venue` aggregate (domain spec §4.6), generated from the zod schemas. Commands go through `createVenueRegistry({ store, handle })`, which enforces V-1 across streams around the handler of `createVenueDecider({ directory, categoryLeads, hazards })`. Lifecycle: [venue.md](venue.md); rules: [venue-rules.md](venue-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt: 'Business time; defaults to the handler’s clock (G-4).',
  },
  commonEventFields: {
    venueId: 'The venue’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
