import { current, isDraft } from 'immer';
import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { dualDutyGaps, lacksOverallLead } from '../responsibility/content.js';
import { type ResponsibilityEvent, responsibilityEvents } from '../responsibility/events.js';
import {
  activeStaff,
  evolveResponsibility,
  initialResponsibilityState,
  isStartedAssignment,
  type ResponsibilityState,
} from '../responsibility/state.js';
import { isStaffingSatisfied } from '../responsibility/time-facts.js';

/**
 * One row of the responsibility ledger, the base of P-17: the assignment's state (folded by the
 * aggregate's own `evolve`) and the coverage facts derived from its latest version. Lifecycle
 * instants are kept so `asOf` decides which assignments are in force (G-6).
 */
export interface ResponsibilityLedgerRow {
  state: ResponsibilityState;
  assignmentId: string;
  listId: string;
  listKind: string | null;
  year: number | null;
  issuerOrgId: string | null;
  assigneeKind: string | null;
  assigneeId: string | null;
  isPrimaryLeader: boolean;
  issuedAt: string | null;
  supersededAt: string | null;
  /** The assignee acknowledged the current document version. */
  acknowledged: boolean;
  duties: number;
  dutiesCompleted: number;
  staffingDuties: number;
  /** Staffing duties meeting RA-8: enough active designations, full-time where required. */
  staffingSatisfied: number;
  requiredHeadcount: number;
  /** Active designations on the staffing duties. */
  designatedHeadcount: number;
  /** RA-2: portfolio codes of a leader no statutory duty or key task covers. */
  dualDutyGapDomains: string[];
  dualDutyGap: boolean;
  /** RA-3: a primary leader in a leadership list without `LEAD.OVERALL`. */
  lacksOverallLead: boolean;
}

/** Indexed fields of the responsibility ledger: every figure of P-17 runs on them in the store. */
export const responsibilityLedgerFields = {
  listId: indexed.text((row: ResponsibilityLedgerRow) => row.listId),
  listKind: indexed.text((row: ResponsibilityLedgerRow) => row.listKind),
  year: indexed.integer((row: ResponsibilityLedgerRow) => row.year),
  issuerOrgId: indexed.text((row: ResponsibilityLedgerRow) => row.issuerOrgId),
  assigneeKind: indexed.text((row: ResponsibilityLedgerRow) => row.assigneeKind),
  isPrimaryLeader: indexed.boolean((row: ResponsibilityLedgerRow) => row.isPrimaryLeader),
  issuedAt: indexed.instant((row: ResponsibilityLedgerRow) => row.issuedAt),
  supersededAt: indexed.instant((row: ResponsibilityLedgerRow) => row.supersededAt),
  acknowledged: indexed.boolean((row: ResponsibilityLedgerRow) => row.acknowledged),
  duties: indexed.integer((row: ResponsibilityLedgerRow) => row.duties),
  dutiesCompleted: indexed.integer((row: ResponsibilityLedgerRow) => row.dutiesCompleted),
  staffingDuties: indexed.integer((row: ResponsibilityLedgerRow) => row.staffingDuties),
  staffingSatisfied: indexed.integer((row: ResponsibilityLedgerRow) => row.staffingSatisfied),
  requiredHeadcount: indexed.integer((row: ResponsibilityLedgerRow) => row.requiredHeadcount),
  designatedHeadcount: indexed.integer((row: ResponsibilityLedgerRow) => row.designatedHeadcount),
  dualDutyGap: indexed.boolean((row: ResponsibilityLedgerRow) => row.dualDutyGap),
  lacksOverallLead: indexed.boolean((row: ResponsibilityLedgerRow) => row.lacksOverallLead),
};

/** The projection name of the responsibility ledger. */
export const RESPONSIBILITY_LEDGER = 'responsibility-ledger';

/** The responsibility ledger (P-17): one row per assignment. */
export function createResponsibilityLedgerProjection() {
  return defineProjection<
    ResponsibilityLedgerRow,
    ResponsibilityEvent,
    typeof responsibilityLedgerFields
  >({
    name: RESPONSIBILITY_LEDGER,
    version: 1,
    handles: responsibilityEvents.map((definition) => definition.type),
    documentId: (event: StoredEvent<ResponsibilityEvent>) => event.data.assignmentId,
    init: (assignmentId, event) => rowOf(initialResponsibilityState(), assignmentId, event),
    apply: (row, event) => {
      const previous = isDraft(row) ? current(row) : (row as ResponsibilityLedgerRow);
      const next = rowOf(evolveResponsibility(previous.state, event), previous.assignmentId, event);
      next.issuedAt = previous.issuedAt ?? next.issuedAt;
      next.supersededAt =
        event.type === 'AssignmentSuperseded' ? event.data.occurredAt : previous.supersededAt;
      return next;
    },
    fields: responsibilityLedgerFields,
    indexes: [['listId', 'issuedAt']],
  });
}

/** Derives the coverage facts of a state (the whole row is recomputed on every event). */
function rowOf(
  state: ResponsibilityState,
  assignmentId: string,
  event: StoredEvent<ResponsibilityEvent>,
): ResponsibilityLedgerRow {
  if (!isStartedAssignment(state)) {
    return {
      state,
      assignmentId,
      listId: event.data.listId,
      listKind: null,
      year: null,
      issuerOrgId: null,
      assigneeKind: null,
      assigneeId: null,
      isPrimaryLeader: false,
      issuedAt: null,
      supersededAt: null,
      acknowledged: false,
      duties: 0,
      dutiesCompleted: 0,
      staffingDuties: 0,
      staffingSatisfied: 0,
      requiredHeadcount: 0,
      designatedHeadcount: 0,
      dualDutyGapDomains: [],
      dualDutyGap: false,
      lacksOverallLead: false,
    };
  }
  const staffing = state.duties.filter((duty) => duty.kind === 'staffing');
  const gaps = dualDutyGaps(state.assignee, state.portfolio, state.duties);
  return {
    state,
    assignmentId,
    listId: state.listId,
    listKind: state.listKind,
    year: state.period.year,
    issuerOrgId: state.issuerOrgId,
    assigneeKind: state.assignee.kind,
    assigneeId: state.assignee.id,
    isPrimaryLeader: state.assignee.isPrimaryLeader,
    issuedAt: state.issuedAt,
    supersededAt: null,
    acknowledged: state.documentVersion > 0 && state.acknowledgedVersion >= state.documentVersion,
    duties: state.duties.length,
    dutiesCompleted: state.duties.filter((duty) => state.completedDuties[duty.dutyId] !== undefined)
      .length,
    staffingDuties: staffing.length,
    staffingSatisfied: staffing.filter((duty) => isStaffingSatisfied(state, duty.dutyId)).length,
    requiredHeadcount: staffing.reduce((sum, duty) => sum + (duty.requiredHeadcount ?? 0), 0),
    designatedHeadcount: staffing.reduce(
      (sum, duty) => sum + activeStaff(state, duty.dutyId).length,
      0,
    ),
    dualDutyGapDomains: gaps,
    dualDutyGap: gaps.length > 0,
    lacksOverallLead: lacksOverallLead(state),
  };
}
