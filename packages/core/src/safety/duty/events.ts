import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';

const base = z.object({
  month: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);

/** One shift of the month's roster was scheduled (DR-1…DR-3). */
export const ShiftScheduled = defineEvent(
  'ShiftScheduled',
  base.extend({
    orgId: text,
    shiftId: text,
    start: InstantSchema,
    end: InstantSchema,
    dutyOfficerId: text,
    leaderOnCallId: text,
    reinforced: z.boolean(),
  }),
  { schemaVersion: 1 },
);

/** A shift was handed over to the next duty officer. */
export const ShiftHandedOver = defineEvent(
  'ShiftHandedOver',
  base.extend({ shiftId: text, fromOfficerId: text, toOfficerId: text, notes: z.string() }),
  { schemaVersion: 1 },
);

/** Incident information received on duty was reported upward. */
export const IncidentInfoReported = defineEvent(
  'IncidentInfoReported',
  base.extend({
    incidentRef: text,
    receivedAt: InstantSchema,
    reportedAt: InstantSchema,
    summary: text,
  }),
  { schemaVersion: 1 },
);

/** Every duty roster event definition. */
export const dutyRosterEvents = [ShiftScheduled, ShiftHandedOver, IncidentInfoReported] as const;

/** Any duty roster event. */
export type DutyRosterEvent =
  | EventOf<typeof ShiftScheduled>
  | EventOf<typeof ShiftHandedOver>
  | EventOf<typeof IncidentInfoReported>;
