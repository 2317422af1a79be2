import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHazardFigures, label } from '@safeledger/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearFilter } from '../report/hazard-queries.js';
import { runYear, type YearRun } from '../run/run-year.js';
import { loadScenario } from '../scenario/load.js';
import { ledgerSheets } from './ledger-columns.js';
import { readLedgers } from './ledger-rows.js';
import { writeLedgerWorkbook } from './ledger-workbook.js';

const scenario = loadScenario(new URL('../../scenarios/small.json', import.meta.url).pathname);
const dir = mkdtempSync(join(tmpdir(), 'district-year-ledgers-'));
// Half a year after the report, the open hazards are past their deadlines: the overdue ledger
// has rows to check.
const later = `${scenario.year + 1}-06-30T23:59:59+08:00`;

interface Sheet {
  readonly rows: Record<string, unknown>[];
  readonly total: unknown;
}

/** A sheet read back from the file: its data rows by column key, and its total row's label. */
async function readSheet(path: string, id: 'hazards' | 'overdue' | 'majors'): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const definition = ledgerSheets.find((sheet) => sheet.id === id);
  const sheet = workbook.getWorksheet(definition?.name.en ?? '');
  const rows: Record<string, unknown>[] = [];
  const last = sheet?.rowCount ?? 0;
  for (let index = 2; index < last; index++) {
    const row = sheet?.getRow(index);
    rows.push(
      Object.fromEntries(
        (definition?.columns ?? []).map((column, i) => [column.key, row?.getCell(i + 1).value]),
      ),
    );
  }
  return { rows, total: sheet?.getRow(last).getCell(1).value };
}

describe('the ledgers exported from the hazard read models', () => {
  let run: YearRun;
  let figures: ReturnType<typeof createHazardFigures>;

  beforeAll(async () => {
    run = await runYear({ scenario, target: { kind: 'memory' } });
    figures = createHazardFigures({ store: run.store, policy: run.policy });
  }, 120_000);

  afterAll(async () => {
    await run?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function exported(asOf: string) {
    const path = join(dir, `ledgers-${asOf.slice(0, 10)}.xlsx`);
    const { rows } = await readLedgers({
      scenario,
      store: run.store,
      policy: run.policy,
      locale: 'en',
      asOf,
    });
    await writeLedgerWorkbook(path, rows, 'en');
    return {
      hazards: await readSheet(path, 'hazards'),
      overdue: await readSheet(path, 'overdue'),
      majors: await readSheet(path, 'majors'),
    };
  }

  it('has one hazard row per hazard of the year, its closed rows the P-2 rectified count', async () => {
    for (const asOf of [scenario.asOf, later]) {
      const { hazards } = await exported(asOf);
      const cohort = await figures.rectificationRate({ ...yearFilter(scenario), asOf });
      expect(cohort.found).toBeGreaterThan(0);
      expect(hazards.rows).toHaveLength(cohort.found);
      expect(hazards.total).toBe(`Total: ${cohort.found}`);
      expect(new Set(hazards.rows.map((row) => row.hazardId)).size).toBe(cohort.found);
      const closed = hazards.rows.filter(
        (row) => row.status === label('hazardState', 'closed', 'en'),
      );
      expect(closed).toHaveLength(cohort.rectified);
      expect(closed.every((row) => row.closedOn instanceof Date)).toBe(true);
      expect(hazards.rows.every((row) => row.registeredOn instanceof Date)).toBe(true);
    }
  });

  it('lists exactly the P-5 overdue hazards, none at the report instant, some half a year on', async () => {
    const atReport = await exported(scenario.asOf);
    expect(atReport.overdue.rows).toEqual([]);
    expect(atReport.overdue.total).toBe('Total: 0');
    expect(atReport.hazards.rows.some((row) => row.overdue === true)).toBe(false);

    const { overdue, hazards } = await exported(later);
    const p5 = await figures.overdueLedger({ asOf: later, limit: 1000 });
    expect(p5.total).toBeGreaterThan(0);
    expect(overdue.rows.map((row) => [row.hazardId, row.daysOverdue])).toEqual(
      p5.rows.map(({ row, daysOverdue }) => [row.hazardId, daysOverdue]),
    );
    expect(overdue.total).toBe(`Total: ${p5.total}`);
    const flagged = hazards.rows.filter((row) => row.overdue === true).map((row) => row.hazardId);
    expect(new Set(flagged)).toEqual(new Set(p5.rows.map(({ row }) => row.hazardId)));
  });

  it('has one major-hazard row per major, its closed rows the P-3 rectified count', async () => {
    const { majors } = await exported(scenario.asOf);
    const p3 = await figures.majorHazardRate(yearFilter(scenario));
    expect(p3.found).toBeGreaterThan(0);
    expect(majors.rows).toHaveLength(p3.found);
    expect(majors.total).toBe(`Total: ${p3.found}`);
    const closed = majors.rows.filter((row) => row.status === label('hazardState', 'closed', 'en'));
    expect(closed).toHaveLength(p3.rectified);
    // Every major of the scenario has a five-element plan with its funding (H-13).
    expect(majors.rows.every((row) => typeof row.fundingCny === 'number')).toBe(true);
    // The open major is listed at district level (§7.2).
    const open = majors.rows.filter((row) => row.status !== label('hazardState', 'closed', 'en'));
    expect(open.map((row) => row.listing)).toEqual(
      open.map(() => label('organizationLevel', 'district', 'en')),
    );
  });
});
