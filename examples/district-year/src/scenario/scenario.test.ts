import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaPath } from './json-schema.js';
import { defaultScenarioPath, loadScenario, parseScenario, ScenarioError } from './load.js';

const root = new URL('../../../../', import.meta.url).pathname;
const base = JSON.parse(readFileSync(defaultScenarioPath, 'utf8'));

/** A copy of the 2024 file with `edit` applied. */
function variant(edit: (data: typeof base) => void): unknown {
  const data = structuredClone(base);
  edit(data);
  return data;
}

function problemsOf(data: unknown): { field: string; message: string }[] {
  try {
    parseScenario(data);
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('the scenario file', () => {
  it('the 2024 file is valid and holds the figures of the source report', () => {
    const scenario = loadScenario();
    expect(scenario.pools.other.hazards.majors).toEqual({ closed: 98, open: 1 });
    expect(scenario.rounding.rootRectificationRate.mode).toBe('truncate');
    expect(scenario.rounding.majorRectificationRate.mode).toBe('half_up');
  });

  it('the JSON Schema in docs is the one generated from the zod schema', () => {
    const path = `${root}${scenarioJsonSchemaPath}`;
    if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(path, scenarioJsonSchema());
    // Compared as data: the repository's formatter may lay the file out differently.
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(scenarioJsonSchema()));
    const schema = JSON.parse(scenarioJsonSchema());
    expect(schema.required).toContain('pools');
    expect(schema.additionalProperties).toBe(false);
  });

  it.each([
    [
      'more rectified than found',
      (d: typeof base) => {
        d.pools.service.hazards.rectified = 1294;
      },
      'pools.service.hazards.rectified',
      '1294 is more than the hazards found (1293)',
    ],
    [
      'more majors than hazards',
      (d: typeof base) => {
        d.pools.handover.hazards.majors.closed = 281;
      },
      'pools.handover.hazards.majors',
      '281 is more than the hazards found (280)',
    ],
    [
      'more venues spot-checked than registered',
      (d: typeof base) => {
        d.venues.spotChecked = 2459;
      },
      'venues.spotChecked',
      '2459 is more than the registered venues (2458)',
    ],
    [
      'hazard lists that do not add up to the pool',
      (d: typeof base) => {
        d.handover.hazardLists[1].hazardsEach = 3;
      },
      'handover.hazardLists',
      '315 hazards on the lists, but pools.handover.hazards.found is 280',
    ],
    [
      'more agreements than tenants',
      (d: typeof base) => {
        d.pools.multiTenant.agreements = 154;
      },
      'pools.multiTenant.agreements',
      '154 is more than the productive tenants (153)',
    ],
    [
      'more major-hazard cases than majors',
      (d: typeof base) => {
        d.cases.enforcement.majorHazardCases = 13;
        d.cases.enforcement.dualPenalties = 12;
      },
      'cases.enforcement.majorHazardCases',
      '13 is more than the majors of the pool (12)',
    ],
    [
      'more major-hazard cases than cases',
      (d: typeof base) => {
        d.cases.multiTenant.cases = 4;
        d.cases.multiTenant.linkedGeneralHazards = 0;
      },
      'cases.multiTenant.majorHazardCases',
      '5 is more than the cases filed (4)',
    ],
    [
      'more dual penalties than major-hazard cases',
      (d: typeof base) => {
        d.cases.enforcement.dualPenalties = 13;
      },
      'cases.enforcement.dualPenalties',
      '13 is more than the major-hazard cases (12)',
    ],
    [
      'general hazards linked but no non-major case',
      (d: typeof base) => {
        d.cases.enforcement.cases = 12;
      },
      'cases.enforcement.linkedGeneralHazards',
      '7 general hazards, but no non-major case to link them to',
    ],
    [
      'fewer linked general hazards than non-major cases',
      (d: typeof base) => {
        d.cases.multiTenant.linkedGeneralHazards = 3;
      },
      'cases.multiTenant.linkedGeneralHazards',
      '4 non-major cases need as many linked general hazards, got 3',
    ],
    [
      'a unit fine above the statutory range',
      (d: typeof base) => {
        d.cases.fines.unit.maxCny = 60000;
      },
      'cases.fines.unit.maxCny',
      '60000 is more than WSL 2021 Art. 102 allows a unit (50000)',
    ],
    [
      'a principal fine below the statutory range',
      (d: typeof base) => {
        d.cases.fines.principal.minCny = 10000;
      },
      'cases.fines.principal.minCny',
      '10000 is less than WSL 2021 Art. 94(1) allows an individual (20000)',
    ],
    [
      'a landlord principal fine above the statutory range',
      (d: typeof base) => {
        d.cases.fines.landlordPrincipal.maxCny = 12000;
      },
      'cases.fines.landlordPrincipal.maxCny',
      '12000 is more than WSL 2021 Art. 103(2) allows an individual (10000)',
    ],
    [
      'a fine range upside down',
      (d: typeof base) => {
        d.cases.fines.landlordPrincipal = { minCny: 9000, maxCny: 3000 };
      },
      'cases.fines.landlordPrincipal.minCny',
      '9000 is more than maxCny (3000)',
    ],
    [
      'a fine range without a multiple of the step',
      (d: typeof base) => {
        d.cases.fines.unit = { minCny: 10500, maxCny: 10900 };
      },
      'cases.fines.unit',
      'no multiple of stepCny (1000) lies between 10500 and 10900',
    ],
  ])('rejects %s, naming the field', (_name, edit, field, message) => {
    expect(problemsOf(variant(edit))).toEqual([{ field, message }]);
  });

  it('reports every problem at once, one message each', () => {
    const problems = problemsOf(
      variant((d) => {
        d.pools.enforcement.hazards.rectified = 900;
        d.venues.marked.fireAdvisor = 3000;
        d.enterprises.riskReports = 5000;
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'pools.enforcement.hazards.rectified',
      'venues.marked.fireAdvisor',
      'enterprises.riskReports',
    ]);
  });

  it('rejects schema errors by field, with unknown keys and wrong types', () => {
    const problems = problemsOf(
      variant((d) => {
        d.pools.other.units = -1;
        d.venues.registerd = 1;
        d.timezone = 'Mars/Olympus';
      }),
    );
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'pools.other.units',
      'timezone',
      'venues',
    ]);
    expect(problems.find((p) => p.field === 'venues')?.message).toContain('registerd');
  });

  it('names the file in the error and refuses a file that is not JSON', () => {
    expect(() => loadScenario('/nonexistent/scenario.json')).toThrow(
      /\/nonexistent\/scenario\.json: 1 problem\n {2}\(file\): ENOENT/,
    );
  });
});
