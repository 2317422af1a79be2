import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { SubjectRefSchema } from '../directory/subject.js';
import { InstantSchema } from '../general/instant.js';
import type { ReadonlyInput } from '../general/readonly-input.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  AssessorKindSchema,
  DisclosureForumSchema,
  HazardGradeSchema,
  HazardSourceSchema,
  InterimMeasureSchema,
  ListingLevelSchema,
  MajorBasisSchema,
  SuspensionScopeSchema,
  VerificationKindSchema,
  VerificationPurposeSchema,
} from './values.js';

// Fields a rule reports as missing (H-12, H-13) are optional here, so the decider can name
// every missing element in one `RuleViolationError` instead of failing on the first one.
const text = z.string().min(1);
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({
      type: z.literal(type),
      actor: SafetyActorSchema,
      /** Business time (G-4); defaults to the handler's clock. */
      occurredAt: InstantSchema.optional(),
      /** Why the entry is made late: required when `occurredAt` lies beyond `maxBackdatingHours` (H-30). */
      lateEntryReason: text.optional(),
      ...shape,
    })
    .strict();

/** Register a hazard (1). `rectifiedOnSpot` records the fix made on discovery (H-4). */
export const RegisterHazardSchema = command('RegisterHazard', {
  hazardId: text,
  subject: SubjectRefSchema,
  /** For a site: the landlord or tenant responsible; for an enterprise: the enterprise itself. */
  responsibleEnterpriseId: text.optional(),
  description: text,
  location: text,
  /** Checked by H-3 rather than by the schema, so a wrong kind cites the rule. */
  nature: z.string(),
  grade: HazardGradeSchema,
  majorBasis: MajorBasisSchema.optional(),
  source: HazardSourceSchema,
  /** Who found it, when not the actor (required when the actor is `System`). */
  discoveredBy: SafetyActorSchema.optional(),
  inspectionId: text.optional(),
  findingId: text.optional(),
  supervisionItemId: text.optional(),
  campaignIds: z.array(text).default(() => []),
  deadline: LocalDateSchema.optional(),
  /** A written rectification order makes the ordering regulator the deadline owner (H-8). */
  rectificationOrder: z.object({ orderNo: text, orgId: text }).strict().optional(),
  supervisingOrgId: text.optional(),
  safetyNotAssured: z.boolean().default(false),
  recurrenceOf: text.optional(),
  rectifiedOnSpot: z
    .object({
      actionsTaken: text,
      evidenceRefs: z.array(text).default(() => []),
      costCny: z.number().min(0).optional(),
    })
    .strict()
    .optional(),
});

/** Correct description, location, nature or campaign tags (2). */
export const CorrectHazardDetailsSchema = command('CorrectHazardDetails', {
  description: text.optional(),
  location: text.optional(),
  nature: z.string().optional(),
  campaignIds: z.array(text).optional(),
});

/** Regrade general ↔ major (3); `basis` is required when upgrading (H-2). */
export const RegradeHazardSchema = command('RegradeHazard', {
  to: HazardGradeSchema,
  basis: MajorBasisSchema.optional(),
  reason: text,
});

/** Extend the rectification deadline (4). */
export const ExtendRectificationDeadlineSchema = command('ExtendRectificationDeadline', {
  newDeadline: LocalDateSchema,
  reason: z.string(),
});

/** Report a major hazard to the regulator (5); contents checked by H-12. */
export const ReportMajorHazardSchema = command('ReportMajorHazard', {
  recipientOrgIds: z.array(text).default(() => []),
  statusAndCause: z.string().optional(),
  severityAndDifficulty: z.string().optional(),
  planSummary: z.string().optional(),
  planRef: z.string().optional(),
});

/** Disclose a major hazard to the workforce (6). */
export const DiscloseMajorHazardToWorkforceSchema = command('DiscloseMajorHazardToWorkforce', {
  forum: DisclosureForumSchema,
});

/** Submit a rectification plan (7); a major's plan is checked for the five elements by H-13. */
export const SubmitRectificationPlanSchema = command('SubmitRectificationPlan', {
  objectives: z.string().optional(),
  measures: z.array(z.string()).default(() => []),
  funding: z
    .object({ amountCny: z.number().min(0).optional(), source: z.string().optional() })
    .strict()
    .optional(),
  responsibleOrgUnit: z.string().optional(),
  responsiblePersonId: z.string().optional(),
  deadline: LocalDateSchema.optional(),
  safetyMeasures: z.string().optional(),
  contingencyPlanRef: z.string().optional(),
});

/** List a major hazard for supervision (8); the listing has no date of its own (H-24). */
export const ListForSupervisionSchema = command('ListForSupervision', {
  level: ListingLevelSchema,
  authorityOrgId: text,
  /** The department the listing names to supervise; defaults to the current supervising org. */
  supervisingOrgId: text.optional(),
  listingRef: text,
  publicized: z.boolean().default(false),
});

/** Suspend operations (9): by regulator order with an AuthorityHead's approval, or by the Principal. */
export const SuspendOperationsSchema = command('SuspendOperations', {
  scope: SuspensionScopeSchema,
  facilityRef: text.optional(),
  /** The approving AuthorityHead of the ordering regulator (the actor, if they are the head). */
  approvedBy: text.optional(),
  orderRef: text.optional(),
});

/** Record interim controls (10). */
export const RecordInterimControlsSchema = command('RecordInterimControls', {
  measures: z.array(InterimMeasureSchema).min(1),
});

/** Report the rectification complete (11). */
export const CompleteRectificationSchema = command('CompleteRectification', {
  actionsTaken: text,
  evidenceRefs: z.array(text).default(() => []),
  costCny: z.number().min(0).optional(),
});

/** Record a post-rectification assessment (12). */
export const RecordRectificationAssessmentSchema = command('RecordRectificationAssessment', {
  assessorKind: AssessorKindSchema,
  agencyName: text.optional(),
  reportRef: text,
  conclusion: z.enum(['meets', 'does_not_meet']),
});

/** Request verification, for closure or for resumption (13). */
export const RequestVerificationSchema = command('RequestVerification', {
  purpose: VerificationPurposeSchema,
});

/** Record a verification (14); the actor must be one of `verifierIds`. */
export const VerifyRectificationSchema = command('VerifyRectification', {
  outcome: z.enum(['passed', 'failed']),
  kind: VerificationKindSchema,
  verifierIds: z.array(text).min(1),
  expertIds: z.array(text).default(() => []),
  notes: z.string().default(''),
  /** After a failed verification, a new deadline set by the deadline owner (H-21). */
  newDeadline: LocalDateSchema.optional(),
});

/** Approve resumption of operations (15). */
export const ApproveResumptionSchema = command('ApproveResumption', { decisionRef: text });

/** Remove a listing (16). */
export const DelistHazardSchema = command('DelistHazard', { level: ListingLevelSchema, ref: text });

/** Close the hazard explicitly, when no earlier event closed it (17). */
export const CloseHazardSchema = command('CloseHazard', {});

/** Void a hazard registered in error (18). */
export const VoidHazardSchema = command('VoidHazard', { reason: z.string() });

/** Refer the hazard to another regulator (19). */
export const ReferHazardSchema = command('ReferHazard', { toOrgId: text, reason: text });

/** Any of the 19 hazard commands, discriminated by `type`. */
export const HazardCommandSchema = z.discriminatedUnion('type', [
  RegisterHazardSchema,
  CorrectHazardDetailsSchema,
  RegradeHazardSchema,
  ExtendRectificationDeadlineSchema,
  ReportMajorHazardSchema,
  DiscloseMajorHazardToWorkforceSchema,
  SubmitRectificationPlanSchema,
  ListForSupervisionSchema,
  SuspendOperationsSchema,
  RecordInterimControlsSchema,
  CompleteRectificationSchema,
  RecordRectificationAssessmentSchema,
  RequestVerificationSchema,
  VerifyRectificationSchema,
  ApproveResumptionSchema,
  DelistHazardSchema,
  CloseHazardSchema,
  VoidHazardSchema,
  ReferHazardSchema,
]);

/** A hazard command as callers write it (defaults not yet applied; arrays may be readonly). */
export type HazardCommand = ReadonlyInput<z.input<typeof HazardCommandSchema>>;
/** A hazard command after parsing (defaults applied). */
export type ParsedHazardCommand = z.output<typeof HazardCommandSchema>;
/** The type name of any hazard command. */
export type HazardCommandType = HazardCommand['type'];

/** The `RegisterHazard` command as callers write it (validated by `RegisterHazardSchema`). */
export type RegisterHazard = ReadonlyInput<z.input<typeof RegisterHazardSchema>>;
/** The `CorrectHazardDetails` command as callers write it (validated by `CorrectHazardDetailsSchema`). */
export type CorrectHazardDetails = ReadonlyInput<z.input<typeof CorrectHazardDetailsSchema>>;
/** The `RegradeHazard` command as callers write it (validated by `RegradeHazardSchema`). */
export type RegradeHazard = ReadonlyInput<z.input<typeof RegradeHazardSchema>>;
/** The `ExtendRectificationDeadline` command as callers write it (validated by `ExtendRectificationDeadlineSchema`). */
export type ExtendRectificationDeadline = ReadonlyInput<
  z.input<typeof ExtendRectificationDeadlineSchema>
>;
/** The `ReportMajorHazard` command as callers write it (validated by `ReportMajorHazardSchema`). */
export type ReportMajorHazard = ReadonlyInput<z.input<typeof ReportMajorHazardSchema>>;
/** The `DiscloseMajorHazardToWorkforce` command as callers write it (validated by `DiscloseMajorHazardToWorkforceSchema`). */
export type DiscloseMajorHazardToWorkforce = ReadonlyInput<
  z.input<typeof DiscloseMajorHazardToWorkforceSchema>
>;
/** The `SubmitRectificationPlan` command as callers write it (validated by `SubmitRectificationPlanSchema`). */
export type SubmitRectificationPlan = ReadonlyInput<z.input<typeof SubmitRectificationPlanSchema>>;
/** The `ListForSupervision` command as callers write it (validated by `ListForSupervisionSchema`). */
export type ListForSupervision = ReadonlyInput<z.input<typeof ListForSupervisionSchema>>;
/** The `SuspendOperations` command as callers write it (validated by `SuspendOperationsSchema`). */
export type SuspendOperations = ReadonlyInput<z.input<typeof SuspendOperationsSchema>>;
/** The `RecordInterimControls` command as callers write it (validated by `RecordInterimControlsSchema`). */
export type RecordInterimControls = ReadonlyInput<z.input<typeof RecordInterimControlsSchema>>;
/** The `CompleteRectification` command as callers write it (validated by `CompleteRectificationSchema`). */
export type CompleteRectification = ReadonlyInput<z.input<typeof CompleteRectificationSchema>>;
/** The `RecordRectificationAssessment` command as callers write it (validated by `RecordRectificationAssessmentSchema`). */
export type RecordRectificationAssessment = ReadonlyInput<
  z.input<typeof RecordRectificationAssessmentSchema>
>;
/** The `RequestVerification` command as callers write it (validated by `RequestVerificationSchema`). */
export type RequestVerification = ReadonlyInput<z.input<typeof RequestVerificationSchema>>;
/** The `VerifyRectification` command as callers write it (validated by `VerifyRectificationSchema`). */
export type VerifyRectification = ReadonlyInput<z.input<typeof VerifyRectificationSchema>>;
/** The `ApproveResumption` command as callers write it (validated by `ApproveResumptionSchema`). */
export type ApproveResumption = ReadonlyInput<z.input<typeof ApproveResumptionSchema>>;
/** The `DelistHazard` command as callers write it (validated by `DelistHazardSchema`). */
export type DelistHazard = ReadonlyInput<z.input<typeof DelistHazardSchema>>;
/** The `CloseHazard` command as callers write it (validated by `CloseHazardSchema`). */
export type CloseHazard = ReadonlyInput<z.input<typeof CloseHazardSchema>>;
/** The `VoidHazard` command as callers write it (validated by `VoidHazardSchema`). */
export type VoidHazard = ReadonlyInput<z.input<typeof VoidHazardSchema>>;
/** The `ReferHazard` command as callers write it (validated by `ReferHazardSchema`). */
export type ReferHazard = ReadonlyInput<z.input<typeof ReferHazardSchema>>;
