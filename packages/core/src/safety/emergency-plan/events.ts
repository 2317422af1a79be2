import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { PlanKindSchema } from '../activity/values.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';

const text = z.string().min(1);
const base = z.object({ planId: text, occurredAt: InstantSchema, actor: SafetyActorSchema });
const version = z.number().int().min(1);

/** A plan was drafted as version 1. */
export const PlanDrafted = defineEvent(
  'PlanDrafted',
  base.extend({
    kind: PlanKindSchema,
    title: text,
    ownerOrgId: text.nullable(),
    ownerEnterpriseId: text.nullable(),
    replacesPlanId: text.nullable(),
    version,
  }),
  { schemaVersion: 1 },
);

/** A new version of the plan was drafted. */
export const PlanRevised = defineEvent('PlanRevised', base.extend({ version, summary: text }), {
  schemaVersion: 1,
});

/** A version was published and became the effective one (EP-1). */
export const PlanPublished = defineEvent('PlanPublished', base.extend({ version }), {
  schemaVersion: 1,
});

/** The plan was retired. */
export const PlanRetired = defineEvent('PlanRetired', base.extend({ reason: text }), {
  schemaVersion: 1,
});

/** Every emergency plan event definition. */
export const emergencyPlanEvents = [PlanDrafted, PlanRevised, PlanPublished, PlanRetired] as const;

/** Any emergency plan event. */
export type EmergencyPlanEvent =
  | EventOf<typeof PlanDrafted>
  | EventOf<typeof PlanRevised>
  | EventOf<typeof PlanPublished>
  | EventOf<typeof PlanRetired>;
