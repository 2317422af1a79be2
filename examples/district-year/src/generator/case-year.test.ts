import { localDateOf } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { buildWorld } from '../world/build-world.js';
import { yearCalendar } from './calendar.js';
import { caseYear } from './case-year.js';
import { hazardYear } from './hazard-year.js';
import type { PlannedCommand } from './planned-command.js';

const small = loadScenario(new URL('../../scenarios/small.json', import.meta.url).pathname);

function plan(scenario: Scenario) {
  const world = buildWorld(scenario);
  const calendar = yearCalendar(
    scenario.year,
    localDateOf(scenario.asOf, scenario.timezone),
    scenario.timezone,
  );
  const hazards = hazardYear(scenario, world, calendar);
  return { world, hazards, cases: caseYear(scenario, world, calendar, hazards) };
}

type CaseStep = Extract<PlannedCommand, { aggregate: 'enforcementCase' }>;
const ofType = <T extends CaseStep['command']['type']>(steps: readonly CaseStep[], type: T) =>
  steps.filter((step) => step.command.type === type) as (CaseStep & {
    command: Extract<CaseStep['command'], { type: T }>;
  })[];

describe('the cases of the year', () => {
  const { hazards, cases, world } = plan(small);
  const steps = cases as CaseStep[];
  const registered = new Map(
    hazards.flatMap((step) =>
      step.aggregate === 'hazard' && step.command.type === 'RegisterHazard'
        ? [[step.command.hazardId, { at: step.at, command: step.command }] as const]
        : [],
    ),
  );

  it("files each group's cases in its campaign, major-hazard cases linking the pool's majors", () => {
    const filings = ofType(steps, 'FileCase');
    const { campaigns } = small;
    for (const [group, campaignId] of [
      ['multiTenant', campaigns.multiTenant],
      ['enforcement', campaigns.enforcement],
    ] as const) {
      const mine = filings.filter((f) => f.command.campaignIds?.includes(campaignId));
      expect(mine).toHaveLength(small.cases[group].cases);
      const links = ofType(steps, 'LinkHazardToCase').filter((link) =>
        mine.some((f) => f.streamId === link.streamId),
      );
      const linked = links.map((link) => registered.get(link.command.hazardId));
      expect(linked.every((h) => h?.command.campaignIds?.includes(campaignId))).toBe(true);
      const majors = linked.filter((h) => h?.command.grade === 'major');
      expect(new Set(majors.map((h) => h?.command.hazardId)).size).toBe(
        small.cases[group].majorHazardCases,
      );
      expect(linked.length - majors.length).toBe(small.cases[group].linkedGeneralHazards);
    }
  });

  it('links only hazards registered before, of the unit the case names (EC-15)', () => {
    for (const link of ofType(steps, 'LinkHazardToCase')) {
      const hazard = registered.get(link.command.hazardId);
      const filing = ofType(steps, 'FileCase').find((f) => f.streamId === link.streamId);
      expect(hazard?.at.localeCompare(filing?.at ?? '')).toBeLessThan(0);
      expect(filing?.command.respondents.map((r) => r.enterpriseId)).toContain(
        hazard?.command.subject.id,
      );
    }
  });

  it('fines unit and principal in the dual penalties, within the file’s ranges', () => {
    const decisions = ofType(steps, 'DecidePenalty');
    expect(decisions).toHaveLength(small.cases.multiTenant.cases + small.cases.enforcement.cases);
    const dual = decisions.filter((d) => d.command.penalties.some((p) => p.respondentRef === 'P'));
    expect(dual).toHaveLength(
      small.cases.multiTenant.dualPenalties + small.cases.enforcement.dualPenalties,
    );
    const { fines } = small.cases;
    const landlords = new Set(world.pools.landlords.map((l) => l.id));
    for (const decision of decisions) {
      const filing = ofType(steps, 'FileCase').find((f) => f.streamId === decision.streamId);
      const landlord = landlords.has(filing?.command.respondents[0]?.enterpriseId ?? '');
      for (const penalty of decision.command.penalties) {
        const range =
          penalty.respondentRef === 'U'
            ? fines.unit
            : landlord
              ? fines.landlordPrincipal
              : fines.principal;
        expect(penalty.amountCny).toBeGreaterThanOrEqual(range.minCny);
        expect(penalty.amountCny).toBeLessThanOrEqual(range.maxCny);
        expect((penalty.amountCny ?? 0) % fines.stepCny).toBe(0);
      }
    }
  });

  it('closes every case by the as-of instant', () => {
    const closings = ofType(steps, 'CloseCase');
    expect(closings).toHaveLength(ofType(steps, 'FileCase').length);
    for (const closing of closings)
      expect(Date.parse(closing.at)).toBeLessThan(Date.parse(small.asOf));
  });

  it('refuses a year too short for its cases, naming the group', () => {
    expect(() => plan({ ...small, asOf: `${small.year}-02-15T23:59:59+08:00` })).toThrow(
      /^cases\.multiTenant: 2 major-hazard cases, but only 0 majors of MTS are registered by/,
    );
  });
});
