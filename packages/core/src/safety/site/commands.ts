import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { AgreementCoverSchema, AgreementFormSchema, DeviceKindSchema } from './values.js';

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

/** Register a multi-tenant site (厂中厂) and its landlord. */
export const RegisterSiteSchema = command('RegisterSite', {
  siteId: text,
  landlordEnterpriseId: text,
  name: text,
  address: text,
  areaId: text,
});

// `qualificationChecked` is a boolean rather than `true`, so MT-2 rather than the schema
// rejects an unchecked tenant and the rejection cites the statute.
/** Register a tenancy: a unit operating on leased premises of the site. */
export const RegisterTenancySchema = command('RegisterTenancy', {
  tenancyId: text,
  tenantEnterpriseId: text,
  /** True when the tenant produces or stores goods there (not an office or a warehouse only). */
  productive: z.boolean(),
  premisesPart: text,
  startDate: LocalDateSchema,
  endDate: LocalDateSchema.optional(),
  qualificationChecked: z.boolean(),
});

// Signatories are optional in the schema so MT-3 can name every missing part at once.
/** Sign the safety management agreement of a tenancy (MT-3). */
export const SignSafetyAgreementSchema = command('SignSafetyAgreement', {
  tenancyId: text,
  landlordSignatoryId: text.optional(),
  tenantSignatoryId: text.optional(),
  form: AgreementFormSchema,
  covers: z.array(AgreementCoverSchema).default(() => []),
});

/** Record the landlord's check of a tenant (MT-5). */
export const RecordLandlordCheckSchema = command('RecordLandlordCheck', {
  tenancyId: text,
  findingsCount: z.number().int().min(0),
  hazardIds: z.array(text).default(() => []),
});

// `count` is any number here: MT-7 rejects zero, negative and fractional counts with its rule id.
/** Record safety devices installed on the site (MT-7). */
export const RecordDeviceInstallationSchema = command('RecordDeviceInstallation', {
  kind: DeviceKindSchema,
  count: z.number(),
});

/** End a tenancy (MT-8). */
export const EndTenancySchema = command('EndTenancy', {
  tenancyId: text,
  endDate: LocalDateSchema,
});

/** Any of the six multi-tenant site commands, discriminated by `type`. */
export const SiteCommandSchema = z.discriminatedUnion('type', [
  RegisterSiteSchema,
  RegisterTenancySchema,
  SignSafetyAgreementSchema,
  RecordLandlordCheckSchema,
  RecordDeviceInstallationSchema,
  EndTenancySchema,
]);

/** A multi-tenant site command as callers write it (defaults not yet applied). */
export type SiteCommand = z.input<typeof SiteCommandSchema>;
/** A multi-tenant site command after parsing (defaults applied). */
export type ParsedSiteCommand = z.output<typeof SiteCommandSchema>;
/** The type name of any multi-tenant site command. */
export type SiteCommandType = SiteCommand['type'];

/** The `RegisterSite` command as callers write it. */
export type RegisterSite = z.input<typeof RegisterSiteSchema>;
/** The `RegisterTenancy` command as callers write it. */
export type RegisterTenancy = z.input<typeof RegisterTenancySchema>;
/** The `SignSafetyAgreement` command as callers write it. */
export type SignSafetyAgreement = z.input<typeof SignSafetyAgreementSchema>;
/** The `RecordLandlordCheck` command as callers write it. */
export type RecordLandlordCheck = z.input<typeof RecordLandlordCheckSchema>;
/** The `RecordDeviceInstallation` command as callers write it. */
export type RecordDeviceInstallation = z.input<typeof RecordDeviceInstallationSchema>;
/** The `EndTenancy` command as callers write it. */
export type EndTenancy = z.input<typeof EndTenancySchema>;
