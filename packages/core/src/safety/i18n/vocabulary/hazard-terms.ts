import { libraryTerm, term } from './label-entry.js';

/** Terms of the `Hazard` aggregate (spec §4.1): states, values and plan and report elements. */
export const hazardTerms = {
  hazardState: {
    open: term('整改中', 'Open'),
    awaiting_verification: term('待验收', 'Awaiting verification'),
    verified: libraryTerm('已验收待销号', 'Verified'),
    closed: term('已销号', 'Closed'),
    voided: term('已作废', 'Voided'),
  },
  hazardGrade: {
    general: term('一般事故隐患', 'General'),
    major: term('重大事故隐患', 'Major'),
  },
  hazardNature: {
    unsafe_condition: term('物的危险状态', 'Unsafe condition'),
    unsafe_act: term('人的不安全行为', 'Unsafe act'),
    management_deficiency: term('管理上的缺陷', 'Management deficiency'),
  },
  hazardSource: {
    self_inspection: term('企业自查', 'Self-inspection'),
    landlord_check: term('产权主体检查', 'Landlord check'),
    regulator_inspection: term('监管部门检查', 'Regulator inspection'),
    enforcement_inspection: term('执法检查', 'Enforcement inspection'),
    service_visit: term('指导服务', 'Service visit'),
    patrol: term('巡查', 'Patrol'),
    spot_check: term('抽查', 'Spot check'),
    handover: term('上级交办', 'Handover'),
    petition: term('信访举报', 'Petition'),
    other: term('其他', 'Other'),
  },
  /** Who owns the rectification deadline (H-8). */
  deadlineOwner: {
    enterprise: term('生产经营单位', 'Enterprise'),
    regulator: term('监管部门', 'Regulator'),
  },
  /** Why a deadline moved: an approved extension or a failed verification (H-21). */
  extensionVia: {
    extension: term('批准延期', 'Extension'),
    failed_verification: term('验收不通过重新限期', 'Failed verification'),
  },
  disclosureForum: {
    workers_congress: term('职工大会', "Workers' congress"),
    representatives_congress: term('职工代表大会', "Workers' representatives congress"),
    notice_board: term('公告栏', 'Notice board'),
  },
  suspensionScope: {
    whole: term('全部停产停业', 'Whole'),
    partial: term('局部停产停业', 'Partial'),
    facility: term('停止使用相关设施、设备', 'Facility'),
  },
  /** Who ordered a suspension. */
  suspensionOrder: {
    regulator: term('监管部门责令', 'Regulator order'),
    self: term('企业自行停产', 'Self-imposed'),
  },
  interimMeasure: {
    evacuated: term('撤出作业人员', 'Workers evacuated'),
    cordoned: term('设置警戒区域', 'Area cordoned off'),
    signage: term('设置警示标志', 'Warning signs'),
    monitoring: term('加强监测监控', 'Monitoring'),
    maintenance: term('加强维护保养', 'Maintenance'),
  },
  assessorKind: {
    internal_experts: term('本单位技术人员和专家', 'Internal experts'),
    qualified_agency: term('具备相应资质的安全评价机构', 'Qualified agency'),
  },
  assessmentConclusion: {
    meets: term('符合安全生产条件', 'Meets safety conditions'),
    does_not_meet: term('不符合安全生产条件', 'Does not meet safety conditions'),
  },
  verificationPurpose: {
    closure: term('申请销号', 'Closure'),
    resumption: term('申请恢复生产', 'Resumption'),
  },
  verificationOutcome: {
    passed: term('验收通过', 'Passed'),
    failed: term('验收不通过', 'Failed'),
  },
  verificationKind: {
    internal_check: term('企业内部验收', 'Internal check'),
    regulator_review: term('监管部门复查', 'Regulator review'),
    acceptance: term('组织验收', 'Acceptance'),
    resumption_review: term('恢复生产审查', 'Resumption review'),
  },
  /** Elements of a major hazard's rectification plan (H-13; Order 16 Art. 15, 五落实). */
  planElement: {
    objectives: term('治理的目标和任务', 'Objectives'),
    measures: term('采取的方法和措施', 'Measures'),
    'funding.amountCny': term('治理经费', 'Funding amount'),
    'funding.source': term('经费来源', 'Funding source'),
    responsiblePersonId: term('负责治理的人员', 'Responsible person'),
    deadline: term('治理时限', 'Deadline'),
    safetyMeasures: term('安全措施', 'Safety measures'),
    contingencyPlanRef: term('应急预案', 'Contingency plan'),
  },
  /** Contents of a major-hazard report (H-12; Order 16 Art. 14). */
  reportElement: {
    recipientOrgIds: term('报送部门', 'Recipients'),
    statusAndCause: term('隐患的现状及其产生原因', 'Status and cause'),
    severityAndDifficulty: term('隐患的危害程度和整改难易程度分析', 'Severity and difficulty'),
    // The report names its plan by a summary or a document reference; either answers (H-12).
    'planSummary or planRef': term('隐患的治理方案', 'Rectification plan'),
  },
  /**
   * Who verifies a hazard (H-18, H-19): the library's grouping of the cases (a)–(d) of H-19, so
   * its names are its own.
   */
  verifierSide: {
    enterprise: libraryTerm('企业自行验收', 'Enterprise'),
    regulator: libraryTerm('监管部门验收', 'Regulator'),
    venue: libraryTerm('属地验收', 'Territorial body'),
    major: libraryTerm('重大事故隐患由监管部门验收', 'Major (supervising regulator)'),
  },
  /** What still stands between a verified hazard and its closure (H-20). */
  closureBlocker: {
    passed_verification: term('整改后验收通过', 'Passed verification'),
    regulator_verification: term('监管部门验收', 'Regulator verification'),
    known_to_regulator: term('报告监管部门', 'Known to the regulator'),
    workforce_disclosure: term('向从业人员通报', 'Workforce disclosure'),
    plan: term('完整的治理方案', 'Complete plan'),
    delisting: term('摘牌', 'Delisting'),
    resumption: term('恢复生产', 'Resumption'),
    assessment: term('治理情况评估', 'Assessment'),
  },
} as const;

/** Labels of the hazard's events (spec §4.1). */
export const hazardEventLabels = {
  HazardRegistered: term('隐患登记', 'Hazard registered'),
  HazardDetailsCorrected: term('隐患信息更正', 'Hazard details corrected'),
  HazardRegraded: term('隐患等级调整', 'Hazard regraded'),
  RectificationDeadlineExtended: term('整改期限延长', 'Rectification deadline extended'),
  MajorHazardReported: term('重大事故隐患报告', 'Major hazard reported'),
  MajorHazardDisclosedToWorkforce: term(
    '重大事故隐患向从业人员通报',
    'Major hazard disclosed to the workforce',
  ),
  RectificationPlanSubmitted: term('治理方案提交', 'Rectification plan submitted'),
  HazardListedForSupervision: term('挂牌督办', 'Hazard listed for supervision'),
  OperationsSuspended: term('停产停业', 'Operations suspended'),
  InterimControlsRecorded: term('临时防范措施登记', 'Interim controls recorded'),
  RectificationCompleted: term('整改完成', 'Rectification completed'),
  RectificationAssessed: term('治理情况评估', 'Rectification assessed'),
  VerificationRequested: term('验收申请', 'Verification requested'),
  RectificationVerified: term('整改验收', 'Rectification verified'),
  OperationsResumed: term('恢复生产', 'Operations resumed'),
  HazardDelisted: term('摘牌', 'Hazard delisted'),
  HazardClosed: term('销号', 'Hazard closed'),
  HazardVoided: term('隐患作废', 'Hazard voided'),
  HazardReferred: term('隐患移送', 'Hazard referred'),
} as const;

/** Labels of the hazard's commands (spec §4.1). */
export const hazardCommandLabels = {
  RegisterHazard: term('登记隐患', 'Register hazard'),
  CorrectHazardDetails: term('更正隐患信息', 'Correct hazard details'),
  RegradeHazard: term('调整隐患等级', 'Regrade hazard'),
  ExtendRectificationDeadline: term('延长整改期限', 'Extend rectification deadline'),
  ReportMajorHazard: term('报告重大事故隐患', 'Report major hazard'),
  DiscloseMajorHazardToWorkforce: term(
    '向从业人员通报重大事故隐患',
    'Disclose major hazard to the workforce',
  ),
  SubmitRectificationPlan: term('提交治理方案', 'Submit rectification plan'),
  ListForSupervision: term('挂牌督办', 'List for supervision'),
  SuspendOperations: term('停产停业', 'Suspend operations'),
  RecordInterimControls: term('登记临时防范措施', 'Record interim controls'),
  CompleteRectification: term('完成整改', 'Complete rectification'),
  RecordRectificationAssessment: term('登记治理评估', 'Record rectification assessment'),
  RequestVerification: term('申请验收', 'Request verification'),
  VerifyRectification: term('验收整改', 'Verify rectification'),
  ApproveResumption: term('批准恢复生产', 'Approve resumption'),
  DelistHazard: term('摘牌', 'Delist hazard'),
  CloseHazard: term('销号', 'Close hazard'),
  VoidHazard: term('作废隐患', 'Void hazard'),
  ReferHazard: term('移送隐患', 'Refer hazard'),
} as const;
