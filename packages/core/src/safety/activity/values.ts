import { z } from 'zod';

/** Kinds of activity the article counts (spec §4.9); labels in the `activityKind` vocabulary. */
export const ActivityKindSchema = z.enum([
  'training',
  'key_sector_training',
  'expert_lecture',
  'deployment_meeting',
  'drill',
  'competition',
  'outreach_event',
  'exhibition_visit',
  'materials_distribution',
]);
/** A kind of activity. */
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/**
 * Kinds of emergency plan (MEM emergency-plan rules): comprehensive, special, on-site procedure.
 * A drill carries the kind of the plan it exercises so A-3 can count drills by kind without
 * reading the plan's stream (a G-8 snapshot).
 */
export const PlanKindSchema = z.enum(['comprehensive', 'special', 'on_site']);
/** A kind of emergency plan. */
export type PlanKind = z.infer<typeof PlanKindSchema>;

// Counts are integers here and checked for sign by A-1 in `decide`, so a negative count cites the rule.
const count = z.number().int();

/** Materials handed out at an activity (宣传资料): manuals and posters, as counted by the article. */
export const MaterialsInputSchema = z
  .object({ manuals: count.default(0), posters: count.default(0) })
  .strict();
/** Materials as recorded. */
export type Materials = z.output<typeof MaterialsInputSchema>;
