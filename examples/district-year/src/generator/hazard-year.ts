import type { HazardSource, SafetyActor } from '@safeledger/core';
import type { HazardPool, Scenario } from '../scenario/schema.js';
import type { World, WorldEnterprise, WorldVenue } from '../world/build-world.js';
import type { YearCalendar } from './calendar.js';
import { type HazardCase, type HazardOutcome, hazardLoop } from './hazard-loops.js';
import type { PlannedCommand } from './planned-command.js';
import { createRandom, type Random, spread } from './random.js';

/** A unit a hazard is found at: an enterprise or a venue, with who acts for it. */
interface Unit {
  readonly subject: { readonly kind: 'enterprise' | 'venue'; readonly id: string };
  readonly rectifier: SafetyActor;
  readonly principal: SafetyActor | undefined;
  readonly verifier?: SafetyActor;
}

/** What varies between pools besides their figures. */
interface PoolSpec {
  readonly prefix: string;
  readonly pool: HazardPool;
  /** Hazards per unit, in unit order; the pool's units otherwise get a random spread. */
  readonly perUnit: readonly number[];
  readonly units: readonly Unit[];
  readonly source: HazardSource;
  readonly campaignIds: readonly string[];
  /** How many of the closed general hazards came from another source (petitions, §7.2). */
  readonly otherSource?: { readonly count: number; readonly source: HazardSource };
}

/**
 * The hazard loops of every pool of §7.2: who finds what, at which unit, of which grade, and how
 * each ends, turned into the commands of each hazard's whole loop. It draws from its own seeded
 * random sequence, so the other parts of the year never change which hazards it plans.
 */
export function hazardYear(
  scenario: Scenario,
  world: World,
  calendar: YearCalendar,
): PlannedCommand[] {
  const random = createRandom(scenario.seed ^ 0x5eed);
  const c = scenario.campaigns;
  const enterpriseUnit = (e: WorldEnterprise): Unit => ({
    subject: { kind: 'enterprise', id: e.id },
    rectifier: e.safetyOfficer,
    principal: e.principal,
  });
  const venueUnit = (v: WorldVenue): Unit => ({
    subject: { kind: 'venue', id: v.id },
    rectifier: v.operator,
    principal: undefined,
    verifier: v.patroller,
  });
  const random_spread = (pool: HazardPool, units: number) => spread(random, pool.found, units);
  const { pools } = scenario;
  const mtsUnits = [...world.pools.landlords, ...world.pools.tenants].map(enterpriseUnit);
  // Hazards of the venue pool are found at the spot-checked venues.
  const checkedVenues = world.venues.slice(0, scenario.venues.spotChecked).map(venueUnit);
  const specs: PoolSpec[] = [
    {
      prefix: 'mts',
      pool: pools.multiTenant.hazards,
      perUnit: random_spread(pools.multiTenant.hazards, mtsUnits.length),
      units: mtsUnits,
      source: 'regulator_inspection',
      campaignIds: [c.root, c.multiTenant],
    },
    {
      prefix: 'enf',
      pool: pools.enforcement.hazards,
      perUnit: random_spread(pools.enforcement.hazards, world.pools.enforcement.length),
      units: world.pools.enforcement.map(enterpriseUnit),
      source: 'enforcement_inspection',
      campaignIds: [c.root, c.enforcement],
    },
    {
      prefix: 'hov',
      pool: pools.handover.hazards,
      perUnit: scenario.handover.hazardLists.flatMap((list) =>
        new Array<number>(list.items).fill(list.hazardsEach),
      ),
      units: world.pools.handover.map(enterpriseUnit),
      source: 'handover',
      campaignIds: [c.root, c.handover],
    },
    {
      prefix: 'svc',
      pool: pools.service.hazards,
      perUnit: random_spread(pools.service.hazards, world.pools.service.length),
      units: world.pools.service.map(enterpriseUnit),
      source: 'service_visit',
      campaignIds: [c.root, c.service],
    },
    {
      prefix: 'oth',
      pool: pools.other.hazards,
      perUnit: random_spread(pools.other.hazards, world.pools.other.length),
      units: world.pools.other.map(enterpriseUnit),
      source: 'regulator_inspection',
      campaignIds: [c.root],
      otherSource: { count: pools.other.petitionHazards, source: 'petition' },
    },
    {
      prefix: 'ven',
      pool: scenario.venues.hazards,
      perUnit: random_spread(scenario.venues.hazards, checkedVenues.length),
      units: checkedVenues,
      source: 'spot_check',
      campaignIds: [c.venue],
    },
  ];

  const planned: PlannedCommand[] = [];
  for (const spec of specs) {
    for (const hazard of poolCases(spec, scenario, world, random)) {
      planned.push(...hazardLoop(hazard, calendar, random));
    }
  }
  return planned;
}

/** The hazards of one pool: who, what grade and how each ends, in a shuffled order. */
function poolCases(spec: PoolSpec, scenario: Scenario, world: World, random: Random): HazardCase[] {
  const { pool } = spec;
  const unitOfHazard = random.shuffle(
    spec.perUnit.flatMap((count, unit) => new Array<number>(count).fill(unit)),
  );
  // Outcomes in a fixed layout, then matched to the shuffled units.
  const layout: { grade: 'general' | 'major'; outcome: HazardOutcome }[] = [];
  const add = (n: number, grade: 'general' | 'major', outcome: HazardOutcome) => {
    for (let i = 0; i < n; i++) layout.push({ grade, outcome });
  };
  add(pool.majors.closed, 'major', 'closed');
  add(pool.rectified - pool.majors.closed, 'general', 'closed');
  add(pool.majors.open, 'major', 'open');
  add(pool.found - pool.rectified - pool.majors.open, 'general', 'open');
  let otherSourceLeft = spec.otherSource?.count ?? 0;
  return layout.map((entry, index) => {
    const unit = spec.units[unitOfHazard[index] as number] as Unit;
    const finder = random.pick(world.officers);
    const others = world.officers.filter((officer) => officer.personId !== finder.personId);
    let source = spec.source;
    if (entry.grade === 'general' && entry.outcome === 'closed' && otherSourceLeft > 0) {
      otherSourceLeft -= 1;
      source = spec.otherSource?.source ?? source;
    }
    const major = entry.grade === 'major';
    return {
      hazardId: `${spec.prefix}-${String(index + 1).padStart(5, '0')}`,
      subject: unit.subject,
      grade: entry.grade,
      outcome: entry.outcome,
      source,
      campaignIds: major ? [...spec.campaignIds, scenario.campaigns.majors] : spec.campaignIds,
      finder,
      secondOfficer: random.pick(others),
      rectifier: unit.rectifier,
      principal: unit.principal,
      ...(unit.verifier === undefined ? {} : { verifier: unit.verifier }),
      listing: { actor: world.committeeOffice, authorityOrgId: world.committeeOfficeId },
      expertIds: major && world.expertIds.length > 0 ? [random.pick(world.expertIds)] : [],
    };
  });
}
