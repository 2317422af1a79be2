import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { ActivityKindSchema, MaterialsInputSchema, PlanKindSchema } from './values.js';

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

/** The facts of an activity a correction may change; the organiser is fixed at recording. */
const correctable = {
  kind: ActivityKindSchema,
  topic: text,
  sectorCode: text.nullable(),
  date: LocalDateSchema,
  /** Person-times (人次); checked by A-1 rather than by the schema, so a negative count cites the rule. */
  participantCount: z.number().int(),
  enterpriseIds: z.array(text),
  materials: MaterialsInputSchema,
  /** Only a drill may name the plan it exercises. */
  planId: text.nullable(),
  /** The kind of the plan a drill exercises (A-2, counted by A-3). */
  planKind: PlanKindSchema.nullable(),
  /** True when the counts are estimates (约): read models flag approximate figures. */
  approximate: z.boolean(),
};

/**
 * Record an activity once it has taken place. The organiser is an organisation
 * (`organizerOrgId`) or, for an enterprise's own training or drill, the enterprise
 * (`organizerEnterpriseId`): exactly one of them.
 */
export const RecordActivitySchema = command('RecordActivity', {
  activityId: text,
  kind: correctable.kind,
  topic: correctable.topic,
  sectorCode: text.optional(),
  organizerOrgId: text.optional(),
  organizerEnterpriseId: text.optional(),
  date: correctable.date,
  participantCount: correctable.participantCount,
  enterpriseIds: correctable.enterpriseIds.default(() => []),
  materials: MaterialsInputSchema.default(() => ({ manuals: 0, posters: 0 })),
  planId: text.optional(),
  planKind: PlanKindSchema.optional(),
  approximate: z.boolean().default(false),
});

/** Correct recorded facts of an activity (G-1: a new event, never an edit); fields left out keep their value. */
export const CorrectActivitySchema = command('CorrectActivity', {
  reason: text,
  ...z.object(correctable).partial().shape,
});

/** Any activity command, discriminated by `type`. */
export const ActivityCommandSchema = z.discriminatedUnion('type', [
  RecordActivitySchema,
  CorrectActivitySchema,
]);

/** An activity command as callers write it. */
export type ActivityCommand = z.input<typeof ActivityCommandSchema>;
/** An activity command after parsing. */
export type ParsedActivityCommand = z.output<typeof ActivityCommandSchema>;
/** The `RecordActivity` command as callers write it. */
export type RecordActivity = z.input<typeof RecordActivitySchema>;
/** The `CorrectActivity` command as callers write it. */
export type CorrectActivity = z.input<typeof CorrectActivitySchema>;
