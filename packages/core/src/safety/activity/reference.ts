import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { ActivityCommandSchema } from './commands.js';
import type { ActivityEvent, activityEvents } from './events.js';

type CommandSchema = (typeof ActivityCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof activityEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'activityId' | 'occurredAt' | 'actor'
>;

const factFields = {
  kind: 'What kind of activity: training, key-sector training, expert lecture, deployment meeting, drill, competition, outreach event, exhibition visit or materials distribution.',
  topic: 'The topic (e.g. a campaign name).',
  sectorCode: 'The sector the activity addresses, if any.',
  date: 'The local date it took place; not after the recording date (A-0).',
  participantCount: 'Person-times (人次); not negative (A-1).',
  enterpriseIds: 'Enterprises that took part; each known to the directory (A-0).',
  materials: '`manuals` and `posters` handed out; not negative (A-1).',
  planId: 'The plan a drill exercises; drills only (A-2).',
  planKind:
    'The kind of that plan (comprehensive, special, on_site); drills only (A-2), counted by A-3.',
  approximate: 'True when the counts are estimates.',
} as const;

const commands: {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    ActivityEvent['type']
  >;
} = {
  RecordActivity: {
    summary: 'Records an activity that took place.',
    who: 'For an organisation: its AuthorityHead, committee office or officers (territorial, industry, special, enforcement, grid patrollers, fire advisors). For an enterprise: its Principal or SafetyOfficer, naming no other enterprise (G-5).',
    emits: ['ActivityRecorded'],
    fields: {
      activityId: 'The activity’s id; the stream is `act-{activityId}`.',
      organizerOrgId:
        'The organising organisation; exactly one of this and `organizerEnterpriseId`.',
      organizerEnterpriseId: 'The organising enterprise, for its own trainings and drills.',
      ...factFields,
    },
  },
  CorrectActivity: {
    summary: 'Corrects recorded facts; fields left out keep their value (G-1).',
    who: 'The same side as the one that recorded it (G-5).',
    emits: ['ActivityCorrected'],
    fields: { reason: 'Why the facts are corrected.', ...factFields },
  },
};

const events: { readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>> } = {
  ActivityRecorded: {
    summary: 'An activity was recorded.',
    fields: {
      organizerOrgId: 'The organising organisation, or null.',
      organizerEnterpriseId: 'The organising enterprise, or null.',
      ...factFields,
    },
  },
  ActivityCorrected: {
    summary: 'Facts of an activity were corrected.',
    fields: {
      reason: 'Why.',
      changes: 'The corrected facts only, each with its new value.',
    },
  },
};

/** The activity reference (docs/domain/activity-reference.md). */
export const activityDocs: AggregateDocs = {
  intro:
    'Every command and event of the `Activity` aggregate (宣传培训活动, domain spec §4.9), generated from the zod schemas. One activity is one stream, `act-{id}` (`activityStreamId(id)`), decided by `createActivityDecider({ directory, policy })`. Rules: [activity-rules.md](activity-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt: 'Business time; defaults to the handler’s clock (G-4).',
  },
  commonEventFields: {
    activityId: 'The activity’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
