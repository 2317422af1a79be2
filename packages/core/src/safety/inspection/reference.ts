import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { InspectionCommandSchema } from './commands.js';
import type { InspectionEventType, inspectionEvents } from './events.js';

// Keyed by the schemas: a field added to a command or an event without a description here is a
// type error, and the reference test names it as well.
type CommandSchema = (typeof InspectionCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof inspectionEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'inspectionId' | 'occurredAt' | 'actor'
>;
type Commands = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    InspectionEventType
  >;
};
type Events = { readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>> };

const snapshotFields = {
  kind: 'The kind of inspection (snapshot).',
  subject: 'The inspected enterprise, venue or site (snapshot).',
  orgId: 'The inspecting organisation (snapshot).',
  areaId: 'The subject’s area when the inspection was scheduled (G-8).',
  campaignIds: 'Campaigns the inspection counts for (snapshot).',
};

const commands: Commands = {
  ScheduleInspection: {
    summary: 'Plans an inspection of one subject by one organisation’s team.',
    who: 'An officer of a regulator covering the subject; a SupervisionTeam member for a `supervision_team_check` (G-5).',
    emits: ['InspectionScheduled'],
    fields: {
      inspectionId: 'The inspection’s id; the stream is `insp-{inspectionId}`.',
      kind: 'Enforcement, routine supervision, service guidance, special campaign, spot check or supervision-team check.',
      subject: 'The enterprise, venue or site inspected; must be in the directory (I-7).',
      orgId: 'The inspecting organisation; defaults to the actor’s, and must be it (G-5).',
      inspectorIds:
        'The team, officers of the inspecting organisation (I-0); the first leads. Enforcement needs enough credentialed officers (I-1).',
      expertIds: 'Experts taking part (Expert role).',
      campaignIds: 'Campaigns the inspection counts for.',
      mode: '`onsite` (default) or `online`.',
      unannounced: '四不两直: without notice, straight to the site.',
      plannedDate: 'The planned date, if any.',
    },
  },
  StartInspection: {
    summary:
      'Starts the inspection; the subject must be active (I-7, read through the subject-status port, G-9).',
    who: 'An inspector of the team.',
    emits: ['InspectionStarted'],
    fields: {},
  },
  RecordFinding: {
    summary: 'Records a finding; policy PO-1 registers exactly one hazard for it (I-5).',
    who: 'An inspector of the team, while the inspection is in progress (I-2).',
    emits: ['FindingRecorded'],
    fields: {
      findingId: 'Unique within the inspection; the hazard’s id is derived from it (I-5).',
      description: 'What is wrong.',
      location: 'Where it is.',
      nature: 'One of the three national kinds; checked by I-5.',
      proposedGrade: '`general` or `major`.',
      majorBasis: 'Sector standard and clause; required for a major, refused for a general (I-5).',
      safetyNotAssured: 'Safety cannot be ensured while fixing (H-16 applies to the hazard).',
      deadline:
        'Rectification deadline, not before the local date; required unless rectified on the spot (I-5).',
      rectifiedOnSpot: 'The fix made on discovery (`actionsTaken`); not for a major (I-5).',
    },
  },
  IssueRectificationOrder: {
    summary:
      'Issues a written rectification order (责令限期整改指令书) for some findings (I-3, PO-2).',
    who: 'An inspector of the team, while in progress.',
    emits: ['RectificationOrderIssued'],
    fields: {
      orderNo: 'The order’s number, unique within the inspection (I-3).',
      findingIds: 'Recorded findings it covers (I-3).',
      deadline: 'Deadline the order sets, not before the local date (I-3).',
      approvedBy:
        'The signing AuthorityHead of the inspecting organisation; policy PO-2 acts in their name.',
    },
  },
  ImposeOnSiteMeasure: {
    summary:
      'Imposes a written on-site measure (现场处理措施决定书) for some findings (I-4, PO-3).',
    who: 'An inspector of the team, while in progress; not on a service visit (I-4).',
    emits: ['OnSiteMeasureImposed'],
    fields: {
      measureRef: 'The decision’s reference, unique within the inspection (I-3).',
      kind: 'Evacuate, suspend operations, stop equipment or seal.',
      findingIds: 'Recorded findings it covers (I-3).',
      approvedBy:
        'The approving AuthorityHead of the inspecting organisation; required for a suspension (I-4).',
    },
  },
  CompleteInspection: {
    summary: 'Completes the inspection: one visit (家次) of its subject (I-6).',
    who: 'The lead inspector (first of the team); every major finding covered first (I-3).',
    emits: ['InspectionCompleted'],
    fields: { recordRef: 'The inspection record’s reference.' },
  },
  CancelInspection: {
    summary: 'Cancels an inspection that recorded no finding (I-2).',
    who: 'An officer of the inspecting organisation.',
    emits: ['InspectionCancelled'],
    fields: { reason: 'Why.' },
  },
};

const events: Events = {
  InspectionScheduled: {
    summary: 'An inspection was planned.',
    fields: {
      ...snapshotFields,
      inspectorIds: 'The team; the first leads.',
      expertIds: 'Experts taking part.',
      mode: 'On site or online.',
      unannounced: 'Whether it is unannounced (四不两直).',
      plannedDate: 'The planned date, or null.',
    },
  },
  InspectionStarted: { summary: 'The inspection began.', fields: {} },
  FindingRecorded: {
    summary: 'A finding was recorded; PO-1 registers its hazard (I-5).',
    fields: {
      ...snapshotFields,
      findingId: 'The finding’s id within the inspection.',
      description: 'What is wrong.',
      location: 'Where it is.',
      nature: 'The hazard nature.',
      proposedGrade: 'The proposed grade.',
      majorBasis: 'The major basis, or null.',
      safetyNotAssured: 'Whether safety cannot be ensured while fixing.',
      deadline: 'The deadline, or null when rectified on the spot.',
      rectifiedOnSpot: 'The fix made on discovery, or null.',
    },
  },
  RectificationOrderIssued: {
    summary: 'A written rectification order was issued (PO-2).',
    fields: {
      orderNo: 'The order’s number.',
      findingIds: 'The findings it covers.',
      deadline: 'The deadline it sets.',
      orgId: 'The ordering organisation.',
      approvedBy: 'The signing AuthorityHead, or null.',
    },
  },
  OnSiteMeasureImposed: {
    summary: 'A written on-site measure was imposed (PO-3 for a suspension).',
    fields: {
      measureRef: 'The decision’s reference.',
      kind: 'The measure.',
      findingIds: 'The findings it covers.',
      orgId: 'The imposing organisation.',
      approvedBy: 'The approving AuthorityHead, or null.',
    },
  },
  InspectionCompleted: {
    summary: 'The inspection was completed: one visit of its subject (I-6).',
    fields: {
      ...snapshotFields,
      findingCount: 'Findings recorded.',
      majorCount: 'Major findings among them.',
      recordRef: 'The inspection record’s reference.',
    },
  },
  InspectionCancelled: { summary: 'The inspection was cancelled.', fields: { reason: 'Why.' } },
};

/** The inspection reference (docs/domain/inspection-reference.md). */
export const inspectionDocs: AggregateDocs = {
  intro:
    'Every command and event of the `Inspection` aggregate (domain spec §4.4), generated from the zod schemas. A command goes to the handler of `createInspectionDecider({ directory, subjects })`; a malformed one is a `ValidationError`, a rule that rejects it a `RuleViolationError` citing the rule. Lifecycle: [inspection.md](inspection.md); rules: [inspection-rules.md](inspection-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt: 'Business time; defaults to the handler’s clock (G-4).',
  },
  commonEventFields: {
    inspectionId: 'The inspection’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
