import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { MajorBasisSchema } from '../hazard/values.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  CaseSourceSchema,
  DismissalReasonSchema,
  EvidenceKindSchema,
  LegalReviewOpinionSchema,
  PenaltyPerformanceSchema,
  PenaltySchema,
  RespondentSchema,
  ServiceMethodSchema,
  TransferKindSchema,
} from './values.js';

// Counts a rule checks (EC-1 respondents and provisions, EC-2 officers) are not bounded here, so
// the rejection cites the rule instead of failing the schema.
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

/** File a case (立案, command 1): proposed by credentialed officers, approved by the agency head (EC-1). */
export const FileCaseSchema = command('FileCase', {
  caseId: text,
  /** Unique per agency and year; `createCaseFiling` claims it before the case is filed. */
  caseNo: text,
  agencyOrgId: text,
  respondents: z.array(RespondentSchema),
  cause: text,
  violatedProvisions: z.array(text),
  /** Clauses of a major-hazard standard the facts meet: cited, they make the case a major-hazard case (EC-3). */
  majorBasis: z.array(MajorBasisSchema).default(() => []),
  source: CaseSourceSchema.default(() => ({})),
  campaignIds: z.array(text).default(() => []),
  proposerIds: z.array(text),
  approvedBy: text,
});

/** Add a respondent before the decision (command 2). */
export const AddRespondentSchema = command('AddRespondent', { respondent: RespondentSchema });

/** Link a hazard to the case (command 3); the hazard must belong to a respondent enterprise (EC-15). */
export const LinkHazardToCaseSchema = command('LinkHazardToCase', { hazardId: text });

/** Record evidence taken by at least `minEnforcementOfficers` credentialed officers (command 4, EC-2). */
export const RecordEvidenceSchema = command('RecordEvidence', {
  kind: EvidenceKindSchema,
  officerIds: z.array(text),
  ref: text,
});

/** Serve the pre-decision notice (事先告知) on one respondent (command 5, EC-4, EC-6). */
export const ServePreDecisionNoticeSchema = command('ServePreDecisionNotice', {
  respondentRef: text,
  proposedPenalties: z.array(PenaltySchema).min(1),
  facts: text,
  provisions: z.array(text).min(1),
  hearingRight: z.boolean(),
});

/** Record a respondent's statement and defence (陈述申辩, command 6). */
export const RecordStatementAndDefenceSchema = command('RecordStatementAndDefence', {
  respondentRef: text,
});

/** Record a respondent's written hearing request (command 7, EC-7). */
export const RecordHearingRequestSchema = command('RecordHearingRequest', { respondentRef: text });

/** Record a respondent's written waiver of the hearing (command 7). */
export const WaiveHearingSchema = command('WaiveHearing', { respondentRef: text });

/** Record the hearing held, presided by the actor, who must not have investigated the case (command 8). */
export const HoldHearingSchema = command('HoldHearing', { respondentRef: text });

/** Record the legal review (法制审核) of the intended decision (command 9, EC-8). */
export const CompleteLegalReviewSchema = command('CompleteLegalReview', {
  opinion: LegalReviewOpinionSchema,
});

/** Issue the penalty decision (command 10): EC-4, EC-5, EC-7, EC-8, EC-10 apply. */
export const DecidePenaltySchema = command('DecidePenalty', {
  decisionNo: text,
  penalties: z.array(PenaltySchema).min(1),
  /** The head's collective discussion (集体讨论) for complex or major cases. */
  collectiveDiscussion: z.boolean().default(false),
});

/** Record the decision served on one penalised respondent (command 11, EC-12). */
export const ServeDecisionSchema = command('ServeDecision', {
  respondentRef: text,
  method: ServiceMethodSchema,
});

/** Record a penalty performed (command 12, EC-13). */
export const RecordPenaltyPerformedSchema = command('RecordPenaltyPerformed', {
  penaltyRef: text,
  method: PenaltyPerformanceSchema,
});

/** Apply to the people's court for enforcement of a penalty (command 13, EC-13). */
export const RequestCourtEnforcementSchema = command('RequestCourtEnforcement', {
  penaltyRef: text,
});

/** Extend the decision deadline (command 14, EC-9). */
export const ExtendDecisionDeadlineSchema = command('ExtendDecisionDeadline', {
  newDueDate: LocalDateSchema,
  reason: text,
});

/** Close the case (结案, command 15, EC-13). */
export const CloseCaseSchema = command('CloseCase', {});

/** Dismiss the case before a decision (撤案, command 16, EC-14). */
export const DismissCaseSchema = command('DismissCase', { reason: DismissalReasonSchema });

/** Transfer the case to the judiciary or another agency before closure (command 17, EC-14). */
export const TransferCaseSchema = command('TransferCase', {
  toOrgId: text,
  kind: TransferKindSchema,
});

/** Any of the 17 enforcement-case commands (18 with the two of command 7), discriminated by `type`. */
export const EnforcementCaseCommandSchema = z.discriminatedUnion('type', [
  FileCaseSchema,
  AddRespondentSchema,
  LinkHazardToCaseSchema,
  RecordEvidenceSchema,
  ServePreDecisionNoticeSchema,
  RecordStatementAndDefenceSchema,
  RecordHearingRequestSchema,
  WaiveHearingSchema,
  HoldHearingSchema,
  CompleteLegalReviewSchema,
  DecidePenaltySchema,
  ServeDecisionSchema,
  RecordPenaltyPerformedSchema,
  RequestCourtEnforcementSchema,
  ExtendDecisionDeadlineSchema,
  CloseCaseSchema,
  DismissCaseSchema,
  TransferCaseSchema,
]);

/** An enforcement-case command as callers write it (defaults not yet applied). */
export type EnforcementCaseCommand = z.input<typeof EnforcementCaseCommandSchema>;
/** An enforcement-case command after parsing (defaults applied). */
export type ParsedEnforcementCaseCommand = z.output<typeof EnforcementCaseCommandSchema>;
/** The type name of any enforcement-case command. */
export type EnforcementCaseCommandType = EnforcementCaseCommand['type'];
/** The `FileCase` command as callers write it (validated by `FileCaseSchema`). */
export type FileCase = z.input<typeof FileCaseSchema>;
/** The `DecidePenalty` command as callers write it (validated by `DecidePenaltySchema`). */
export type DecidePenalty = z.input<typeof DecidePenaltySchema>;
/** The `ServePreDecisionNotice` command as callers write it (validated by `ServePreDecisionNoticeSchema`). */
export type ServePreDecisionNotice = z.input<typeof ServePreDecisionNoticeSchema>;
