import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import type { ActivityChanges, ActivityEvent } from '../activity/events.js';
import type { ActivityKind, PlanKind } from '../activity/values.js';

/**
 * One row of the activity ledger (宣传培训活动台账), the base of P-20: one activity with its facts
 * as last corrected, and the instant it was recorded, so figures count the activities known at T.
 */
export interface ActivityLedgerRow {
  activityId: string;
  kind: ActivityKind;
  topic: string;
  sectorCode: string | null;
  organizerOrgId: string | null;
  organizerEnterpriseId: string | null;
  /** The local date the activity took place. */
  date: string;
  /** Person-times (人次). */
  participantCount: number;
  enterpriseIds: string[];
  manuals: number;
  posters: number;
  planId: string | null;
  planKind: PlanKind | null;
  /** True when the counts are estimates; figures over it are flagged approximate (§6). */
  approximate: boolean;
  recordedAt: string;
  /** The business time of the last correction, `null` when never corrected. */
  correctedAt: string | null;
}

/** The events the activity ledger reads. */
export const activityLedgerEventTypes = [
  'ActivityRecorded',
  'ActivityCorrected',
] as const satisfies readonly ActivityEvent['type'][];

/** Indexed fields of the activity ledger: every filter, count and sum of P-20 runs on them. */
export const activityLedgerFields = {
  kind: indexed.text((row: ActivityLedgerRow) => row.kind),
  topic: indexed.text((row: ActivityLedgerRow) => row.topic),
  sectorCode: indexed.text((row: ActivityLedgerRow) => row.sectorCode),
  organizerOrgId: indexed.text((row: ActivityLedgerRow) => row.organizerOrgId),
  organizerEnterpriseId: indexed.text((row: ActivityLedgerRow) => row.organizerEnterpriseId),
  date: indexed.date((row: ActivityLedgerRow) => row.date || null),
  participantCount: indexed.integer((row: ActivityLedgerRow) => row.participantCount),
  enterpriseIds: indexed.textArray((row: ActivityLedgerRow) => row.enterpriseIds),
  manuals: indexed.integer((row: ActivityLedgerRow) => row.manuals),
  posters: indexed.integer((row: ActivityLedgerRow) => row.posters),
  planId: indexed.text((row: ActivityLedgerRow) => row.planId),
  approximate: indexed.boolean((row: ActivityLedgerRow) => row.approximate),
  recordedAt: indexed.instant((row: ActivityLedgerRow) => row.recordedAt || null),
};

/** The projection name of the activity ledger. */
export const ACTIVITY_LEDGER = 'activity-ledger';

/**
 * The activity ledger: one row per activity, its facts as last corrected (G-1 corrections are
 * new events; the row follows them). It reads no policy: the activity's own local date is stored.
 */
export function createActivityLedgerProjection() {
  return defineProjection<ActivityLedgerRow, ActivityEvent, typeof activityLedgerFields>({
    name: ACTIVITY_LEDGER,
    version: 1,
    handles: activityLedgerEventTypes,
    documentId: (event: StoredEvent<ActivityEvent>) => event.data.activityId,
    init: (activityId) => emptyRow(activityId),
    apply: (row, event) => {
      if (event.type === 'ActivityRecorded') {
        const d = event.data;
        row.organizerOrgId = d.organizerOrgId;
        row.organizerEnterpriseId = d.organizerEnterpriseId;
        row.recordedAt = d.occurredAt;
        applyFacts(row, d);
        return;
      }
      row.correctedAt = event.data.occurredAt;
      applyFacts(row, event.data.changes);
    },
    fields: activityLedgerFields,
    indexes: [
      ['date', 'kind'],
      ['date', 'topic'],
    ],
  });
}

function applyFacts(row: ActivityLedgerRow, facts: ActivityChanges): void {
  if (facts.kind !== undefined) row.kind = facts.kind;
  if (facts.topic !== undefined) row.topic = facts.topic;
  if (facts.sectorCode !== undefined) row.sectorCode = facts.sectorCode;
  if (facts.date !== undefined) row.date = facts.date;
  if (facts.participantCount !== undefined) row.participantCount = facts.participantCount;
  if (facts.enterpriseIds !== undefined) row.enterpriseIds = [...facts.enterpriseIds];
  if (facts.materials !== undefined) {
    row.manuals = facts.materials.manuals;
    row.posters = facts.materials.posters;
  }
  if (facts.planId !== undefined) row.planId = facts.planId;
  if (facts.planKind !== undefined) row.planKind = facts.planKind;
  if (facts.approximate !== undefined) row.approximate = facts.approximate;
}

function emptyRow(activityId: string): ActivityLedgerRow {
  return {
    activityId,
    kind: 'training',
    topic: '',
    sectorCode: null,
    organizerOrgId: null,
    organizerEnterpriseId: null,
    date: '',
    participantCount: 0,
    enterpriseIds: [],
    manuals: 0,
    posters: 0,
    planId: null,
    planKind: null,
    approximate: false,
    recordedAt: '',
    correctedAt: null,
  };
}
