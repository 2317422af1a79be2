import { z } from 'zod';
import { defineEvent, type EventOf } from '../../eventsourcing/event-definition.js';
import { LocalDateSchema } from '../calendar/local-date.js';
import { InstantSchema } from '../general/instant.js';
import { SafetyActorSchema } from '../roles/actor.js';
import { AgreementCoverSchema, AgreementFormSchema, DeviceKindSchema } from './values.js';

// As for hazards, each payload carries its business time and actor: `evolve` and read models
// need them and a decider returns payloads only.
const base = z.object({
  siteId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: SafetyActorSchema,
});
const text = z.string().min(1);

/** A multi-tenant site (厂中厂) was registered with its landlord. */
export const SiteRegistered = defineEvent(
  'SiteRegistered',
  base.extend({ landlordEnterpriseId: text, name: text, address: text, areaId: text }),
  { schemaVersion: 1 },
);

/** A tenant was registered on leased premises of the site (MT-1, MT-2). */
export const TenancyRegistered = defineEvent(
  'TenancyRegistered',
  base.extend({
    tenancyId: text,
    tenantEnterpriseId: text,
    productive: z.boolean(),
    premisesPart: text,
    startDate: LocalDateSchema,
    endDate: LocalDateSchema.nullable(),
    qualificationChecked: z.literal(true),
  }),
  { schemaVersion: 1 },
);

/** Landlord and tenant signed the safety management agreement of a tenancy (MT-3). */
export const SafetyAgreementSigned = defineEvent(
  'SafetyAgreementSigned',
  base.extend({
    tenancyId: text,
    landlordSignatoryId: text,
    tenantSignatoryId: text,
    form: AgreementFormSchema,
    covers: z.array(AgreementCoverSchema).min(1),
  }),
  { schemaVersion: 1 },
);

/** The landlord checked a tenant (MT-5); the check's time is `occurredAt`. */
export const LandlordCheckRecorded = defineEvent(
  'LandlordCheckRecorded',
  base.extend({
    tenancyId: text,
    findingsCount: z.number().int().min(0),
    hazardIds: z.array(text),
  }),
  { schemaVersion: 1 },
);

/** Safety devices were installed on the site; totals are cumulative (MT-7). */
export const SafetyDevicesInstalled = defineEvent(
  'SafetyDevicesInstalled',
  base.extend({ kind: DeviceKindSchema, count: z.number().int().min(1) }),
  { schemaVersion: 1 },
);

/** A tenancy ended (MT-8); it accepts no commands afterwards. */
export const TenancyEnded = defineEvent(
  'TenancyEnded',
  base.extend({ tenancyId: text, endDate: LocalDateSchema }),
  { schemaVersion: 1 },
);

/** Every multi-tenant site event definition, for `createEventRegistry({ events })`. */
export const siteEvents = [
  SiteRegistered,
  TenancyRegistered,
  SafetyAgreementSigned,
  LandlordCheckRecorded,
  SafetyDevicesInstalled,
  TenancyEnded,
] as const;

/** Any multi-tenant site event. */
export type SiteEvent =
  | EventOf<typeof SiteRegistered>
  | EventOf<typeof TenancyRegistered>
  | EventOf<typeof SafetyAgreementSigned>
  | EventOf<typeof LandlordCheckRecorded>
  | EventOf<typeof SafetyDevicesInstalled>
  | EventOf<typeof TenancyEnded>;

/** The type name of any multi-tenant site event. */
export type SiteEventType = SiteEvent['type'];
