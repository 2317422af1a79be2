import { term } from './label-entry.js';

/** Terms of the `EnforcementCase` aggregate (spec §4.2, 立案 → 结案). */
export const enforcementTerms = {
  caseState: {
    filed: term('已立案', 'Filed'),
    notified: term('已事先告知', 'Notified'),
    hearing_requested: term('已申请听证', 'Hearing requested'),
    decided: term('已作出处罚决定', 'Decided'),
    executed: term('已执行', 'Executed'),
    closed: term('已结案', 'Closed'),
    dismissed: term('已撤案', 'Dismissed'),
    transferred: term('已移送', 'Transferred'),
  },
  respondentKind: {
    unit: term('单位', 'Unit'),
    individual: term('个人', 'Individual'),
  },
  /** Roles of an individual respondent; also the policy's `dualPenaltyIndividualRoles` (EC-11). */
  respondentRole: {
    principal: term('主要负责人', 'Principal'),
    directly_responsible_manager: term('直接负责的主管人员', 'Directly responsible manager'),
    other_directly_responsible: term('其他直接责任人员', 'Other directly responsible person'),
  },
  evidenceKind: {
    inspection_record: term('现场检查笔录', 'Inspection record'),
    inquiry_record: term('询问笔录', 'Inquiry record'),
    photo: term('照片', 'Photo'),
    document: term('书证', 'Document'),
    sample: term('抽样取证', 'Sample'),
  },
  legalReviewOpinion: {
    approve: term('同意', 'Approve'),
    revise: term('退回修改', 'Revise'),
  },
  /** Kinds of administrative penalty (Administrative Penalty Law 2021 Art. 9). */
  penaltyKind: {
    warning: term('警告', 'Warning'),
    fine: term('罚款', 'Fine'),
    confiscation: term('没收违法所得、没收非法财物', 'Confiscation'),
    suspension_of_operations: term('责令停产停业', 'Suspension of operations'),
    license_suspension: term('暂扣许可证件', 'Licence suspension'),
    license_revocation: term('吊销许可证件', 'Licence revocation'),
    closure: term('责令关闭', 'Closure'),
    ban_from_post: term('限制从业', 'Ban from post'),
  },
  /** How a decision was served (送达方式). */
  serviceMethod: {
    direct: term('直接送达', 'Direct'),
    left_at_residence: term('留置送达', 'Left at residence'),
    electronic: term('电子送达', 'Electronic'),
    entrusted: term('委托送达', 'Entrusted'),
    mail: term('邮寄送达', 'Mail'),
    public_notice: term('公告送达', 'Public notice'),
  },
  /** How a penalty was performed. */
  penaltyPerformance: {
    paid: term('已缴纳', 'Paid'),
    complied: term('已履行', 'Complied'),
  },
  dismissalReason: {
    no_violation: term('违法事实不成立', 'No violation'),
    insufficient_evidence: term('证据不足', 'Insufficient evidence'),
    minor_no_penalty: term('违法行为轻微，依法不予处罚', 'Minor, no penalty'),
    time_barred: term('超过追责时效', 'Time-barred'),
    other: term('其他', 'Other'),
  },
  transferKind: {
    judicial: term('移送司法机关', 'Judicial organs'),
    other_agency: term('移送其他行政机关', 'Other agency'),
  },
} as const;

/** Labels of the enforcement case's events (spec §4.2). */
export const enforcementEventLabels = {
  CaseFiled: term('立案', 'Case filed'),
  RespondentAdded: term('追加当事人', 'Respondent added'),
  CaseHazardLinked: term('案件关联隐患', 'Hazard linked to case'),
  EvidenceRecorded: term('调查取证', 'Evidence recorded'),
  PreDecisionNoticeServed: term('事先告知书送达', 'Pre-decision notice served'),
  StatementAndDefenceRecorded: term('陈述申辩', 'Statement and defence recorded'),
  HearingRequested: term('申请听证', 'Hearing requested'),
  HearingWaived: term('放弃听证', 'Hearing waived'),
  HearingHeld: term('举行听证', 'Hearing held'),
  LegalReviewCompleted: term('法制审核', 'Legal review completed'),
  PenaltyDecisionIssued: term('作出行政处罚决定', 'Penalty decision issued'),
  PenaltyDecisionServed: term('处罚决定书送达', 'Penalty decision served'),
  PenaltyPerformed: term('处罚履行', 'Penalty performed'),
  CourtEnforcementRequested: term('申请人民法院强制执行', 'Court enforcement requested'),
  CaseDeadlineExtended: term('办案期限延长', 'Case deadline extended'),
  CaseClosed: term('结案', 'Case closed'),
  CaseDismissed: term('撤案', 'Case dismissed'),
  CaseTransferred: term('案件移送', 'Case transferred'),
} as const;

/** Labels of the enforcement case's commands (spec §4.2). */
export const enforcementCommandLabels = {
  FileCase: term('立案', 'File case'),
  AddRespondent: term('追加当事人', 'Add respondent'),
  LinkHazardToCase: term('关联隐患', 'Link hazard to case'),
  RecordEvidence: term('登记证据', 'Record evidence'),
  ServePreDecisionNotice: term('送达事先告知书', 'Serve pre-decision notice'),
  RecordStatementAndDefence: term('记录陈述申辩', 'Record statement and defence'),
  RecordHearingRequest: term('登记听证申请', 'Record hearing request'),
  WaiveHearing: term('登记放弃听证', 'Waive hearing'),
  HoldHearing: term('举行听证', 'Hold hearing'),
  CompleteLegalReview: term('完成法制审核', 'Complete legal review'),
  DecidePenalty: term('作出处罚决定', 'Decide penalty'),
  ServeDecision: term('送达处罚决定书', 'Serve decision'),
  RecordPenaltyPerformed: term('登记处罚履行', 'Record penalty performed'),
  RequestCourtEnforcement: term('申请人民法院强制执行', 'Request court enforcement'),
  ExtendDecisionDeadline: term('延长办案期限', 'Extend decision deadline'),
  CloseCase: term('结案', 'Close case'),
  DismissCase: term('撤案', 'Dismiss case'),
  TransferCase: term('移送案件', 'Transfer case'),
} as const;
