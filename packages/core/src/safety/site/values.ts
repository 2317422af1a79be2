import { z } from 'zod';

/** How a safety management agreement is made (MT-3): a standalone agreement or clauses of the lease. */
export const AgreementFormSchema = z.enum(['standalone', 'lease_clauses']);
/** An `AgreementForm`, as `AgreementFormSchema` parses it. */
export type AgreementForm = z.infer<typeof AgreementFormSchema>;

/**
 * The duties a safety management agreement allocates between landlord and tenant. MT-3 requires
 * `hazard_management` (each party's duties for hazard investigation, rectification and control).
 */
export const AgreementCoverSchema = z.enum([
  'hazard_management',
  'emergency_response',
  'fire_safety',
  'hazardous_operations',
  'training',
]);
/** An `AgreementCover`, as `AgreementCoverSchema` parses it. */
export type AgreementCover = z.infer<typeof AgreementCoverSchema>;

/** Safety devices the landlord installs on the site (MT-7). */
export const DeviceKindSchema = z.enum(['one_key_alarm_broadcaster', 'smoke_detector']);
/** A `DeviceKind`, as `DeviceKindSchema` parses it. */
export type DeviceKind = z.infer<typeof DeviceKindSchema>;
