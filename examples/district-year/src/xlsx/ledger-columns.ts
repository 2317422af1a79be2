import type { BilingualText } from '@safeledger/core';
import type { Missing } from '../report/missing.js';
import { waitingFor } from '../report/missing.js';

/** How a column's cells are typed in the workbook. */
export type ColumnKind = 'text' | 'count' | 'date' | 'rate' | 'money' | 'flag';

/** One column of a ledger sheet. */
export interface LedgerColumn {
  readonly key: string;
  readonly header: BilingualText;
  readonly kind: ColumnKind;
}

/** One ledger sheet: its name, columns and the read model that fills it. */
export interface LedgerSheet {
  readonly id: 'hazards' | 'overdue' | 'majors';
  readonly name: BilingualText;
  readonly columns: readonly LedgerColumn[];
  /** The read model its rows come from (domain spec §5), named when it is missing. */
  readonly source: Missing;
}

const col = (key: string, en: string, zh: string, kind: ColumnKind = 'text'): LedgerColumn => ({
  key,
  header: { en, 'zh-CN': zh },
  kind,
});

/** The three ledgers regulators keep (台账), with the columns of P-1, P-5 and P-6. */
export const ledgerSheets: readonly LedgerSheet[] = [
  {
    id: 'hazards',
    name: { en: 'Hazard ledger', 'zh-CN': '隐患台账' },
    source: waitingFor.hazardReadModels,
    columns: [
      col('hazardId', 'Hazard', '隐患编号'),
      col('subject', 'Unit', '单位'),
      col('area', 'Area', '区域'),
      col('sector', 'Sector', '行业'),
      col('nature', 'Nature', '隐患性质'),
      col('grade', 'Grade', '等级'),
      col('source', 'Source', '来源'),
      col('campaigns', 'Campaigns', '专项行动'),
      col('registeredOn', 'Registered', '登记日期', 'date'),
      col('deadline', 'Deadline', '整改期限', 'date'),
      col('status', 'Status', '状态'),
      col('completedOn', 'Completed', '整改完成日期', 'date'),
      col('closedOn', 'Closed', '销号日期', 'date'),
      col('overdue', 'Overdue', '是否逾期', 'flag'),
    ],
  },
  {
    id: 'overdue',
    name: { en: 'Overdue ledger', 'zh-CN': '逾期台账' },
    source: waitingFor.hazardReadModels,
    columns: [
      col('hazardId', 'Hazard', '隐患编号'),
      col('subject', 'Unit', '单位'),
      col('area', 'Area', '区域'),
      col('grade', 'Grade', '等级'),
      col('deadline', 'Deadline', '整改期限', 'date'),
      col('daysOverdue', 'Days overdue', '逾期天数', 'count'),
      col('supervisingOrg', 'Supervising department', '监管部门'),
    ],
  },
  {
    id: 'majors',
    name: { en: 'Major-hazard ledger', 'zh-CN': '重大事故隐患台账' },
    source: waitingFor.hazardReadModels,
    columns: [
      col('hazardId', 'Hazard', '隐患编号'),
      col('subject', 'Unit', '单位'),
      col('area', 'Area', '区域'),
      col('basis', 'Basis clause', '判定依据'),
      col('registeredOn', 'Registered', '登记日期', 'date'),
      col('reportedOn', 'Reported', '报告日期', 'date'),
      col('listing', 'Listed (level)', '挂牌督办级别'),
      col('fundingCny', 'Funding (CNY)', '治理资金（元）', 'money'),
      col('deadline', 'Deadline', '整改期限', 'date'),
      col('status', 'Status', '状态'),
      col('closedOn', 'Closed', '销号日期', 'date'),
    ],
  },
];
