import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { ActivityKindSchema, PlanKindSchema } from './values.js';

const text = z.string().min(1);
const base = z.object({ activityId: text, occurredAt: InstantSchema, actor: SafetyActorSchema });

/** The facts of an activity that a correction may change. */
export const ActivityFactsSchema = z.object({
  kind: ActivityKindSchema,
  topic: text,
  sectorCode: text.nullable(),
  date: LocalDateSchema,
  participantCount: z.number().int().nonnegative(),
  enterpriseIds: z.array(text),
  materials: z.object({
    manuals: z.number().int().nonnegative(),
    posters: z.number().int().nonnegative(),
  }),
  planId: text.nullable(),
  planKind: PlanKindSchema.nullable(),
  approximate: z.boolean(),
});
/** The correctable facts of an activity. */
export type ActivityFacts = z.output<typeof ActivityFactsSchema>;

/** The changed facts of a correction. */
export type ActivityChanges = z.output<ReturnType<typeof ActivityFactsSchema.partial>>;

/** An activity took place and was recorded. */
export const ActivityRecorded = defineEvent(
  'ActivityRecorded',
  base.extend({
    organizerOrgId: text.nullable(),
    organizerEnterpriseId: text.nullable(),
    ...ActivityFactsSchema.shape,
  }),
  { schemaVersion: 1 },
);

/** Recorded facts of an activity were corrected; `changes` holds only the changed fields. */
export const ActivityCorrected = defineEvent(
  'ActivityCorrected',
  base.extend({ reason: text, changes: ActivityFactsSchema.partial() }),
  { schemaVersion: 1 },
);

/** Every activity event definition. */
export const activityEvents = [ActivityRecorded, ActivityCorrected] as const;

/** Any activity event. */
export type ActivityEvent = EventOf<typeof ActivityRecorded> | EventOf<typeof ActivityCorrected>;
