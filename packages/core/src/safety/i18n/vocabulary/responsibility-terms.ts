import { term } from './label-entry.js';

/** Terms of the `ResponsibilityAssignment` aggregate (spec §4.3, 职责任务清单 / 一岗双责). */
export const responsibilityTerms = {
  assignmentState: {
    draft: term('草拟', 'Draft'),
    issued: term('已印发', 'Issued'),
    superseded: term('已替代', 'Superseded'),
    expired: term('已到期', 'Expired'),
  },
  listKind: {
    leadership_key_tasks: term('领导班子安全生产重点工作清单', 'Leadership key tasks'),
    duty_task_list: term('职责任务清单', 'Duty task list'),
    task_division: term('任务分工方案', 'Task division'),
    venue_division: term('小场所监管职责分工', 'Venue division'),
    chain_governance: term('“一件事”全链条治理', 'Chain governance'),
    staffing: term('安全监管人员配备', 'Staffing'),
  },
  assigneeKind: {
    leader: term('领导', 'Leader'),
    department: term('部门', 'Department'),
    area: term('园区（镇街）', 'Area'),
    enterprise: term('企业', 'Enterprise'),
  },
  dutyKind: {
    statutory_duty: term('法定职责', 'Statutory duty'),
    key_task: term('重点任务', 'Key task'),
    measure: term('工作措施', 'Measure'),
    staffing: term('人员配备', 'Staffing'),
  },
  dutyRole: {
    lead: term('牵头', 'Lead'),
    support: term('配合', 'Support'),
  },
  performanceRating: {
    excellent: term('优秀', 'Excellent'),
    good: term('良好', 'Good'),
    pass: term('合格', 'Pass'),
    fail: term('不合格', 'Fail'),
  },
} as const;

/** Labels of the responsibility assignment's events (spec §4.3). */
export const responsibilityEventLabels = {
  AssignmentDrafted: term('职责任务草拟', 'Assignment drafted'),
  DutyAdded: term('职责增加', 'Duty added'),
  DutyRemoved: term('职责删除', 'Duty removed'),
  AssignmentIssued: term('职责任务印发', 'Assignment issued'),
  AssignmentAcknowledged: term('职责任务签收', 'Assignment acknowledged'),
  AssignmentRevised: term('职责任务修订', 'Assignment revised'),
  SafetyStaffDesignated: term('明确安全工作人员', 'Safety staff designated'),
  SafetyStaffRevoked: term('撤销安全工作人员', 'Safety staff revoked'),
  DutyProgressReported: term('履职进展报告', 'Duty progress reported'),
  DutyCompleted: term('职责任务完成', 'Duty completed'),
  PerformanceReviewed: term('履职考核', 'Performance reviewed'),
  AssignmentSuperseded: term('职责任务替代', 'Assignment superseded'),
} as const;

/** Labels of the responsibility assignment's commands (spec §4.3). */
export const responsibilityCommandLabels = {
  DraftAssignment: term('草拟职责任务', 'Draft assignment'),
  AddDuty: term('增加职责', 'Add duty'),
  RemoveDuty: term('删除职责', 'Remove duty'),
  IssueAssignment: term('印发职责任务', 'Issue assignment'),
  AcknowledgeAssignment: term('签收职责任务', 'Acknowledge assignment'),
  ReviseAssignment: term('修订职责任务', 'Revise assignment'),
  DesignateSafetyStaff: term('明确安全工作人员', 'Designate safety staff'),
  RevokeSafetyStaff: term('撤销安全工作人员', 'Revoke safety staff'),
  ReportDutyProgress: term('报告履职进展', 'Report duty progress'),
  CompleteDuty: term('完成职责任务', 'Complete duty'),
  ReviewPerformance: term('考核履职情况', 'Review performance'),
  SupersedeAssignment: term('替代职责任务', 'Supersede assignment'),
} as const;
