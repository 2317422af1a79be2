import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { HazardCommandSchema } from './commands.js';
import type { HazardEventType, hazardEvents } from './events.js';

// Keyed by the schemas themselves: a field added to a command or an event without a description
// here is a type error, and the reference test names it as well.
type CommandSchema = (typeof HazardCommandSchema)['options'][number];
type CommonCommandField = 'type' | 'actor' | 'occurredAt' | 'lateEntryReason';
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  CommonCommandField
>;
type EventDefinitionOf = (typeof hazardEvents)[number];
type CommonEventField = 'hazardId' | 'occurredAt' | 'actor' | 'lateEntry';
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  CommonEventField
>;

type HazardCommandDocs = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    HazardEventType
  >;
};
type HazardEventDocs = {
  readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>>;
};

const commands: HazardCommandDocs = {
  RegisterHazard: {
    summary:
      'Enters a hazard in the ledger (登记), optionally with the fix made on discovery (H-4).',
    who: 'Worker, SafetyOfficer or Principal of the responsible enterprise (the landlord’s on its site); a VenueOperator for its venue; GridPatroller or FireAdvisor for venues in their area; regulator officers in scope; `System` on behalf of a named discoverer (G-5).',
    emits: ['HazardRegistered', 'RectificationCompleted'],
    fields: {
      hazardId: 'The hazard’s id; the stream is `hazard-{hazardId}`.',
      subject: 'The enterprise, venue or site the hazard is about; fixed for life (H-1).',
      responsibleEnterpriseId:
        'For a site: the landlord or the tenant responsible for the fix. For an enterprise it may only name the enterprise itself (H-1).',
      description: 'What is wrong.',
      location: 'Where it is.',
      nature:
        '`unsafe_condition`, `unsafe_act` or `management_deficiency`; checked by H-3 so a wrong value cites the rule.',
      grade: '`general` or `major` (H-2).',
      majorBasis:
        'The sector standard and clause a major grade rests on; required for `major`, refused for `general` (H-2).',
      source:
        'How the hazard came to light; regulator sources make the regulator the deadline owner (H-8).',
      discoveredBy:
        'Who found it, when not the actor; required when the actor is `System` (a process manager).',
      inspectionId: 'The inspection that found it, if any.',
      findingId: 'The inspection finding it comes from, if any.',
      supervisionItemId: 'The handed-over item (petition, hazard list) it comes from, if any.',
      campaignIds: 'Campaigns (专项行动) the hazard counts for.',
      deadline:
        'Rectification deadline; required unless `rectifiedOnSpot` is given (H-4), not before the registration date (H-6).',
      rectificationOrder:
        'A written rectification order (`orderNo`, ordering `orgId`); makes that regulator the deadline owner (H-8).',
      supervisingOrgId:
        'The regulator supervising the hazard; defaults to the subject’s supervising organisation.',
      safetyNotAssured:
        'Safety cannot be assured while the hazard stands: completion then needs interim controls or a suspension (H-16).',
      recurrenceOf: 'The closed hazard this one repeats (H-27).',
      rectifiedOnSpot:
        'The fix made on discovery (`actionsTaken`, `evidenceRefs`, `costCny`); not for majors (H-5).',
    },
  },
  CorrectHazardDetails: {
    summary: 'Corrects the description, location, nature or campaign tags.',
    who: 'The organisation or enterprise that registered the hazard.',
    emits: ['HazardDetailsCorrected'],
    fields: {
      description: 'New description.',
      location: 'New location.',
      nature: 'New nature (H-3).',
      campaignIds: 'The complete new list of campaigns.',
    },
  },
  RegradeHazard: {
    summary: 'Regrades the hazard between general and major.',
    who: 'Upgrade: the Principal or a regulator officer in scope (H-10). Downgrade: an AuthorityHead of the supervising regulator (H-9).',
    emits: ['HazardRegraded', 'HazardClosed'],
    fields: {
      to: 'The new grade.',
      basis: 'The sector standard and clause; required when upgrading to major (H-2).',
      reason: 'Why the grade changes.',
    },
  },
  ExtendRectificationDeadline: {
    summary: 'Moves the rectification deadline later.',
    who: 'The deadline owner: an AuthorityHead of the owning regulator, or the Principal for an enterprise-owned deadline (H-8).',
    emits: ['RectificationDeadlineExtended'],
    fields: {
      newDeadline: 'The new deadline; after the current one.',
      reason: 'Why more time is needed.',
    },
  },
  ReportMajorHazard: {
    summary: 'Reports a major hazard to the regulator (H-11); its contents are checked by H-12.',
    who: 'The Principal of the responsible enterprise (H-11).',
    emits: ['MajorHazardReported', 'HazardClosed'],
    fields: {
      recipientOrgIds: 'The regulators the report goes to; at least one (H-12).',
      statusAndCause: 'The hazard’s current state and its cause (H-12).',
      severityAndDifficulty: 'How severe it is and how hard to rectify (H-12).',
      planSummary: 'A summary of the rectification plan, if one exists.',
      planRef: 'A reference to the plan document, if one exists.',
    },
  },
  DiscloseMajorHazardToWorkforce: {
    summary: 'Records that a major hazard was disclosed to the workforce (WSL 2021 Art. 41).',
    who: 'The Principal or a SafetyOfficer of the responsible enterprise.',
    emits: ['MajorHazardDisclosedToWorkforce', 'HazardClosed'],
    fields: {
      forum:
        'Where it was disclosed: workers’ congress, representatives’ congress or notice board.',
    },
  },
  SubmitRectificationPlan: {
    summary:
      'Submits a rectification plan (治理方案); a major’s plan must hold the five elements (H-13) within the deadline (H-14).',
    who: 'The Principal for a major (H-13); a SafetyOfficer or the Principal for a general hazard (optional).',
    emits: ['RectificationPlanSubmitted', 'HazardClosed'],
    fields: {
      objectives: 'What the rectification will achieve.',
      measures: 'The rectification measures (H-13: at least one for a major).',
      funding: 'Funding: `amountCny` and `source` (H-13).',
      responsibleOrgUnit: 'The unit responsible for the work (H-13).',
      responsiblePersonId: 'The person responsible for the work (H-13).',
      deadline: 'When the rectification will be done; within the hazard’s deadline (H-14).',
      safetyMeasures: 'Safety measures during the work (H-13).',
      contingencyPlanRef: 'The contingency plan for the work (H-13).',
    },
  },
  ListForSupervision: {
    summary: 'Lists a major hazard for supervision (挂牌督办) at one level (H-24).',
    who: 'The SafetyCommitteeOffice or an AuthorityHead of an authority at the listing level (H-24).',
    emits: ['HazardListedForSupervision'],
    fields: {
      level: 'The administrative level of the listing.',
      authorityOrgId: 'The listing authority.',
      supervisingOrgId:
        'The department the listing names to supervise; defaults to the current supervising organisation.',
      listingRef: 'The listing document’s reference.',
      publicized: 'Whether the listing was made public.',
    },
  },
  SuspendOperations: {
    summary: 'Suspends operations, by regulator order or by the enterprise itself.',
    who: 'A regulator officer in scope with an AuthorityHead’s approval, or the Principal of the responsible enterprise.',
    emits: ['OperationsSuspended'],
    fields: {
      scope: '`whole`, `partial` or `facility`.',
      facilityRef: 'The suspended facility, for a facility-scope suspension.',
      approvedBy:
        'The approving AuthorityHead of the ordering regulator (the actor, if they are the head).',
      orderRef: 'The suspension order’s reference.',
    },
  },
  RecordInterimControls: {
    summary: 'Records the interim controls in place while the hazard is being fixed (H-16).',
    who: 'A SafetyOfficer or the Principal of the responsible enterprise, or the VenueOperator.',
    emits: ['InterimControlsRecorded'],
    fields: {
      measures: 'The measures in place; at least one.',
    },
  },
  CompleteRectification: {
    summary: 'Reports the rectification complete (H-15, H-16).',
    who: 'A SafetyOfficer or the Principal of the responsible enterprise, or the VenueOperator.',
    emits: ['RectificationCompleted'],
    fields: {
      actionsTaken: 'What was done.',
      evidenceRefs: 'References to evidence (photos, reports).',
      costCny: 'What the rectification cost, in CNY.',
    },
  },
  RecordRectificationAssessment: {
    summary:
      'Records the assessment of a major’s rectification by experts or a qualified agency (H-17).',
    who: 'The Principal of the responsible enterprise (H-17).',
    emits: ['RectificationAssessed'],
    fields: {
      assessorKind: '`internal_experts` or `qualified_agency`.',
      agencyName: 'The agency’s name, for a qualified agency.',
      reportRef: 'The assessment report’s reference.',
      conclusion: '`meets` or `does_not_meet`.',
    },
  },
  RequestVerification: {
    summary: 'Asks for verification, for closure or for resumption of operations (H-17, H-22).',
    who: 'A SafetyOfficer or the Principal of the responsible enterprise, or the VenueOperator.',
    emits: ['VerificationRequested'],
    fields: {
      purpose: '`closure` or `resumption`.',
    },
  },
  VerifyRectification: {
    summary:
      'Records a verification of the rectification; a pass may close the hazard, a failure reopens it (H-18…H-21).',
    who: 'The verifier side of H-18 (majors: officers of the supervising regulator) and H-19 (generals); the actor must be one of `verifierIds`.',
    emits: ['RectificationVerified', 'RectificationDeadlineExtended', 'HazardClosed'],
    fields: {
      outcome: '`passed` or `failed`.',
      kind: 'The kind of check.',
      verifierIds: 'The people who verified; at least one, the actor among them (H-18, H-19).',
      expertIds: 'Experts who took part; they never decide alone.',
      notes: 'Free-text notes.',
      newDeadline: 'After a failed verification, a new deadline set by the deadline owner (H-21).',
    },
  },
  ApproveResumption: {
    summary: 'Approves resumption of suspended operations (H-26).',
    who: 'An AuthorityHead of the suspending regulator; the Principal for a self-suspension (H-26).',
    emits: ['OperationsResumed', 'HazardClosed'],
    fields: {
      decisionRef: 'The resumption decision’s reference.',
    },
  },
  DelistHazard: {
    summary: 'Removes a listing for supervision (摘牌) (H-25).',
    who: 'The listing authority (H-25).',
    emits: ['HazardDelisted', 'HazardClosed'],
    fields: {
      level: 'The level of the listing to remove.',
      ref: 'The delisting document’s reference.',
    },
  },
  CloseHazard: {
    summary: 'Closes the hazard (销号) when no earlier event closed it (H-20).',
    who: 'The verifier side (H-19), when nothing blocks closure (H-20).',
    emits: ['HazardClosed'],
    fields: {},
  },
  VoidHazard: {
    summary: 'Voids a hazard registered in error; it leaves every statistic (H-23).',
    who: 'See H-23.',
    emits: ['HazardVoided'],
    fields: {
      reason: 'Why the registration was an error.',
    },
  },
  ReferHazard: {
    summary: 'Refers the hazard to the competent regulator (H-28).',
    who: 'An officer of the supervising regulator (H-28).',
    emits: ['HazardReferred'],
    fields: {
      toOrgId: 'The regulator taking the hazard over.',
      reason: 'Why it belongs there.',
    },
  },
};

const events: HazardEventDocs = {
  HazardRegistered: {
    summary:
      'A hazard was entered in the ledger, with the classification snapshots of G-8 copied from the directory.',
    fields: {
      subject: 'The enterprise, venue or site the hazard is about.',
      responsible: 'The enterprise or venue responsible for the fix (H-1).',
      areaId: 'The subject’s area when registered (G-8).',
      sectorCode: 'The responsible enterprise’s sector when registered; null for a venue (G-8).',
      venueCategory: 'The venue’s category when registered; null otherwise (G-8).',
      specialties: 'Specialty tags of the subject when registered, such as `gas` (G-8).',
      description: 'What is wrong.',
      location: 'Where it is.',
      nature: 'The nature of the hazard (H-3).',
      grade: 'The grade at registration.',
      majorBasis: 'The standard and clause of a major; null for a general hazard (H-2).',
      source: 'How the hazard came to light.',
      discoveredBy: 'Who found it (the actor, unless the command named someone else).',
      inspectionId: 'The inspection that found it, or null.',
      findingId: 'The inspection finding it comes from, or null.',
      supervisionItemId: 'The handed-over item it comes from, or null.',
      campaignIds: 'Campaigns the hazard counts for.',
      deadline: 'The original deadline (the registration date for an on-the-spot fix without one).',
      deadlineOwner: 'Who may extend the deadline: the enterprise or a regulator (H-8).',
      rectificationOrderNo: 'The written rectification order’s number, or null.',
      supervisingOrgId: 'The supervising regulator.',
      safetyNotAssured: 'Safety cannot be assured while the hazard stands (H-16).',
      recurrenceOf: 'The closed hazard this one repeats, or null (H-27).',
      rectifiedOnSpot: 'Whether a `RectificationCompleted` for an on-the-spot fix follows (H-4).',
    },
  },
  HazardDetailsCorrected: {
    summary: 'Details were corrected; only the changed fields appear.',
    fields: {
      description: 'The new description.',
      location: 'The new location.',
      nature: 'The new nature.',
      campaignIds: 'The complete new list of campaigns.',
    },
  },
  HazardRegraded: {
    summary: 'The grade changed (H-9, H-10).',
    fields: {
      from: 'The grade before.',
      to: 'The grade after.',
      basis: 'The standard and clause of an upgrade to major; null for a downgrade.',
      reason: 'Why the grade changed.',
    },
  },
  RectificationDeadlineExtended: {
    summary: 'The deadline moved later (H-8, H-21); the original deadline stays in state.',
    fields: {
      old: 'The deadline before.',
      new: 'The deadline after.',
      reason: 'Why.',
      approvedBy: 'The person who approved the extension.',
      via: '`extension` (an ExtendRectificationDeadline) or `failed_verification` (H-21).',
    },
  },
  MajorHazardReported: {
    summary: 'The enterprise reported a major hazard to the regulator (H-11, H-12).',
    fields: {
      recipientOrgIds: 'The regulators the report went to.',
      statusAndCause: 'The hazard’s state and cause.',
      severityAndDifficulty: 'Its severity and how hard it is to rectify.',
      planSummary: 'A summary of the rectification plan, or null.',
      planRef: 'The plan document’s reference, or null.',
    },
  },
  MajorHazardDisclosedToWorkforce: {
    summary: 'A major hazard was disclosed to the workforce (WSL 2021 Art. 41).',
    fields: {
      forum: 'Where it was disclosed.',
    },
  },
  RectificationPlanSubmitted: {
    summary: 'A rectification plan was submitted; absent elements are null (H-13).',
    fields: {
      objectives: 'What the rectification will achieve.',
      measures: 'The rectification measures.',
      funding: 'Funding amount (CNY) and source, each possibly null.',
      responsibleOrgUnit: 'The unit responsible.',
      responsiblePersonId: 'The person responsible.',
      deadline: 'The planned completion date.',
      safetyMeasures: 'Safety measures during the work.',
      contingencyPlanRef: 'The contingency plan.',
    },
  },
  HazardListedForSupervision: {
    summary: 'An authority listed the hazard for supervision at one level (H-24).',
    fields: {
      level: 'The level of the listing.',
      authorityOrgId: 'The listing authority.',
      supervisingOrgId: 'The department named to supervise.',
      listingRef: 'The listing document’s reference.',
      publicized: 'Whether the listing was made public.',
    },
  },
  OperationsSuspended: {
    summary: 'Operations were suspended, by regulator order or by the enterprise itself.',
    fields: {
      scope: 'How much was suspended.',
      facilityRef: 'The suspended facility, or null.',
      orderedBy: 'A regulator (`orgId`, approving `approvedBy`) or the enterprise itself (`self`).',
      orderRef: 'The suspension order’s reference, or null.',
    },
  },
  InterimControlsRecorded: {
    summary: 'Interim controls were put in place while the hazard is being fixed (H-16).',
    fields: {
      measures: 'The measures in place.',
    },
  },
  RectificationCompleted: {
    summary: 'The responsible party reported the rectification complete (H-4, H-15, H-16).',
    fields: {
      completedAt: 'When the work was completed (the business time of the report).',
      actionsTaken: 'What was done.',
      evidenceRefs: 'References to evidence.',
      costCny: 'What it cost in CNY, or null.',
      onSpot: 'True for a fix made on discovery (H-4).',
    },
  },
  RectificationAssessed: {
    summary: 'Experts or a qualified agency assessed the rectification (H-17).',
    fields: {
      assessorKind: 'Who assessed.',
      agencyName: 'The agency’s name, or null.',
      reportRef: 'The assessment report’s reference.',
      conclusion: 'Whether the rectification meets the requirements.',
    },
  },
  VerificationRequested: {
    summary: 'The responsible party asked for verification (H-17, H-22).',
    fields: {
      purpose: 'For closure or for resumption.',
    },
  },
  RectificationVerified: {
    summary: 'A verification was performed (H-18, H-19, H-21).',
    fields: {
      outcome: 'Passed or failed.',
      kind: 'The kind of check.',
      verifierIds: 'The people who verified.',
      expertIds: 'Experts who took part.',
      notes: 'Free-text notes.',
      newDeadline: 'The new deadline set after a failure, or null (H-21).',
      byRegulator:
        'Whether the verifiers were officers of the supervising regulator, as H-20 requires for majors.',
    },
  },
  OperationsResumed: {
    summary: 'Resumption of operations was approved (H-26).',
    fields: {
      decisionRef: 'The resumption decision’s reference.',
    },
  },
  HazardDelisted: {
    summary: 'The listing authority removed its listing (H-25).',
    fields: {
      level: 'The level of the removed listing.',
      authorityOrgId: 'The listing authority.',
      ref: 'The delisting document’s reference.',
    },
  },
  HazardClosed: {
    summary: 'The hazard was closed (销号) (H-20). Terminal.',
    fields: {
      basisVerificationVersion:
        'The stream version of the passing `RectificationVerified` the closure rests on.',
    },
  },
  HazardVoided: {
    summary: 'The hazard was registered in error and leaves every statistic (H-23). Terminal.',
    fields: {
      reason: 'Why the registration was an error.',
    },
  },
  HazardReferred: {
    summary: 'The hazard was referred to the competent regulator (H-28).',
    fields: {
      fromOrgId: 'The regulator handing it over.',
      toOrgId: 'The regulator taking it over; now the supervising organisation.',
      reason: 'Why.',
    },
  },
};

/** The hazard reference (docs/domain/hazard-reference.md): what each field means and who may act. */
export const hazardDocs: AggregateDocs = {
  intro:
    'Every command and event of the `Hazard` aggregate (domain spec §4.1), generated from the zod schemas with `z.toJSONSchema`, so types and allowed values are the ones the code validates. A command is passed to the handler of `createHazardDecider`; a malformed one is a `ValidationError` naming each bad field, a rule that rejects it a `RuleViolationError` citing the rule. The lifecycle and the closure prerequisites are in [hazard.md](hazard.md), every rule in [hazard-rules.md](hazard-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt:
      'Business time; defaults to the handler’s clock. May be back-dated, never before the stream’s first event nor more than 5 minutes after recording (G-4); more than `maxBackdatingHours` back only as a late entry (H-30).',
    lateEntryReason:
      'Why the record is entered late (e.g. a paper record typed in); required, with a supervisory actor, when `occurredAt` lies more than `maxBackdatingHours` before recording (H-30).',
  },
  commonEventFields: {
    hazardId: 'The hazard’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
    lateEntry:
      'Present on an entry back-dated beyond `maxBackdatingHours`: the `reason` and the `recordedAt` time that deadline rules and on-time metrics judge it by (H-30); ledgers flag such entries.',
  },
  commands,
  events,
};
