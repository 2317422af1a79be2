import { type Locale, textIn } from '@safeledger/core';
import ExcelJS from 'exceljs';
import { type ColumnKind, ledgerSheets } from './ledger-columns.js';

/** Display formats of the typed columns: dates as dates, rates as percentages, money in yuan. */
export const numberFormats: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  rate: '0.00%',
  money: '#,##0.00',
  count: '0',
};

/** Rows of a ledger, by sheet id, when the library has the read model that provides them. */
export type LedgerRows = Partial<
  Record<(typeof ledgerSheets)[number]['id'], readonly Record<string, unknown>[]>
>;

/** The last row of every filled sheet: how many rows it has, and the money columns' sums. */
export const totalLabel = {
  en: 'Total: {n}',
  'zh-CN': '合计：{n} 条',
} as const;

const waitingNote = {
  en: 'Not yet available: the rows come from {part}, which the library does not have yet.',
  'zh-CN': '暂不可用：本表数据来自{part}，该部分尚未实现。',
} as const;

/**
 * Writes the hazard, overdue and major-hazard ledgers as sheets of one workbook (exceljs), with
 * column headers in the chosen language and typed cells: dates as dates, rates as numbers with
 * a percentage format. A filled sheet ends with a total row (its row count, the sums of its
 * money columns). A sheet whose read model is missing holds its headers and a note saying so,
 * never rows made up from elsewhere.
 */
export async function writeLedgerWorkbook(
  path: string,
  rows: LedgerRows,
  locale: Locale,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'safeledger';
  for (const sheet of ledgerSheets) {
    const worksheet = workbook.addWorksheet(textIn(sheet.name, locale), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      header: textIn(column.header, locale),
      key: column.key,
      width: column.kind === 'text' ? 18 : 14,
      ...(numberFormats[column.kind] === undefined
        ? {}
        : { style: { numFmt: numberFormats[column.kind] as string } }),
    }));
    worksheet.getRow(1).font = { bold: true };
    const sheetRows = rows[sheet.id];
    if (sheetRows === undefined) {
      worksheet.addRow([
        textIn(waitingNote, locale).replace('{part}', textIn(sheet.source.label, locale)),
      ]);
      continue;
    }
    for (const row of sheetRows) worksheet.addRow(row);
    const [first] = sheet.columns;
    const total: Record<string, unknown> = {
      [first?.key ?? '']: textIn(totalLabel, locale).replace('{n}', String(sheetRows.length)),
    };
    for (const column of sheet.columns.filter((c) => c.kind === 'money')) {
      total[column.key] = sheetRows.reduce((sum, row) => sum + Number(row[column.key] ?? 0), 0);
    }
    worksheet.addRow(total).font = { bold: true };
  }
  await workbook.xlsx.writeFile(path);
}
