import { z } from 'zod';

/** An area of §2: a park, town or street (the smallest unit of territorial jurisdiction). */
export const AreaSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['park', 'town', 'street']),
  })
  .strict();
/** A `Area`, as `AreaSchema` parses it. */
export type Area = z.infer<typeof AreaSchema>;

/**
 * Registry data of an enterprise that authorisation and snapshots need. `supervisingOrgId` is the
 * regulator a self-found hazard is supervised by when the command names none.
 */
export const EnterpriseRecordSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    areaId: z.string().min(1),
    sectorCode: z.string().min(1),
    specialties: z.array(z.string().min(1)).default(() => []),
    supervisingOrgId: z.string().min(1).optional(),
  })
  .strict();
/** A `EnterpriseRecord`, as `EnterpriseRecordSchema` parses it. */
export type EnterpriseRecord = z.infer<typeof EnterpriseRecordSchema>;

/** A small public-facing venue (社会面小场所); `enterpriseId` when a registered enterprise runs it. */
export const VenueRecordSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    areaId: z.string().min(1),
    category: z.string().min(1),
    specialties: z.array(z.string().min(1)).default(() => []),
    enterpriseId: z.string().min(1).optional(),
    supervisingOrgId: z.string().min(1).optional(),
  })
  .strict();
/** A `VenueRecord`, as `VenueRecordSchema` parses it. */
export type VenueRecord = z.infer<typeof VenueRecordSchema>;

/** A multi-tenant site (厂中厂): the landlord and the tenants currently operating on it. */
export const SiteRecordSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    areaId: z.string().min(1),
    landlordEnterpriseId: z.string().min(1),
    tenantEnterpriseIds: z.array(z.string().min(1)).default(() => []),
    specialties: z.array(z.string().min(1)).default(() => []),
    supervisingOrgId: z.string().min(1).optional(),
  })
  .strict();
/** A `SiteRecord`, as `SiteRecordSchema` parses it. */
export type SiteRecord = z.infer<typeof SiteRecordSchema>;
