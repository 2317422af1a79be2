import { z } from 'zod';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { MONTH } from './duty-stream.js';

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

// Officer and leader are optional here so DR-2, not the schema, rejects a shift without them.
/** One shift of a roster: from `start` (included) to `end` (excluded). */
export const ShiftInputSchema = z
  .object({
    shiftId: text,
    start: InstantSchema,
    end: InstantSchema,
    dutyOfficerId: text.optional(),
    leaderOnCallId: text.optional(),
    reinforced: z.boolean().default(false),
  })
  .strict();

/** Schedule a month's duty roster in one piece, so DR-1 can see the whole month. */
export const ScheduleDutyRosterSchema = command('ScheduleDutyRoster', {
  month: z.string().regex(MONTH, 'expected a month written YYYY-MM'),
  orgId: text,
  shifts: z.array(ShiftInputSchema).min(1),
});

/** Hand a shift over to the next duty officer (交接班). */
export const HandOverShiftSchema = command('HandOverShift', {
  shiftId: text,
  toOfficerId: text,
  notes: z.string().default(''),
});

/** Record that incident information received on duty was reported upward. */
export const ReportIncidentInfoSchema = command('ReportIncidentInfo', {
  incidentRef: text,
  receivedAt: InstantSchema,
  reportedAt: InstantSchema,
  summary: text,
});

/** Any duty roster command, discriminated by `type`. */
export const DutyRosterCommandSchema = z.discriminatedUnion('type', [
  ScheduleDutyRosterSchema,
  HandOverShiftSchema,
  ReportIncidentInfoSchema,
]);

/** A duty roster command as callers write it. */
export type DutyRosterCommand = z.input<typeof DutyRosterCommandSchema>;
/** A duty roster command after parsing. */
export type ParsedDutyRosterCommand = z.output<typeof DutyRosterCommandSchema>;
/** The `ScheduleDutyRoster` command as callers write it. */
export type ScheduleDutyRoster = z.input<typeof ScheduleDutyRosterSchema>;
/** One shift of `ScheduleDutyRoster` as callers write it. */
export type ShiftInput = z.input<typeof ShiftInputSchema>;
