import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { SupervisionItemCommandSchema } from './commands.js';
import type { SupervisionItemEventType, supervisionItemEvents } from './events.js';

// Keyed by the schemas: a field added to a command or an event without a description here is a
// type error, and the reference test names it as well.
type CommandSchema = (typeof SupervisionItemCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof supervisionItemEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'itemId' | 'occurredAt' | 'actor'
>;
type Commands = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    SupervisionItemEventType
  >;
};
type Events = { readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>> };

const batchFields = {
  batchId: 'The handover batch (snapshot; P-14 groups by it).',
  kind: 'Petition, hazard list or tour finding (snapshot).',
  issuer: 'The issuing body (snapshot; P-14 groups by its name; absent on older events).',
};
const lead = 'An officer of the lead organisation, while `assigned` or `in_progress` (SI-0).';

const commands: Commands = {
  ReceiveHandover: {
    summary: 'Records one handed-over item of a batch.',
    who: 'A SupervisionTeam member, or a SafetyCommitteeOffice recording the issuer’s document (SI-0).',
    emits: ['HandoverReceived'],
    fields: {
      itemId: 'The item’s id; the stream is `item-{itemId}`.',
      batchId: 'The handover batch it belongs to.',
      batchTitle: 'The batch’s title.',
      issuer: 'The issuing body: `name`, `kind`, `level`, and `orgId` when it is in the directory.',
      kind: '`petition`, `hazard_list` or `feedback_issue`.',
      deadline: 'The report-back date the issuer set; past it the item is overdue (SI-7).',
      subjectEnterpriseIds: 'Enterprises concerned; at least one for a hazard list (SI-2).',
      expectedHazardCount: 'For a hazard list: how many hazards it names (SI-2).',
      description: 'What was handed over.',
      petitioner: 'For a petition: `{ anonymous }`; a named petitioner must be answered (SI-4).',
      closureAuthority: '`issuer` (default) or `committee_office` when closure is delegated.',
    },
  },
  AssignItem: {
    summary: 'Assigns the item to one lead organisation with supporting ones (SI-1).',
    who: 'A SafetyCommitteeOffice, while `received`.',
    emits: ['ItemAssigned'],
    fields: {
      leadOrgId: 'The one lead organisation, a work-safety regulator (SI-1).',
      supportOrgIds: 'Supporting organisations, without the lead (SI-1).',
      internalDeadline: 'Internal deadline, not after the item’s deadline (SI-1).',
    },
  },
  RecordInvestigation: {
    summary: 'Records the investigation’s outcome; PO-4 registers its hazards (SI-3, SI-8).',
    who: lead,
    emits: ['ItemInvestigated'],
    fields: {
      finding: '`substantiated`, `partially_substantiated` or `unsubstantiated`.',
      reportRef: 'The investigation report’s reference.',
      hazards:
        'Hazards found (key, subject, description, location, nature, grade, basis, deadline); only with a substantiated finding (SI-8).',
    },
  },
  LinkHazard: {
    summary: 'Links a registered hazard to the item (SI-2, SI-3).',
    who: lead,
    emits: ['ItemHazardLinked'],
    fields: { hazardId: 'A registered hazard, read through the item-hazards port (G-9).' },
  },
  LinkCase: {
    summary: 'Links an enforcement case to the item (SI-3).',
    who: lead,
    emits: ['ItemCaseLinked'],
    fields: { caseId: 'The case.' },
  },
  AddMeasure: {
    summary: 'Adds a rectification measure (SI-5).',
    who: lead,
    emits: ['MeasureAdded'],
    fields: { measureId: 'Unique within the item.', text: 'What will be done.' },
  },
  CompleteMeasure: {
    summary: 'Marks an open measure done (SI-5).',
    who: lead,
    emits: ['MeasureCompleted'],
    fields: { measureId: 'A measure of the item that is not done yet.' },
  },
  ReplyToPetitioner: {
    summary: 'Records the answer to a named petitioner, after the investigation (SI-4).',
    who: 'An officer of the lead organisation; also while `feedback_submitted`.',
    emits: ['PetitionerReplied'],
    fields: { method: 'How the petitioner was answered.' },
  },
  SubmitFeedback: {
    summary: 'Reports the handling back to the issuer (SI-2, SI-3, SI-5).',
    who: 'An AuthorityHead of the lead organisation, while `in_progress`.',
    emits: ['ItemFeedbackSubmitted'],
    fields: { summary: 'What was done.', evidenceRefs: 'Supporting documents.' },
  },
  CloseItem: {
    summary: 'Accepts the feedback and strikes the item off (销号) (SI-6).',
    who: 'The issuer (a SupervisionTeam member), or a SafetyCommitteeOffice when delegated.',
    emits: ['ItemClosed'],
    fields: {},
  },
  ReturnItem: {
    summary: 'Sends the feedback back; the item is in progress again (SI-6).',
    who: 'The issuer, or a SafetyCommitteeOffice when closure is delegated.',
    emits: ['ItemReturned'],
    fields: { reason: 'Why.' },
  },
};

const events: Events = {
  HandoverReceived: {
    summary: 'An item of a handover batch was received.',
    fields: {
      ...batchFields,
      batchTitle: 'The batch’s title.',
      issuer: 'The issuing body.',
      deadline: 'The report-back date.',
      subjectEnterpriseIds: 'Enterprises concerned.',
      expectedHazardCount: 'Hazards the list names, or null.',
      description: 'What was handed over.',
      petitioner: '`{ anonymous }` for a petition, else null.',
      closureAuthority: 'Who closes: the issuer or the committee office.',
    },
  },
  ItemAssigned: {
    summary: 'The item was assigned (SI-1).',
    fields: {
      leadOrgId: 'The lead organisation.',
      supportOrgIds: 'Supporting organisations.',
      internalDeadline: 'The internal deadline.',
    },
  },
  ItemInvestigated: {
    summary: 'The investigation concluded; its hazards are registered by PO-4 and count as linked.',
    fields: {
      ...batchFields,
      finding: 'The finding.',
      reportRef: 'The report’s reference.',
      leadOrgId: 'The lead organisation (supervises the hazards).',
      hazards: 'Hazards found, each registered as `{itemId}.{hazardKey}`.',
    },
  },
  ItemHazardLinked: {
    summary: 'A registered hazard was linked.',
    fields: { ...batchFields, hazardId: 'The hazard.' },
  },
  ItemCaseLinked: { summary: 'A case was linked.', fields: { caseId: 'The case.' } },
  MeasureAdded: {
    summary: 'A measure was added.',
    fields: { ...batchFields, measureId: 'The measure’s id.', text: 'What will be done.' },
  },
  MeasureCompleted: {
    summary: 'A measure was completed.',
    fields: { ...batchFields, measureId: 'The measure’s id.' },
  },
  PetitionerReplied: { summary: 'The petitioner was answered.', fields: { method: 'How.' } },
  ItemFeedbackSubmitted: {
    summary: 'The handling was reported back.',
    fields: { summary: 'What was done.', evidenceRefs: 'Supporting documents.' },
  },
  ItemClosed: { summary: 'The item was struck off (销号); terminal.', fields: { ...batchFields } },
  ItemReturned: { summary: 'The feedback was sent back.', fields: { reason: 'Why.' } },
};

/** The supervision-item reference (docs/domain/supervision-item-reference.md). */
export const supervisionItemDocs: AggregateDocs = {
  intro:
    'Every command and event of the `SupervisionItem` aggregate (domain spec §4.5), generated from the zod schemas. A command goes to the handler of `createSupervisionItemDecider({ directory, hazards })`; a malformed one is a `ValidationError`, a rule that rejects it a `RuleViolationError` citing the rule. Lifecycle: [supervision-item.md](supervision-item.md); rules: [supervision-item-rules.md](supervision-item-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt: 'Business time; defaults to the handler’s clock (G-4).',
  },
  commonEventFields: {
    itemId: 'The item’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
