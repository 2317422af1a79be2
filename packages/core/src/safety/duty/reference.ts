import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { DutyRosterCommandSchema } from './commands.js';
import type { DutyRosterEvent, dutyRosterEvents } from './events.js';

type CommandSchema = (typeof DutyRosterCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof dutyRosterEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'month' | 'occurredAt' | 'actor'
>;

const commands: {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    DutyRosterEvent['type']
  >;
} = {
  ScheduleDutyRoster: {
    summary: 'Schedules a whole month’s roster; one `ShiftScheduled` per shift, in start order.',
    who: 'An AuthorityHead or the SafetyCommitteeOffice of `orgId` (G-5).',
    emits: ['ShiftScheduled'],
    fields: {
      month: 'The month `YYYY-MM`; must match the stream `duty-{month}`.',
      orgId: 'The organisation on duty; officers and leaders are its persons (DR-2).',
      shifts:
        'Every shift of the month: `shiftId`, `start` (included) and `end` (excluded) instants, `dutyOfficerId`, `leaderOnCallId` (DR-2) and `reinforced` (DR-3). Together they cover each local day 00:00–24:00 with no gap or overlap (DR-1).',
    },
  },
  HandOverShift: {
    summary: 'Hands a shift over to another duty officer (交接班).',
    who: 'The shift’s current duty officer or an AuthorityHead of the organisation (G-5).',
    emits: ['ShiftHandedOver'],
    fields: {
      shiftId: 'The shift handed over (DR-0).',
      toOfficerId: 'The officer taking over; a person of the organisation (DR-2).',
      notes: 'What the handover passed on.',
    },
  },
  ReportIncidentInfo: {
    summary: 'Records incident information received on duty and when it was reported upward.',
    who: 'A person of the rostering organisation (G-5).',
    emits: ['IncidentInfoReported'],
    fields: {
      incidentRef: 'The incident’s reference.',
      receivedAt: 'When the duty desk received the information.',
      reportedAt: 'When it was reported upward; not before `receivedAt`.',
      summary: 'What happened.',
    },
  },
};

const events: { readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>> } = {
  ShiftScheduled: {
    summary: 'One shift of the month’s roster was scheduled.',
    fields: {
      orgId: 'The organisation on duty.',
      shiftId: 'The shift’s id.',
      start: 'First instant of the shift (UTC).',
      end: 'Instant the shift ends (excluded, UTC).',
      dutyOfficerId: 'The duty officer.',
      leaderOnCallId: 'The leader on call (带班领导).',
      reinforced: 'Whether the shift is reinforced (DR-3).',
    },
  },
  ShiftHandedOver: {
    summary: 'A shift was handed over.',
    fields: {
      shiftId: 'The shift.',
      fromOfficerId: 'The officer handing over.',
      toOfficerId: 'The officer taking over.',
      notes: 'What was passed on.',
    },
  },
  IncidentInfoReported: {
    summary: 'Incident information was reported upward.',
    fields: {
      incidentRef: 'The incident’s reference.',
      receivedAt: 'When it was received.',
      reportedAt: 'When it was reported.',
      summary: 'What happened.',
    },
  },
};

/** The duty roster reference (docs/domain/duty-reference.md). */
export const dutyDocs: AggregateDocs = {
  intro:
    'Every command and event of the `DutyRoster` aggregate (值班值守, domain spec §4.9), generated from the zod schemas. A month is one stream, `duty-{yyyy-mm}` (`dutyRosterStreamId(month)`), decided by `createDutyRosterDecider({ directory, policy })`. Rules: [duty-rules.md](duty-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt: 'Business time; defaults to the handler’s clock (G-4).',
  },
  commonEventFields: {
    month: 'The roster’s month `YYYY-MM`.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
