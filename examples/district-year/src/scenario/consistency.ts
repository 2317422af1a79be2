import { caseFineProblems } from './case-fines.js';
import type { CaseGroup, HazardPool, Scenario } from './schema.js';

/** One inconsistency of a scenario file: the field it is about and what is wrong. */
export interface ScenarioProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The cross-field rules a schema cannot express: counts that must fit inside other counts.
 * Every broken rule is reported, so one run shows all the fixes a file needs.
 */
export function scenarioProblems(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const atMost = (field: string, value: number, limit: number, what: string) => {
    if (value > limit) fail(field, `${value} is more than ${what} (${limit})`);
  };

  const { pools, venues, handover, cases } = scenario;
  for (const [name, pool] of Object.entries(pools) as [string, { hazards: HazardPool }][]) {
    poolProblems(`pools.${name}.hazards`, pool.hazards, atMost);
  }
  poolProblems('venues.hazards', venues.hazards, atMost);

  const mts = pools.multiTenant;
  const mtsUnits = mts.landlords + mts.tenants;
  atMost('pools.multiTenant.agreements', mts.agreements, mts.tenants, 'the productive tenants');
  if (mts.tenants > 0 && mts.landlords === 0) {
    fail('pools.multiTenant.landlords', 'tenants need at least one landlord to rent from');
  }
  unitsCarryHazards('pools.multiTenant', mtsUnits, mts.hazards, fail);
  if (mts.repeatVisits > 0 && mtsUnits === 0) {
    fail('pools.multiTenant.repeatVisits', `${mts.repeatVisits} repeat visits of no unit`);
  }
  unitsCarryHazards('pools.enforcement', pools.enforcement.units, pools.enforcement.hazards, fail);
  unitsCarryHazards('pools.service', pools.service.units, pools.service.hazards, fail);
  unitsCarryHazards('pools.other', pools.other.units, pools.other.hazards, fail);
  unitsCarryHazards('venues', venues.registered, venues.hazards, fail);

  const service = pools.service;
  if (service.units > 0 && service.teams === 0) {
    fail('pools.service.teams', 'service visits need at least one team');
  }
  if (service.teams > 0 && service.officers + service.experts === 0) {
    fail('pools.service.officers', 'the teams need officers or experts');
  }
  if (service.units > 0 && service.officers === 0) {
    fail('pools.service.officers', 'a service visit needs an officer to register its hazards');
  }
  if (pools.enforcement.units > 0 && service.officers < 2) {
    fail('pools.service.officers', `${service.officers} officers; enforcement needs at least 2`);
  }

  // Handed-over hazard lists: one item per unit of the handover pool.
  const listItems = handover.hazardLists.reduce((sum, list) => sum + list.items, 0);
  const listHazards = handover.hazardLists.reduce((sum, l) => sum + l.items * l.hazardsEach, 0);
  if (listItems !== pools.handover.units) {
    fail(
      'handover.hazardLists',
      `${listItems} items, but pools.handover.units is ${pools.handover.units}`,
    );
  }
  if (listHazards !== pools.handover.hazards.found) {
    fail(
      'handover.hazardLists',
      `${listHazards} hazards on the lists, but pools.handover.hazards.found is ${pools.handover.hazards.found}`,
    );
  }
  atMost(
    'handover.petitions.closed',
    handover.petitions.closed,
    handover.petitions.received,
    'the petitions received',
  );
  atMost(
    'pools.other.petitionHazards',
    pools.other.petitionHazards,
    pools.other.hazards.rectified,
    'the rectified hazards of the pool (petition hazards are closed)',
  );
  if (pools.other.petitionHazards > 0 && handover.petitions.received === 0) {
    fail('pools.other.petitionHazards', 'petition hazards without a petition received');
  }
  atMost(
    'handover.tourFeedback.measuresDone',
    handover.tourFeedback.measuresDone,
    handover.tourFeedback.measures,
    'the measures',
  );
  if (handover.tourFeedback.measures > 0 && handover.tourFeedback.items === 0) {
    fail('handover.tourFeedback.items', 'measures need an issue to belong to');
  }

  caseProblems('cases.multiTenant', cases.multiTenant, mts.hazards, fail, atMost);
  caseProblems('cases.enforcement', cases.enforcement, pools.enforcement.hazards, fail, atMost);
  caseFineProblems(cases.fines, fail);

  atMost('venues.spotChecked', venues.spotChecked, venues.registered, 'the registered venues');
  atMost(
    'venues.patrolledInLastQuarter',
    venues.patrolledInLastQuarter,
    venues.registered,
    'the registered venues',
  );
  atMost(
    'venues.selfCheckedInLastMonth',
    venues.selfCheckedInLastMonth,
    venues.registered,
    'the registered venues',
  );
  for (const [role, marked] of Object.entries(venues.marked)) {
    atMost(`venues.marked.${role}`, marked, venues.registered, 'the registered venues');
  }

  const units = rootUnits(scenario);
  const { enterprises } = scenario;
  atMost(
    'enterprises.riskReports',
    enterprises.riskReports,
    units,
    'the enterprises of the district',
  );
  atMost(
    'enterprises.standardizationGrade2',
    enterprises.standardizationGrade2 + enterprises.standardizationGrade3,
    units,
    'the enterprises of the district (grades 2 and 3 together)',
  );
  atMost(
    'enterprises.emergencyTeams',
    enterprises.emergencyTeams,
    units,
    'the enterprises of the district',
  );

  if (Number.isNaN(Date.parse(scenario.asOf)) || !scenario.asOf.startsWith(`${scenario.year}-`)) {
    fail('asOf', `${scenario.asOf} is not an instant of the year ${scenario.year}`);
  }
  return problems;
}

/** The enterprises of the umbrella campaign: every pool's units (§7.2: the pools are disjoint). */
export function rootUnits(scenario: Scenario): number {
  const { pools } = scenario;
  return (
    pools.multiTenant.landlords +
    pools.multiTenant.tenants +
    pools.enforcement.units +
    pools.handover.units +
    pools.service.units +
    pools.other.units
  );
}

type Fail = (field: string, message: string) => void;
type AtMost = (field: string, value: number, limit: number, what: string) => void;

function poolProblems(field: string, pool: HazardPool, atMost: AtMost): void {
  atMost(`${field}.rectified`, pool.rectified, pool.found, 'the hazards found');
  const majors = pool.majors.closed + pool.majors.open;
  atMost(`${field}.majors`, majors, pool.found, 'the hazards found');
  // One cause, one message: the finer checks only once the total fits.
  if (majors > pool.found) return;
  atMost(`${field}.majors.closed`, pool.majors.closed, pool.rectified, 'the hazards rectified');
  if (pool.rectified <= pool.found) {
    atMost(
      `${field}.majors.open`,
      pool.majors.open,
      pool.found - pool.rectified,
      'the open hazards',
    );
  }
}

function unitsCarryHazards(field: string, units: number, pool: HazardPool, fail: Fail): void {
  if (pool.found > 0 && units === 0) {
    fail(`${field}.hazards.found`, `${pool.found} hazards found at no unit (${field} has 0 units)`);
  }
}

function caseProblems(
  field: string,
  group: CaseGroup,
  pool: HazardPool,
  fail: Fail,
  atMost: AtMost,
): void {
  atMost(`${field}.majorHazardCases`, group.majorHazardCases, group.cases, 'the cases filed');
  // The scenario fines principals only in major-hazard cases (§7.2: non-major cases fine the unit).
  atMost(
    `${field}.dualPenalties`,
    group.dualPenalties,
    group.majorHazardCases,
    'the major-hazard cases',
  );
  const majors = pool.majors.closed + pool.majors.open;
  atMost(`${field}.majorHazardCases`, group.majorHazardCases, majors, 'the majors of the pool');
  atMost(
    `${field}.linkedGeneralHazards`,
    group.linkedGeneralHazards,
    pool.found - majors,
    'the general hazards of the pool',
  );
  // The general hazards are linked to the non-major cases: a group of major cases only has none.
  if (group.linkedGeneralHazards > 0 && group.cases <= group.majorHazardCases) {
    fail(
      `${field}.linkedGeneralHazards`,
      `${group.linkedGeneralHazards} general hazards, but no non-major case to link them to`,
    );
  }
  if (group.cases - group.majorHazardCases > group.linkedGeneralHazards) {
    fail(
      `${field}.linkedGeneralHazards`,
      `${group.cases - group.majorHazardCases} non-major cases need as many linked general hazards, got ${group.linkedGeneralHazards}`,
    );
  }
}
