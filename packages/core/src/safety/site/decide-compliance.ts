import { forbidden } from '../general/forbidden.js';
import type { ParsedSiteCommand } from './commands.js';
import { type SiteDecisionContext, siteEventBase } from './decision-context.js';
import type { SiteEvent } from './events.js';
import { requireSiteActor, siteCommandActors } from './permissions.js';
import { violateSite } from './rules.js';
import type { RegisteredSite, SiteTenancy } from './state.js';

type Command<T extends ParsedSiteCommand['type']> = Extract<ParsedSiteCommand, { type: T }>;

/**
 * `SignSafetyAgreement` (MT-3): the Principals of landlord and tenant both sign, the actor being
 * one of them, and the agreement covers hazard management.
 */
export function decideSignSafetyAgreement(
  ctx: SiteDecisionContext,
  site: RegisteredSite,
  tenancy: SiteTenancy,
  command: Command<'SignSafetyAgreement'>,
): SiteEvent[] {
  const { actor, directory } = ctx;
  const parties = [site.landlordEnterpriseId, tenancy.tenantEnterpriseId];
  if (actor.role !== 'Principal' || !parties.includes(actor.enterpriseId ?? '')) {
    throw forbidden('G-5', actor, 'not_tenancy_principal', {
      tenancyId: tenancy.tenancyId,
      partyIds: parties,
    });
  }
  const missing: string[] = [];
  if (command.landlordSignatoryId === undefined) missing.push('landlordSignatoryId');
  if (command.tenantSignatoryId === undefined) missing.push('tenantSignatoryId');
  if (!command.covers.includes('hazard_management')) missing.push('hazard_management');
  if (missing.length > 0) throw violateSite('MT-3', 'AgreementIncomplete', { missing });
  const signatories = [
    {
      party: 'landlord',
      personId: command.landlordSignatoryId!,
      enterpriseId: site.landlordEnterpriseId,
    },
    {
      party: 'tenant',
      personId: command.tenantSignatoryId!,
      enterpriseId: tenancy.tenantEnterpriseId,
    },
  ] as const;
  for (const signatory of signatories) {
    const person = directory.person(signatory.personId);
    if (person?.enterpriseId !== signatory.enterpriseId || !person.roles.includes('Principal')) {
      throw violateSite('MT-3', 'WrongSignatory', signatory);
    }
  }
  if (!signatories.some((s) => s.personId === actor.personId)) {
    throw forbidden('G-5', actor, 'not_a_signatory');
  }
  return [
    {
      type: 'SafetyAgreementSigned',
      data: {
        ...siteEventBase(ctx, site.siteId),
        tenancyId: tenancy.tenancyId,
        landlordSignatoryId: signatories[0].personId,
        tenantSignatoryId: signatories[1].personId,
        form: command.form,
        covers: [...new Set(command.covers)],
      },
    },
  ];
}

/** `RecordLandlordCheck`: the landlord's SafetyOfficer or Principal checks a live tenancy (MT-5). */
export function decideRecordLandlordCheck(
  ctx: SiteDecisionContext,
  site: RegisteredSite,
  tenancy: SiteTenancy,
  command: Command<'RecordLandlordCheck'>,
): SiteEvent[] {
  requireSiteActor(
    ctx.directory,
    ctx.actor,
    site,
    siteCommandActors.RecordLandlordCheck,
    'RecordLandlordCheck',
  );
  return [
    {
      type: 'LandlordCheckRecorded',
      data: {
        ...siteEventBase(ctx, site.siteId),
        tenancyId: tenancy.tenancyId,
        findingsCount: command.findingsCount,
        hazardIds: [...new Set(command.hazardIds)],
      },
    },
  ];
}

/** `RecordDeviceInstallation`: a positive whole count (MT-7), added to the site's totals. */
export function decideRecordDeviceInstallation(
  ctx: SiteDecisionContext,
  site: RegisteredSite,
  command: Command<'RecordDeviceInstallation'>,
): SiteEvent[] {
  requireSiteActor(
    ctx.directory,
    ctx.actor,
    site,
    siteCommandActors.RecordDeviceInstallation,
    'RecordDeviceInstallation',
  );
  if (!Number.isInteger(command.count) || command.count < 1) {
    throw violateSite('MT-7', 'DeviceCountNotPositive', {
      kind: command.kind,
      count: command.count,
    });
  }
  return [
    {
      type: 'SafetyDevicesInstalled',
      data: { ...siteEventBase(ctx, site.siteId), kind: command.kind, count: command.count },
    },
  ];
}
