import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { HazardGradeSchema, MajorBasisSchema } from '../hazard/values.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  DismissalReasonSchema,
  EvidenceKindSchema,
  LegalReviewOpinionSchema,
  PenaltyKindSchema,
  PenaltyPerformanceSchema,
  RespondentKindSchema,
  RespondentSchema,
  ServiceMethodSchema,
  TransferKindSchema,
} from './values.js';

// As for hazards, every payload carries the case id, business time and actor: a decider returns
// payloads only, and `evolve` and read models must see who did what when (G-4, EC-5).
const base = z.object({
  caseId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);
const ids = z.array(text);

/** A penalty as notified (without a ref) in a pre-decision notice. */
const NotifiedPenaltySchema = z
  .object({
    respondentRef: text,
    kind: PenaltyKindSchema,
    amountCny: z.number().positive().nullable(),
    durationDays: z.number().int().positive().nullable(),
    basisProvision: text,
  })
  .strict();

/**
 * A penalty of a decision, with the ref performance and court enforcement name it by, and the
 * respondent's kind and enterprise copied in (G-8), so read models and the suspension policy
 * need no other read.
 */
const DecidedPenaltySchema = NotifiedPenaltySchema.extend({
  penaltyRef: text,
  respondentKind: RespondentKindSchema,
  enterpriseId: text,
}).strict();

/** A case was filed (立案) on the proposal of officers and the approval of the agency head (EC-1). */
export const CaseFiled = defineEvent(
  'CaseFiled',
  base.extend({
    caseNo: text,
    agencyOrgId: text,
    respondents: z.array(RespondentSchema).min(1),
    cause: text,
    violatedProvisions: ids.min(1),
    majorBasis: z.array(MajorBasisSchema),
    source: z
      .object({ inspectionId: text.nullable(), supervisionItemId: text.nullable() })
      .strict(),
    campaignIds: ids,
    proposerIds: ids.min(1),
    approvedBy: text,
  }),
  { schemaVersion: 1 },
);

/** A respondent was added before the decision. */
export const RespondentAdded = defineEvent(
  'RespondentAdded',
  base.extend({ respondent: RespondentSchema }),
  { schemaVersion: 1 },
);

/** A hazard was linked, with its grade and responsible enterprise at the time of linking (EC-3, EC-15). */
export const CaseHazardLinked = defineEvent(
  'CaseHazardLinked',
  base.extend({ hazardId: text, gradeAtLink: HazardGradeSchema, enterpriseId: text }),
  { schemaVersion: 1 },
);

/** Evidence was taken by the named credentialed officers (EC-2). */
export const EvidenceRecorded = defineEvent(
  'EvidenceRecorded',
  base.extend({ kind: EvidenceKindSchema, officerIds: ids.min(1), ref: text }),
  { schemaVersion: 1 },
);

/** The pre-decision notice (事先告知书) was served on a respondent; it replaces any earlier one (EC-4). */
export const PreDecisionNoticeServed = defineEvent(
  'PreDecisionNoticeServed',
  base.extend({
    respondentRef: text,
    proposedPenalties: z.array(NotifiedPenaltySchema).min(1),
    facts: text,
    provisions: ids.min(1),
    hearingRight: z.boolean(),
  }),
  { schemaVersion: 1 },
);

/** The respondent's statement and defence (陈述申辩) was recorded (EC-5). */
export const StatementAndDefenceRecorded = defineEvent(
  'StatementAndDefenceRecorded',
  base.extend({ respondentRef: text }),
  { schemaVersion: 1 },
);

/** The respondent requested a hearing in writing (EC-7). */
export const HearingRequested = defineEvent(
  'HearingRequested',
  base.extend({ respondentRef: text }),
  { schemaVersion: 1 },
);

/** The respondent waived the hearing in writing (EC-5, EC-7). */
export const HearingWaived = defineEvent('HearingWaived', base.extend({ respondentRef: text }), {
  schemaVersion: 1,
});

/** A hearing was held, presided by a person who did not investigate the case. */
export const HearingHeld = defineEvent(
  'HearingHeld',
  base.extend({ respondentRef: text, presidingPersonId: text }),
  { schemaVersion: 1 },
);

/** The legal review (法制审核) gave its opinion (EC-8). */
export const LegalReviewCompleted = defineEvent(
  'LegalReviewCompleted',
  base.extend({ opinion: LegalReviewOpinionSchema }),
  { schemaVersion: 1 },
);

/**
 * The penalty decision was issued. `isMajorHazardCase` is the flag frozen at this moment (EC-3);
 * `linkedHazards` snapshots the links so the suspension policy (EC-16) needs no other read.
 */
export const PenaltyDecisionIssued = defineEvent(
  'PenaltyDecisionIssued',
  base.extend({
    decisionNo: text,
    penalties: z.array(DecidedPenaltySchema).min(1),
    collectiveDiscussion: z.boolean(),
    isMajorHazardCase: z.boolean(),
    linkedHazards: z.array(z.object({ hazardId: text, enterpriseId: text }).strict()),
  }),
  { schemaVersion: 1 },
);

/** The decision was served on a penalised respondent (EC-12). */
export const PenaltyDecisionServed = defineEvent(
  'PenaltyDecisionServed',
  base.extend({ respondentRef: text, method: ServiceMethodSchema }),
  { schemaVersion: 1 },
);

/** A penalty was performed: the fine paid or the order complied with (EC-13). */
export const PenaltyPerformed = defineEvent(
  'PenaltyPerformed',
  base.extend({ penaltyRef: text, method: PenaltyPerformanceSchema }),
  { schemaVersion: 1 },
);

/** The agency applied to the people's court to enforce a penalty (EC-13). */
export const CourtEnforcementRequested = defineEvent(
  'CourtEnforcementRequested',
  base.extend({ penaltyRef: text }),
  { schemaVersion: 1 },
);

/** The decision deadline was extended with the head's approval (EC-9). */
export const CaseDeadlineExtended = defineEvent(
  'CaseDeadlineExtended',
  base.extend({ oldDueDate: LocalDateSchema, newDueDate: LocalDateSchema, reason: text }),
  { schemaVersion: 1 },
);

/** The case was closed (结案); terminal (EC-13). */
export const CaseClosed = defineEvent('CaseClosed', base, { schemaVersion: 1 });

/** The case was dismissed (撤案) before a decision; terminal (EC-14). */
export const CaseDismissed = defineEvent(
  'CaseDismissed',
  base.extend({ reason: DismissalReasonSchema }),
  { schemaVersion: 1 },
);

/** The case was transferred to the judiciary or another agency; terminal (EC-14). */
export const CaseTransferred = defineEvent(
  'CaseTransferred',
  base.extend({ toOrgId: text, kind: TransferKindSchema }),
  { schemaVersion: 1 },
);

/** Every enforcement-case event; register them with `createEventRegistry({ events: enforcementCaseEvents })`. */
export const enforcementCaseEvents = [
  CaseFiled,
  RespondentAdded,
  CaseHazardLinked,
  EvidenceRecorded,
  PreDecisionNoticeServed,
  StatementAndDefenceRecorded,
  HearingRequested,
  HearingWaived,
  HearingHeld,
  LegalReviewCompleted,
  PenaltyDecisionIssued,
  PenaltyDecisionServed,
  PenaltyPerformed,
  CourtEnforcementRequested,
  CaseDeadlineExtended,
  CaseClosed,
  CaseDismissed,
  CaseTransferred,
] as const;

/** Any enforcement-case event. */
export type EnforcementCaseEvent =
  | EventOf<typeof CaseFiled>
  | EventOf<typeof RespondentAdded>
  | EventOf<typeof CaseHazardLinked>
  | EventOf<typeof EvidenceRecorded>
  | EventOf<typeof PreDecisionNoticeServed>
  | EventOf<typeof StatementAndDefenceRecorded>
  | EventOf<typeof HearingRequested>
  | EventOf<typeof HearingWaived>
  | EventOf<typeof HearingHeld>
  | EventOf<typeof LegalReviewCompleted>
  | EventOf<typeof PenaltyDecisionIssued>
  | EventOf<typeof PenaltyDecisionServed>
  | EventOf<typeof PenaltyPerformed>
  | EventOf<typeof CourtEnforcementRequested>
  | EventOf<typeof CaseDeadlineExtended>
  | EventOf<typeof CaseClosed>
  | EventOf<typeof CaseDismissed>
  | EventOf<typeof CaseTransferred>;

/** The type name of any enforcement-case event. */
export type EnforcementCaseEventType = EnforcementCaseEvent['type'];
