import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { SubjectRefSchema } from '../directory/subject.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  AssessorKindSchema,
  DeadlineOwnerSchema,
  DisclosureForumSchema,
  HazardGradeSchema,
  HazardNatureSchema,
  HazardSourceSchema,
  InterimMeasureSchema,
  ListingLevelSchema,
  MajorBasisSchema,
  ResponsiblePartySchema,
  SuspensionOrderSchema,
  SuspensionScopeSchema,
  VerificationKindSchema,
  VerificationPurposeSchema,
} from './values.js';

// Every hazard event carries its business time and actor in the payload: a decider returns
// payloads only, and `evolve` (and any projection) must see who did what when (G-4, H-19).
const base = z.object({
  hazardId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
  // H-30: present on entries back-dated beyond `maxBackdatingHours`; ledgers flag them.
  lateEntry: z
    .object({ reason: z.string().min(1), recordedAt: InstantSchema })
    .strict()
    .optional(),
});
const text = z.string().min(1);
const ids = z.array(text);

/** A hazard was entered in the ledger (登记), with the classification snapshots of G-8. */
export const HazardRegistered = defineEvent(
  'HazardRegistered',
  base.extend({
    subject: SubjectRefSchema,
    responsible: ResponsiblePartySchema,
    areaId: text,
    sectorCode: text.nullable(),
    venueCategory: text.nullable(),
    specialties: ids,
    description: text,
    location: text,
    nature: HazardNatureSchema,
    grade: HazardGradeSchema,
    majorBasis: MajorBasisSchema.nullable(),
    source: HazardSourceSchema,
    discoveredBy: SafetyActorSchema,
    inspectionId: text.nullable(),
    findingId: text.nullable(),
    supervisionItemId: text.nullable(),
    campaignIds: ids,
    deadline: LocalDateSchema,
    deadlineOwner: DeadlineOwnerSchema,
    rectificationOrderNo: text.nullable(),
    supervisingOrgId: text,
    safetyNotAssured: z.boolean(),
    recurrenceOf: text.nullable(),
    rectifiedOnSpot: z.boolean(),
  }),
  { schemaVersion: 1 },
);

/** Description, location, nature or campaign tags were corrected; only the changed fields appear. */
export const HazardDetailsCorrected = defineEvent(
  'HazardDetailsCorrected',
  base.extend({
    description: text.optional(),
    location: text.optional(),
    nature: HazardNatureSchema.optional(),
    campaignIds: ids.optional(),
  }),
  { schemaVersion: 1 },
);

/** The grade changed (H-9, H-10). */
export const HazardRegraded = defineEvent(
  'HazardRegraded',
  base.extend({
    from: HazardGradeSchema,
    to: HazardGradeSchema,
    basis: MajorBasisSchema.nullable(),
    reason: text,
  }),
  { schemaVersion: 1 },
);

/** The rectification deadline moved later (H-8, H-21); the original deadline stays in state. */
export const RectificationDeadlineExtended = defineEvent(
  'RectificationDeadlineExtended',
  base.extend({
    old: LocalDateSchema,
    new: LocalDateSchema,
    reason: text,
    approvedBy: text,
    via: z.enum(['extension', 'failed_verification']),
  }),
  { schemaVersion: 1 },
);

/** The enterprise reported a major hazard to the regulator (H-11, H-12). */
export const MajorHazardReported = defineEvent(
  'MajorHazardReported',
  base.extend({
    recipientOrgIds: ids.min(1),
    statusAndCause: text,
    severityAndDifficulty: text,
    planSummary: text.nullable(),
    planRef: text.nullable(),
  }),
  { schemaVersion: 1 },
);

/** A major hazard was disclosed to the workers' congress or the workforce (WSL 2021 Art. 41). */
export const MajorHazardDisclosedToWorkforce = defineEvent(
  'MajorHazardDisclosedToWorkforce',
  base.extend({ forum: DisclosureForumSchema }),
  { schemaVersion: 1 },
);

/** A rectification plan (治理方案) was submitted; a major's plan holds the five elements (H-13). */
export const RectificationPlanSubmitted = defineEvent(
  'RectificationPlanSubmitted',
  base.extend({
    objectives: text.nullable(),
    measures: ids,
    funding: z
      .object({ amountCny: z.number().min(0).nullable(), source: text.nullable() })
      .strict(),
    responsibleOrgUnit: text.nullable(),
    responsiblePersonId: text.nullable(),
    deadline: LocalDateSchema.nullable(),
    safetyMeasures: text.nullable(),
    contingencyPlanRef: text.nullable(),
  }),
  { schemaVersion: 1 },
);

/** An authority listed the hazard for supervision (挂牌督办) at one level (H-24). */
export const HazardListedForSupervision = defineEvent(
  'HazardListedForSupervision',
  base.extend({
    level: ListingLevelSchema,
    authorityOrgId: text,
    supervisingOrgId: text,
    listingRef: text,
    publicized: z.boolean(),
  }),
  { schemaVersion: 1 },
);

/** Operations were suspended, by regulator order or by the enterprise itself. */
export const OperationsSuspended = defineEvent(
  'OperationsSuspended',
  base.extend({
    scope: SuspensionScopeSchema,
    facilityRef: text.nullable(),
    orderedBy: SuspensionOrderSchema,
    orderRef: text.nullable(),
  }),
  { schemaVersion: 1 },
);

/** Interim controls were put in place while the hazard is being fixed (H-16). */
export const InterimControlsRecorded = defineEvent(
  'InterimControlsRecorded',
  base.extend({ measures: z.array(InterimMeasureSchema).min(1) }),
  { schemaVersion: 1 },
);

/** The responsible party reports the rectification complete (H-4, H-15, H-16). */
export const RectificationCompleted = defineEvent(
  'RectificationCompleted',
  base.extend({
    completedAt: InstantSchema,
    actionsTaken: text,
    evidenceRefs: ids,
    costCny: z.number().min(0).nullable(),
    onSpot: z.boolean(),
  }),
  { schemaVersion: 1 },
);

/** Experts or a qualified agency assessed the rectification (H-17). */
export const RectificationAssessed = defineEvent(
  'RectificationAssessed',
  base.extend({
    assessorKind: AssessorKindSchema,
    agencyName: text.nullable(),
    reportRef: text,
    conclusion: z.enum(['meets', 'does_not_meet']),
  }),
  { schemaVersion: 1 },
);

/** The responsible party asked for verification, for closure or for resumption (H-17, H-22). */
export const VerificationRequested = defineEvent(
  'VerificationRequested',
  base.extend({ purpose: VerificationPurposeSchema }),
  { schemaVersion: 1 },
);

/**
 * A verification was performed (H-18, H-19, H-21). `byRegulator` records whether the verifiers
 * were officers of the supervising regulator, which H-20 requires for majors.
 */
export const RectificationVerified = defineEvent(
  'RectificationVerified',
  base.extend({
    outcome: z.enum(['passed', 'failed']),
    kind: VerificationKindSchema,
    verifierIds: ids.min(1),
    expertIds: ids,
    notes: z.string(),
    newDeadline: LocalDateSchema.nullable(),
    byRegulator: z.boolean(),
  }),
  { schemaVersion: 1 },
);

/** Resumption of operations was approved (H-26). */
export const OperationsResumed = defineEvent(
  'OperationsResumed',
  base.extend({ decisionRef: text }),
  { schemaVersion: 1 },
);

/** The listing authority removed its listing (摘牌) (H-25). */
export const HazardDelisted = defineEvent(
  'HazardDelisted',
  base.extend({ level: ListingLevelSchema, authorityOrgId: text, ref: text }),
  { schemaVersion: 1 },
);

/**
 * The hazard was closed (销号) (H-20). `basisVerificationVersion` is the stream version of the
 * passing `RectificationVerified` event the closure rests on (a decider cannot know event ids).
 */
export const HazardClosed = defineEvent(
  'HazardClosed',
  base.extend({ basisVerificationVersion: z.number().int().min(1) }),
  { schemaVersion: 1 },
);

/** The hazard was registered in error and is excluded from every statistic (H-23). */
export const HazardVoided = defineEvent('HazardVoided', base.extend({ reason: text }), {
  schemaVersion: 1,
});

/** The hazard was referred to the competent regulator (H-28). */
export const HazardReferred = defineEvent(
  'HazardReferred',
  base.extend({ fromOrgId: text, toOrgId: text, reason: text }),
  { schemaVersion: 1 },
);

/** Every hazard event definition; register them with `createEventRegistry({ events: hazardEvents })`. */
export const hazardEvents = [
  HazardRegistered,
  HazardDetailsCorrected,
  HazardRegraded,
  RectificationDeadlineExtended,
  MajorHazardReported,
  MajorHazardDisclosedToWorkforce,
  RectificationPlanSubmitted,
  HazardListedForSupervision,
  OperationsSuspended,
  InterimControlsRecorded,
  RectificationCompleted,
  RectificationAssessed,
  VerificationRequested,
  RectificationVerified,
  OperationsResumed,
  HazardDelisted,
  HazardClosed,
  HazardVoided,
  HazardReferred,
] as const;

/** Any hazard event. */
export type HazardEvent =
  | EventOf<typeof HazardRegistered>
  | EventOf<typeof HazardDetailsCorrected>
  | EventOf<typeof HazardRegraded>
  | EventOf<typeof RectificationDeadlineExtended>
  | EventOf<typeof MajorHazardReported>
  | EventOf<typeof MajorHazardDisclosedToWorkforce>
  | EventOf<typeof RectificationPlanSubmitted>
  | EventOf<typeof HazardListedForSupervision>
  | EventOf<typeof OperationsSuspended>
  | EventOf<typeof InterimControlsRecorded>
  | EventOf<typeof RectificationCompleted>
  | EventOf<typeof RectificationAssessed>
  | EventOf<typeof VerificationRequested>
  | EventOf<typeof RectificationVerified>
  | EventOf<typeof OperationsResumed>
  | EventOf<typeof HazardDelisted>
  | EventOf<typeof HazardClosed>
  | EventOf<typeof HazardVoided>
  | EventOf<typeof HazardReferred>;

/** The type name of any hazard event. */
export type HazardEventType = HazardEvent['type'];
