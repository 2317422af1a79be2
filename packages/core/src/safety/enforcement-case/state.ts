import { produce } from 'immer';
import type { LocalDate } from '../calendar/local-date.js';
import type { HazardGrade, MajorBasis } from '../hazard/values.js';
import type { SafetyActor } from '../roles/actor.js';
import type { EnforcementCaseEvent } from './events.js';
import type {
  DismissalReason,
  LegalReviewOpinion,
  PenaltyKind,
  Respondent,
  RespondentKind,
  ServiceMethod,
  TransferKind,
} from './values.js';

/** Lifecycle states of §4.2; `closed`, `dismissed` and `transferred` are terminal (EC-0, EC-14). */
export type CaseStatus =
  | 'filed'
  | 'notified'
  | 'hearing_requested'
  | 'decided'
  | 'executed'
  | 'closed'
  | 'dismissed'
  | 'transferred';

/** A penalty as a notice proposed it. */
export interface NotifiedPenalty {
  readonly respondentRef: string;
  readonly kind: PenaltyKind;
  readonly amountCny: number | null;
  readonly durationDays: number | null;
  readonly basisProvision: string;
}

/** A penalty of the decision. */
export interface DecidedPenalty extends NotifiedPenalty {
  readonly penaltyRef: string;
  readonly respondentKind: RespondentKind;
  readonly enterpriseId: string;
}

/**
 * The procedure of one respondent since its latest pre-decision notice: a new notice replaces
 * the old one and restarts the statement and hearing windows (EC-4, EC-5).
 */
export interface RespondentProcedure {
  readonly noticeServedAt: string;
  readonly proposedPenalties: readonly NotifiedPenalty[];
  readonly hearingRight: boolean;
  readonly defenceRecordedAt: string | null;
  readonly hearingRequestedAt: string | null;
  readonly hearingHeldAt: string | null;
  readonly hearingWaivedAt: string | null;
  readonly presidingPersonId: string | null;
}

/** A hazard linked to the case, with the snapshots taken when it was linked. */
export interface CaseHazardLink {
  readonly hazardId: string;
  readonly gradeAtLink: HazardGrade;
  readonly enterpriseId: string;
  readonly linkedAt: string;
}

/** The penalty decision. */
export interface CaseDecision {
  readonly decisionNo: string;
  readonly decidedAt: string;
  readonly decidedBy: SafetyActor;
  readonly penalties: readonly DecidedPenalty[];
  readonly collectiveDiscussion: boolean;
}

/** How a penalty was settled for closure (EC-13). */
export interface PenaltySettlement {
  readonly how: 'performed' | 'court_enforcement';
  readonly at: string;
}

/** A stream with no `CaseFiled` yet. */
export interface UnfiledCase {
  readonly status: 'unfiled';
  /** Events folded (the stream version). */
  readonly version: number;
}

/**
 * A filed enforcement case. Nothing time-derived is stored (G-6): the decision and service
 * deadlines (EC-9, EC-12) are computed from `asOf` by `decisionDueDate` and friends.
 */
export interface FiledCase {
  readonly status: CaseStatus;
  readonly version: number;
  readonly caseId: string;
  readonly caseNo: string;
  readonly agencyOrgId: string;
  /** Business time of filing: the stream's first `occurredAt` (G-4). */
  readonly filedAt: string;
  readonly respondents: readonly Respondent[];
  readonly cause: string;
  readonly violatedProvisions: readonly string[];
  readonly majorBasis: readonly MajorBasis[];
  readonly source: {
    readonly inspectionId: string | null;
    readonly supervisionItemId: string | null;
  };
  readonly campaignIds: readonly string[];
  readonly proposerIds: readonly string[];
  readonly approvedBy: string;
  /** Everyone who investigated: proposers and officers named on evidence (a hearing officer may be none of them). */
  readonly investigatorIds: readonly string[];
  readonly hazardLinks: readonly CaseHazardLink[];
  /** EC-3: true once a linked hazard was major when linked or a major-hazard clause is cited; frozen at the decision. */
  readonly isMajorHazardCase: boolean;
  readonly evidenceCount: number;
  /** Keyed by respondent ref; present once a notice was served on that respondent. */
  readonly procedures: Readonly<Record<string, RespondentProcedure>>;
  /** True once any hearing was held in the case (EC-8). */
  readonly hearingHeld: boolean;
  readonly legalReview: { readonly opinion: LegalReviewOpinion; readonly at: string } | null;
  /** The due date set by the latest approved extension; `null` means the statutory one (EC-9). */
  readonly extendedDueDate: LocalDate | null;
  readonly decision: CaseDecision | null;
  /** Keyed by respondent ref. */
  readonly served: Readonly<
    Record<string, { readonly at: string; readonly method: ServiceMethod }>
  >;
  /** Keyed by penalty ref. */
  readonly settlements: Readonly<Record<string, PenaltySettlement>>;
  readonly closedAt: string | null;
  readonly dismissal: { readonly at: string; readonly reason: DismissalReason } | null;
  readonly transfer: {
    readonly at: string;
    readonly toOrgId: string;
    readonly kind: TransferKind;
  } | null;
}

/** The state of an enforcement-case stream. */
export type EnforcementCaseState = UnfiledCase | FiledCase;

/** The state of an empty case stream. */
export function initialEnforcementCaseState(): EnforcementCaseState {
  return { status: 'unfiled', version: 0 };
}

/** True once the stream holds a `CaseFiled`. */
export function isFiledCase(state: EnforcementCaseState): state is FiledCase {
  return state.status !== 'unfiled';
}

/** True for the terminal states `closed`, `dismissed` and `transferred`. */
export function isTerminalCase(state: EnforcementCaseState): boolean {
  return (
    state.status === 'closed' || state.status === 'dismissed' || state.status === 'transferred'
  );
}

/** The respondent with this ref, if the case names it. */
export function respondentOf(state: FiledCase, ref: string): Respondent | undefined {
  return state.respondents.find((respondent) => respondent.ref === ref);
}

/** Refs of the respondents the decision penalises (empty before a decision). */
export function penalisedRefs(state: FiledCase): string[] {
  return [...new Set(state.decision?.penalties.map((penalty) => penalty.respondentRef) ?? [])];
}

/** EC-13: every penalised respondent served and every penalty performed or sent to court. */
export function isExecuted(state: FiledCase): boolean {
  if (state.decision === null) return false;
  return (
    penalisedRefs(state).every((ref) => state.served[ref] !== undefined) &&
    state.decision.penalties.every((penalty) => state.settlements[penalty.penaltyRef] !== undefined)
  );
}

// Before the decision the status follows the procedures: a pending hearing request, a notice, or none.
function preDecisionStatus(procedures: Readonly<Record<string, RespondentProcedure>>): CaseStatus {
  const all = Object.values(procedures);
  const pending = all.some(
    (p) => p.hearingRequestedAt !== null && p.hearingHeldAt === null && p.hearingWaivedAt === null,
  );
  if (pending) return 'hearing_requested';
  return all.length > 0 ? 'notified' : 'filed';
}

/**
 * Folds one enforcement-case event into the state. Total and pure: it never throws, so any
 * stored stream can be read, and it reads payloads only.
 */
export function evolveEnforcementCase(
  state: EnforcementCaseState,
  event: EnforcementCaseEvent,
): EnforcementCaseState {
  const version = state.version + 1;
  if (event.type === 'CaseFiled') return filed(event.data, version);
  if (!isFiledCase(state)) return { status: 'unfiled', version };
  return produce(state, (draft) => {
    draft.version = version;
    const at = event.data.occurredAt;
    const decided = draft.decision !== null;
    switch (event.type) {
      case 'RespondentAdded':
        draft.respondents.push(event.data.respondent);
        return;
      case 'CaseHazardLinked': {
        const { hazardId, gradeAtLink, enterpriseId } = event.data;
        draft.hazardLinks.push({ hazardId, gradeAtLink, enterpriseId, linkedAt: at });
        // EC-3: the flag may turn true until the decision, and is frozen from then on.
        if (!decided && gradeAtLink === 'major') draft.isMajorHazardCase = true;
        return;
      }
      case 'EvidenceRecorded':
        draft.evidenceCount += 1;
        for (const id of event.data.officerIds)
          if (!draft.investigatorIds.includes(id)) draft.investigatorIds.push(id);
        return;
      case 'PreDecisionNoticeServed': {
        const { respondentRef, proposedPenalties, hearingRight } = event.data;
        draft.procedures[respondentRef] = {
          noticeServedAt: at,
          proposedPenalties,
          hearingRight,
          defenceRecordedAt: null,
          hearingRequestedAt: null,
          hearingHeldAt: null,
          hearingWaivedAt: null,
          presidingPersonId: null,
        };
        draft.status = preDecisionStatus(draft.procedures);
        return;
      }
      case 'StatementAndDefenceRecorded': {
        const procedure = draft.procedures[event.data.respondentRef];
        if (procedure !== undefined) procedure.defenceRecordedAt = at;
        return;
      }
      case 'HearingRequested':
      case 'HearingWaived':
      case 'HearingHeld': {
        const procedure = draft.procedures[event.data.respondentRef];
        if (procedure !== undefined) {
          if (event.type === 'HearingRequested') procedure.hearingRequestedAt = at;
          if (event.type === 'HearingWaived') procedure.hearingWaivedAt = at;
          if (event.type === 'HearingHeld') {
            procedure.hearingHeldAt = at;
            procedure.presidingPersonId = event.data.presidingPersonId;
            draft.hearingHeld = true;
          }
        }
        if (!decided) draft.status = preDecisionStatus(draft.procedures);
        return;
      }
      case 'LegalReviewCompleted':
        draft.legalReview = { opinion: event.data.opinion, at };
        return;
      case 'PenaltyDecisionIssued': {
        const { decisionNo, penalties, collectiveDiscussion, isMajorHazardCase, actor } =
          event.data;
        draft.decision = {
          decisionNo,
          decidedAt: at,
          decidedBy: actor,
          penalties,
          collectiveDiscussion,
        };
        draft.isMajorHazardCase = isMajorHazardCase;
        draft.status = 'decided';
        return;
      }
      case 'PenaltyDecisionServed':
        draft.served[event.data.respondentRef] = { at, method: event.data.method };
        if (isExecuted(draft as FiledCase)) draft.status = 'executed';
        return;
      case 'PenaltyPerformed':
      case 'CourtEnforcementRequested':
        draft.settlements[event.data.penaltyRef] = {
          how: event.type === 'PenaltyPerformed' ? 'performed' : 'court_enforcement',
          at,
        };
        if (isExecuted(draft as FiledCase)) draft.status = 'executed';
        return;
      case 'CaseDeadlineExtended':
        draft.extendedDueDate = event.data.newDueDate;
        return;
      case 'CaseClosed':
        draft.status = 'closed';
        draft.closedAt = at;
        return;
      case 'CaseDismissed':
        draft.status = 'dismissed';
        draft.dismissal = { at, reason: event.data.reason };
        return;
      case 'CaseTransferred':
        draft.status = 'transferred';
        draft.transfer = { at, toOrgId: event.data.toOrgId, kind: event.data.kind };
        return;
    }
  });
}

function filed(
  data: Extract<EnforcementCaseEvent, { type: 'CaseFiled' }>['data'],
  version: number,
): FiledCase {
  return {
    status: 'filed',
    version,
    caseId: data.caseId,
    caseNo: data.caseNo,
    agencyOrgId: data.agencyOrgId,
    filedAt: data.occurredAt,
    respondents: data.respondents,
    cause: data.cause,
    violatedProvisions: data.violatedProvisions,
    majorBasis: data.majorBasis,
    source: data.source,
    campaignIds: data.campaignIds,
    proposerIds: data.proposerIds,
    approvedBy: data.approvedBy,
    investigatorIds: [...new Set(data.proposerIds)],
    hazardLinks: [],
    // EC-3: a cited major-hazard clause makes it a major-hazard case from the start.
    isMajorHazardCase: data.majorBasis.length > 0,
    evidenceCount: 0,
    procedures: {},
    hearingHeld: false,
    legalReview: null,
    extendedDueDate: null,
    decision: null,
    served: {},
    settlements: {},
    closedAt: null,
    dismissal: null,
    transfer: null,
  };
}
