import { compareLocalDates } from '../calendar/local-date.js';
import type { ParsedSiteCommand } from './commands.js';
import { type SiteDecisionContext, siteEventBase } from './decision-context.js';
import type { SiteEvent } from './events.js';
import { overlappingTenancy } from './periods.js';
import { requireSiteActor, siteCommandActors } from './permissions.js';
import { violateSite } from './rules.js';
import type { RegisteredSite, SiteTenancy } from './state.js';

type Command<T extends ParsedSiteCommand['type']> = Extract<ParsedSiteCommand, { type: T }>;

/** `RegisterSite`: the landlord is a directory enterprise (MT-1); landlord Principal or territorial officer. */
export function decideRegisterSite(
  ctx: SiteDecisionContext,
  command: Command<'RegisterSite'>,
): SiteEvent[] {
  if (ctx.directory.enterprise(command.landlordEnterpriseId) === undefined) {
    throw violateSite('MT-1', 'UnknownEnterprise', { enterpriseId: command.landlordEnterpriseId });
  }
  requireSiteActor(
    ctx.directory,
    ctx.actor,
    command,
    siteCommandActors.RegisterSite,
    'RegisterSite',
  );
  return [
    {
      type: 'SiteRegistered',
      data: {
        ...siteEventBase(ctx, command.siteId),
        landlordEnterpriseId: command.landlordEnterpriseId,
        name: command.name,
        address: command.address,
        areaId: command.areaId,
      },
    },
  ];
}

/** `RegisterTenancy`: MT-0 unique id, MT-1 tenant, MT-2 qualification, MT-8 period. */
export function decideRegisterTenancy(
  ctx: SiteDecisionContext,
  site: RegisteredSite,
  command: Command<'RegisterTenancy'>,
): SiteEvent[] {
  requireSiteActor(
    ctx.directory,
    ctx.actor,
    site,
    siteCommandActors.RegisterTenancy,
    'RegisterTenancy',
  );
  if (site.tenancies.some((t) => t.tenancyId === command.tenancyId)) {
    throw violateSite('MT-0', 'DuplicateTenancy', { tenancyId: command.tenancyId });
  }
  const tenant = command.tenantEnterpriseId;
  if (ctx.directory.enterprise(tenant) === undefined) {
    throw violateSite('MT-1', 'UnknownEnterprise', { enterpriseId: tenant });
  }
  if (tenant === site.landlordEnterpriseId) {
    throw violateSite('MT-1', 'TenantIsLandlord', { tenantEnterpriseId: tenant });
  }
  const endDate = command.endDate ?? null;
  if (endDate !== null && compareLocalDates(endDate, command.startDate) < 0) {
    throw violateSite('MT-8', 'InvalidPeriod', { startDate: command.startDate, endDate });
  }
  const other = overlappingTenancy(site.tenancies, tenant, {
    start: command.startDate,
    end: endDate,
  });
  if (other !== undefined) {
    throw violateSite('MT-1', 'TenancyOverlaps', {
      tenantEnterpriseId: tenant,
      existingTenancyId: other.tenancyId,
      existingStart: other.startDate,
    });
  }
  if (!command.qualificationChecked) {
    throw violateSite('MT-2', 'QualificationNotChecked', { tenantEnterpriseId: tenant });
  }
  return [
    {
      type: 'TenancyRegistered',
      data: {
        ...siteEventBase(ctx, site.siteId),
        tenancyId: command.tenancyId,
        tenantEnterpriseId: tenant,
        productive: command.productive,
        premisesPart: command.premisesPart,
        startDate: command.startDate,
        endDate,
        qualificationChecked: true,
      },
    },
  ];
}

/** `EndTenancy`: the landlord ends it on a date not before its start (MT-8) nor into another tenancy of the tenant (MT-1). */
export function decideEndTenancy(
  ctx: SiteDecisionContext,
  site: RegisteredSite,
  tenancy: SiteTenancy,
  command: Command<'EndTenancy'>,
): SiteEvent[] {
  requireSiteActor(ctx.directory, ctx.actor, site, siteCommandActors.EndTenancy, 'EndTenancy');
  if (compareLocalDates(command.endDate, tenancy.startDate) < 0) {
    throw violateSite('MT-8', 'InvalidPeriod', {
      startDate: tenancy.startDate,
      endDate: command.endDate,
    });
  }
  const other = overlappingTenancy(
    site.tenancies,
    tenancy.tenantEnterpriseId,
    { start: tenancy.startDate, end: command.endDate },
    tenancy.tenancyId,
  );
  if (other !== undefined) {
    throw violateSite('MT-1', 'TenancyOverlaps', {
      tenantEnterpriseId: tenancy.tenantEnterpriseId,
      existingTenancyId: other.tenancyId,
      existingStart: other.startDate,
    });
  }
  return [
    {
      type: 'TenancyEnded',
      data: {
        ...siteEventBase(ctx, site.siteId),
        tenancyId: tenancy.tenancyId,
        endDate: command.endDate,
      },
    },
  ];
}
