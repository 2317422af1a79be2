import { z } from 'zod';

/** Organisation kinds of §2; the first four are regulators (负有安全生产监督管理职责的部门). */
export const OrganizationKindSchema = z.enum([
  'safety',
  'territorial',
  'industry',
  'special',
  'committee_office',
  'government',
  'supervision_team',
  'court',
  'procuratorate',
  'other_department',
]);
/** A `OrganizationKind`, as `OrganizationKindSchema` parses it. */
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

/** Administrative levels of §2, from the top down. */
export const OrganizationLevelSchema = z.enum([
  'national',
  'province',
  'city',
  'district',
  'park_or_town',
]);
/** A `OrganizationLevel`, as `OrganizationLevelSchema` parses it. */
export type OrganizationLevel = z.infer<typeof OrganizationLevelSchema>;

/** Organisation kinds with a statutory work-safety supervision duty (`Regulator`). */
export const regulatorKinds: readonly OrganizationKind[] = [
  'safety',
  'territorial',
  'industry',
  'special',
];

/**
 * A government organisation. `areaIds` is its jurisdiction (`'all'` for a body above every area
 * it will meet); `sectorCodes` and `venueCategories` bound an industry regulator; `specialties`
 * (fire, special_equipment, gas, lightning, explosives, …) bound a special regulator.
 */
export const OrganizationSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: OrganizationKindSchema,
    level: OrganizationLevelSchema,
    areaIds: z.union([z.literal('all'), z.array(z.string().min(1))]),
    sectorCodes: z.array(z.string().min(1)).default(() => []),
    venueCategories: z.array(z.string().min(1)).default(() => []),
    specialties: z.array(z.string().min(1)).default(() => []),
  })
  .strict();
/** A `Organization`, as `OrganizationSchema` parses it. */
export type Organization = z.infer<typeof OrganizationSchema>;

/** True when the organisation is a regulator (safety, territorial, industry or special). */
export function isRegulator(org: Organization): boolean {
  return regulatorKinds.includes(org.kind);
}
