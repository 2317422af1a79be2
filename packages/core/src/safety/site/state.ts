import { produce } from 'immer';
import type { LocalDate } from '../calendar/local-date.js';
import type { SafetyActor } from '../roles/actor.js';
import type { SiteEvent } from './events.js';
import type { AgreementCover, AgreementForm } from './values.js';

/** A signed safety management agreement (MT-3). */
export interface SiteAgreement {
  readonly signedAt: string;
  readonly landlordSignatoryId: string;
  readonly tenantSignatoryId: string;
  readonly form: AgreementForm;
  readonly covers: readonly AgreementCover[];
}

/** One landlord check of a tenant (MT-5). */
export interface LandlordCheck {
  readonly at: string;
  readonly findingsCount: number;
  readonly hazardIds: readonly string[];
}

/**
 * A tenancy. `endDate` is the last local day of the lease (planned at registration or set by
 * `EndTenancy`); `ended` is true once `TenancyEnded` was recorded (MT-8). Agreements and checks
 * are kept in full, so derived facts can be asked for any `asOf` (G-6).
 */
export interface SiteTenancy {
  readonly tenancyId: string;
  readonly tenantEnterpriseId: string;
  readonly productive: boolean;
  readonly premisesPart: string;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  readonly registeredAt: string;
  readonly ended: boolean;
  readonly endedAt: string | null;
  readonly agreements: readonly SiteAgreement[];
  readonly checks: readonly LandlordCheck[];
}

/** Cumulative device totals (MT-7). */
export interface SiteDevices {
  readonly oneKeyAlarmBroadcasters: number;
  readonly smokeDetectors: number;
}

/** A site before `SiteRegistered`. */
export interface UnregisteredSite {
  readonly status: 'unregistered';
  readonly version: number;
}

/** A registered multi-tenant site (§4.7). */
export interface RegisteredSite {
  readonly status: 'registered';
  readonly version: number;
  readonly siteId: string;
  readonly landlordEnterpriseId: string;
  readonly name: string;
  readonly address: string;
  readonly areaId: string;
  readonly registeredAt: string;
  readonly registeredBy: SafetyActor;
  /** In registration order. */
  readonly tenancies: readonly SiteTenancy[];
  readonly devices: SiteDevices;
}

/** The state of a `site-{id}` stream. */
export type SiteState = UnregisteredSite | RegisteredSite;

/** The state of a site stream with no events. */
export function initialSiteState(): SiteState {
  return { status: 'unregistered', version: 0 };
}

/** True once the site is registered. */
export function isRegisteredSite(state: SiteState): state is RegisteredSite {
  return state.status === 'registered';
}

/** The tenancy with this id, if the site has it. */
export function findTenancy(state: RegisteredSite, tenancyId: string): SiteTenancy | undefined {
  return state.tenancies.find((tenancy) => tenancy.tenancyId === tenancyId);
}

/** Folds one site event into the state. */
export function evolveSite(state: SiteState, event: SiteEvent): SiteState {
  const version = state.version + 1;
  if (event.type === 'SiteRegistered') {
    const { siteId, landlordEnterpriseId, name, address, areaId, occurredAt, actor } = event.data;
    return {
      status: 'registered',
      version,
      siteId,
      landlordEnterpriseId,
      name,
      address,
      areaId,
      registeredAt: occurredAt,
      registeredBy: actor,
      tenancies: [],
      devices: { oneKeyAlarmBroadcasters: 0, smokeDetectors: 0 },
    };
  }
  if (!isRegisteredSite(state)) return { ...state, version };
  return produce(state, (draft) => {
    draft.version = version;
    const tenancy = (id: string) => draft.tenancies.find((t) => t.tenancyId === id);
    switch (event.type) {
      case 'TenancyRegistered': {
        const d = event.data;
        draft.tenancies.push({
          tenancyId: d.tenancyId,
          tenantEnterpriseId: d.tenantEnterpriseId,
          productive: d.productive,
          premisesPart: d.premisesPart,
          startDate: d.startDate,
          endDate: d.endDate,
          registeredAt: d.occurredAt,
          ended: false,
          endedAt: null,
          agreements: [],
          checks: [],
        });
        return;
      }
      case 'SafetyAgreementSigned': {
        const d = event.data;
        tenancy(d.tenancyId)?.agreements.push({
          signedAt: d.occurredAt,
          landlordSignatoryId: d.landlordSignatoryId,
          tenantSignatoryId: d.tenantSignatoryId,
          form: d.form,
          covers: d.covers,
        });
        return;
      }
      case 'LandlordCheckRecorded': {
        const d = event.data;
        tenancy(d.tenancyId)?.checks.push({
          at: d.occurredAt,
          findingsCount: d.findingsCount,
          hazardIds: d.hazardIds,
        });
        return;
      }
      case 'SafetyDevicesInstalled':
        if (event.data.kind === 'smoke_detector') draft.devices.smokeDetectors += event.data.count;
        else draft.devices.oneKeyAlarmBroadcasters += event.data.count;
        return;
      case 'TenancyEnded': {
        const ended = tenancy(event.data.tenancyId);
        if (ended === undefined) return;
        ended.ended = true;
        ended.endedAt = event.data.occurredAt;
        ended.endDate = event.data.endDate;
        return;
      }
    }
  });
}
