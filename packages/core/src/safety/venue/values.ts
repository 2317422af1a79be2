import { z } from 'zod';

/** Venue categories of §4.6 (九小场所 and crowded places). */
export const VenueCategorySchema = z.enum([
  'small_shop',
  'small_restaurant',
  'small_hotel',
  'small_entertainment',
  'small_beauty',
  'small_clinic',
  'small_training',
  'small_workshop',
  'mixed_use',
  'crowded_place',
]);
/** A `VenueCategory`, as `VenueCategorySchema` parses it. */
export type VenueCategory = z.infer<typeof VenueCategorySchema>;

/** Risk colour: red, orange, yellow, blue for major, significant, general, low risk. */
export const RiskColorSchema = z.enum(['blue', 'yellow', 'orange', 'red']);
/** A `RiskColor`, as `RiskColorSchema` parses it. */
export type RiskColor = z.infer<typeof RiskColorSchema>;

/** The four responsible parties marked for a venue (标注, V-2). */
export const MarkingRoleSchema = z.enum(['territorial', 'industry', 'special', 'fire_advisor']);
/** A `MarkingRole`, as `MarkingRoleSchema` parses it. */
export type MarkingRole = z.infer<typeof MarkingRoleSchema>;

/** Routine patrol or regulator spot check (V-7). */
export const PatrolKindSchema = z.enum(['routine', 'spot_check']);
/** A `PatrolKind`, as `PatrolKindSchema` parses it. */
export type PatrolKind = z.infer<typeof PatrolKindSchema>;

/** The organisation kind each organisation marking requires (V-2). */
export const markingOrgKind = {
  territorial: 'territorial',
  industry: 'industry',
  special: 'special',
} as const;

/** The operator of a venue: a name, and the `VenueOperator` person when there is one. */
export const VenueOperatorSchema = z
  .object({ name: z.string().min(1), personId: z.string().min(1).optional() })
  .strict();
/** A `VenueOperator`, as `VenueOperatorSchema` parses it. */
export type VenueOperatorInfo = z.infer<typeof VenueOperatorSchema>;
