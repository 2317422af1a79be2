import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import type { SubjectKind } from '../directory/subject.js';
import type { InspectionEvent } from '../inspection/events.js';
import type { InspectionKind } from '../inspection/values.js';

/**
 * One row of the inspection ledger (检查台账), the base of P-9 (inspection coverage) and the
 * denominator of P-8 (detection density). Only facts with their instants are stored; whether an
 * inspection counts as a visit at T is decided at query time from `completedAt` (G-6).
 */
export interface InspectionLedgerRow {
  inspectionId: string;
  kind: InspectionKind;
  subjectKind: SubjectKind;
  subjectId: string;
  /**
   * `{kind}:{id}` of the subject: the distinct values over completed inspections are the units
   * inspected (家, I-6), and an enterprise and a venue sharing an id stay apart.
   */
  subjectKey: string;
  /** The inspecting organisation. */
  orgId: string;
  areaId: string;
  campaignIds: string[];
  /** The team as scheduled: inspectors (the first leads) and experts. */
  inspectorIds: string[];
  expertIds: string[];
  /** Inspectors plus experts. */
  teamSize: number;
  /**
   * The team's composition, sorted inspector ids then sorted expert ids: the aggregate records
   * no team id, so a team (服务团) is told apart by who is in it.
   */
  teamKey: string;
  scheduledAt: string;
  /** The visit (家次): `InspectionCompleted`'s business time, `null` until then. */
  completedAt: string | null;
  cancelledAt: string | null;
  findingCount: number | null;
  majorCount: number | null;
}

/** The events the inspection ledger reads. */
export const inspectionLedgerEventTypes = [
  'InspectionScheduled',
  'InspectionCompleted',
  'InspectionCancelled',
] as const satisfies readonly InspectionEvent['type'][];

/** Indexed fields of the inspection ledger: every filter and figure of P-9 runs on them. */
export const inspectionLedgerFields = {
  kind: indexed.text((row: InspectionLedgerRow) => row.kind),
  subjectKind: indexed.text((row: InspectionLedgerRow) => row.subjectKind),
  subjectKey: indexed.text((row: InspectionLedgerRow) => row.subjectKey || null),
  orgId: indexed.text((row: InspectionLedgerRow) => row.orgId || null),
  areaId: indexed.text((row: InspectionLedgerRow) => row.areaId || null),
  campaignIds: indexed.textArray((row: InspectionLedgerRow) => row.campaignIds),
  teamSize: indexed.integer((row: InspectionLedgerRow) => row.teamSize),
  teamKey: indexed.text((row: InspectionLedgerRow) => row.teamKey || null),
  scheduledAt: indexed.instant((row: InspectionLedgerRow) => row.scheduledAt || null),
  completedAt: indexed.instant((row: InspectionLedgerRow) => row.completedAt),
  cancelledAt: indexed.instant((row: InspectionLedgerRow) => row.cancelledAt),
  findingCount: indexed.integer((row: InspectionLedgerRow) => row.findingCount),
  majorCount: indexed.integer((row: InspectionLedgerRow) => row.majorCount),
};

/** The projection name of the inspection ledger. */
export const INSPECTION_LEDGER = 'inspection-ledger';

/** The team key of a team: sorted inspector ids, then sorted expert ids. */
export function inspectionTeamKey(
  inspectorIds: readonly string[],
  expertIds: readonly string[],
): string {
  const sorted = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');
  return `${sorted(inspectorIds)}|${sorted(expertIds)}`;
}

/**
 * The inspection ledger: one row per inspection with the snapshot its events carry (G-8), so
 * counts never read the directory. `InspectionCompleted` carries the snapshot again; the row
 * takes it, so the visit is counted under what was true when it was completed.
 */
export function createInspectionLedgerProjection() {
  return defineProjection<InspectionLedgerRow, InspectionEvent, typeof inspectionLedgerFields>({
    name: INSPECTION_LEDGER,
    version: 1,
    handles: inspectionLedgerEventTypes,
    documentId: (event: StoredEvent<InspectionEvent>) => event.data.inspectionId,
    init: (inspectionId) => emptyRow(inspectionId),
    apply: (row, event) => {
      const at = event.data.occurredAt;
      switch (event.type) {
        case 'InspectionScheduled': {
          const d = event.data;
          Object.assign(row, snapshotOf(d), {
            inspectorIds: [...d.inspectorIds],
            expertIds: [...d.expertIds],
            teamSize: new Set(d.inspectorIds).size + new Set(d.expertIds).size,
            teamKey: inspectionTeamKey(d.inspectorIds, d.expertIds),
            scheduledAt: at,
          });
          break;
        }
        case 'InspectionCompleted': {
          const d = event.data;
          Object.assign(row, snapshotOf(d), {
            completedAt: at,
            findingCount: d.findingCount,
            majorCount: d.majorCount,
          });
          break;
        }
        case 'InspectionCancelled':
          row.cancelledAt = at;
          break;
      }
    },
    fields: inspectionLedgerFields,
    indexes: [
      ['completedAt', 'kind'],
      ['completedAt', 'orgId'],
    ],
  });
}

function snapshotOf(d: {
  kind: InspectionKind;
  subject: { kind: SubjectKind; id: string };
  orgId: string;
  areaId: string;
  campaignIds: readonly string[];
}): Partial<InspectionLedgerRow> {
  return {
    kind: d.kind,
    subjectKind: d.subject.kind,
    subjectId: d.subject.id,
    subjectKey: `${d.subject.kind}:${d.subject.id}`,
    orgId: d.orgId,
    areaId: d.areaId,
    campaignIds: [...d.campaignIds],
  };
}

function emptyRow(inspectionId: string): InspectionLedgerRow {
  return {
    inspectionId,
    kind: 'routine_supervision',
    subjectKind: 'enterprise',
    subjectId: '',
    subjectKey: '',
    orgId: '',
    areaId: '',
    campaignIds: [],
    inspectorIds: [],
    expertIds: [],
    teamSize: 0,
    teamKey: '',
    scheduledAt: '',
    completedAt: null,
    cancelledAt: null,
    findingCount: null,
    majorCount: null,
  };
}
