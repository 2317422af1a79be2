import type { LocalDate } from '../calendar/local-date.js';
import type { SubjectRef } from '../directory/subject.js';
import type { HazardGrade } from '../hazard/values.js';
import type { InspectionEvent } from './events.js';
import type { InspectionKind, InspectionMode, OnSiteMeasureKind } from './values.js';

/** Lifecycle states of §4.4; `completed` and `cancelled` are immutable (I-2). */
export type InspectionStatus = 'scheduled' | 'in_progress' | 'completed' | 'cancelled';

/** One finding as the inspection keeps it. */
export interface InspectionFinding {
  readonly findingId: string;
  readonly proposedGrade: HazardGrade;
  readonly deadline: LocalDate | null;
}

/** One written order or measure and the findings it covers. */
export interface InspectionInstrument {
  readonly ref: string;
  readonly kind: 'rectification_order' | OnSiteMeasureKind;
  readonly findingIds: readonly string[];
}

/** An inspection that was scheduled. */
export interface ScheduledInspection {
  readonly status: InspectionStatus;
  readonly version: number;
  readonly inspectionId: string;
  readonly kind: InspectionKind;
  readonly subject: SubjectRef;
  readonly orgId: string;
  readonly areaId: string;
  readonly inspectorIds: readonly string[];
  readonly expertIds: readonly string[];
  readonly campaignIds: readonly string[];
  readonly mode: InspectionMode;
  readonly unannounced: boolean;
  readonly scheduledAt: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly findings: readonly InspectionFinding[];
  readonly instruments: readonly InspectionInstrument[];
}

/** The state of an inspection stream. */
export type InspectionState =
  | { readonly status: 'unscheduled'; readonly version: number }
  | ScheduledInspection;

/** The state of a stream with no events. */
export function initialInspectionState(): InspectionState {
  return { status: 'unscheduled', version: 0 };
}

/** True once `InspectionScheduled` was folded. */
export function isScheduledInspection(state: InspectionState): state is ScheduledInspection {
  return state.status !== 'unscheduled';
}

/** Major findings no order or on-site measure covers yet (I-3). */
export function uncoveredMajorFindings(state: ScheduledInspection): string[] {
  const covered = new Set(state.instruments.flatMap((instrument) => instrument.findingIds));
  return state.findings
    .filter((finding) => finding.proposedGrade === 'major' && !covered.has(finding.findingId))
    .map((finding) => finding.findingId);
}

/** Folds one inspection event; pure. */
export function evolveInspection(state: InspectionState, event: InspectionEvent): InspectionState {
  const version = state.version + 1;
  if (event.type === 'InspectionScheduled') {
    const data = event.data;
    return {
      status: 'scheduled',
      version,
      inspectionId: data.inspectionId,
      kind: data.kind,
      subject: data.subject,
      orgId: data.orgId,
      areaId: data.areaId,
      inspectorIds: data.inspectorIds,
      expertIds: data.expertIds,
      campaignIds: data.campaignIds,
      mode: data.mode,
      unannounced: data.unannounced,
      scheduledAt: data.occurredAt,
      startedAt: null,
      endedAt: null,
      findings: [],
      instruments: [],
    };
  }
  if (!isScheduledInspection(state)) return { status: 'unscheduled', version };
  switch (event.type) {
    case 'InspectionStarted':
      return { ...state, version, status: 'in_progress', startedAt: event.data.occurredAt };
    case 'FindingRecorded': {
      const { findingId, proposedGrade, deadline } = event.data;
      return {
        ...state,
        version,
        findings: [...state.findings, { findingId, proposedGrade, deadline }],
      };
    }
    case 'RectificationOrderIssued': {
      const order = {
        ref: event.data.orderNo,
        kind: 'rectification_order' as const,
        findingIds: event.data.findingIds,
      };
      return { ...state, version, instruments: [...state.instruments, order] };
    }
    case 'OnSiteMeasureImposed': {
      const { measureRef, kind, findingIds } = event.data;
      const measure = { ref: measureRef, kind, findingIds };
      return { ...state, version, instruments: [...state.instruments, measure] };
    }
    case 'InspectionCompleted':
      return { ...state, version, status: 'completed', endedAt: event.data.occurredAt };
    case 'InspectionCancelled':
      return { ...state, version, status: 'cancelled', endedAt: event.data.occurredAt };
  }
}
