import { siteStreamId } from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import type { World } from '../world/build-world.js';
import type { YearCalendar } from './calendar.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom, spread } from './random.js';

// Distinguishes this part's random sequence from the other parts' (see `generateYear`).
const SEED = 0x517e;

/**
 * The multi-tenant sites of the year (§4.7, §7.2): each landlord registers its site in January
 * with the productive tenancies the world gives it, signs the safety agreements the scenario
 * counts, checks each tenant once in the last quarter (so no check has lapsed at the as-of date,
 * MT-5), and installs the scenario's alarms and smoke detectors, spread over the sites. Every
 * command is the landlord principal's or safety officer's.
 */
export function siteYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ SEED);
  const { multiTenant } = scenario.pools;
  const landlords = new Map(world.pools.landlords.map((e) => [e.id, e]));
  const principalOf = new Map(
    [...world.pools.landlords, ...world.pools.tenants].map((e) => [e.id, e.principal]),
  );
  const sites = world.directory.sites().filter((site) => landlords.has(site.landlordEnterpriseId));
  const alarms = spread(random, multiTenant.alarms, sites.length);
  const smokeDetectors = spread(random, multiTenant.smokeDetectors, sites.length);
  // The landlord checks run in the last `landlordCheck` days before the as-of date.
  const lastQuarter = Math.max(0, calendar.span - 80);
  const planned: PlannedCommand[] = [];
  let agreementsLeft = multiTenant.agreements;

  sites.forEach((site, index) => {
    const landlord = landlords.get(site.landlordEnterpriseId)!;
    const streamId = siteStreamId(site.id);
    let step = 0;
    const add = (
      at: string,
      command: Extract<PlannedCommand, { aggregate: 'site' }>['command'],
    ) => {
      step += 1;
      planned.push({ aggregate: 'site', streamId, commandId: `${site.id}/${step}`, at, command });
    };
    const day = calendar.day(random.int(0, 20));
    add(calendar.at(day, 9), {
      type: 'RegisterSite',
      actor: landlord.principal,
      siteId: site.id,
      landlordEnterpriseId: landlord.id,
      name: site.name,
      address: `${site.name}, ${site.areaId}`,
      areaId: site.areaId,
    });
    site.tenantEnterpriseIds.forEach((tenantId, t) => {
      const tenancyId = `tenancy-${t + 1}`;
      add(calendar.at(day, 10, t), {
        type: 'RegisterTenancy',
        actor: landlord.principal,
        tenancyId,
        tenantEnterpriseId: tenantId,
        productive: true,
        premisesPart: `Workshop ${t + 1}`,
        startDate: day,
        qualificationChecked: true,
      });
      if (agreementsLeft > 0) {
        agreementsLeft -= 1;
        add(calendar.at(day, 14, t), {
          type: 'SignSafetyAgreement',
          actor: landlord.principal,
          tenancyId,
          landlordSignatoryId: landlord.principal.personId,
          tenantSignatoryId: principalOf.get(tenantId)!.personId,
          form: random.int(0, 3) === 0 ? 'lease_clauses' : 'standalone',
          covers: ['hazard_management', 'fire_safety', 'emergency_response'],
        });
      }
    });
    const installDay = calendar.day(random.int(30, Math.max(30, calendar.span - 30)));
    const devices = [
      ['one_key_alarm_broadcaster', alarms[index] ?? 0],
      ['smoke_detector', smokeDetectors[index] ?? 0],
    ] as const;
    for (const [kind, count] of devices) {
      // MT-7: a count is positive; a site that got none installs none.
      if (count === 0) continue;
      add(calendar.at(installDay, kind === 'smoke_detector' ? 15 : 11), {
        type: 'RecordDeviceInstallation',
        actor: landlord.safetyOfficer,
        kind,
        count,
      });
    }
    const checkDay = calendar.day(random.int(lastQuarter, calendar.span));
    site.tenantEnterpriseIds.forEach((_, t) => {
      add(calendar.at(checkDay, 16, t), {
        type: 'RecordLandlordCheck',
        actor: landlord.safetyOfficer,
        tenancyId: `tenancy-${t + 1}`,
        findingsCount: 0,
      });
    });
  });
  return planned;
}
