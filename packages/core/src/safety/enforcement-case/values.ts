import { z } from 'zod';
import { DualPenaltyRoleSchema } from '../policy/supervision-policy.js';

const text = z.string().min(1);

/** Kind of respondent (当事人): a unit (单位) or an individual (个人). */
export const RespondentKindSchema = z.enum(['unit', 'individual']);
/** A `RespondentKind`, as `RespondentKindSchema` parses it. */
export type RespondentKind = z.infer<typeof RespondentKindSchema>;

/** Role of an individual respondent in the unit it answers for (EC-11). */
export const RespondentRoleSchema = DualPenaltyRoleSchema;
/** A `RespondentRole`, as `RespondentRoleSchema` parses it. */
export type RespondentRole = z.infer<typeof RespondentRoleSchema>;

/**
 * A respondent of a case, named within the case by `ref`: a unit (the enterprise itself) or an
 * individual of an enterprise in one of the roles the Work Safety Law penalises.
 */
export const RespondentSchema = z.discriminatedUnion('kind', [
  z.object({ ref: text, kind: z.literal('unit'), enterpriseId: text }).strict(),
  z
    .object({
      ref: text,
      kind: z.literal('individual'),
      personId: text,
      enterpriseId: text,
      role: RespondentRoleSchema,
    })
    .strict(),
]);
/** A `Respondent`, as `RespondentSchema` parses it. */
export type Respondent = z.infer<typeof RespondentSchema>;

/** Evidence kinds of §4.2 command 4. */
export const EvidenceKindSchema = z.enum([
  'inspection_record',
  'inquiry_record',
  'photo',
  'document',
  'sample',
]);
/** A `EvidenceKind`, as `EvidenceKindSchema` parses it. */
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** Administrative penalty kinds (Administrative Penalty Law 2021 Art. 9), as §4.2 names them. */
export const PenaltyKindSchema = z.enum([
  'warning',
  'fine',
  'confiscation',
  'suspension_of_operations',
  'license_suspension',
  'license_revocation',
  'closure',
  'ban_from_post',
]);
/** A `PenaltyKind`, as `PenaltyKindSchema` parses it. */
export type PenaltyKind = z.infer<typeof PenaltyKindSchema>;

/** Penalty kinds measured in CNY (`amountCny` required). */
export const amountPenaltyKinds: readonly PenaltyKind[] = ['fine', 'confiscation'];
/** Penalty kinds measured in days (`durationDays` required, so EC-4 can compare it). */
export const durationPenaltyKinds: readonly PenaltyKind[] = [
  'suspension_of_operations',
  'license_suspension',
  'ban_from_post',
];

/** One penalty, as a notice proposes it or a decision imposes it. */
export const PenaltySchema = z
  .object({
    respondentRef: text,
    kind: PenaltyKindSchema,
    amountCny: z.number().positive().optional(),
    durationDays: z.number().int().positive().optional(),
    basisProvision: text,
  })
  .strict()
  .superRefine((penalty, ctx) => {
    const needsAmount = amountPenaltyKinds.includes(penalty.kind);
    if (needsAmount && penalty.amountCny === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCny'],
        message: `a ${penalty.kind} needs amountCny`,
      });
    }
    if (!needsAmount && penalty.amountCny !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCny'],
        message: `a ${penalty.kind} has no amount`,
      });
    }
    const needsDuration = durationPenaltyKinds.includes(penalty.kind);
    if (needsDuration && penalty.durationDays === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['durationDays'],
        message: `a ${penalty.kind} needs durationDays`,
      });
    }
    if (!needsDuration && penalty.durationDays !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['durationDays'],
        message: `a ${penalty.kind} has no duration`,
      });
    }
  });
/** A `Penalty`, as `PenaltySchema` parses it. */
export type Penalty = z.infer<typeof PenaltySchema>;

/** Penalty kinds that make a hearing right mandatory whatever the amount (EC-6). */
export const hearingPenaltyKinds: readonly PenaltyKind[] = [
  'suspension_of_operations',
  'closure',
  'license_revocation',
  'ban_from_post',
];

/** Penalty kinds that need an approving legal review before the decision (EC-8). */
export const legalReviewPenaltyKinds: readonly PenaltyKind[] = [
  'suspension_of_operations',
  'closure',
  'license_revocation',
];

/** Opinion of the legal review (法制审核). */
export const LegalReviewOpinionSchema = z.enum(['approve', 'revise']);
/** A `LegalReviewOpinion`, as `LegalReviewOpinionSchema` parses it. */
export type LegalReviewOpinion = z.infer<typeof LegalReviewOpinionSchema>;

/** How a decision was served (送达方式, Civil Procedure Law modes the APL refers to). */
export const ServiceMethodSchema = z.enum([
  'direct',
  'left_at_residence',
  'electronic',
  'entrusted',
  'mail',
  'public_notice',
]);
/** A `ServiceMethod`, as `ServiceMethodSchema` parses it. */
export type ServiceMethod = z.infer<typeof ServiceMethodSchema>;

/** How a penalty was performed. */
export const PenaltyPerformanceSchema = z.enum(['paid', 'complied']);
/** A `PenaltyPerformance`, as `PenaltyPerformanceSchema` parses it. */
export type PenaltyPerformance = z.infer<typeof PenaltyPerformanceSchema>;

/** Why a case was dismissed (EC-14). */
export const DismissalReasonSchema = z.enum([
  'no_violation',
  'insufficient_evidence',
  'minor_no_penalty',
  'time_barred',
  'other',
]);
/** A `DismissalReason`, as `DismissalReasonSchema` parses it. */
export type DismissalReason = z.infer<typeof DismissalReasonSchema>;

/** Where a case was transferred (EC-14). */
export const TransferKindSchema = z.enum(['judicial', 'other_agency']);
/** A `TransferKind`, as `TransferKindSchema` parses it. */
export type TransferKind = z.infer<typeof TransferKindSchema>;

/** Where a case came from: an inspection or a handed-over item, if either. */
export const CaseSourceSchema = z
  .object({ inspectionId: text.optional(), supervisionItemId: text.optional() })
  .strict();
/** A `CaseSource`, as `CaseSourceSchema` parses it. */
export type CaseSource = z.infer<typeof CaseSourceSchema>;
