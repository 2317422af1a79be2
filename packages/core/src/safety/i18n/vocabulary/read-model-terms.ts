import { libraryTerm, term } from './label-entry.js';

/**
 * Names of the read models of spec §5 and of their columns. Column codes are the spec's own: the
 * names in its formulas (`found`, `onTime`, `daysOverdue`, …) or the attributes of §4
 * (`areaId`, `closedAt`, …); a read model's documents use these codes as field names.
 */
export const readModelTerms = {
  /** The read models P-1…P-21. */
  readModel: {
    hazardLedger: term('隐患台账', 'Hazard ledger'),
    rectificationRate: term('整改率', 'Rectification rate'),
    closuresFlow: libraryTerm('隐患销号数（按销号日期）', 'Closures flow'),
    majorHazardRate: term('重大事故隐患整改率', 'Major-hazard rate'),
    onTimeRectificationRate: term('按期整改率', 'On-time rectification rate'),
    overdueLedger: term('逾期隐患台账', 'Overdue ledger'),
    majorHazardLedger: term(
      '重大事故隐患（挂牌督办）台账',
      'Major-hazard and listed-supervision ledger',
    ),
    verificationBacklog: term('待验收隐患', 'Verification backlog'),
    sourceMix: term('隐患来源与发现密度', 'Source mix and detection density'),
    inspectionCoverage: term('检查覆盖情况', 'Inspection coverage'),
    venueMarkingRates: term('小场所标注率', 'Venue marking rates'),
    venuePatrolRate: term('季度场所巡查率', 'Quarterly venue patrol rate'),
    venueSelfCheckRate: term('月度场所自查完成率', 'Monthly venue self-check completion rate'),
    venueStats: term('小场所统计', 'Venue statistics'),
    handoverStatus: term('交办事项销号情况', 'Handover status'),
    caseStatistics: term('执法统计', 'Case statistics'),
    closureWatchlist: term('提请关闭名单', 'Closure watchlist'),
    responsibilityCoverage: term('职责任务落实情况', 'Responsibility coverage'),
    multiTenantSiteCompliance: term('厂中厂整治情况', 'Multi-tenant site compliance'),
    enterpriseCompliance: term('企业主体责任落实情况', 'Enterprise compliance'),
    activityTotals: term('宣传培训活动统计', 'Activity totals'),
    dutyCoverage: term('值班值守情况', 'Duty coverage'),
  },
  /** P-1 hazard ledger (隐患台账). */
  hazardLedgerColumn: {
    hazardId: term('隐患编号', 'Hazard'),
    subject: term('隐患所在单位', 'Subject'),
    areaId: term('所属区域', 'Area'),
    sectorCode: term('所属行业', 'Sector'),
    nature: term('隐患类别', 'Nature'),
    grade: term('隐患等级', 'Grade'),
    source: term('隐患来源', 'Source'),
    campaignIds: term('专项行动', 'Campaigns'),
    registeredAt: term('登记日期', 'Registered'),
    deadline: term('整改期限', 'Deadline'),
    originalDeadline: term('原定整改期限', 'Original deadline'),
    status: term('状态', 'Status'),
    completedAt: term('整改完成日期', 'Completed'),
    verifiedAt: term('验收日期', 'Verified'),
    closedAt: term('销号日期', 'Closed'),
    overdue: term('是否逾期', 'Overdue'),
    caseIds: term('关联案件', 'Cases'),
    supervisionItemId: term('关联交办事项', 'Supervision item'),
  },
  /** P-2 rectification rate and P-3 major-hazard rate (cohort: found in P, rectified by T). */
  rectificationRateColumn: {
    found: term('发现隐患', 'Found'),
    rectified: term('完成整改', 'Rectified'),
    rate: term('整改率', 'Rate'),
  },
  /** P-2b closures flow: closures in P, whenever found. */
  closuresFlowColumn: {
    closed: term('销号隐患', 'Closed'),
  },
  /** P-4 on-time rectification rate; `strict` judges against the original deadline. */
  onTimeRateColumn: {
    eligible: term('应整改隐患', 'Eligible'),
    onTime: term('按期整改', 'On time'),
    rate: term('按期整改率', 'Rate'),
    strict: libraryTerm('按原定期限计', 'Strict'),
  },
  /** P-5 overdue ledger (逾期台账). */
  overdueLedgerColumn: {
    overdue: term('逾期隐患', 'Overdue'),
    daysOverdue: term('逾期天数', 'Days overdue'),
  },
  /** P-6 major-hazard / listed-supervision ledger. */
  majorHazardLedgerColumn: {
    responsibleEnterpriseId: term('责任单位', 'Enterprise'),
    areaId: term('所属区域', 'Area'),
    sectorCode: term('所属行业', 'Sector'),
    majorBasis: term('判定依据', 'Basis clause'),
    source: term('隐患来源', 'Source'),
    registeredAt: term('登记日期', 'Registered'),
    reportedToRegulatorAt: term('报告日期', 'Reported'),
    reportLate: term('是否迟报', 'Report late'),
    disclosedToWorkforceAt: term('向从业人员通报日期', 'Disclosed to workforce'),
    listingLevel: term('挂牌级别', 'Listing level'),
    listingAuthority: term('挂牌单位', 'Listing authority'),
    listedAt: term('挂牌日期', 'Listed'),
    responsiblePersonId: term('责任人', 'Responsible person'),
    measures: term('治理措施', 'Measures'),
    fundingCny: term('治理资金（元）', 'Funding (CNY)'),
    deadline: term('治理时限', 'Deadline'),
    contingencyPlanRef: term('应急预案', 'Contingency plan'),
    suspension: term('停产停业情况', 'Suspension'),
    assessment: term('治理评估', 'Assessment'),
    verificationRequestedAt: term('申请验收日期', 'Verification requested'),
    slaBreached: term('是否超期未验收', 'Verification SLA breached'),
    verificationResults: term('验收结果', 'Verification results'),
    delistedAt: term('摘牌日期', 'Delisted'),
    resumedAt: term('复产日期', 'Resumed'),
    closedAt: term('销号日期', 'Closed'),
    overdue: term('是否逾期', 'Overdue'),
    caseIds: term('关联案件', 'Cases'),
  },
  /** P-7 verification backlog. */
  verificationBacklogColumn: {
    requestedAt: term('申请验收时间', 'Requested'),
    slaBreached: term('是否超期未验收', 'SLA breached'),
  },
  /** P-8 source mix and detection density (考核指标). */
  sourceMixColumn: {
    selfFoundShare: term('企业自查隐患占比', 'Self-found share'),
    per1000Inspections: term('每千次检查发现隐患数', 'Hazards per 1,000 inspections'),
    selfFound: term('企业自查隐患', 'Self-found hazards'),
    found: term('发现隐患', 'Hazards found'),
    hazards: libraryTerm('检查发现隐患', 'Hazards found in inspections'),
    visits: term('检查家次', 'Inspections'),
  },
  /** P-9 inspection coverage: visits (家次) and units (家). */
  inspectionCoverageColumn: {
    visits: term('检查家次', 'Visits'),
    unitsInspected: term('检查家数', 'Units inspected'),
    repeatVisits: libraryTerm('重复检查家次', 'Repeat visits'),
    teams: term('检查组（服务团）数', 'Teams'),
    findings: term('检查发现问题', 'Findings'),
    majorFindings: term('检查发现重大隐患', 'Major findings'),
  },
  /** The inspection ledger behind P-9 (检查台账). */
  inspectionLedgerColumn: {
    inspectionId: term('检查编号', 'Inspection'),
    kind: term('检查类型', 'Kind'),
    subjectKind: term('检查对象类型', 'Subject kind'),
    subjectId: term('检查对象', 'Subject'),
    orgId: term('检查单位', 'Inspecting organisation'),
    areaId: term('所属区域', 'Area'),
    campaignIds: term('专项行动', 'Campaigns'),
    inspectorIds: term('检查人员', 'Inspectors'),
    expertIds: term('专家', 'Experts'),
    teamSize: term('检查组人数', 'Team size'),
    teamKey: libraryTerm('检查组成员组合', 'Team composition'),
    scheduledAt: term('计划登记日期', 'Scheduled'),
    completedAt: term('检查完成日期', 'Completed'),
    cancelledAt: term('取消日期', 'Cancelled'),
    findingCount: term('发现问题数', 'Findings'),
    majorCount: term('发现重大隐患数', 'Major findings'),
  },
  /** P-10 venue marking rates (标注率), one per marking role. */
  venueMarkingColumn: {
    active: term('在册场所', 'Active venues'),
    industry: term('行业标注率', 'Industry'),
    special: term('专项标注率', 'Special'),
    territorial: term('属地标注率', 'Territorial'),
    fireAdvisor: term('消防指导员标注率', 'Fire advisor'),
    fullyMarked: term('四方全部标注', 'Fully marked'),
    invalidIndustryMarkings: libraryTerm('行业标注失效场所', 'Invalid industry markings'),
  },
  /** P-11 quarterly patrol rate and P-12 monthly self-check rate. */
  venueCheckRateColumn: {
    /** Venues active at the end of the period (the denominator). */
    active: term('应查场所', 'Venues due'),
    /** Of them, venues patrolled or self-checked in the period (the numerator). */
    covered: term('已查场所', 'Venues checked'),
    rate: term('完成率', 'Rate'),
  },
  /** P-13 venue statistics. */
  venueStatsColumn: {
    registered: term('录入场所', 'Registered'),
    active: term('在册场所', 'Active venues'),
    spotChecked: term('抽查场所', 'Spot-checked'),
    found: term('发现隐患', 'Hazards found'),
    rectified: term('完成整改', 'Hazards rectified'),
  },
  /** P-14 handover status (交办事项销号情况). */
  handoverStatusColumn: {
    received: term('交办件数', 'Received'),
    closed: term('已销号', 'Closed'),
    open: term('未销号', 'Open'),
    overdue: term('逾期未销号', 'Overdue'),
    closureRate: term('销号率', 'Closure rate'),
    distinctUnits: term('涉及单位', 'Units'),
    linkedHazards: term('关联隐患', 'Linked hazards'),
    linkedHazardsClosed: term('关联隐患已销号', 'Linked hazards closed'),
    measures: term('整改措施', 'Measures'),
    measuresDone: term('已完成整改措施', 'Measures done'),
  },
  /** P-15 case statistics (执法统计). */
  caseStatisticsColumn: {
    filed: term('立案', 'Filed'),
    majorHazardCases: term('重大隐患立案', 'Major-hazard cases'),
    dualPenalties: term('一案双罚', 'Dual penalties'),
    decided: term('作出处罚决定', 'Decided'),
    closed: term('结案', 'Closed'),
    dismissed: term('撤案', 'Dismissed'),
    transferred: term('移送', 'Transferred'),
    fines: term('罚款金额', 'Fines'),
    finesUnitFen: term('单位罚款金额（分）', 'Fines on units (fen)'),
    finesIndividualFen: term('个人罚款金额（分）', 'Fines on individuals (fen)'),
    avgDaysToDecision: term('平均办案天数', 'Average days to decision'),
    decisionOverdue: term('超期未决定', 'Decision overdue'),
    casesByPenaltyKind: term('按处罚种类统计案件', 'Cases by penalty kind'),
  },
  /** The enforcement-case ledger behind P-15 and P-16 (执法案件台账). */
  caseLedgerColumn: {
    caseNo: term('案件编号', 'Case number'),
    agencyOrgId: term('办案机关', 'Agency'),
    sourceKind: term('案件来源', 'Source'),
    campaignIds: term('专项行动', 'Campaigns'),
    filedAt: term('立案日期', 'Filed'),
    majorHazardSince: libraryTerm('认定为重大隐患案件时间', 'Major-hazard case since'),
    decisionDueDate: term('处罚决定期限', 'Decision due'),
    decidedAt: term('处罚决定日期', 'Decided'),
    isMajorHazardCase: term('是否重大隐患案件', 'Major-hazard case'),
    isDualPenalty: term('是否一案双罚', 'Dual penalty'),
    daysToDecision: term('办案天数', 'Days to decision'),
    decidedLate: term('是否超期决定', 'Decided late'),
    penaltyKinds: term('处罚种类', 'Penalty kinds'),
    penalisedEnterpriseIds: term('被处罚单位', 'Penalised enterprises'),
    closedAt: term('结案日期', 'Closed'),
    dismissedAt: term('撤案日期', 'Dismissed'),
    transferredAt: term('移送日期', 'Transferred'),
  },
  /** P-16 closure watchlist (WSL 2021 Art. 113). */
  closureWatchlistColumn: {
    enterpriseId: term('生产经营单位', 'Enterprise'),
    majorHazardCases: term('重大隐患案件', 'Major-hazard cases'),
    windowDays: term('统计期间（天）', 'Window (days)'),
    caseIds: term('案件', 'Cases'),
    from: term('起始日期', 'From'),
    to: term('截止日期', 'To'),
  },
  /** P-17 responsibility coverage. */
  responsibilityCoverageColumn: {
    issued: term('已印发', 'Issued'),
    acknowledged: term('已签收', 'Acknowledged'),
    dualDutyGaps: term('一岗双责缺项', 'Dual-duty gaps'),
    jointAccountability: term('党政同责落实', 'Joint accountability'),
    leadGaps: term('牵头部门缺位', 'Lead gaps'),
    dutyCompletionRate: term('任务完成率', 'Duty completion rate'),
    staffingCompliance: term('人员配备达标率', 'Staffing compliance'),
    headcount: term('配备人数', 'Headcount'),
    expired: term('已过期', 'Expired'),
    duties: term('任务数', 'Duties'),
    dutiesCompleted: term('已完成任务', 'Duties completed'),
    staffingDuties: term('人员配备任务', 'Staffing duties'),
    staffingSatisfied: term('人员配备达标任务', 'Staffing duties met'),
    requiredHeadcount: term('应配备人数', 'Required headcount'),
    designatedHeadcount: term('已配备人数', 'Designated headcount'),
    jointAccountabilityGaps: term('党政同责缺项', 'Joint-accountability gaps'),
    leadDuplicates: term('多个牵头部门', 'Duplicate leads'),
  },
  /** P-18 multi-tenant site compliance (厂中厂). */
  multiTenantSiteColumn: {
    sites: term('厂中厂', 'Sites'),
    landlords: term('产权主体', 'Landlords'),
    productiveTenants: term('生产型承租企业', 'Productive tenants'),
    agreementCoverage: term('安全管理协议签订率', 'Agreement coverage'),
    checkLapses: term('产权主体未按期检查', 'Check lapses'),
    inspectionVisits: term('检查家次', 'Inspection visits'),
    oneKeyAlarmBroadcasters: term('一键报警广播装置', 'One-key alarm broadcasters'),
    smokeDetectors: term('烟感报警设备', 'Smoke detectors'),
  },
  /** P-19 enterprise compliance. */
  enterpriseComplianceColumn: {
    riskReported: term('风险报告填报企业', 'Risk reports filed'),
    standardizationAwarded: term('标准化定级企业', 'Standardization awarded'),
    standardizationValid: term('标准化有效企业', 'Standardization valid'),
    emergencyTeams: term('成立应急队伍企业', 'Emergency teams'),
    statisticsOnTime: term('按时报送统计', 'Statistics on time'),
    statisticsLate: term('逾期报送统计', 'Statistics late'),
  },
  /** P-20 activity totals. */
  activityTotalsColumn: {
    sessions: term('场次', 'Sessions'),
    personTimes: term('人次', 'Person-times'),
    distinctEnterprisesTrained: term('参训企业', 'Enterprises trained'),
    drills: term('应急演练', 'Drills'),
    manuals: term('指导服务手册', 'Manuals'),
    posters: term('宣传挂画', 'Posters'),
    plansRevised: term('修编发布预案', 'Plans revised and published'),
  },
  /** P-21 duty coverage (DR-1, DR-2). */
  dutyCoverageColumn: {
    gaps: term('值班空档', 'Gaps'),
    overlaps: term('排班重叠', 'Overlaps'),
    shiftsWithoutLeader: term('无带班领导班次', 'Shifts without leader'),
  },
} as const;
