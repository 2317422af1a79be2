import { z } from 'zod';
import { PlanKindSchema } from '../activity/values.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';

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

/**
 * Draft a plan: version 1, not yet effective (EP-1). The owner is an organisation or an
 * enterprise, exactly one. `replacesPlanId` marks a rewritten plan, whose first publication
 * counts as "revised and published" (EP-1).
 */
export const DraftPlanSchema = command('DraftPlan', {
  planId: text,
  kind: PlanKindSchema,
  title: text,
  ownerOrgId: text.optional(),
  ownerEnterpriseId: text.optional(),
  replacesPlanId: text.optional(),
});

/** Revise the plan: a new version, effective only once published (EP-1). */
export const RevisePlanSchema = command('RevisePlan', { summary: text });

/** Publish a version: it must be the latest, unpublished one (EP-1). */
export const PublishPlanSchema = command('PublishPlan', { version: z.number().int().min(1) });

/** Retire the plan: no version is effective from then on. */
export const RetirePlanSchema = command('RetirePlan', { reason: text });

/** Any emergency plan command, discriminated by `type`. */
export const EmergencyPlanCommandSchema = z.discriminatedUnion('type', [
  DraftPlanSchema,
  RevisePlanSchema,
  PublishPlanSchema,
  RetirePlanSchema,
]);

/** An emergency plan command as callers write it. */
export type EmergencyPlanCommand = z.input<typeof EmergencyPlanCommandSchema>;
/** An emergency plan command after parsing. */
export type ParsedEmergencyPlanCommand = z.output<typeof EmergencyPlanCommandSchema>;
/** The `DraftPlan` command as callers write it. */
export type DraftPlan = z.input<typeof DraftPlanSchema>;
