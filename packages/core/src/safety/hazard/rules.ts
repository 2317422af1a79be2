import { defineRuleCatalog } from '../rules/rule-catalog.js';

/**
 * The hazard rules of domain spec §4.1 as the library enforces them. Each statement records the
 * library's reading where the spec leaves room; grep an id (`H-13`) to find its check and tests.
 */
export const hazardRules = defineRuleCatalog([
  {
    id: 'H-0',
    scope: 'Hazard',
    title: 'Lifecycle',
    statement:
      'Added by the library: each command is accepted only in the states of the §4.1 state table (`hazardCommandStates`): `CompleteRectification` while `open`; assessment, verification request and `VerifyRectification` while `awaiting_verification`; listing, suspension and interim controls while `open` or `awaiting_verification`; the rest in any live state, with the finer rules below. Any command but `RegisterHazard` needs a registered hazard.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['InvalidState', 'HazardNotRegistered'],
  },
  {
    id: 'H-1',
    scope: 'Hazard',
    title: 'One subject, one responsible party',
    statement:
      'A hazard has exactly one subject (enterprise, venue or site) and one responsible enterprise or venue, both in the directory; neither can change. A site hazard names the landlord or a tenant as responsible. To fix a wrong subject, void and re-register. A second `RegisterHazard` on the stream is `AlreadyRegistered`. A hazard lives in the stream `hazard-{hazardId}`: a command on a stream of another category or another id is `StreamMismatch`, so one hazard id cannot be registered on two streams.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: [
      'UnknownSubject',
      'ResponsiblePartyMismatch',
      'AlreadyRegistered',
      'StreamMismatch',
    ],
  },
  {
    id: 'H-2',
    scope: 'Hazard',
    title: 'Major basis',
    statement:
      '`grade = major` requires `majorBasis {standardId, clause}` (on registration and on upgrade); a general hazard carries none. Sector standards: industry & trade MEM Order 10 (2023), chemicals 安监总管三〔2017〕121号.',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['MajorBasisRequired', 'MajorBasisNotAllowed'],
  },
  {
    id: 'H-3',
    scope: 'Hazard',
    title: 'Nature',
    statement:
      '`nature` is one of `unsafe_condition`, `unsafe_act`, `management_deficiency` (on registration and correction).',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['UnknownHazardNature'],
  },
  {
    id: 'H-4',
    scope: 'Hazard',
    title: 'Deadline or on-the-spot fix',
    statement:
      'Registration requires `deadline` unless `rectifiedOnSpot` is given; an on-the-spot registration emits `HazardRegistered` then `RectificationCompleted` in one commit, and without a deadline it is due on the local registration date. A self-found general on-the-spot hazard is then verified by a different enterprise person (H-19).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['DeadlineRequired'],
  },
  {
    id: 'H-5',
    scope: 'Hazard',
    title: 'No on-the-spot major',
    statement:
      'A major hazard cannot be registered with `rectifiedOnSpot`: it needs time and/or suspension by definition [L]; the rejection is a design rule.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['MajorCannotBeRectifiedOnSpot'],
  },
  {
    id: 'H-6',
    scope: 'Hazard',
    title: 'Deadline not in the past',
    statement:
      '`deadline` is on or after the registration date in `timezone` (the local date of `occurredAt`).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: ['DeadlineBeforeRegistration'],
  },
  {
    id: 'H-7',
    scope: 'Hazard',
    title: 'Terminal states',
    statement:
      '`closed` and `voided` are terminal: every command, `RegisterHazard` included, is `HazardTerminal` (cited under H-27 for a closed hazard, under H-7 for a voided one).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['HazardTerminal'],
  },
  {
    id: 'H-8',
    scope: 'Hazard',
    title: 'Deadline owner and extension',
    statement:
      'The deadline belongs to the ordering regulator when a rectification order is given, to the supervising regulator when `source` is regulator_inspection, enforcement_inspection, spot_check, handover or petition, and otherwise to the responsible enterprise (its Principal; for a venue its operator). Only the owner extends it (a regulator through its AuthorityHead), to a later date, with a reason, and by the end of the current deadline (local) unless `allowLateDeadlineExtension`; lateness is judged by the business time of the request (`occurredAt`, bounded by G-4), while the envelope keeps the recording time for audit. `originalDeadline` is kept for strict metrics. The supervising regulator and the ordering regulator named at registration must cover the subject (G-5, `OrgOutOfScope`).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['allowLateDeadlineExtension', 'timezone'],
    violations: [
      'Forbidden',
      'ReasonRequired',
      'DeadlineNotLater',
      'LateExtension',
      'OrgOutOfScope',
    ],
  },
  {
    id: 'H-9',
    scope: 'Hazard',
    title: 'Downgrade',
    statement:
      'Major → general only by an AuthorityHead of a regulator covering the hazard, and not while any listing is active (`DelistFirst`).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['Forbidden', 'DelistFirst'],
  },
  {
    id: 'H-10',
    scope: 'Hazard',
    title: 'Upgrade',
    statement:
      'General → major by the responsible Principal or a regulator officer in scope, while `open` or `awaiting_verification`; every major prerequisite (H-11…H-18, H-20) then applies, e.g. a complete plan before closure.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['UpgradeNotAllowed', 'Forbidden'],
  },
  {
    id: 'H-11',
    scope: 'Hazard',
    title: 'Known to the regulator; report and disclosure',
    statement:
      '`knownToRegulator` is true from registration when `source` is a regulator source (the H-8 list plus service_visit), or once `MajorHazardReported` exists. The Principal reports; the report must go to the supervising regulator. For enterprise-found majors the report is due `majorHazardReportWithinHours` after the hazard became major (registration or upgrade); lateness is derived (`isMajorReportLate`), not blocking; after a downgrade and a re-upgrade, only a report made in the current major period answers for it. Report and workforce disclosure (WSL 2021 Art. 41) apply to majors only.',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: ['majorHazardReportWithinHours'],
    violations: ['NotMajor', 'Forbidden', 'SupervisingOrgNotARecipient'],
  },
  {
    id: 'H-12',
    scope: 'Hazard',
    title: 'Report contents',
    statement:
      '`MajorHazardReported` contains non-empty status and cause, severity and difficulty analysis, and the rectification plan (`planSummary` or `planRef`), and names at least one recipient (Order 16 Art. 14).',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['IncompleteReport'],
  },
  {
    id: 'H-13',
    scope: 'Hazard',
    title: 'Five elements of a major plan',
    statement:
      "A major hazard's plan, submitted by the Principal, contains the five elements — `responsiblePersonId` (责任), `measures` ≥ 1 (措施), `funding.amountCny` > 0 and `funding.source` (资金), `deadline` (时限), `contingencyPlanRef` (预案) — plus `objectives` and `safetyMeasures` (Order 16 Art. 15 [L]; 五落实 [P]). `IncompletePlan.details.missing` lists every gap. General plans are optional and their elements unchecked (SafetyOfficer or Principal). In any plan, a named `responsiblePersonId` is a person of the responsible enterprise (or the venue's operator) in the directory (`UnknownResponsiblePerson`).",
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['IncompletePlan', 'Forbidden', 'UnknownResponsiblePerson'],
  },
  {
    id: 'H-14',
    scope: 'Hazard',
    title: 'Plan within the deadline',
    statement:
      'A plan deadline is on or before the effective deadline; more time needs an approved extension first (any grade).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['PlanExceedsDeadline'],
  },
  {
    id: 'H-15',
    scope: 'Hazard',
    title: 'Completing a major',
    statement:
      '`CompleteRectification` on a major requires a complete plan (H-13; so an upgraded hazard needs a new plan) and at least one evidence reference.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['PlanRequired', 'EvidenceRequired'],
  },
  {
    id: 'H-16',
    scope: 'Hazard',
    title: 'Safety not assured',
    statement:
      'If `safetyNotAssured`, `CompleteRectification` requires a prior `OperationsSuspended` or `InterimControlsRecorded` containing `evacuated` (Order 16 Art. 16 [L]; WSL Art. 65 [L?]). Such a hazard cannot be registered `rectifiedOnSpot`, since nothing could have come before the fix.',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['SafetyNotAssured'],
  },
  {
    id: 'H-17',
    scope: 'Hazard',
    title: 'Assessment before resumption',
    statement:
      '`RequestVerification(purpose=resumption)` needs an active suspension and, for a major, a `RectificationAssessed(conclusion=meets)` recorded after the latest completion; so do `ApproveResumption` of a suspended major and the closure of a major that was ever suspended (a regulator verification does not replace the assessment). Assessments are recorded for majors, by the Principal, while awaiting verification; a qualified agency is named.',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: [
      'NotSuspended',
      'AssessmentRequired',
      'NotMajor',
      'AgencyNameRequired',
      'Forbidden',
    ],
  },
  {
    id: 'H-18',
    scope: 'Hazard',
    title: 'Regulator verification of majors',
    statement:
      'A major is verified by officers of its supervising regulator, at least `minVerifiersMajor` of them, in a regulator review (never `internal_check`); experts may join in `expertIds` (persons with the Expert role) but a verification without officers is `RegulatorVerifierRequired`; any other verifier is `Forbidden`.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['minVerifiersMajor'],
    violations: [
      'RegulatorVerifierRequired',
      'TooFewVerifiers',
      'Forbidden',
      'NotAnExpert',
      'VerificationKindMismatch',
    ],
  },
  {
    id: 'H-19',
    scope: 'Hazard',
    title: 'Who verifies and closes',
    statement:
      "(a) A general hazard the enterprise found itself (its discoverer acts for an enterprise) → a SafetyOfficer or the Principal of the responsible enterprise (a landlord check: the tenant's, the landlord's may co-sign). (b) Any other general enterprise or site hazard → regulator officers of the finding or the supervising organisation. (c) A general venue hazard → GridPatrollers or TerritorialOfficers of a territorial body covering the area, or officers of the finding organisation. (d) A major → H-18. The recording actor is one of `verifierIds`; `CloseHazard` is issued by the same side. If `verifierMustDifferFromRectifier`, no verifier reported the latest completion (`SegregationOfDuties` names them). Experts who join (`expertIds`) hold the Expert role (`NotAnExpert`). The kind fits the side: the enterprise records `internal_check` or `acceptance`; a regulator side (b, c, d) records `regulator_review`, `acceptance` or, while operations are suspended, `resumption_review` (`VerificationKindMismatch`).",
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['verifierMustDifferFromRectifier'],
    violations: ['Forbidden', 'SegregationOfDuties', 'NotAnExpert', 'VerificationKindMismatch'],
  },
  {
    id: 'H-20',
    scope: 'Hazard',
    title: 'Closure prerequisites',
    statement:
      'Closure needs the last verification, after the latest completion, passed and no active suspension; for a major also: a regulator verification per H-18, `knownToRegulator`, workforce disclosure when `requireWorkforceDisclosureForMajor` (enterprise and site subjects; a venue has no workers’ congress), a complete plan, and every listing delisted, and, if its operations were ever suspended, an assessment that meets (H-17). A major can never close on the enterprise’s own check. When the passing verification satisfies all of it, `HazardClosed` follows in the same commit; otherwise the hazard is `verified` and whichever later event meets the last prerequisite (delisting, resumption, disclosure, report, plan, downgrade) also emits `HazardClosed`. `CloseHazard` closes explicitly (e.g. after a policy change).',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['requireWorkforceDisclosureForMajor', 'minVerifiersMajor'],
    violations: ['ClosureBlocked'],
  },
  {
    id: 'H-21',
    scope: 'Hazard',
    title: 'Failed verification',
    statement:
      'A failed verification returns the hazard to `open` and counts `verificationFailures`; it may set `newDeadline` (later than the current one) only if the verifier acts for the deadline owner, which emits `RectificationDeadlineExtended` in the same commit. For a regulator-owned deadline that is an officer of the owning organisation. For an enterprise-owned deadline H-8 prevails: only the principal (the Principal, or a venue’s operator) may set it; any other verifier fails the hazard without `newDeadline`, it goes back to rectification under its old deadline, and the principal extends it with `ExtendRectificationDeadline` (H-8). The new deadline is not before the local date the verification is judged by (its recording time for a late entry, H-30). A passed verification sets no deadline.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: [
      'NotDeadlineOwner',
      'DeadlineNotLater',
      'NewDeadlineOnFailureOnly',
      'DeadlineInPast',
    ],
  },
  {
    id: 'H-22',
    scope: 'Hazard',
    title: 'Regulator verification SLA',
    statement:
      'A requested verification by the regulator side (majors and H-19 b/c) is due by the local date of the request plus `regulatorVerificationWithinDays`; a breach is derived (`isVerificationSlaBreached`), never blocking.',
    basis: 'L?',
    enforcement: 'derived',
    policyKeys: ['regulatorVerificationWithinDays', 'timezone'],
    violations: [],
  },
  {
    id: 'H-23',
    scope: 'Hazard',
    title: 'Voiding',
    statement:
      'Void only before any `RectificationCompleted`, with a reason. A regulator-found hazard → the AuthorityHead of the finding organisation; a self-found general → the Principal; a self-found major → the AuthorityHead of the supervising regulator (never the enterprise). A hazard that was ever listed cannot be voided.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['ReasonRequired', 'AlreadyRectified', 'ListedHazardCannotBeVoided', 'Forbidden'],
  },
  {
    id: 'H-24',
    scope: 'Hazard',
    title: 'Listing',
    statement:
      'Only majors are listed, by the SafetyCommitteeOffice or AuthorityHead of an authority at the listing level covering the area; at most one active listing per level; the listing has no date of its own (it uses the hazard deadline) and may name a new supervising regulator, which must cover the hazard (G-5, `OrgOutOfScope`). Several levels may list the same hazard; all must delist before closure.',
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['NotMajor', 'AlreadyListedAtLevel', 'Forbidden', 'OrgOutOfScope'],
  },
  {
    id: 'H-25',
    scope: 'Hazard',
    title: 'Delisting',
    statement:
      'The listing authority delists an active listing only after a passed verification recorded after the latest `RectificationCompleted`.',
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['VerificationRequired', 'NotListed', 'Forbidden'],
  },
  {
    id: 'H-26',
    scope: 'Hazard',
    title: 'Resumption',
    statement:
      "Resumption is approved by the AuthorityHead of the suspending regulator (the Principal for a self-suspension) only after a passed verification after the latest `RectificationCompleted` (WSL Art. 65 [L?]; Order 16 [L]). A suspension order needs an AuthorityHead's approval; while a suspension is active only a regulator order may supersede it (`AlreadySuspended`).",
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['VerificationRequired', 'NotSuspended', 'AlreadySuspended', 'Forbidden'],
  },
  {
    id: 'H-27',
    scope: 'Hazard',
    title: 'No reopening',
    statement:
      'A closed hazard is never reopened: every command on it is `HazardTerminal`, cited under this rule; a recurrence is a new hazard registered with `recurrenceOf`.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['HazardTerminal'],
  },
  {
    id: 'H-28',
    scope: 'Hazard',
    title: 'Referral',
    statement:
      'An officer of the supervising regulator refers the hazard to another regulator only while `open`; the new organisation supervises it and, for a regulator-owned deadline, owns the deadline (Order 16). The new organisation is a regulator whose remit covers the hazard’s area and sector, venue category or specialty (G-5, `OrgOutOfScope`).',
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: ['NotOpen', 'Forbidden', 'OrgOutOfScope'],
  },
  {
    id: 'H-29',
    scope: 'Hazard',
    title: 'Derived time facts',
    statement:
      'Overdue, days overdue, late report and verification SLA breach are derived (G-6): `isOverdue`, `daysOverdue`, `deadlineMetAt` and `isDeadlineMet` (per `deadlineMetBy`: met on time, by the end of the effective deadline’s local day; a late completion ends the overdue state without meeting the deadline; an on-the-spot fix counts as done when found under either setting), `isMajorReportLate`, `isVerificationSlaBreached` take the state and an `asOf` instant; no event or state field records them.',
    basis: 'D',
    enforcement: 'derived',
    policyKeys: [
      'deadlineMetBy',
      'timezone',
      'majorHazardReportWithinHours',
      'regulatorVerificationWithinDays',
    ],
    violations: [],
  },
  {
    id: 'H-30',
    scope: 'Hazard',
    title: 'Late entries (back-dating)',
    statement:
      'Added by the library (G-4 allows back-dating; paper records are entered late in real offices): a command whose `occurredAt` lies more than `maxBackdatingHours` (default 72) before its recording time is a late entry. It needs a `lateEntryReason` and an actor of a supervisory role (Principal, VenueOperator, AuthorityHead, SafetyCommitteeOffice); processes (`System`) acting on recorded events are exempt. Its events carry `lateEntry {reason, recordedAt}`, so ledgers show both times and flag it, and deadline rules (H-8 late extension, H-21 new deadline) and on-time metrics (completion, closure, report, verification SLA) judge it by the recording time, so back-dating cannot make a late act look timely. Within the bound, business time counts.',
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['maxBackdatingHours'],
    violations: ['LateEntryReasonRequired', 'SupervisorRequired'],
  },
]);
