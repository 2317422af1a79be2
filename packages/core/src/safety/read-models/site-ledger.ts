import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SiteEvent } from '../site/events.js';
import type { DeviceKind } from '../site/values.js';

/**
 * What a row of the site ledger records: a site, a tenancy, one landlord check or one device
 * installation. Checks and installations are rows of their own (keyed by their event) so that
 * figures at any `asOf` count only those recorded by then (G-6).
 */
export type SiteLedgerRowKind = 'site' | 'tenancy' | 'check' | 'devices';

/**
 * One row of the multi-tenant site ledger, the base of P-18. A field that does not apply to a
 * row's kind is `null`.
 */
export interface SiteLedgerRow {
  readonly kind: SiteLedgerRowKind;
  siteId: string;
  /** The landlord of the site (site rows only: tenancy events do not name it). */
  landlordEnterpriseId: string | null;
  areaId: string | null;
  /** When the site or the tenancy was registered. */
  registeredAt: string | null;
  /** `{siteId}/{tenancyId}` for tenancy and check rows: one key across every site. */
  tenancyKey: string | null;
  tenantEnterpriseId: string | null;
  productive: boolean | null;
  startDate: string | null;
  /** The last day of the lease: the planned end, or the date `TenancyEnded` recorded. */
  endDate: string | null;
  /** The first signing of the tenancy's safety agreement (MT-3, MT-4). */
  agreementSignedAt: string | null;
  /** When the check was made or the devices installed (its business time). */
  at: string | null;
  /** The local date of a check, in the policy's time zone (MT-5 counts local days). */
  localDate: string | null;
  deviceKind: DeviceKind | null;
  deviceCount: number | null;
}

/** The events the site ledger reads. */
export const siteLedgerEventTypes = [
  'SiteRegistered',
  'TenancyRegistered',
  'SafetyAgreementSigned',
  'LandlordCheckRecorded',
  'SafetyDevicesInstalled',
  'TenancyEnded',
] as const satisfies readonly SiteEvent['type'][];

/** Indexed fields of the site ledger: every figure of P-18 is a query on them. */
export const siteLedgerFields = {
  kind: indexed.text((row: SiteLedgerRow) => row.kind),
  siteId: indexed.text((row: SiteLedgerRow) => row.siteId),
  registeredAt: indexed.instant((row: SiteLedgerRow) => row.registeredAt),
  landlordEnterpriseId: indexed.text((row: SiteLedgerRow) => row.landlordEnterpriseId),
  tenancyKey: indexed.text((row: SiteLedgerRow) => row.tenancyKey),
  tenantEnterpriseId: indexed.text((row: SiteLedgerRow) => row.tenantEnterpriseId),
  productive: indexed.boolean((row: SiteLedgerRow) => row.productive),
  startDate: indexed.date((row: SiteLedgerRow) => row.startDate),
  endDate: indexed.date((row: SiteLedgerRow) => row.endDate),
  agreementSignedAt: indexed.instant((row: SiteLedgerRow) => row.agreementSignedAt),
  at: indexed.instant((row: SiteLedgerRow) => row.at),
  localDate: indexed.date((row: SiteLedgerRow) => row.localDate),
  deviceKind: indexed.text((row: SiteLedgerRow) => row.deviceKind),
  deviceCount: indexed.integer((row: SiteLedgerRow) => row.deviceCount),
};

/** The projection name of the multi-tenant site ledger. */
export const SITE_LEDGER = 'multi-tenant-site-ledger';

const tenancyKeyOf = (siteId: string, tenancyId: string) => `${siteId}/${tenancyId}`;

/**
 * The multi-tenant site ledger (P-18) for a policy: its time zone dates the landlord checks
 * (MT-5 counts local days); changing it needs a rebuild. One row per site, per tenancy, per
 * landlord check and per device installation.
 */
export function createSiteLedgerProjection(policy: Pick<SupervisionPolicy, 'timezone'>) {
  const tz = policy.timezone;
  return defineProjection<SiteLedgerRow, SiteEvent, typeof siteLedgerFields>({
    name: SITE_LEDGER,
    version: 1,
    handles: siteLedgerEventTypes,
    documentId: (event: StoredEvent<SiteEvent>) => {
      const d = event.data;
      switch (event.type) {
        case 'SiteRegistered':
          return `site:${d.siteId}`;
        case 'LandlordCheckRecorded':
          return `check:${event.eventId}`;
        case 'SafetyDevicesInstalled':
          return `devices:${event.eventId}`;
        default:
          return `tenancy:${tenancyKeyOf(d.siteId, (d as { tenancyId: string }).tenancyId)}`;
      }
    },
    init: (id, event) => emptyRow(id.slice(0, id.indexOf(':')) as SiteLedgerRowKind, event),
    apply: (row, event) => {
      switch (event.type) {
        case 'SiteRegistered':
          row.landlordEnterpriseId = event.data.landlordEnterpriseId;
          row.areaId = event.data.areaId;
          row.registeredAt = event.data.occurredAt;
          break;
        case 'TenancyRegistered': {
          const d = event.data;
          row.registeredAt = d.occurredAt;
          row.tenantEnterpriseId = d.tenantEnterpriseId;
          row.productive = d.productive;
          row.startDate = d.startDate;
          row.endDate = d.endDate;
          break;
        }
        case 'SafetyAgreementSigned':
          // The first agreement counts: a later re-signing does not move coverage back in time.
          row.agreementSignedAt ??= event.data.occurredAt;
          break;
        case 'TenancyEnded':
          row.endDate = event.data.endDate;
          break;
        case 'LandlordCheckRecorded':
          row.at = event.data.occurredAt;
          row.localDate = localDateOf(event.data.occurredAt, tz);
          break;
        case 'SafetyDevicesInstalled':
          row.at = event.data.occurredAt;
          row.deviceKind = event.data.kind;
          row.deviceCount = event.data.count;
          break;
      }
    },
    fields: siteLedgerFields,
    indexes: [
      ['kind', 'siteId'],
      ['kind', 'tenancyKey'],
    ],
  });
}

function emptyRow(kind: SiteLedgerRowKind, event: StoredEvent<SiteEvent>): SiteLedgerRow {
  const tenancyId = (event.data as { tenancyId?: string }).tenancyId;
  return {
    kind,
    siteId: event.data.siteId,
    landlordEnterpriseId: null,
    areaId: null,
    registeredAt: null,
    tenancyKey: tenancyId === undefined ? null : tenancyKeyOf(event.data.siteId, tenancyId),
    tenantEnterpriseId: null,
    productive: null,
    startDate: null,
    endDate: null,
    agreementSignedAt: null,
    at: null,
    localDate: null,
    deviceKind: null,
    deviceCount: null,
  };
}
