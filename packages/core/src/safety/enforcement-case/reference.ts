import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { EnforcementCaseCommandSchema } from './commands.js';
import type { EnforcementCaseEventType, enforcementCaseEvents } from './events.js';

// Keyed by the schemas themselves: a field added without a description is a type error.
type CommandSchema = (typeof EnforcementCaseCommandSchema)['options'][number];
type CommonCommandField = 'type' | 'actor' | 'occurredAt';
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  CommonCommandField
>;
type EventDefinitionOf = (typeof enforcementCaseEvents)[number];
type CommonEventField = 'caseId' | 'occurredAt' | 'actor';
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  CommonEventField
>;

type CaseCommandDocs = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<
    CommandFields<S>,
    EnforcementCaseEventType
  >;
};
type CaseEventDocs = {
  readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>>;
};

const officer = 'A credentialed EnforcementOfficer of the case agency (EC-0).';
const head = 'An AuthorityHead of the case agency (EC-0).';
const respondentRef = 'The respondent, by its ref within the case.';
const penaltyRef = 'The penalty, by its ref in the decision (`P1`, `P2`, …).';

const commands: CaseCommandDocs = {
  FileCase: {
    summary:
      'Files a case (立案) on the proposal of credentialed officers with the approval of the agency head (EC-1).',
    who: 'One of the proposers or the approver; proposers are credentialed EnforcementOfficers of the agency, the approver its AuthorityHead and not a proposer (EC-1). Use `createCaseFiling` to claim the case number first.',
    emits: ['CaseFiled'],
    fields: {
      caseId: 'The case’s id; the stream is `case-{caseId}`.',
      caseNo:
        'The case number (案号); unique per agency and local year (EC-1, `createCaseFiling`).',
      agencyOrgId: 'The regulator handling the case; its remit must cover every respondent.',
      respondents:
        'At least one respondent: a unit (`{ref, kind: unit, enterpriseId}`) or an individual (`{ref, kind: individual, personId, enterpriseId, role}`); refs are distinct (EC-1).',
      cause: 'The cause of action (案由).',
      violatedProvisions: 'At least one violated provision (EC-1).',
      majorBasis:
        'Clauses of a major-hazard standard the facts meet; citing one makes it a major-hazard case (EC-3).',
      source:
        'The inspection (`inspectionId`) or handed-over item (`supervisionItemId`) the case comes from; a service-guidance inspection cannot start a case (EC-18).',
      campaignIds: 'Campaigns the case counts for.',
      proposerIds:
        'The proposing officers (承办人), credentialed EnforcementOfficers of the agency.',
      approvedBy:
        'The approving AuthorityHead of the agency; not a proposer (EC-1 `SelfApproval`).',
    },
  },
  AddRespondent: {
    summary: 'Adds a respondent before the decision.',
    who: officer,
    emits: ['RespondentAdded'],
    fields: {
      respondent: 'The respondent; the EC-1 checks apply (known enterprise in remit, new ref).',
    },
  },
  LinkHazardToCase: {
    summary:
      'Links a hazard of a respondent enterprise to the case (EC-15); a major one makes it a major-hazard case until the decision (EC-3).',
    who: officer,
    emits: ['CaseHazardLinked'],
    fields: { hazardId: 'The hazard, read through the hazard-facts port in `prepare`.' },
  },
  RecordEvidence: {
    summary: 'Records evidence taken by at least two credentialed officers (EC-2).',
    who: 'One of the officers named (EC-2).',
    emits: ['EvidenceRecorded'],
    fields: {
      kind: '`inspection_record`, `inquiry_record`, `photo`, `document` or `sample`.',
      officerIds:
        'At least `minEnforcementOfficers` distinct credentialed officers of the agency (EC-2).',
      ref: 'Reference of the evidence record.',
    },
  },
  ServePreDecisionNotice: {
    summary:
      'Serves the pre-decision notice (事先告知书) on one respondent; it replaces an earlier notice and restarts its windows (EC-4, EC-5).',
    who: officer,
    emits: ['PreDecisionNoticeServed'],
    fields: {
      respondentRef,
      proposedPenalties:
        'The penalties proposed, all on this respondent (EC-4); fines and confiscations need `amountCny`, suspensions and bans `durationDays`.',
      facts: 'The facts found.',
      provisions: 'The provisions the penalties rest on.',
      hearingRight: 'Whether the respondent is told of a hearing right; mandatory under EC-6.',
    },
  },
  RecordStatementAndDefence: {
    summary:
      'Records a notified respondent’s statement and defence (陈述申辩); it ends the statement window (EC-5).',
    who: officer,
    emits: ['StatementAndDefenceRecorded'],
    fields: { respondentRef },
  },
  RecordHearingRequest: {
    summary: 'Records a written hearing request within the hearing window (EC-5, EC-7).',
    who: officer,
    emits: ['HearingRequested'],
    fields: { respondentRef },
  },
  WaiveHearing: {
    summary: 'Records a written waiver of the hearing, before or after a request (EC-5, EC-7).',
    who: officer,
    emits: ['HearingWaived'],
    fields: { respondentRef },
  },
  HoldHearing: {
    summary: 'Records the hearing held on a pending request, presided by the actor (EC-7).',
    who: 'A regulator officer or LegalReviewer of the agency who neither proposed the case nor took evidence (EC-7).',
    emits: ['HearingHeld'],
    fields: { respondentRef },
  },
  CompleteLegalReview: {
    summary: 'Records the legal review (法制审核) of the intended decision (EC-8).',
    who: 'A LegalReviewer of the case agency (EC-8).',
    emits: ['LegalReviewCompleted'],
    fields: { opinion: '`approve` or `revise`; the latest opinion counts.' },
  },
  DecidePenalty: {
    summary:
      'Issues the penalty decision; EC-4, EC-7, EC-5, EC-10 and EC-8 are checked in that order, and EC-3 is frozen.',
    who: head,
    emits: ['PenaltyDecisionIssued'],
    fields: {
      decisionNo: 'The decision number (决定书文号).',
      penalties:
        'The penalties, each on a notified respondent and within its notice (EC-4); fines within their statutory range (EC-10).',
      collectiveDiscussion: 'Whether the head’s collective discussion (集体讨论) decided it.',
    },
  },
  ServeDecision: {
    summary: 'Records the decision served on a penalised respondent (EC-12).',
    who: officer,
    emits: ['PenaltyDecisionServed'],
    fields: {
      respondentRef,
      method:
        '`direct`, `left_at_residence`, `electronic`, `entrusted`, `mail` or `public_notice`.',
    },
  },
  RecordPenaltyPerformed: {
    summary: 'Records a penalty performed (EC-13).',
    who: officer,
    emits: ['PenaltyPerformed'],
    fields: { penaltyRef, method: '`paid` (fines, confiscations) or `complied`.' },
  },
  RequestCourtEnforcement: {
    summary: 'Records the application to the people’s court to enforce a penalty (EC-13).',
    who: head,
    emits: ['CourtEnforcementRequested'],
    fields: { penaltyRef },
  },
  ExtendDecisionDeadline: {
    summary: 'Extends the decision deadline before the decision (EC-9).',
    who: head,
    emits: ['CaseDeadlineExtended'],
    fields: {
      newDueDate: 'The new due date (local), later than the current one.',
      reason: 'Why more time is needed.',
    },
  },
  CloseCase: {
    summary: 'Closes the case (结案) once the decision is executed (EC-13).',
    who: head,
    emits: ['CaseClosed'],
    fields: {},
  },
  DismissCase: {
    summary: 'Dismisses the case (撤案) before any decision (EC-14).',
    who: head,
    emits: ['CaseDismissed'],
    fields: {
      reason:
        '`no_violation`, `insufficient_evidence`, `minor_no_penalty`, `time_barred` or `other`.',
    },
  },
  TransferCase: {
    summary: 'Transfers the case to the judiciary or another agency, before closure (EC-14).',
    who: head,
    emits: ['CaseTransferred'],
    fields: {
      toOrgId: 'The receiving organisation; another organisation of the directory.',
      kind: '`judicial` or `other_agency`.',
    },
  },
};

const events: CaseEventDocs = {
  CaseFiled: {
    summary: 'A case was filed (立案) (EC-1).',
    fields: {
      caseNo: 'The case number, unique per agency and year.',
      agencyOrgId: 'The regulator handling the case.',
      respondents: 'The respondents at filing.',
      cause: 'The cause of action.',
      violatedProvisions: 'The violated provisions.',
      majorBasis: 'Major-hazard standard clauses cited (EC-3).',
      source: 'The inspection or handed-over item the case comes from, or nulls.',
      campaignIds: 'Campaigns the case counts for.',
      proposerIds: 'The proposing officers; they count as investigators (EC-7).',
      approvedBy: 'The approving AuthorityHead.',
    },
  },
  RespondentAdded: {
    summary: 'A respondent was added.',
    fields: { respondent: 'The respondent.' },
  },
  CaseHazardLinked: {
    summary: 'A hazard was linked to the case (EC-3, EC-15).',
    fields: {
      hazardId: 'The hazard.',
      gradeAtLink:
        'Its grade when linked; `major` makes the case a major-hazard case before the decision.',
      enterpriseId: 'Its responsible enterprise when linked (a respondent enterprise).',
    },
  },
  EvidenceRecorded: {
    summary: 'Evidence was taken (EC-2).',
    fields: {
      kind: 'The kind of evidence.',
      officerIds: 'The officers who took it; they count as investigators (EC-7).',
      ref: 'Reference of the evidence record.',
    },
  },
  PreDecisionNoticeServed: {
    summary:
      'A pre-decision notice was served; it replaces any earlier notice of the respondent (EC-4).',
    fields: {
      respondentRef,
      proposedPenalties: 'The penalties proposed; the decision may not exceed them (EC-4).',
      facts: 'The facts found.',
      provisions: 'The provisions.',
      hearingRight: 'Whether a hearing right was granted (EC-6).',
    },
  },
  StatementAndDefenceRecorded: {
    summary: 'A statement and defence was recorded (EC-5).',
    fields: { respondentRef },
  },
  HearingRequested: {
    summary: 'A hearing was requested in writing (EC-7).',
    fields: { respondentRef },
  },
  HearingWaived: {
    summary: 'The hearing was waived in writing (EC-5, EC-7).',
    fields: { respondentRef },
  },
  HearingHeld: {
    summary: 'A hearing was held (EC-7); it makes a legal review mandatory (EC-8).',
    fields: { respondentRef, presidingPersonId: 'Who presided; not an investigator.' },
  },
  LegalReviewCompleted: {
    summary: 'The legal review gave its opinion (EC-8).',
    fields: { opinion: '`approve` or `revise`.' },
  },
  PenaltyDecisionIssued: {
    summary: 'The penalty decision was issued.',
    fields: {
      decisionNo: 'The decision number.',
      penalties:
        'The penalties with their refs, and the respondent’s kind and enterprise copied in (G-8) for read models and PO-6.',
      collectiveDiscussion: 'Whether a collective discussion decided it.',
      isMajorHazardCase: 'The major-hazard flag, frozen here (EC-3).',
      linkedHazards: 'The linked hazards and their enterprises at the decision, for PO-6 (EC-16).',
    },
  },
  PenaltyDecisionServed: {
    summary: 'The decision was served on a penalised respondent (EC-12).',
    fields: { respondentRef, method: 'How it was served.' },
  },
  PenaltyPerformed: {
    summary: 'A penalty was performed (EC-13).',
    fields: { penaltyRef, method: '`paid` or `complied`.' },
  },
  CourtEnforcementRequested: {
    summary: 'Court enforcement of a penalty was requested (EC-13).',
    fields: { penaltyRef },
  },
  CaseDeadlineExtended: {
    summary: 'The decision deadline was extended (EC-9).',
    fields: {
      oldDueDate: 'The due date before the extension.',
      newDueDate: 'The new due date.',
      reason: 'Why.',
    },
  },
  CaseClosed: { summary: 'The case was closed (结案) (EC-13). Terminal.', fields: {} },
  CaseDismissed: {
    summary: 'The case was dismissed (撤案) (EC-14). Terminal.',
    fields: { reason: 'Why.' },
  },
  CaseTransferred: {
    summary: 'The case was transferred (EC-14). Terminal.',
    fields: { toOrgId: 'The receiving organisation.', kind: '`judicial` or `other_agency`.' },
  },
};

/** The enforcement-case reference (docs/domain/enforcement-case-reference.md). */
export const enforcementCaseDocs: AggregateDocs = {
  intro:
    'Every command and event of the `EnforcementCase` aggregate (domain spec §4.2), generated from the zod schemas with `z.toJSONSchema`, so types and allowed values are the ones the code validates. A command is passed to the handler of `createEnforcementCaseDecider` (a filing through `createCaseFiling`, which makes case numbers unique); a malformed one is a `ValidationError` naming each bad field, a rule that rejects it a `RuleViolationError` citing the rule. The lifecycle is in [enforcement-case.md](enforcement-case.md), every rule in [enforcement-case-rules.md](enforcement-case-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt:
      'Business time; defaults to the handler’s clock. May be back-dated, never before the filing nor more than 5 minutes after recording (G-4).',
  },
  commonEventFields: {
    caseId: 'The case’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
