import type { BilingualText } from '@safeledger/core';

/**
 * A part of the library a report figure needs that the library does not have yet: the figure
 * is printed as missing, never computed some other way.
 */
export interface Missing {
  readonly id: string;
  readonly label: BilingualText;
}

const missing = (id: string, en: string, zh: string): Missing => ({
  id,
  label: { en, 'zh-CN': zh },
});

/**
 * What the report's figures wait for. The aggregates behind them are in the library, but a
 * figure is a query of a read model (domain spec §5): most of these read models are not in the
 * library yet, and where one is, the generator does not yet record the events it reads.
 */
export const waitingFor = {
  hazardReadModels: missing(
    'hazard-read-models',
    'hazard read models (P-2, P-3)',
    '隐患读模型（P-2、P-3）',
  ),
  inspection: missing('inspection', 'Inspection read model (P-9)', '检查读模型（P-9）'),
  supervisionItem: missing(
    'supervision-item',
    'SupervisionItem read model (P-14)',
    '督导交办事项读模型（P-14）',
  ),
  venue: missing('venue', 'Venue read models (P-10 to P-13)', '小场所读模型（P-10至P-13）'),
  multiTenantSite: missing(
    'multi-tenant-site',
    'MultiTenantSite read model (P-18)',
    '厂中厂读模型（P-18）',
  ),
  // The case statistics (P-15) are in the library; what is missing is the year's cases, which
  // the generator does not file yet.
  enforcementCase: missing(
    'enforcement-case',
    'enforcement cases in the scenario generator (P-15 is ready)',
    '情景生成器中的执法案件（P-15 已具备）',
  ),
  enterprise: missing('enterprise', 'Enterprise read model (P-19)', '企业读模型（P-19）'),
} as const;
