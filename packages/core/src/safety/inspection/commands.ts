import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { SubjectRefSchema } from '../directory/subject.js';
import { InstantSchema } from '../general/instant.js';
import { HazardGradeSchema, MajorBasisSchema } from '../hazard/values.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { InspectionKindSchema, InspectionModeSchema, OnSiteMeasureKindSchema } from './values.js';

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

/** Plan an inspection of one subject by one organisation's team. */
export const ScheduleInspectionSchema = command('ScheduleInspection', {
  inspectionId: text,
  kind: InspectionKindSchema,
  subject: SubjectRefSchema,
  /** The inspecting organisation; defaults to the actor's. */
  orgId: text.optional(),
  /** The team; the first is the lead inspector, who completes the inspection. */
  inspectorIds: z.array(text).min(1),
  expertIds: z.array(text).default(() => []),
  campaignIds: z.array(text).default(() => []),
  mode: InspectionModeSchema.default('onsite'),
  /** 四不两直: no notice, no greeting, no briefing, no hosting, straight to the site. */
  unannounced: z.boolean().default(false),
  plannedDate: LocalDateSchema.optional(),
});

/** Start the inspection on site (or online). */
export const StartInspectionSchema = command('StartInspection', {});

/**
 * Record a finding; PO-1 registers exactly one hazard for it (I-5), so it carries what the hazard
 * needs: a location and a deadline, unless it was rectified on the spot.
 */
export const RecordFindingSchema = command('RecordFinding', {
  findingId: text,
  description: text,
  location: text,
  /** Checked by I-5 rather than by the schema, so a wrong kind cites the rule. */
  nature: z.string(),
  proposedGrade: HazardGradeSchema,
  majorBasis: MajorBasisSchema.optional(),
  safetyNotAssured: z.boolean().default(false),
  deadline: LocalDateSchema.optional(),
  rectifiedOnSpot: z.object({ actionsTaken: text }).strict().optional(),
});

/** Issue a written rectification order (责令限期整改指令书) for some findings. */
export const IssueRectificationOrderSchema = command('IssueRectificationOrder', {
  orderNo: text,
  findingIds: z.array(text).min(1),
  deadline: LocalDateSchema,
  /** The AuthorityHead who signs the order; the findings' hazard deadlines are then theirs (PO-2). */
  approvedBy: text.optional(),
});

/** Impose a written on-site measure; a suspension needs an AuthorityHead's approval (I-4). */
export const ImposeOnSiteMeasureSchema = command('ImposeOnSiteMeasure', {
  measureRef: text,
  kind: OnSiteMeasureKindSchema,
  findingIds: z.array(text).min(1),
  approvedBy: text.optional(),
});

/** Complete the inspection (lead inspector); counts one visit (I-6). */
export const CompleteInspectionSchema = command('CompleteInspection', { recordRef: text });

/** Cancel an inspection that recorded no finding. */
export const CancelInspectionSchema = command('CancelInspection', { reason: text });

/** Any of the inspection commands, discriminated by `type`. */
export const InspectionCommandSchema = z.discriminatedUnion('type', [
  ScheduleInspectionSchema,
  StartInspectionSchema,
  RecordFindingSchema,
  IssueRectificationOrderSchema,
  ImposeOnSiteMeasureSchema,
  CompleteInspectionSchema,
  CancelInspectionSchema,
]);

/** An inspection command as callers write it (defaults not yet applied). */
export type InspectionCommand = z.input<typeof InspectionCommandSchema>;
/** An inspection command after parsing (defaults applied). */
export type ParsedInspectionCommand = z.output<typeof InspectionCommandSchema>;
/** The type name of any inspection command. */
export type InspectionCommandType = InspectionCommand['type'];
