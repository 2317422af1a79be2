import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';

/** The kinds of responsibility list of §4.3 (职责任务清单). */
export const ListKindSchema = z.enum([
  'leadership_key_tasks',
  'duty_task_list',
  'task_division',
  'venue_division',
  'chain_governance',
  'staffing',
]);
/** A `ListKind`, as `ListKindSchema` parses it. */
export type ListKind = z.infer<typeof ListKindSchema>;

/** Division lists, whose sectors and venue categories each need one lead industry body (RA-10). */
export const divisionListKinds: readonly ListKind[] = ['venue_division', 'duty_task_list'];

/** Who holds the duties: a leader (person), a department or area body (organisation), an enterprise. */
export const AssigneeKindSchema = z.enum(['leader', 'department', 'area', 'enterprise']);
/** An `AssigneeKind`, as `AssigneeKindSchema` parses it. */
export type AssigneeKind = z.infer<typeof AssigneeKindSchema>;

/**
 * The holder of an assignment. `id` is a person id for a `leader`, an organisation id for a
 * `department` or an `area` (the park or town body), an enterprise id for an `enterprise`.
 * `isPrimaryLeader` marks the party secretary and the administrative head (党政同责, RA-3).
 */
export const AssigneeSchema = z
  .object({
    kind: AssigneeKindSchema,
    id: z.string().min(1),
    isPrimaryLeader: z.boolean().default(false),
  })
  .strict()
  .meta({
    title: 'Assignee',
    description:
      '`kind` (`leader`, `department`, `area`, `enterprise`), `id` (a person for a leader, an organisation for a department or area body, an enterprise) and `isPrimaryLeader` (party secretary or administrative head, RA-3).',
  });
/** An `Assignee`, as `AssigneeSchema` parses it. */
export type Assignee = z.infer<typeof AssigneeSchema>;

/** Kinds of duty: statutory duty, key task, measure, staffing. */
export const DutyKindSchema = z.enum(['statutory_duty', 'key_task', 'measure', 'staffing']);
/** A `DutyKind`, as `DutyKindSchema` parses it. */
export type DutyKind = z.infer<typeof DutyKindSchema>;

/** Duty kinds that discharge the safety side of a leader's portfolio (一岗双责, RA-2). */
export const dualDutyKinds: readonly DutyKind[] = ['statutory_duty', 'key_task'];

/** Lead (牵头) or support (配合) on a task code. */
export const DutyRoleSchema = z.enum(['lead', 'support']);
/** A `DutyRole`, as `DutyRoleSchema` parses it. */
export type DutyRole = z.infer<typeof DutyRoleSchema>;

/** A performance review's rating. */
export const PerformanceRatingSchema = z.enum(['excellent', 'good', 'pass', 'fail']);
/** A `PerformanceRating`, as `PerformanceRatingSchema` parses it. */
export type PerformanceRating = z.infer<typeof PerformanceRatingSchema>;

/** The duty code that joint party–government accountability requires of primary leaders (RA-3). */
export const LEAD_OVERALL = 'LEAD.OVERALL';

const text = z.string().min(1);

/**
 * One duty of an assignment. `text` may be empty here so that RA-1 names the gap; `requiredHeadcount`
 * is checked by RA-8 and `dueDate` by RA-7 rather than by the schema, so a rejection cites the rule.
 */
export const DutySchema = z
  .object({
    dutyId: text,
    code: text,
    text: z.string(),
    kind: DutyKindSchema,
    domainCodes: z.array(text).default(() => []),
    sectorCodes: z.array(text).default(() => []),
    venueCategories: z.array(text).default(() => []),
    chain: text.optional(),
    role: DutyRoleSchema,
    dueDate: LocalDateSchema.optional(),
    requiredHeadcount: z.number().int().optional(),
    fullTimeRequired: z.boolean().optional(),
  })
  .strict()
  .meta({
    title: 'Duty',
    description:
      'One duty: `dutyId` (unique in the assignment), task `code`, `text`, `kind`, the `domainCodes`, `sectorCodes` and `venueCategories` it covers, an optional `chain` (一件事), `role` (`lead` or `support`), optional `dueDate` (RA-7), and for staffing duties `requiredHeadcount` and `fullTimeRequired` (RA-8).',
  });
/** A `Duty` as callers write it. */
export type DutyInput = z.input<typeof DutySchema>;
/** A `Duty`, as `DutySchema` parses it. */
export type Duty = z.output<typeof DutySchema>;

/** The list's period: one calendar year in the policy's timezone. */
export const PeriodSchema = z
  .object({ year: z.number().int().min(1949).max(9999) })
  .strict()
  .meta({
    title: 'Period',
    description:
      'The list’s period, a calendar `year` in the policy timezone; the assignment expires after its last day (derived, G-6).',
  });
/** A `Period`, as `PeriodSchema` parses it. */
export type Period = z.infer<typeof PeriodSchema>;

/** One change of a revision (RA-6): add a duty, remove one, or replace one with the same `dutyId`. */
export const DutyChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), duty: DutySchema }).strict(),
  z.object({ op: z.literal('remove'), dutyId: text }).strict(),
  z.object({ op: z.literal('replace'), duty: DutySchema }).strict(),
]);
/** A `DutyChange`, as `DutyChangeSchema` parses it. */
export type DutyChange = z.output<typeof DutyChangeSchema>;
