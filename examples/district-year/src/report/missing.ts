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

/** What the report's figures wait for, by the aggregate or read model that will provide them. */
export const waitingFor = {
  hazardReadModels: missing(
    'hazard-read-models',
    'hazard read models (P-2, P-3)',
    '隐患读模型（P-2、P-3）',
  ),
  inspection: missing('inspection', 'Inspection (P-9)', '检查（P-9）'),
  supervisionItem: missing('supervision-item', 'SupervisionItem (P-14)', '督导交办事项（P-14）'),
  venue: missing('venue', 'Venue (P-10 to P-13)', '小场所（P-10至P-13）'),
  multiTenantSite: missing('multi-tenant-site', 'MultiTenantSite (P-18)', '厂中厂（P-18）'),
  enforcementCase: missing('enforcement-case', 'EnforcementCase (P-15)', '执法案件（P-15）'),
  enterprise: missing('enterprise', 'Enterprise (P-19)', '企业（P-19）'),
  activity: missing('activity', 'Activity and EmergencyPlan (P-20)', '活动与应急预案（P-20）'),
  dutyRoster: missing('duty-roster', 'DutyRoster (P-21)', '值班表（P-21）'),
} as const;
