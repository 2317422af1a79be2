import type { BilingualText } from '@safeledger/core';

/** The lines of the report (domain spec §7.3), in print order. */
export const reportLineIds = [
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
] as const;
/** One of `reportLineIds`. */
export type ReportLineId = (typeof reportLineIds)[number];

/**
 * Each line in both languages, with `{figure}` placeholders. The English lines are the
 * golden output of §7.3; `{root}`, `{year}`, `{quarter}` and `{month}` come from the scenario.
 */
export const reportTemplates: Record<ReportLineId, BilingualText> = {
  root: {
    en: '{root} campaign {year}: units inspected {units}, hazards {found}, rectified {rectified}, rate {rate}',
    'zh-CN':
      '{root} 治本攻坚 {year}年：排查单位 {units} 家，发现隐患 {found} 项，完成整改 {rectified} 项，整改率 {rate}',
  },
  majors: {
    en: 'Major accident hazards {year}: reported {found}, rectified {rectified}, rate {rate}',
    'zh-CN': '重大事故隐患 {year}年：报送 {found} 条，完成整改 {rectified} 条，整改率 {rate}',
  },
  handover: {
    en: 'Handover: petitions {petitionsClosed}/{petitions} closed; municipal items {units} units, hazards {hazardsClosed}/{hazards} closed; tour finding measures {measuresDone}/{measures}',
    'zh-CN':
      '督导交办：信访举报件 {petitionsClosed}/{petitions} 件办结；市级交办 {units} 家单位，隐患 {hazardsClosed}/{hazards} 项销号；巡视反馈整改措施 {measuresDone}/{measures} 项',
  },
  venues: {
    en: 'Venues: registered {registered}, spot-checked {spotChecked}, hazards {rectified}/{found}; Q{quarter} patrol {patrolRate}; {monthName} self-check {selfCheckRate}',
    'zh-CN':
      '小场所：录入 {registered} 家，抽查 {spotChecked} 家，隐患 {rectified}/{found} 项；第{quarter}季度巡查率 {patrolRate}；{month}月自查完成率 {selfCheckRate}',
  },
  venueMarking: {
    en: 'Venue marking: industry {industry}, special {special}, territorial {territorial}, fire advisor {fireAdvisor}',
    'zh-CN':
      '小场所标注率：行业 {industry}，专项 {special}，属地 {territorial}，消防指导员 {fireAdvisor}',
  },
  multiTenant: {
    en: 'Multi-tenant sites: landlords {landlords}, productive tenants {tenants}, visits {visits}, hazards {rectified}/{found} (major {majors}), cases {cases}, alarms {alarms}, smoke detectors {smokeDetectors}',
    'zh-CN':
      '厂中厂：产权主体 {landlords} 家，生产型承租企业 {tenants} 家，检查 {visits} 家次，隐患 {rectified}/{found} 项（重大 {majors} 项），立案 {cases} 起，一键警报 {alarms} 台，烟感 {smokeDetectors} 个',
  },
  service: {
    en: 'Service visits: enterprises {units}, hazards {found}; teams {teams} (officers {officers}, experts {experts})',
    'zh-CN':
      '百团进千企：重点企业 {units} 家，排查隐患 {found} 项；服务团 {teams} 个（执法人员 {officers} 名，专家 {experts} 名）',
  },
  enforcement: {
    en: 'Enforcement: enterprises {units}, hazards {rectified}/{found}; cases {cases}, major-hazard cases {majorCases}, dual penalties {dualPenalties}',
    'zh-CN':
      '执法检查：企业 {units} 家，隐患 {rectified}/{found} 项；立案 {cases} 起，重大隐患立案 {majorCases} 起，一案双罚 {dualPenalties} 起',
  },
  enterprises: {
    en: 'Enterprises: risk reports {riskReports}, standardization grade 2: {grade2}, grade 3: {grade3}, emergency teams {emergencyTeams}',
    'zh-CN':
      '企业：风险报告 {riskReports} 家，二级标准化 {grade2} 家，三级标准化 {grade3} 家，成立应急队伍 {emergencyTeams} 家',
  },
  activities: {
    en: 'Activities: key-sector trainings {keySectorTrainings}, training person-times {personTimes}, steward-system enterprises {stewardEnterprises}, drills {drills}, plans revised {plansRevised}, hall visitors {hallVisitors}',
    'zh-CN':
      '活动：重点行业培训 {keySectorTrainings} 场，培训 {personTimes} 人次，安全管家系统 {stewardEnterprises} 家企业，应急演练 {drills} 次，预案修编 {plansRevised} 部，体验馆参观 {hallVisitors} 人次',
  },
  duty: {
    en: 'Duty watch {year}: gaps {gaps}',
    'zh-CN': '{year}年值班值守：空档 {gaps} 个',
  },
};

/** The marker of a line whose figures wait for parts the library does not have yet. */
export const notYetAvailable: BilingualText = {
  en: '[not yet available: {parts}]',
  'zh-CN': '【暂不可用：{parts}】',
};

/** How a missing figure is shown inside its line. */
export const missingFigure: BilingualText = { en: 'n/a', 'zh-CN': '暂无' };
