import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  AssigneeSchema,
  DutyChangeSchema,
  DutySchema,
  ListKindSchema,
  PerformanceRatingSchema,
  PeriodSchema,
} from './values.js';

// Every event carries the list id besides the assignment id, so list-level read models (P-17)
// and uniqueness audits (RA-4, RA-5) group events without joining on the drafting event.
const base = z.object({
  assignmentId: z.string().min(1),
  listId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);

/** An assignment was drafted under a list, with its header and its first duties. */
export const AssignmentDrafted = defineEvent(
  'AssignmentDrafted',
  base.extend({
    listTitle: text,
    listKind: ListKindSchema,
    issuerOrgId: text,
    period: PeriodSchema,
    assignee: AssigneeSchema,
    portfolio: z.array(text),
    duties: z.array(DutySchema),
  }),
  { schemaVersion: 1 },
);

/** A duty was added to a draft. */
export const DutyAdded = defineEvent('DutyAdded', base.extend({ duty: DutySchema }), {
  schemaVersion: 1,
});

/** A duty was removed from a draft. */
export const DutyRemoved = defineEvent('DutyRemoved', base.extend({ dutyId: text }), {
  schemaVersion: 1,
});

/** The assignment was issued (印发) as version 1; its duties are now fixed (RA-6). */
export const AssignmentIssued = defineEvent(
  'AssignmentIssued',
  base.extend({ approvedBy: text, version: z.literal(1) }),
  { schemaVersion: 1 },
);

/** The assignee acknowledged (签收) the current version. */
export const AssignmentAcknowledged = defineEvent(
  'AssignmentAcknowledged',
  base.extend({ version: z.number().int().min(1) }),
  { schemaVersion: 1 },
);

/** The issued duties were revised (RA-6); `version` is the new version. */
export const AssignmentRevised = defineEvent(
  'AssignmentRevised',
  base.extend({
    changes: z.array(DutyChangeSchema).min(1),
    reason: text,
    version: z.number().int().min(2),
  }),
  { schemaVersion: 1 },
);

/** A person was designated as safety staff for a staffing duty (RA-8). */
export const SafetyStaffDesignated = defineEvent(
  'SafetyStaffDesignated',
  base.extend({ dutyId: text, personId: text, fullTime: z.boolean() }),
  { schemaVersion: 1 },
);

/** A designation of safety staff was revoked. */
export const SafetyStaffRevoked = defineEvent(
  'SafetyStaffRevoked',
  base.extend({ dutyId: text, personId: text }),
  { schemaVersion: 1 },
);

/** The assignee reported progress on a duty (RA-9). */
export const DutyProgressReported = defineEvent(
  'DutyProgressReported',
  base.extend({ dutyId: text, note: text }),
  { schemaVersion: 1 },
);

/** The assignee reported a duty done (RA-9). */
export const DutyCompleted = defineEvent(
  'DutyCompleted',
  base.extend({ dutyId: text, evidenceRefs: z.array(text) }),
  { schemaVersion: 1 },
);

/** The issuer reviewed the assignee's performance (RA-9); the latest review stands. */
export const PerformanceReviewed = defineEvent(
  'PerformanceReviewed',
  base.extend({ rating: PerformanceRatingSchema, comment: z.string() }),
  { schemaVersion: 1 },
);

/** The assignment was superseded by another one (terminal); its uniqueness claims are released. */
export const AssignmentSuperseded = defineEvent(
  'AssignmentSuperseded',
  base.extend({ byAssignmentId: text }),
  { schemaVersion: 1 },
);

/** Every responsibility-assignment event definition, for `createEventRegistry`. */
export const responsibilityEvents = [
  AssignmentDrafted,
  DutyAdded,
  DutyRemoved,
  AssignmentIssued,
  AssignmentAcknowledged,
  AssignmentRevised,
  SafetyStaffDesignated,
  SafetyStaffRevoked,
  DutyProgressReported,
  DutyCompleted,
  PerformanceReviewed,
  AssignmentSuperseded,
] as const;

/** Any responsibility-assignment event. */
export type ResponsibilityEvent =
  | EventOf<typeof AssignmentDrafted>
  | EventOf<typeof DutyAdded>
  | EventOf<typeof DutyRemoved>
  | EventOf<typeof AssignmentIssued>
  | EventOf<typeof AssignmentAcknowledged>
  | EventOf<typeof AssignmentRevised>
  | EventOf<typeof SafetyStaffDesignated>
  | EventOf<typeof SafetyStaffRevoked>
  | EventOf<typeof DutyProgressReported>
  | EventOf<typeof DutyCompleted>
  | EventOf<typeof PerformanceReviewed>
  | EventOf<typeof AssignmentSuperseded>;

/** The type name of any responsibility-assignment event. */
export type ResponsibilityEventType = ResponsibilityEvent['type'];
