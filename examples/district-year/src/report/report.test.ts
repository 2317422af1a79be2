import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRate, rateOf } from '@safeledger/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runYear, type YearRun } from '../run/run-year.js';
import type { StoreTarget } from '../run/stores.js';
import { loadScenario } from '../scenario/load.js';
import { buildReport, type ReportLine, renderLine, renderReport } from './build-report.js';
import { goldenFigures, goldenReport2024, parseLine } from './golden.js';
import { type ReportLineId, reportLineIds } from './report-lines.js';

const scenario = loadScenario();
// The lines whose every figure comes from the library today; the report grows as aggregates
// and read models land, and this list with it.
const availableLines: string[] = [
  'root',
  'majors',
  'handover',
  'venues',
  'venueMarking',
  'multiTenant',
  'service',
  'enforcement',
  'enterprises',
  'activities',
  'duty',
];

interface Target {
  readonly target: StoreTarget;
  readonly cleanup: () => Promise<void>;
}

const targets: Record<string, () => Target> = {
  memory: () => ({ target: { kind: 'memory' }, cleanup: async () => {} }),
  sqlite: () => {
    const dir = mkdtempSync(join(tmpdir(), 'district-year-'));
    return {
      target: { kind: 'sqlite', path: join(dir, 'events.db') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgres: () => {
    const url = inject('pgUrl');
    const schema = `dy_${randomBytes(5).toString('hex')}`;
    return {
      target: { kind: 'postgres', url, schema },
      cleanup: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
    };
  },
};

// Run one store alone while iterating: DISTRICT_YEAR_STORES=memory npx vitest run …
const only = process.env.DISTRICT_YEAR_STORES?.split(',');
const kinds = Object.keys(targets).filter((kind) => only === undefined || only.includes(kind));

describe.each(kinds)('the 2024 report on %s', (kind) => {
  let run: YearRun;
  let lines: readonly ReportLine[];
  let target: Target;

  beforeAll(async () => {
    target = (targets[kind] as () => Target)();
    run = await runYear({ scenario, target: target.target });
    ({ lines } = await buildReport({
      scenario,
      store: run.store,
      directory: run.world.directory,
      policy: run.policy,
    }));
  }, 600_000);

  afterAll(async () => {
    await run?.store.close();
    await target?.cleanup();
  });

  it('prints every available line exactly as §7.3', () => {
    const printed = renderReport(lines, scenario, 'en');
    expect(lines.filter((line) => line.available).map((line) => line.id)).toEqual(availableLines);
    for (const [index, line] of lines.entries()) {
      if (line.available) expect(printed[index]).toBe(goldenReport2024[index]);
    }
  });

  it('gives every figure it has the value §7.3 prints, in lines not yet complete too', () => {
    const golden = goldenFigures();
    let compared = 0;
    for (const line of lines) {
      for (const [name, figure] of Object.entries(line.figures)) {
        if ('missing' in figure) continue;
        expect({ line: line.id, name, text: figure.text }).toEqual({
          line: line.id,
          name,
          text: golden[line.id][name],
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('prints the case figures of §7.3 from the case ledger (P-15)', () => {
    const golden = goldenFigures();
    const caseFigures: Array<[ReportLineId, string]> = [
      ['multiTenant', 'cases'],
      ['enforcement', 'cases'],
      ['enforcement', 'majorCases'],
      ['enforcement', 'dualPenalties'],
    ];
    const texts = (pick: (id: ReportLineId, name: string) => string | undefined) =>
      caseFigures.map(([id, name]) => [id, name, pick(id, name)]);
    expect(
      texts((id, name) => {
        const figure = lines.find((line) => line.id === id)?.figures[name];
        return figure === undefined || 'missing' in figure ? undefined : figure.text;
      }),
    ).toEqual(texts((id, name) => golden[id][name]));
  });

  it('marks every incomplete line in both languages, naming what it waits for', () => {
    for (const line of lines.filter((l) => !l.available)) {
      const en = renderLine(line, scenario, 'en');
      const zh = renderLine(line, scenario, 'zh-CN');
      expect(en).toMatch(/^\[not yet available: [^\]]+\] /);
      expect(zh).toMatch(/^【暂不可用：[^】]+】/);
      for (const part of line.missing) {
        expect(en).toContain(part.label.en);
        expect(zh).toContain(part.label['zh-CN']);
      }
      // Apart from the marker and the missing figures, the line is the line of §7.3.
      const bare = en.replace(/^\[[^\]]+\] /, '');
      expect(parseLine(line.id, bare)).toBeDefined();
    }
  });
});

describe('the report of another consistent file (small.json, memory)', () => {
  const small = loadScenario(new URL('../../scenarios/small.json', import.meta.url).pathname);
  let run: YearRun;
  let lines: readonly ReportLine[];

  beforeAll(async () => {
    run = await runYear({ scenario: small, target: { kind: 'memory' } });
    ({ lines } = await buildReport({
      scenario: small,
      store: run.store,
      directory: run.world.directory,
      policy: run.policy,
    }));
  }, 120_000);

  afterAll(async () => {
    await run?.store.close();
  });

  it("prints the file's hazard, venue, case, handover and compliance figures, rates rounded with the file's per-metric formats", () => {
    const { pools, venues, rounding, cases, enterprises, handover } = small;
    const all = Object.values(pools).map((pool) => pool.hazards);
    const sum = (pick: (pool: (typeof all)[number]) => number) =>
      all.reduce((total, pool) => total + pick(pool), 0);
    const found = sum((p) => p.found);
    const rectified = sum((p) => p.rectified);
    const majorsClosed = sum((p) => p.majors.closed);
    const majors = majorsClosed + sum((p) => p.majors.open);
    const text = (id: string, name: string) => {
      const figure = lines.find((line) => line.id === id)?.figures[name];
      return figure === undefined || 'missing' in figure ? undefined : figure.text;
    };
    const expected: Array<[string, string, string]> = [
      ['root', 'found', String(found)],
      ['root', 'rectified', String(rectified)],
      ['root', 'rate', formatRate(rateOf(rectified, found), rounding.rootRectificationRate)],
      ['majors', 'found', String(majors)],
      ['majors', 'rectified', String(majorsClosed)],
      ['majors', 'rate', formatRate(rateOf(majorsClosed, majors), rounding.majorRectificationRate)],
      ['handover', 'hazards', String(pools.handover.hazards.found)],
      ['handover', 'hazardsClosed', String(pools.handover.hazards.rectified)],
      ['handover', 'petitions', String(handover.petitions.received)],
      ['handover', 'petitionsClosed', String(handover.petitions.closed)],
      ['handover', 'units', String(pools.handover.units)],
      ['handover', 'measures', String(handover.tourFeedback.measures)],
      ['handover', 'measuresDone', String(handover.tourFeedback.measuresDone)],
      ['venues', 'found', String(venues.hazards.found)],
      ['venues', 'rectified', String(venues.hazards.rectified)],
      ['venues', 'registered', String(venues.registered)],
      ['venues', 'spotChecked', String(venues.spotChecked)],
      [
        'venues',
        'patrolRate',
        formatRate(rateOf(venues.patrolledInLastQuarter, venues.registered), rounding.default),
      ],
      [
        'venues',
        'selfCheckRate',
        formatRate(rateOf(venues.selfCheckedInLastMonth, venues.registered), rounding.default),
      ],
      ...(['industry', 'special', 'territorial', 'fireAdvisor'] as const).map(
        (role): [string, string, string] => [
          'venueMarking',
          role,
          formatRate(rateOf(venues.marked[role], venues.registered), rounding.default),
        ],
      ),
      ['multiTenant', 'found', String(pools.multiTenant.hazards.found)],
      ['multiTenant', 'rectified', String(pools.multiTenant.hazards.rectified)],
      [
        'multiTenant',
        'majors',
        String(pools.multiTenant.hazards.majors.closed + pools.multiTenant.hazards.majors.open),
      ],
      // P-18: one site per landlord, every productive tenant on one, the devices installed.
      ['multiTenant', 'landlords', String(pools.multiTenant.landlords)],
      ['multiTenant', 'tenants', String(pools.multiTenant.tenants)],
      ['multiTenant', 'alarms', String(pools.multiTenant.alarms)],
      ['multiTenant', 'smokeDetectors', String(pools.multiTenant.smokeDetectors)],
      // P-19: the year's risk reports, awards by grade and emergency teams.
      ['enterprises', 'riskReports', String(enterprises.riskReports)],
      ['enterprises', 'grade2', String(enterprises.standardizationGrade2)],
      ['enterprises', 'grade3', String(enterprises.standardizationGrade3)],
      ['enterprises', 'emergencyTeams', String(enterprises.emergencyTeams)],
      ['service', 'found', String(pools.service.hazards.found)],
      ['enforcement', 'found', String(pools.enforcement.hazards.found)],
      ['enforcement', 'rectified', String(pools.enforcement.hazards.rectified)],
      // P-9: every enterprise of the umbrella campaign is inspected; units are distinct
      // subjects, visits include the repeat visits, teams are the service teams that visited.
      [
        'root',
        'units',
        String(
          pools.multiTenant.landlords +
            pools.multiTenant.tenants +
            pools.enforcement.units +
            pools.handover.units +
            pools.service.units +
            pools.other.units,
        ),
      ],
      [
        'multiTenant',
        'visits',
        String(
          pools.multiTenant.landlords + pools.multiTenant.tenants + pools.multiTenant.repeatVisits,
        ),
      ],
      ['service', 'units', String(pools.service.units)],
      ['service', 'teams', String(pools.service.teams)],
      ['enforcement', 'units', String(pools.enforcement.units)],
      // The multi-tenant line counts its campaign's cases, the enforcement line the year's.
      ['multiTenant', 'cases', String(cases.multiTenant.cases)],
      ['enforcement', 'cases', String(cases.multiTenant.cases + cases.enforcement.cases)],
      [
        'enforcement',
        'majorCases',
        String(cases.multiTenant.majorHazardCases + cases.enforcement.majorHazardCases),
      ],
      [
        'enforcement',
        'dualPenalties',
        String(cases.multiTenant.dualPenalties + cases.enforcement.dualPenalties),
      ],
      ...activityExpectations(small),
    ];
    expect(expected.map(([id, name]) => [id, name, text(id, name)])).toEqual(expected);
  });
});

/** The activity and duty figures a file asks for, approximate ones with "+" (§6). */
function activityExpectations(file: typeof scenario): Array<[string, string, string]> {
  const a = file.activities;
  const approx = (figure: { value: number; approximate: boolean }) =>
    `${figure.value}${figure.approximate ? '+' : ''}`;
  const daysIn = (month: number) => new Date(Date.UTC(file.year, month, 0)).getUTCDate();
  let unrostered = 0;
  for (let month = file.duty.months + 1; month <= 12; month++) unrostered += daysIn(month);
  return [
    ['activities', 'keySectorTrainings', String(a.keySectorTrainings)],
    ['activities', 'personTimes', approx(a.trainingPersonTimes)],
    ['activities', 'stewardEnterprises', approx(a.stewardEnterprises)],
    ['activities', 'drills', String(a.drills)],
    ['activities', 'plansRevised', String(a.plansRevised)],
    ['activities', 'hallVisitors', approx(a.hallVisitors)],
    ['duty', 'gaps', String(unrostered)],
  ];
}

describe('the golden lines', () => {
  it('parse with the report templates, one per line id', () => {
    expect(goldenReport2024).toHaveLength(reportLineIds.length);
    for (const [index, id] of reportLineIds.entries()) {
      expect(parseLine(id, goldenReport2024[index] as string), id).toBeDefined();
    }
  });
});
