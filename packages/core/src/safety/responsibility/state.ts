import type { SafetyActor } from '../roles/actor.js';
import type { ResponsibilityEvent } from './events.js';
import type { Assignee, Duty, DutyChange, ListKind, PerformanceRating, Period } from './values.js';

/** Stored lifecycle states of §4.3; `expired` is derived from the period (G-6), never stored. */
export type AssignmentStatus = 'draft' | 'issued' | 'superseded';

/** One designation of safety staff; active until revoked. */
export interface StaffDesignation {
  readonly dutyId: string;
  readonly personId: string;
  readonly fullTime: boolean;
  readonly designatedAt: string;
  readonly revokedAt: string | null;
}

/** One revision of the issued duties (RA-6): the version it produced and why. */
export interface AssignmentRevision {
  readonly version: number;
  readonly reason: string;
  readonly changes: readonly DutyChange[];
  readonly revisedAt: string;
  readonly by: SafetyActor;
}

/** A stream with no `AssignmentDrafted` yet. */
export interface UnstartedAssignment {
  readonly status: 'unstarted';
  readonly version: number;
}

/** A drafted assignment: the list header, the assignee, the duties and what happened to them. */
export interface StartedAssignment {
  readonly status: AssignmentStatus;
  /** Events folded (the stream version). */
  readonly version: number;
  readonly assignmentId: string;
  readonly listId: string;
  readonly listTitle: string;
  readonly listKind: ListKind;
  readonly issuerOrgId: string;
  readonly period: Period;
  readonly assignee: Assignee;
  readonly portfolio: readonly string[];
  readonly duties: readonly Duty[];
  /** Business time of drafting: the stream's first `occurredAt` (G-4). */
  readonly draftedAt: string;
  readonly issuedAt: string | null;
  readonly approvedBy: string | null;
  /** The document version: 1 at issue, +1 per revision; 0 while a draft. */
  readonly documentVersion: number;
  readonly revisions: readonly AssignmentRevision[];
  /** The latest document version the assignee acknowledged, or 0. */
  readonly acknowledgedVersion: number;
  readonly staff: readonly StaffDesignation[];
  /** Completion instants by duty id. */
  readonly completedDuties: Readonly<Record<string, string>>;
  readonly progressReports: number;
  readonly rating: PerformanceRating | null;
  readonly supersededBy: string | null;
}

/** The state of a responsibility-assignment stream. */
export type ResponsibilityState = UnstartedAssignment | StartedAssignment;

/** The state of an empty stream. */
export function initialResponsibilityState(): ResponsibilityState {
  return { status: 'unstarted', version: 0 };
}

/** True once `AssignmentDrafted` has been folded. */
export function isStartedAssignment(state: ResponsibilityState): state is StartedAssignment {
  return state.status !== 'unstarted';
}

/** The duties after applying a revision's changes in order. */
export function applyDutyChanges(duties: readonly Duty[], changes: readonly DutyChange[]): Duty[] {
  let next = [...duties];
  for (const change of changes) {
    if (change.op === 'add') next.push(change.duty);
    else if (change.op === 'remove') next = next.filter((duty) => duty.dutyId !== change.dutyId);
    else next = next.map((duty) => (duty.dutyId === change.duty.dutyId ? change.duty : duty));
  }
  return next;
}

/** Folds one event into the state. */
export function evolveResponsibility(
  state: ResponsibilityState,
  event: ResponsibilityEvent,
): ResponsibilityState {
  const version = state.version + 1;
  if (event.type === 'AssignmentDrafted') {
    const d = event.data;
    return {
      status: 'draft',
      version,
      assignmentId: d.assignmentId,
      listId: d.listId,
      listTitle: d.listTitle,
      listKind: d.listKind,
      issuerOrgId: d.issuerOrgId,
      period: d.period,
      assignee: d.assignee,
      portfolio: d.portfolio,
      duties: d.duties,
      draftedAt: d.occurredAt,
      issuedAt: null,
      approvedBy: null,
      documentVersion: 0,
      revisions: [],
      acknowledgedVersion: 0,
      staff: [],
      completedDuties: {},
      progressReports: 0,
      rating: null,
      supersededBy: null,
    };
  }
  if (!isStartedAssignment(state)) return { ...state, version };
  const s = { ...state, version };
  switch (event.type) {
    case 'DutyAdded':
      return { ...s, duties: [...s.duties, event.data.duty] };
    case 'DutyRemoved':
      return { ...s, duties: s.duties.filter((duty) => duty.dutyId !== event.data.dutyId) };
    case 'AssignmentIssued':
      return {
        ...s,
        status: 'issued',
        issuedAt: event.data.occurredAt,
        approvedBy: event.data.approvedBy,
        documentVersion: 1,
      };
    case 'AssignmentAcknowledged':
      return { ...s, acknowledgedVersion: event.data.version };
    case 'AssignmentRevised':
      return {
        ...s,
        duties: applyDutyChanges(s.duties, event.data.changes),
        documentVersion: event.data.version,
        revisions: [
          ...s.revisions,
          {
            version: event.data.version,
            reason: event.data.reason,
            changes: event.data.changes,
            revisedAt: event.data.occurredAt,
            by: event.data.actor,
          },
        ],
      };
    case 'SafetyStaffDesignated':
      return {
        ...s,
        staff: [
          ...s.staff,
          {
            dutyId: event.data.dutyId,
            personId: event.data.personId,
            fullTime: event.data.fullTime,
            designatedAt: event.data.occurredAt,
            revokedAt: null,
          },
        ],
      };
    case 'SafetyStaffRevoked':
      return {
        ...s,
        staff: s.staff.map((entry) =>
          entry.dutyId === event.data.dutyId &&
          entry.personId === event.data.personId &&
          entry.revokedAt === null
            ? { ...entry, revokedAt: event.data.occurredAt }
            : entry,
        ),
      };
    case 'DutyProgressReported':
      return { ...s, progressReports: s.progressReports + 1 };
    case 'DutyCompleted':
      return {
        ...s,
        completedDuties: { ...s.completedDuties, [event.data.dutyId]: event.data.occurredAt },
      };
    case 'PerformanceReviewed':
      return { ...s, rating: event.data.rating };
    case 'AssignmentSuperseded':
      return { ...s, status: 'superseded', supersededBy: event.data.byAssignmentId };
  }
}

/** The active safety-staff designations of a duty. */
export function activeStaff(state: StartedAssignment, dutyId: string): StaffDesignation[] {
  return state.staff.filter((entry) => entry.dutyId === dutyId && entry.revokedAt === null);
}

/** The task codes this assignment leads: the `code` of each `lead` duty. */
export function leadCodes(duties: readonly Duty[]): string[] {
  return [...new Set(duties.filter((duty) => duty.role === 'lead').map((duty) => duty.code))];
}
