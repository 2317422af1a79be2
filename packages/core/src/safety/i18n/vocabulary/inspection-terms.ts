import { term } from './label-entry.js';

/** Terms of the `Inspection` aggregate (spec §4.4, 检查 / 执法检查 / 指导服务). */
export const inspectionTerms = {
  inspectionKind: {
    enforcement: term('执法检查', 'Enforcement'),
    routine_supervision: term('日常监督检查', 'Routine supervision'),
    service_guidance: term('指导服务', 'Service guidance'),
    special_campaign: term('专项检查', 'Special campaign'),
    spot_check: term('抽查', 'Spot check'),
    supervision_team_check: term('督导检查', 'Supervision team check'),
  },
  /** On site or online; venue patrols use the same modes (V-3). */
  inspectionMode: {
    onsite: term('现场', 'On site'),
    online: term('线上', 'Online'),
  },
  inspectionState: {
    scheduled: term('已计划', 'Scheduled'),
    in_progress: term('检查中', 'In progress'),
    completed: term('已完成', 'Completed'),
    cancelled: term('已取消', 'Cancelled'),
  },
  onSiteMeasureKind: {
    evacuate: term('撤出作业人员', 'Evacuate'),
    suspend_operations: term('责令暂时停产停业', 'Suspend operations'),
    stop_equipment: term('停止使用相关设施、设备', 'Stop equipment'),
    seal: term('查封、扣押', 'Seal'),
  },
} as const;

/** Labels of the inspection's events (spec §4.4). */
export const inspectionEventLabels = {
  InspectionScheduled: term('检查计划', 'Inspection scheduled'),
  InspectionStarted: term('检查开始', 'Inspection started'),
  FindingRecorded: term('检查发现登记', 'Finding recorded'),
  RectificationOrderIssued: term('下达责令限期整改指令书', 'Rectification order issued'),
  OnSiteMeasureImposed: term('作出现场处理措施决定', 'On-site measure imposed'),
  InspectionCompleted: term('检查完成', 'Inspection completed'),
  InspectionCancelled: term('检查取消', 'Inspection cancelled'),
} as const;

/** Labels of the inspection's commands (spec §4.4). */
export const inspectionCommandLabels = {
  ScheduleInspection: term('安排检查', 'Schedule inspection'),
  StartInspection: term('开始检查', 'Start inspection'),
  RecordFinding: term('登记检查发现', 'Record finding'),
  IssueRectificationOrder: term('下达责令限期整改指令书', 'Issue rectification order'),
  ImposeOnSiteMeasure: term('作出现场处理措施决定', 'Impose on-site measure'),
  CompleteInspection: term('完成检查', 'Complete inspection'),
  CancelInspection: term('取消检查', 'Cancel inspection'),
} as const;
