import {
  createInMemoryDirectory,
  type EnterpriseRecord,
  type InMemoryDirectory,
  type Organization,
  type PersonRecord,
  type SafetyActor,
  type SiteRecord,
  type VenueRecord,
} from '@safeledger/core';
import { createRandom, spread } from '../generator/random.js';
import type { Scenario } from '../scenario/schema.js';
import { caseStaff } from './case-staff.js';
import { addComplianceAuthorities } from './compliance-authorities.js';
import { venueParties } from './venue-parties.js';

/** An enterprise of the district with the two people who act for it. */
export interface WorldEnterprise {
  readonly id: string;
  readonly areaId: string;
  readonly safetyOfficer: SafetyActor;
  readonly principal: SafetyActor;
}

/** A venue with its operator and the grid patroller of its area. */
export interface WorldVenue {
  readonly id: string;
  readonly operator: SafetyActor;
  readonly patroller: SafetyActor;
}

/** Who is who in the generated district, by pool (§7.2: the pools are disjoint sets of units). */
export interface World {
  readonly directory: InMemoryDirectory;
  readonly bureauId: string;
  readonly committeeOfficeId: string;
  readonly officers: readonly SafetyActor[];
  readonly expertIds: readonly string[];
  readonly head: SafetyActor;
  readonly committeeOffice: SafetyActor;
  readonly pools: {
    readonly landlords: readonly WorldEnterprise[];
    readonly tenants: readonly WorldEnterprise[];
    readonly enforcement: readonly WorldEnterprise[];
    readonly handover: readonly WorldEnterprise[];
    readonly service: readonly WorldEnterprise[];
    readonly other: readonly WorldEnterprise[];
  };
  readonly venues: readonly WorldVenue[];
}

const SECTORS = ['C26', 'C33', 'C34', 'C17', 'C29', 'G59'];
const VENUE_CATEGORIES = ['small_restaurant', 'small_shop', 'small_hotel', 'small_workshop'];

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * Builds the district's reference data from a scenario: parks with their territorial offices,
 * the safety bureau with its officers (the service teams' officers) and head, the committee
 * office, the experts, every enterprise of every pool with a safety officer and a principal,
 * the multi-tenant sites (one per landlord) and the venues with their operators. Deterministic
 * for a seed.
 */
export function buildWorld(scenario: Scenario): World {
  const random = createRandom(scenario.seed);
  const parks = Array.from(
    { length: scenario.responsibility.parks },
    (_, i) => `area-park-${i + 1}`,
  );
  const bureauId = 'org-safety';
  const committeeOfficeId = 'org-committee';
  const organizations: Organization[] = [
    {
      id: bureauId,
      name: 'Safety and environmental protection bureau',
      kind: 'safety',
      level: 'district',
      areaIds: parks,
      sectorCodes: [],
      venueCategories: [],
      specialties: [],
    },
    {
      id: committeeOfficeId,
      name: 'District safety committee office',
      kind: 'committee_office',
      level: 'district',
      areaIds: parks,
      sectorCodes: [],
      venueCategories: [],
      specialties: [],
    },
    ...parks.map(
      (areaId, i): Organization => ({
        id: `org-park-${i + 1}`,
        name: `Park ${i + 1} management office`,
        kind: 'territorial',
        level: 'park_or_town',
        areaIds: [areaId],
        sectorCodes: [],
        venueCategories: [],
        specialties: [],
      }),
    ),
  ];
  const persons: PersonRecord[] = [];
  const person = (record: Omit<PersonRecord, 'venueIds'> & { venueIds?: string[] }) => {
    persons.push({ venueIds: [], ...record });
  };
  const officers: SafetyActor[] = [];
  // At least two officers: majors need two regulator verifiers (H-18).
  const officerCount = Math.max(2, scenario.pools.service.officers);
  for (let i = 1; i <= officerCount; i++) {
    const id = `p-officer-${i}`;
    person({
      id,
      name: `Officer ${i}`,
      roles: ['EnforcementOfficer'],
      orgId: bureauId,
      enforcementCredentialNo: `JS-${pad(i)}`,
    });
    officers.push({ personId: id, role: 'EnforcementOfficer', orgId: bureauId });
  }
  person({ id: 'p-head', name: 'Bureau head', roles: ['AuthorityHead'], orgId: bureauId });
  person({
    id: 'p-committee',
    name: 'Committee office',
    roles: ['SafetyCommitteeOffice'],
    orgId: committeeOfficeId,
  });
  persons.push(...caseStaff(bureauId));
  const expertIds: string[] = [];
  for (let i = 1; i <= scenario.pools.service.experts; i++) {
    expertIds.push(`p-expert-${i}`);
    person({ id: `p-expert-${i}`, name: `Expert ${i}`, roles: ['Expert'] });
  }
  const patrollers = parks.map((_, i): SafetyActor => {
    const id = `p-grid-${i + 1}`;
    person({
      id,
      name: `Grid patroller ${i + 1}`,
      roles: ['GridPatroller'],
      orgId: `org-park-${i + 1}`,
    });
    return { personId: id, role: 'GridPatroller', orgId: `org-park-${i + 1}` };
  });

  const enterprises: EnterpriseRecord[] = [];
  let serial = 0;
  const makeEnterprises = (count: number): WorldEnterprise[] =>
    Array.from({ length: count }, () => {
      serial += 1;
      const id = `ent-${pad(serial)}`;
      const areaId = random.pick(parks);
      enterprises.push({
        id,
        name: `Enterprise ${pad(serial)}`,
        areaId,
        sectorCode: random.pick(SECTORS),
        specialties: [],
        supervisingOrgId: bureauId,
      });
      person({
        id: `${id}-so`,
        name: `Safety officer of ${id}`,
        roles: ['SafetyOfficer'],
        enterpriseId: id,
      });
      person({
        id: `${id}-pr`,
        name: `Principal of ${id}`,
        roles: ['Principal'],
        enterpriseId: id,
      });
      return {
        id,
        areaId,
        safetyOfficer: { personId: `${id}-so`, role: 'SafetyOfficer', enterpriseId: id },
        principal: { personId: `${id}-pr`, role: 'Principal', enterpriseId: id },
      };
    });
  const { pools } = scenario;
  const landlords = makeEnterprises(pools.multiTenant.landlords);
  const tenants = makeEnterprises(pools.multiTenant.tenants);
  const enforcement = makeEnterprises(pools.enforcement.units);
  const handover = makeEnterprises(pools.handover.units);
  const service = makeEnterprises(pools.service.units);
  const other = makeEnterprises(pools.other.units);

  // Tenants spread over the landlords' sites; every landlord has one site.
  const tenantsPerSite = spread(random, tenants.length, landlords.length);
  let nextTenant = 0;
  const sites: SiteRecord[] = landlords.map((landlord, i) => {
    const count = tenantsPerSite[i] ?? 0;
    const tenantIds = tenants.slice(nextTenant, nextTenant + count).map((t) => t.id);
    nextTenant += count;
    return {
      id: `site-${pad(i + 1)}`,
      name: `Multi-tenant site ${pad(i + 1)}`,
      areaId: landlord.areaId,
      landlordEnterpriseId: landlord.id,
      tenantEnterpriseIds: tenantIds,
      specialties: [],
      supervisingOrgId: bureauId,
    };
  });

  const venueRecords: VenueRecord[] = [];
  const venues: WorldVenue[] = [];
  for (let i = 1; i <= scenario.venues.registered; i++) {
    const park = random.int(0, parks.length - 1);
    const id = `venue-${pad(i)}`;
    venueRecords.push({
      id,
      name: `Venue ${pad(i)}`,
      areaId: parks[park] as string,
      category: random.pick(VENUE_CATEGORIES),
      specialties: [],
      supervisingOrgId: `org-park-${park + 1}`,
    });
    person({ id: `${id}-op`, name: `Operator of ${id}`, roles: ['VenueOperator'], venueIds: [id] });
    venues.push({
      id,
      operator: { personId: `${id}-op`, role: 'VenueOperator' },
      patroller: patrollers[park] as SafetyActor,
    });
  }

  addComplianceAuthorities(parks, organizations, persons);
  // The venues' industry, special and fire-advisor parties (V-2).
  const parties = venueParties(parks, venueRecords);
  return {
    directory: createInMemoryDirectory({
      areas: parks.map((id, i) => ({ id, name: `Park ${i + 1}`, kind: 'park' })),
      organizations: [...organizations, ...parties.organizations],
      persons: [...persons, ...parties.persons],
      enterprises,
      venues: venueRecords,
      sites,
    }),
    bureauId,
    committeeOfficeId,
    officers,
    expertIds,
    head: { personId: 'p-head', role: 'AuthorityHead', orgId: bureauId },
    committeeOffice: {
      personId: 'p-committee',
      role: 'SafetyCommitteeOffice',
      orgId: committeeOfficeId,
    },
    pools: { landlords, tenants, enforcement, handover, service, other },
    venues,
  };
}
