import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { InstantSchema } from '../general/instant.js';
import { InspectionModeSchema } from '../inspection/values.js';
import { SafetyActorSchema } from '../roles/actor.js';
import {
  MarkingRoleSchema,
  PatrolKindSchema,
  RiskColorSchema,
  VenueCategorySchema,
  VenueOperatorSchema,
} from './values.js';

const base = z.object({
  venueId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);

/** A venue was registered (录入). */
export const VenueRegistered = defineEvent(
  'VenueRegistered',
  base.extend({
    name: text,
    address: text,
    category: VenueCategorySchema,
    areaId: text,
    operator: VenueOperatorSchema,
    uscc: text.nullable(),
    riskColor: RiskColorSchema,
  }),
  { schemaVersion: 1 },
);

/** The profile changed; only the changed fields appear. */
export const VenueProfileUpdated = defineEvent(
  'VenueProfileUpdated',
  base.extend({
    name: text.optional(),
    address: text.optional(),
    category: VenueCategorySchema.optional(),
    operator: VenueOperatorSchema.optional(),
    uscc: text.optional(),
    riskColor: RiskColorSchema.optional(),
  }),
  { schemaVersion: 1 },
);

// One shape for both marking events: an organisation, or a person for `fire_advisor`.
const party = { role: MarkingRoleSchema, orgId: text.nullable(), personId: text.nullable() };

/** A responsible party was marked (标注) (V-2); `areaId` and `category` are the venue's at that moment (G-8). */
export const VenueResponsiblePartyMarked = defineEvent(
  'VenueResponsiblePartyMarked',
  base.extend({ ...party, areaId: text, category: VenueCategorySchema }),
  { schemaVersion: 1 },
);

/** A marking was removed, or replaced by a new one of a single-valued role. */
export const VenueResponsiblePartyUnmarked = defineEvent(
  'VenueResponsiblePartyUnmarked',
  base.extend({ ...party, reason: text }),
  { schemaVersion: 1 },
);

/** A patrol or a regulator spot check (V-3, V-7). */
export const VenuePatrolled = defineEvent(
  'VenuePatrolled',
  base.extend({
    mode: InspectionModeSchema,
    kind: PatrolKindSchema,
    result: text,
    hazardsFound: z.number().int().min(0),
    areaId: text,
  }),
  { schemaVersion: 1 },
);

/** The operator completed a self-check (V-4). */
export const VenueSelfCheckCompleted = defineEvent(
  'VenueSelfCheckCompleted',
  base.extend({ checklist: text, issuesFound: z.number().int().min(0) }),
  { schemaVersion: 1 },
);

/** The venue was deregistered (V-5). Terminal. */
export const VenueDeregistered = defineEvent('VenueDeregistered', base.extend({ reason: text }), {
  schemaVersion: 1,
});

/** Every venue event definition. */
export const venueEvents = [
  VenueRegistered,
  VenueProfileUpdated,
  VenueResponsiblePartyMarked,
  VenueResponsiblePartyUnmarked,
  VenuePatrolled,
  VenueSelfCheckCompleted,
  VenueDeregistered,
] as const;

/** Any venue event. */
export type VenueEvent =
  | EventOf<typeof VenueRegistered>
  | EventOf<typeof VenueProfileUpdated>
  | EventOf<typeof VenueResponsiblePartyMarked>
  | EventOf<typeof VenueResponsiblePartyUnmarked>
  | EventOf<typeof VenuePatrolled>
  | EventOf<typeof VenueSelfCheckCompleted>
  | EventOf<typeof VenueDeregistered>;

/** The type name of any venue event. */
export type VenueEventType = VenueEvent['type'];
