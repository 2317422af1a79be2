import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { SubjectRefSchema } from '../directory/subject.js';
import { InstantSchema } from '../general/instant.js';
import { HazardGradeSchema, HazardNatureSchema, MajorBasisSchema } from '../hazard/values.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  ClosureAuthoritySchema,
  InvestigationFindingSchema,
  IssuerSchema,
  ItemKindSchema,
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

/** Record one handed-over item of a batch (督导组交办 / 信访举报件 / 巡视反馈问题). */
export const ReceiveHandoverSchema = command('ReceiveHandover', {
  itemId: text,
  batchId: text,
  batchTitle: text,
  issuer: IssuerSchema,
  kind: ItemKindSchema,
  /** The date the issuer set for the report-back. */
  deadline: LocalDateSchema,
  subjectEnterpriseIds: z.array(text).default(() => []),
  /** For a hazard list: how many hazards the list names (SI-2). */
  expectedHazardCount: z.number().int().min(1).optional(),
  description: text,
  /** For a petition: whether the petitioner is anonymous (SI-4). */
  petitioner: z.object({ anonymous: z.boolean() }).strict().optional(),
  closureAuthority: ClosureAuthoritySchema.default('issuer'),
});

/** Assign the item to one lead organisation, with supporting ones (SI-1). */
export const AssignItemSchema = command('AssignItem', {
  leadOrgId: text,
  supportOrgIds: z.array(text).default(() => []),
  internalDeadline: LocalDateSchema,
});

/**
 * A hazard the investigation found; PO-4 registers it as `hazard-{itemId}.{hazardKey}` (SI-8), so
 * it carries what a hazard needs.
 */
export const InvestigationHazardSchema = z
  .object({
    hazardKey: text,
    subject: SubjectRefSchema,
    description: text,
    location: text,
    nature: HazardNatureSchema,
    grade: HazardGradeSchema,
    majorBasis: MajorBasisSchema.optional(),
    deadline: LocalDateSchema,
  })
  .strict();
/** An `InvestigationHazard`, as `InvestigationHazardSchema` parses it. */
export type InvestigationHazard = z.infer<typeof InvestigationHazardSchema>;

/** Record the outcome of the lead organisation's investigation (SI-3, SI-8). */
export const RecordInvestigationSchema = command('RecordInvestigation', {
  finding: InvestigationFindingSchema,
  reportRef: text,
  /** Hazards found; only with a substantiated finding (SI-8). */
  hazards: z.array(InvestigationHazardSchema).default(() => []),
});

/** Link a registered hazard to the item (SI-2, SI-3). */
export const LinkHazardSchema = command('LinkHazard', { hazardId: text });

/** Link an enforcement case to the item (SI-3). */
export const LinkCaseSchema = command('LinkCase', { caseId: text });

/** Add a rectification measure (SI-5). */
export const AddMeasureSchema = command('AddMeasure', { measureId: text, text });

/** Mark a measure done (SI-5). */
export const CompleteMeasureSchema = command('CompleteMeasure', { measureId: text });

/** Record the answer to a named petitioner (SI-4). */
export const ReplyToPetitionerSchema = command('ReplyToPetitioner', { method: text });

/** Report the handling back to the issuer (SI-2, SI-3, SI-5). */
export const SubmitFeedbackSchema = command('SubmitFeedback', {
  summary: text,
  evidenceRefs: z.array(text).default(() => []),
});

/** Accept the feedback and strike the item off (销号) (SI-6). */
export const CloseItemSchema = command('CloseItem', {});

/** Send the feedback back for more work (SI-6). */
export const ReturnItemSchema = command('ReturnItem', { reason: text });

/** Any of the supervision-item commands, discriminated by `type`. */
export const SupervisionItemCommandSchema = z.discriminatedUnion('type', [
  ReceiveHandoverSchema,
  AssignItemSchema,
  RecordInvestigationSchema,
  LinkHazardSchema,
  LinkCaseSchema,
  AddMeasureSchema,
  CompleteMeasureSchema,
  ReplyToPetitionerSchema,
  SubmitFeedbackSchema,
  CloseItemSchema,
  ReturnItemSchema,
]);

/** A supervision-item command as callers write it (defaults not yet applied). */
export type SupervisionItemCommand = z.input<typeof SupervisionItemCommandSchema>;
/** A supervision-item command after parsing (defaults applied). */
export type ParsedSupervisionItemCommand = z.output<typeof SupervisionItemCommandSchema>;
/** The type name of any supervision-item command. */
export type SupervisionItemCommandType = SupervisionItemCommand['type'];
