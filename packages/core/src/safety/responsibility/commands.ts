import { z } from 'zod';
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

const text = z.string().min(1);
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({
      type: z.literal(type),
      actor: SafetyActorSchema,
      /** Business time (G-4); defaults to the handler's clock. */
      occurredAt: InstantSchema.optional(),
      ...shape,
    })
    .strict();

/** Draft an assignment under a list (1). */
export const DraftAssignmentSchema = command('DraftAssignment', {
  assignmentId: text.describe('The assignment’s id; the stream is `resp-{assignmentId}`.'),
  listId: text.describe('The list (document) the assignment belongs to.'),
  listTitle: text.describe('The list’s title as issued.'),
  listKind: ListKindSchema.describe('The kind of list.'),
  issuerOrgId: text.describe('The issuing organisation (usually the safety committee office).'),
  period: PeriodSchema,
  assignee: AssigneeSchema,
  portfolio: z
    .array(text)
    .default(() => [])
    .describe('Domain codes a leader oversees in the business (RA-2).'),
  duties: z
    .array(DutySchema)
    .default(() => [])
    .describe('Duties the draft starts with; more may be added while it is a draft.'),
});

/** Add a duty to a draft (2). */
export const AddDutySchema = command('AddDuty', { duty: DutySchema });

/** Remove a duty from a draft (3). */
export const RemoveDutySchema = command('RemoveDuty', {
  dutyId: text.describe('The duty to remove.'),
});

/** Issue the draft (4): RA-1, RA-2, RA-3, RA-7, RA-8 are checked on the whole assignment. */
export const IssueAssignmentSchema = command('IssueAssignment', {
  approvedBy: text
    .optional()
    .describe('The approving AuthorityHead or committee office person; defaults to the actor.'),
});

/** Acknowledge the current version, by the assignee (5). */
export const AcknowledgeAssignmentSchema = command('AcknowledgeAssignment', {});

/** Revise the issued duties, with a reason (6, RA-6). */
export const ReviseAssignmentSchema = command('ReviseAssignment', {
  changes: z.array(DutyChangeSchema).min(1).describe('Duties added, removed or replaced.'),
  reason: z.string().describe('Why; required (RA-6).'),
});

/** Designate a person as safety staff for a staffing duty (7). */
export const DesignateSafetyStaffSchema = command('DesignateSafetyStaff', {
  dutyId: text.describe('The staffing duty.'),
  personId: text.describe('The designated person.'),
  fullTime: z.boolean().describe('Whether the person works on safety full time.'),
});

/** Revoke a designation of safety staff (8). */
export const RevokeSafetyStaffSchema = command('RevokeSafetyStaff', {
  dutyId: text.describe('The staffing duty.'),
  personId: text.describe('The person whose designation ends.'),
});

/** Report progress on a duty (9). */
export const ReportDutyProgressSchema = command('ReportDutyProgress', {
  dutyId: text.describe('The duty.'),
  note: text.describe('What was done.'),
});

/** Report a duty done (10). */
export const CompleteDutySchema = command('CompleteDuty', {
  dutyId: text.describe('The duty.'),
  evidenceRefs: z
    .array(text)
    .default(() => [])
    .describe('References to the evidence.'),
});

/** Review the assignee's performance (11). */
export const ReviewPerformanceSchema = command('ReviewPerformance', {
  rating: PerformanceRatingSchema.describe('`excellent`, `good`, `pass` or `fail`.'),
  comment: z.string().default('').describe('Free-text comment.'),
});

/** Supersede the assignment by another one (12). */
export const SupersedeAssignmentSchema = command('SupersedeAssignment', {
  byAssignmentId: text.describe('The assignment that replaces this one.'),
});

/** Any of the 12 responsibility-assignment commands, discriminated by `type`. */
export const ResponsibilityCommandSchema = z.discriminatedUnion('type', [
  DraftAssignmentSchema,
  AddDutySchema,
  RemoveDutySchema,
  IssueAssignmentSchema,
  AcknowledgeAssignmentSchema,
  ReviseAssignmentSchema,
  DesignateSafetyStaffSchema,
  RevokeSafetyStaffSchema,
  ReportDutyProgressSchema,
  CompleteDutySchema,
  ReviewPerformanceSchema,
  SupersedeAssignmentSchema,
]);

/** A responsibility-assignment command as callers write it (defaults not yet applied). */
export type ResponsibilityCommand = z.input<typeof ResponsibilityCommandSchema>;
/** A responsibility-assignment command after parsing (defaults applied). */
export type ParsedResponsibilityCommand = z.output<typeof ResponsibilityCommandSchema>;
/** The type name of any responsibility-assignment command. */
export type ResponsibilityCommandType = ResponsibilityCommand['type'];

/** The `DraftAssignment` command as callers write it. */
export type DraftAssignment = z.input<typeof DraftAssignmentSchema>;
/** The `AddDuty` command as callers write it. */
export type AddDuty = z.input<typeof AddDutySchema>;
/** The `RemoveDuty` command as callers write it. */
export type RemoveDuty = z.input<typeof RemoveDutySchema>;
/** The `IssueAssignment` command as callers write it. */
export type IssueAssignment = z.input<typeof IssueAssignmentSchema>;
/** The `AcknowledgeAssignment` command as callers write it. */
export type AcknowledgeAssignment = z.input<typeof AcknowledgeAssignmentSchema>;
/** The `ReviseAssignment` command as callers write it. */
export type ReviseAssignment = z.input<typeof ReviseAssignmentSchema>;
/** The `DesignateSafetyStaff` command as callers write it. */
export type DesignateSafetyStaff = z.input<typeof DesignateSafetyStaffSchema>;
/** The `RevokeSafetyStaff` command as callers write it. */
export type RevokeSafetyStaff = z.input<typeof RevokeSafetyStaffSchema>;
/** The `ReportDutyProgress` command as callers write it. */
export type ReportDutyProgress = z.input<typeof ReportDutyProgressSchema>;
/** The `CompleteDuty` command as callers write it. */
export type CompleteDuty = z.input<typeof CompleteDutySchema>;
/** The `ReviewPerformance` command as callers write it. */
export type ReviewPerformance = z.input<typeof ReviewPerformanceSchema>;
/** The `SupersedeAssignment` command as callers write it. */
export type SupersedeAssignment = z.input<typeof SupersedeAssignmentSchema>;
