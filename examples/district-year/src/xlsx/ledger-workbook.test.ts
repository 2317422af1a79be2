import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerSheets } from './ledger-columns.js';
import { writeLedgerWorkbook } from './ledger-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'district-year-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('the ledger workbook', () => {
  it('has the three ledgers with headers in the chosen language', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const path = join(dir, `ledgers-${locale}.xlsx`);
      await writeLedgerWorkbook(path, {}, locale);
      const workbook = await readBack(path);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
        ledgerSheets.map((sheet) => sheet.name[locale]),
      );
      for (const sheet of ledgerSheets) {
        const header = workbook.getWorksheet(sheet.name[locale])?.getRow(1).values as unknown[];
        expect(header.slice(1)).toEqual(sheet.columns.map((column) => column.header[locale]));
      }
    }
  });

  it('says in each sheet what its rows wait for instead of inventing them', async () => {
    const path = join(dir, 'waiting.xlsx');
    await writeLedgerWorkbook(path, {}, 'en');
    const sheet = (await readBack(path)).getWorksheet('Hazard ledger');
    expect(sheet?.rowCount).toBe(2);
    expect(String(sheet?.getRow(2).getCell(1).value)).toContain(
      'Not yet available: the rows come from hazard read models',
    );
  });

  it('writes given rows with dates as dates and money as numbers with their display format', async () => {
    const path = join(dir, 'rows.xlsx');
    const registeredOn = new Date(Date.UTC(2024, 2, 1));
    await writeLedgerWorkbook(
      path,
      {
        majors: [
          { hazardId: 'h-1', registeredOn, fundingCny: 180000, status: 'closed' },
          { hazardId: 'h-2', registeredOn, fundingCny: 20000, status: 'open' },
        ],
      },
      'en',
    );
    const sheet = (await readBack(path)).getWorksheet('Major-hazard ledger');
    // Header, two rows, the total row.
    expect(sheet?.rowCount).toBe(4);
    // Keys do not survive a file; columns are found by their place in the ledger definition.
    const columns = ledgerSheets.find((s) => s.id === 'majors')?.columns ?? [];
    const at = (key: string) => columns.findIndex((column) => column.key === key) + 1;
    const date = sheet?.getRow(2).getCell(at('registeredOn'));
    expect(date?.value).toBeInstanceOf(Date);
    expect(String((date?.value as Date | undefined)?.toISOString())).toBe(
      '2024-03-01T00:00:00.000Z',
    );
    expect(date?.numFmt).toBe('yyyy-mm-dd');
    const money = sheet?.getRow(3).getCell(at('fundingCny'));
    expect(money?.value).toBe(20000);
    expect(money?.numFmt).toBe('#,##0.00');
    let total = 0;
    sheet?.eachRow((row, index) => {
      if (index > 1 && index < 4) total += Number(row.getCell(at('fundingCny')).value);
    });
    expect(total).toBe(200000);
    expect(sheet?.getRow(4).getCell(1).value).toBe('Total: 2');
    expect(sheet?.getRow(4).getCell(at('fundingCny')).value).toBe(200000);
  });
});
