import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { ResponsibilityCommandSchema } from './commands.js';
import type { ResponsibilityEventType, responsibilityEvents } from './events.js';

// Keyed by the schemas themselves: a field added to a command or an event without a description
// here is a type error, and the reference test names it as well.
type CommandSchema = (typeof ResponsibilityCommandSchema)['options'][number];
type CommonCommandField = 'type' | 'actor' | 'occurredAt';
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  CommonCommandField
>;
type EventDefinitionOf = (typeof responsibilityEvents)[number];
type CommonEventField = 'assignmentId' | 'listId' | 'occurredAt' | 'actor';
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  CommonEventField
>;

type ResponsibilityCommandDocs = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    ResponsibilityEventType
  >;
};
type ResponsibilityEventDocs = {
  readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>>;
};

const issuer = 'The SafetyCommitteeOffice or an AuthorityHead of the issuing organisation (RA-9).';
const assignee =
  'The assignee: the leader in person; for a department or area, a person acting for that organisation; for an enterprise, its Principal or a SafetyOfficer (RA-9).';
const head =
  'The assignee’s head: the leader in person, the AuthorityHead of the department or area body, the Principal of the enterprise (RA-9).';

const commands: ResponsibilityCommandDocs = {
  DraftAssignment: {
    summary:
      'Drafts one assignee’s duties under a list (职责任务清单); the list is the set of assignments sharing `listId`.',
    who: issuer,
    emits: ['AssignmentDrafted'],
    fields: {
      assignmentId: 'The assignment’s id; the stream is `resp-{assignmentId}`.',
      listId: 'The list the assignment belongs to; RA-4 and RA-5 hold within it.',
      listTitle: 'The list’s title.',
      listKind:
        'The kind of list; `leadership_key_tasks` brings RA-3, `venue_division` and `duty_task_list` RA-10.',
      issuerOrgId: 'The issuing organisation, in the directory (RA-0).',
      period: 'The calendar year the list covers (RA-7, RA-11).',
      assignee:
        'Who holds the duties, in the directory (RA-0); a primary leader only if a leader (RA-3).',
      portfolio: 'Domain codes a leader oversees in the business; each needs a safety duty (RA-2).',
      duties:
        'The duties to start with; ids unique (RA-0), due dates in the period (RA-7), staffing headcount (RA-8).',
    },
  },
  AddDuty: {
    summary: 'Adds a duty to a draft; after issue, use `ReviseAssignment` (RA-6).',
    who: issuer,
    emits: ['DutyAdded'],
    fields: { duty: 'The duty; checked like the drafted ones.' },
  },
  RemoveDuty: {
    summary: 'Removes a duty from a draft; after issue, use `ReviseAssignment` (RA-6).',
    who: issuer,
    emits: ['DutyRemoved'],
    fields: { dutyId: 'The duty to remove; must exist (RA-0).' },
  },
  IssueAssignment: {
    summary:
      'Issues the draft (印发) as version 1: RA-1, RA-2 and RA-3 are checked on the whole assignment, RA-4 and RA-5 across the list by unique keys.',
    who: `${issuer} The approver is such a person of the issuer too.`,
    emits: ['AssignmentIssued'],
    fields: {
      approvedBy: 'The approving AuthorityHead or committee office person; defaults to the actor.',
    },
  },
  AcknowledgeAssignment: {
    summary: 'The assignee acknowledges (签收) the current version, once per version.',
    who: head,
    emits: ['AssignmentAcknowledged'],
    fields: {},
  },
  ReviseAssignment: {
    summary:
      'Changes issued duties with a reason (RA-6); the version increments and every content rule applies to the result.',
    who: issuer,
    emits: ['AssignmentRevised'],
    fields: {
      changes:
        '`add` a new duty, `remove` one by id, or `replace` one with the same `dutyId`; applied in order.',
      reason: 'Why the duties change; required (RA-6).',
    },
  },
  DesignateSafetyStaff: {
    summary: 'Names a person as safety staff for a staffing duty (RA-8).',
    who: head,
    emits: ['SafetyStaffDesignated'],
    fields: {
      dutyId: 'The staffing duty.',
      personId: 'A person of the assignee (RA-8), not already designated for the duty.',
      fullTime: 'Whether the person is full-time on safety; counts for `fullTimeRequired`.',
    },
  },
  RevokeSafetyStaff: {
    summary: 'Ends an active designation of safety staff.',
    who: head,
    emits: ['SafetyStaffRevoked'],
    fields: {
      dutyId: 'The staffing duty.',
      personId: 'The designated person.',
    },
  },
  ReportDutyProgress: {
    summary: 'The assignee reports progress on a duty (RA-9).',
    who: assignee,
    emits: ['DutyProgressReported'],
    fields: { dutyId: 'The duty.', note: 'What was done.' },
  },
  CompleteDuty: {
    summary: 'The assignee reports a duty done, once (RA-9, RA-0).',
    who: assignee,
    emits: ['DutyCompleted'],
    fields: { dutyId: 'The duty.', evidenceRefs: 'References to the evidence.' },
  },
  ReviewPerformance: {
    summary:
      'The issuer rates the assignee’s performance; the only command accepted after the period (RA-11). The latest review stands.',
    who: issuer,
    emits: ['PerformanceReviewed'],
    fields: {
      rating: '`excellent`, `good`, `pass` or `fail`.',
      comment: 'Free-text comment.',
    },
  },
  SupersedeAssignment: {
    summary:
      'Replaces the assignment by another one (terminal); its RA-4 and RA-5 keys are released.',
    who: issuer,
    emits: ['AssignmentSuperseded'],
    fields: { byAssignmentId: 'The replacing assignment; not this one (RA-0).' },
  },
};

const events: ResponsibilityEventDocs = {
  AssignmentDrafted: {
    summary: 'An assignment was drafted under a list.',
    fields: {
      listTitle: 'The list’s title.',
      listKind: 'The kind of list.',
      issuerOrgId: 'The issuing organisation.',
      period: 'The calendar year the list covers.',
      assignee: 'Who holds the duties.',
      portfolio: 'Domain codes a leader oversees (RA-2).',
      duties: 'The duties drafted.',
    },
  },
  DutyAdded: { summary: 'A duty was added to the draft.', fields: { duty: 'The duty.' } },
  DutyRemoved: { summary: 'A duty was removed from the draft.', fields: { dutyId: 'The duty.' } },
  AssignmentIssued: {
    summary: 'The assignment was issued (印发); its duties are fixed (RA-6).',
    fields: { approvedBy: 'Who approved issuing.', version: 'Always 1.' },
  },
  AssignmentAcknowledged: {
    summary: 'The assignee acknowledged (签收) a version.',
    fields: { version: 'The acknowledged version.' },
  },
  AssignmentRevised: {
    summary:
      'Issued duties were revised (RA-6); the revision history is the sequence of these events.',
    fields: {
      changes: 'The changes, in order.',
      reason: 'Why.',
      version: 'The version the revision produced (2, 3, …).',
    },
  },
  SafetyStaffDesignated: {
    summary: 'A person was designated as safety staff for a staffing duty (RA-8).',
    fields: {
      dutyId: 'The staffing duty.',
      personId: 'The designated person.',
      fullTime: 'Whether full-time on safety.',
    },
  },
  SafetyStaffRevoked: {
    summary: 'A designation of safety staff ended.',
    fields: { dutyId: 'The staffing duty.', personId: 'The person.' },
  },
  DutyProgressReported: {
    summary: 'The assignee reported progress on a duty.',
    fields: { dutyId: 'The duty.', note: 'What was done.' },
  },
  DutyCompleted: {
    summary: 'The assignee reported a duty done.',
    fields: { dutyId: 'The duty.', evidenceRefs: 'References to the evidence.' },
  },
  PerformanceReviewed: {
    summary: 'The issuer rated the assignee’s performance.',
    fields: { rating: 'The rating.', comment: 'Free-text comment.' },
  },
  AssignmentSuperseded: {
    summary: 'The assignment was superseded (terminal).',
    fields: { byAssignmentId: 'The replacing assignment.' },
  },
};

/** The responsibility-assignment reference (docs/domain/responsibility-assignment-reference.md). */
export const responsibilityDocs: AggregateDocs = {
  intro:
    'Every command and event of the `ResponsibilityAssignment` aggregate (domain spec §4.3, 职责任务清单 / 一岗双责), generated from the zod schemas with `z.toJSONSchema`, so types and allowed values are the ones the code validates. Commands go to `createResponsibilityAssignmentService({ store, decider })`, which holds RA-4 and RA-5 across the list with unique keys and passes each command to a handler of `createResponsibilityDecider`; a malformed command is a `ValidationError` naming each bad field, a rule that rejects it a `RuleViolationError` citing the rule. The lifecycle is in [responsibility-assignment.md](responsibility-assignment.md), every rule in [responsibility-assignment-rules.md](responsibility-assignment-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt:
      'Business time; defaults to the handler’s clock. May be back-dated, never before the stream’s first event nor more than 5 minutes after recording (G-4). After the period, only `ReviewPerformance` is accepted (RA-11).',
  },
  commonEventFields: {
    assignmentId: 'The assignment’s id.',
    listId: 'The list the assignment belongs to.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
