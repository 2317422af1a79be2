import type { z } from 'zod';
import type { AggregateDocs, CommandDocs, EventDocs } from '../reference/aggregate-docs.js';
import type { SiteCommandSchema } from './commands.js';
import type { SiteEventType, siteEvents } from './events.js';

// Keyed by the schemas: a field added without a description here is a type error.
type CommandSchema = (typeof SiteCommandSchema)['options'][number];
type CommandFields<S extends CommandSchema> = Exclude<
  keyof z.input<S> & string,
  'type' | 'actor' | 'occurredAt'
>;
type EventDefinitionOf = (typeof siteEvents)[number];
type EventFields<D extends EventDefinitionOf> = Exclude<
  keyof z.output<D['schema']> & string,
  'siteId' | 'occurredAt' | 'actor'
>;
type SiteCommandDocs = {
  readonly [S in CommandSchema as z.input<S>['type']]: CommandDocs<CommandFields<S>, SiteEventType>;
};
type SiteEventDocs = {
  readonly [D in EventDefinitionOf as D['type']]: EventDocs<EventFields<D>>;
};

const tenancyId = 'The tenancy’s id on this site (MT-0).';

const commands: SiteCommandDocs = {
  RegisterSite: {
    summary: 'Registers a multi-tenant site (厂中厂) and its landlord.',
    who: 'The landlord’s Principal, or a TerritorialOfficer whose organisation covers the area (G-5).',
    emits: ['SiteRegistered'],
    fields: {
      siteId: 'The site’s id; the stream is `site-{siteId}`.',
      landlordEnterpriseId: 'The enterprise owning the premises; must be in the directory (MT-1).',
      name: 'The site’s name.',
      address: 'Where it is.',
      areaId: 'The area (park, town, street) it lies in; must be in the directory.',
    },
  },
  RegisterTenancy: {
    summary: 'Registers a unit operating on leased premises of the site.',
    who: 'The landlord’s Principal or SafetyOfficer, or a TerritorialOfficer of the area (G-5).',
    emits: ['TenancyRegistered'],
    fields: {
      tenancyId: 'The tenancy’s id; unique on the site (MT-0).',
      tenantEnterpriseId:
        'The tenant: a directory enterprise other than the landlord, with no overlapping tenancy on the site (MT-1).',
      productive:
        'True when the tenant produces or stores goods there; only productive tenancies need an agreement and checks (MT-4, MT-5).',
      premisesPart: 'Which part of the premises is leased.',
      startDate: 'First local day of the lease.',
      endDate: 'Last local day of the lease, if agreed; not before `startDate` (MT-8).',
      qualificationChecked:
        'Whether the landlord checked the tenant’s safety conditions and qualifications; must be true (MT-2).',
    },
  },
  SignSafetyAgreement: {
    summary: 'Records the safety management agreement of a tenancy (MT-3).',
    who: 'The Principal of the landlord or of the tenant, who must be one of the two signatories (G-5).',
    emits: ['SafetyAgreementSigned'],
    fields: {
      tenancyId,
      landlordSignatoryId: 'The landlord’s Principal who signed (MT-3).',
      tenantSignatoryId: 'The tenant’s Principal who signed (MT-3).',
      form: '`standalone` agreement, or `lease_clauses` of a lease that states each party’s safety duties.',
      covers: 'Duties the agreement allocates; must include `hazard_management` (MT-3).',
    },
  },
  RecordLandlordCheck: {
    summary: 'Records the landlord’s check of a tenant; restarts the MT-5 interval.',
    who: 'The landlord’s SafetyOfficer or Principal (G-5).',
    emits: ['LandlordCheckRecorded'],
    fields: {
      tenancyId,
      findingsCount: 'Problems found, a whole number ≥ 0.',
      hazardIds: 'Hazards registered from the findings, if any.',
    },
  },
  RecordDeviceInstallation: {
    summary: 'Records safety devices installed on the site; totals are cumulative (MT-7).',
    who: 'The landlord’s Principal or SafetyOfficer, or a TerritorialOfficer of the area (G-5).',
    emits: ['SafetyDevicesInstalled'],
    fields: {
      kind: '`one_key_alarm_broadcaster` or `smoke_detector`.',
      count: 'How many were installed; a positive whole number (MT-7).',
    },
  },
  EndTenancy: {
    summary: 'Ends a tenancy; it accepts no commands afterwards (MT-8).',
    who: 'The landlord’s Principal or SafetyOfficer (G-5).',
    emits: ['TenancyEnded'],
    fields: {
      tenancyId,
      endDate:
        'Last local day of the lease; not before its start (MT-8) nor into another tenancy of the tenant (MT-1).',
    },
  },
};

const events: SiteEventDocs = {
  SiteRegistered: {
    summary: 'A multi-tenant site was registered.',
    fields: {
      landlordEnterpriseId: 'The landlord enterprise.',
      name: 'The site’s name.',
      address: 'Where it is.',
      areaId: 'The area it lies in.',
    },
  },
  TenancyRegistered: {
    summary: 'A tenancy was registered.',
    fields: {
      tenancyId: 'The tenancy’s id.',
      tenantEnterpriseId: 'The tenant enterprise.',
      productive: 'Whether the tenant produces or stores goods there.',
      premisesPart: 'The leased part of the premises.',
      startDate: 'First local day of the lease.',
      endDate: 'Last local day of the lease, or null when open-ended.',
      qualificationChecked: 'Always true (MT-2).',
    },
  },
  SafetyAgreementSigned: {
    summary: 'The safety management agreement of a tenancy was signed; its time is `occurredAt`.',
    fields: {
      tenancyId: 'The tenancy.',
      landlordSignatoryId: 'The landlord’s signing Principal.',
      tenantSignatoryId: 'The tenant’s signing Principal.',
      form: 'Standalone agreement or lease clauses.',
      covers: 'Duties the agreement allocates, `hazard_management` among them.',
    },
  },
  LandlordCheckRecorded: {
    summary: 'The landlord checked a tenant; the check’s time is `occurredAt`.',
    fields: {
      tenancyId: 'The tenancy checked.',
      findingsCount: 'Problems found.',
      hazardIds: 'Hazards registered from them.',
    },
  },
  SafetyDevicesInstalled: {
    summary: 'Safety devices were installed on the site.',
    fields: { kind: 'The device kind.', count: 'How many; added to the site’s total.' },
  },
  TenancyEnded: {
    summary: 'A tenancy ended.',
    fields: { tenancyId: 'The tenancy.', endDate: 'Its last local day.' },
  },
};

/** The multi-tenant site reference (docs/domain/site-reference.md). */
export const siteDocs: AggregateDocs = {
  intro:
    'Every command and event of the `MultiTenantSite` aggregate (厂中厂, domain spec §4.7), generated from the zod schemas. A command goes to the handler of `createSiteDecider`; a rule that rejects it is a `RuleViolationError` citing the rule. MT-4 (missing agreement) and MT-5 (lapsed landlord check) are derived by `siteLapses(state, asOf, policy)` and never stored (G-6); MT-6 is the scheduled policy `runCoordinationHazardPolicy` (PO-7). Every rule is in [site-rules.md](site-rules.md).',
  commonCommandFields: {
    type: 'The command’s name.',
    actor: 'Who sends the command; the directory must back the person, role and affiliation (G-5).',
    occurredAt:
      'Business time; defaults to the handler’s clock. Never before the site’s registration nor more than 5 minutes after recording (G-4).',
  },
  commonEventFields: {
    siteId: 'The site’s id.',
    occurredAt: 'Business time of the command that produced the event (G-4).',
    actor: 'Who acted.',
  },
  commands,
  events,
};
