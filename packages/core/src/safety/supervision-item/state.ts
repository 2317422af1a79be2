import type { LocalDate } from '../calendar/local-date.js';
import type { SupervisionItemEvent } from './events.js';
import { investigationHazardId } from './item-stream.js';
import type { ClosureAuthority, InvestigationFinding, Issuer, ItemKind } from './values.js';

/** Lifecycle states of §4.5; `closed` is terminal (SI-6). */
export type ItemStatus = 'received' | 'assigned' | 'in_progress' | 'feedback_submitted' | 'closed';

/** One rectification measure of the item (SI-5). */
export interface ItemMeasure {
  readonly measureId: string;
  readonly text: string;
  readonly doneAt: string | null;
}

/** The latest investigation of the item (SI-3); a later one supersedes it. */
export interface ItemInvestigation {
  readonly finding: InvestigationFinding;
  readonly reportRef: string;
  readonly at: string;
}

/** An item that was received. */
export interface ReceivedItem {
  readonly status: ItemStatus;
  readonly version: number;
  readonly itemId: string;
  readonly batchId: string;
  readonly batchTitle: string;
  readonly issuer: Issuer;
  readonly kind: ItemKind;
  readonly receivedAt: string;
  readonly deadline: LocalDate;
  readonly subjectEnterpriseIds: readonly string[];
  readonly expectedHazardCount: number | null;
  readonly anonymous: boolean;
  readonly closureAuthority: ClosureAuthority;
  readonly leadOrgId: string | null;
  readonly supportOrgIds: readonly string[];
  readonly internalDeadline: LocalDate | null;
  /** Linked hazards: `LinkHazard`s and the hazards of investigations (PO-4), each once. */
  readonly hazardIds: readonly string[];
  readonly caseIds: readonly string[];
  readonly measures: readonly ItemMeasure[];
  readonly investigation: ItemInvestigation | null;
  readonly repliedAt: string | null;
  readonly feedbackAt: string | null;
  readonly closedAt: string | null;
}

/** The state of a supervision-item stream. */
export type SupervisionItemState =
  | { readonly status: 'not_received'; readonly version: number }
  | ReceivedItem;

/** The state of a stream with no events. */
export function initialSupervisionItemState(): SupervisionItemState {
  return { status: 'not_received', version: 0 };
}

/** True once `HandoverReceived` was folded. */
export function isReceivedItem(state: SupervisionItemState): state is ReceivedItem {
  return state.status !== 'not_received';
}

// Work on an assigned item puts it in progress; work while the feedback is out leaves it there.
function working(state: ReceivedItem): ItemStatus {
  return state.status === 'assigned' ? 'in_progress' : state.status;
}

function withHazards(state: ReceivedItem, hazardIds: readonly string[]): readonly string[] {
  const known = new Set(state.hazardIds);
  return [...state.hazardIds, ...hazardIds.filter((id) => !known.has(id))];
}

/** Folds one supervision-item event; pure. */
export function evolveSupervisionItem(
  state: SupervisionItemState,
  event: SupervisionItemEvent,
): SupervisionItemState {
  const version = state.version + 1;
  if (event.type === 'HandoverReceived') {
    const d = event.data;
    return {
      status: 'received',
      version,
      itemId: d.itemId,
      batchId: d.batchId,
      batchTitle: d.batchTitle,
      issuer: d.issuer,
      kind: d.kind,
      receivedAt: d.occurredAt,
      deadline: d.deadline,
      subjectEnterpriseIds: d.subjectEnterpriseIds,
      expectedHazardCount: d.expectedHazardCount,
      anonymous: d.petitioner?.anonymous ?? false,
      closureAuthority: d.closureAuthority,
      leadOrgId: null,
      supportOrgIds: [],
      internalDeadline: null,
      hazardIds: [],
      caseIds: [],
      measures: [],
      investigation: null,
      repliedAt: null,
      feedbackAt: null,
      closedAt: null,
    };
  }
  if (!isReceivedItem(state)) return { status: 'not_received', version };
  switch (event.type) {
    case 'ItemAssigned': {
      const { leadOrgId, supportOrgIds, internalDeadline } = event.data;
      return { ...state, version, status: 'assigned', leadOrgId, supportOrgIds, internalDeadline };
    }
    case 'ItemInvestigated': {
      const { finding, reportRef, occurredAt, hazards } = event.data;
      const derived = hazards.map((h) => investigationHazardId(state.itemId, h.hazardKey));
      return {
        ...state,
        version,
        status: working(state),
        investigation: { finding, reportRef, at: occurredAt },
        hazardIds: withHazards(state, derived),
      };
    }
    case 'ItemHazardLinked':
      return {
        ...state,
        version,
        status: working(state),
        hazardIds: withHazards(state, [event.data.hazardId]),
      };
    case 'ItemCaseLinked':
      return {
        ...state,
        version,
        status: working(state),
        caseIds: [...state.caseIds, event.data.caseId],
      };
    case 'MeasureAdded': {
      const measure = { measureId: event.data.measureId, text: event.data.text, doneAt: null };
      return { ...state, version, status: working(state), measures: [...state.measures, measure] };
    }
    case 'MeasureCompleted':
      return {
        ...state,
        version,
        status: working(state),
        measures: state.measures.map((m) =>
          m.measureId === event.data.measureId ? { ...m, doneAt: event.data.occurredAt } : m,
        ),
      };
    case 'PetitionerReplied':
      return { ...state, version, status: working(state), repliedAt: event.data.occurredAt };
    case 'ItemFeedbackSubmitted':
      return {
        ...state,
        version,
        status: 'feedback_submitted',
        feedbackAt: event.data.occurredAt,
      };
    case 'ItemClosed':
      return { ...state, version, status: 'closed', closedAt: event.data.occurredAt };
    case 'ItemReturned':
      return { ...state, version, status: 'in_progress' };
  }
}
