import { z } from 'zod';
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

const text = z.string().min(1);
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z
    .object({
      type: z.literal(type),
      actor: SafetyActorSchema,
      /** Business time (G-4); defaults to the handler's clock. */
      occurredAt: InstantSchema.optional(),
      ...shape,
    })
    .strict();

/** Register (录入) a small venue. Duplicates are refused by `createVenueRegistry` (V-1). */
export const RegisterVenueSchema = command('RegisterVenue', {
  venueId: text,
  name: text,
  address: text,
  category: VenueCategorySchema,
  areaId: text,
  operator: VenueOperatorSchema,
  uscc: text.optional(),
  riskColor: RiskColorSchema.default('blue'),
});

/** Update the profile; only the given fields change. A category change may invalidate the industry marking (V-6). */
export const UpdateVenueProfileSchema = command('UpdateVenueProfile', {
  name: text.optional(),
  address: text.optional(),
  category: VenueCategorySchema.optional(),
  operator: VenueOperatorSchema.optional(),
  uscc: text.optional(),
  riskColor: RiskColorSchema.optional(),
});

/** Mark (标注) a responsible party: an organisation, or for `fire_advisor` a person (V-2). */
export const MarkResponsiblePartySchema = command('MarkResponsibleParty', {
  role: MarkingRoleSchema,
  orgId: text.optional(),
  personId: text.optional(),
});

/** Remove a marking. */
export const UnmarkResponsiblePartySchema = command('UnmarkResponsibleParty', {
  role: MarkingRoleSchema,
  orgId: text.optional(),
  personId: text.optional(),
  reason: text,
});

/** Record a patrol (巡查) or a regulator spot check (V-3, V-7). */
export const RecordPatrolSchema = command('RecordPatrol', {
  mode: InspectionModeSchema.default('onsite'),
  kind: PatrolKindSchema.default('routine'),
  result: text,
  hazardsFound: z.number().int().min(0).default(0),
});

/** Record the operator's self-check (自查) (V-4). */
export const RecordSelfCheckSchema = command('RecordSelfCheck', {
  checklist: text,
  issuesFound: z.number().int().min(0).default(0),
});

/** Deregister the venue; refused while it has live hazards (V-5). */
export const DeregisterVenueSchema = command('DeregisterVenue', { reason: text });

/** Any venue command, discriminated by `type`. */
export const VenueCommandSchema = z.discriminatedUnion('type', [
  RegisterVenueSchema,
  UpdateVenueProfileSchema,
  MarkResponsiblePartySchema,
  UnmarkResponsiblePartySchema,
  RecordPatrolSchema,
  RecordSelfCheckSchema,
  DeregisterVenueSchema,
]);

/** A venue command as callers write it. */
export type VenueCommand = z.input<typeof VenueCommandSchema>;
/** A venue command after parsing (defaults applied). */
export type ParsedVenueCommand = z.output<typeof VenueCommandSchema>;
/** The type name of any venue command. */
export type VenueCommandType = VenueCommand['type'];
