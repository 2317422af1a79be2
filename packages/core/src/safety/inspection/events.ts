import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { SubjectRefSchema } from '../directory/subject.js';
import { InstantSchema } from '../general/instant.js';
import { HazardGradeSchema, HazardNatureSchema, MajorBasisSchema } from '../hazard/values.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { InspectionKindSchema, InspectionModeSchema, OnSiteMeasureKindSchema } from './values.js';

// Business time and actor travel in the payload, as for hazards: policies (PO-1…PO-3) and read
// models (P-8, P-9) must see who acted when without opening other streams.
const base = z.object({
  inspectionId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);
const ids = z.array(text);
// Snapshots copied into the events policies and counts read (G-8).
const snapshot = {
  kind: InspectionKindSchema,
  subject: SubjectRefSchema,
  orgId: text,
  areaId: text,
  campaignIds: ids,
};

/** An inspection was planned. */
export const InspectionScheduled = defineEvent(
  'InspectionScheduled',
  base.extend({
    ...snapshot,
    inspectorIds: ids.min(1),
    expertIds: ids,
    mode: InspectionModeSchema,
    unannounced: z.boolean(),
    plannedDate: LocalDateSchema.nullable(),
  }),
  { schemaVersion: 1 },
);

/** The inspection began (I-7 held at this moment). */
export const InspectionStarted = defineEvent('InspectionStarted', base, { schemaVersion: 1 });

/** A finding was recorded; PO-1 turns it into exactly one hazard (I-5). */
export const FindingRecorded = defineEvent(
  'FindingRecorded',
  base.extend({
    ...snapshot,
    findingId: text,
    description: text,
    location: text,
    nature: HazardNatureSchema,
    proposedGrade: HazardGradeSchema,
    majorBasis: MajorBasisSchema.nullable(),
    safetyNotAssured: z.boolean(),
    deadline: LocalDateSchema.nullable(),
    rectifiedOnSpot: z.object({ actionsTaken: text }).strict().nullable(),
  }),
  { schemaVersion: 1 },
);

/** A written rectification order was issued for some findings (PO-2). */
export const RectificationOrderIssued = defineEvent(
  'RectificationOrderIssued',
  base.extend({
    orderNo: text,
    findingIds: ids.min(1),
    deadline: LocalDateSchema,
    orgId: text,
    approvedBy: text.nullable(),
  }),
  { schemaVersion: 1 },
);

/** A written on-site measure was imposed (PO-3 for a suspension). */
export const OnSiteMeasureImposed = defineEvent(
  'OnSiteMeasureImposed',
  base.extend({
    measureRef: text,
    kind: OnSiteMeasureKindSchema,
    findingIds: ids.min(1),
    orgId: text,
    approvedBy: text.nullable(),
  }),
  { schemaVersion: 1 },
);

/** The inspection was completed: one visit (家次) of its subject (I-6). */
export const InspectionCompleted = defineEvent(
  'InspectionCompleted',
  base.extend({
    ...snapshot,
    findingCount: z.number().int().min(0),
    majorCount: z.number().int().min(0),
    recordRef: text,
  }),
  { schemaVersion: 1 },
);

/** The inspection was cancelled before any finding. */
export const InspectionCancelled = defineEvent(
  'InspectionCancelled',
  base.extend({ reason: text }),
  { schemaVersion: 1 },
);

/** Every inspection event definition. */
export const inspectionEvents = [
  InspectionScheduled,
  InspectionStarted,
  FindingRecorded,
  RectificationOrderIssued,
  OnSiteMeasureImposed,
  InspectionCompleted,
  InspectionCancelled,
] as const;

/** Any inspection event. */
export type InspectionEvent =
  | EventOf<typeof InspectionScheduled>
  | EventOf<typeof InspectionStarted>
  | EventOf<typeof FindingRecorded>
  | EventOf<typeof RectificationOrderIssued>
  | EventOf<typeof OnSiteMeasureImposed>
  | EventOf<typeof InspectionCompleted>
  | EventOf<typeof InspectionCancelled>;

/** The type name of any inspection event. */
export type InspectionEventType = InspectionEvent['type'];
