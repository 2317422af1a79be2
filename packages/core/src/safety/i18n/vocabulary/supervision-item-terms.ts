import { libraryTerm, term } from './label-entry.js';

/** Terms of the `SupervisionItem` aggregate (spec §4.5, 督导组交办 / 信访举报件 / 巡视反馈问题). */
export const supervisionItemTerms = {
  issuerKind: {
    supervision_team: term('督导组', 'Supervision team'),
    special_rectification_office: term('专治办', 'Special rectification office'),
    inspection_tour: term('巡视组', 'Inspection tour'),
    superior_committee: term('上级安委会', 'Superior committee'),
  },
  itemKind: {
    petition: term('信访举报件', 'Petition'),
    hazard_list: term('交办隐患清单', 'Hazard list'),
    feedback_issue: term('巡视反馈问题', 'Feedback issue'),
  },
  itemState: {
    received: term('已接收', 'Received'),
    assigned: term('已分办', 'Assigned'),
    in_progress: term('办理中', 'In progress'),
    feedback_submitted: term('已反馈', 'Feedback submitted'),
    closed: term('已销号', 'Closed'),
  },
  /**
   * The fields of PO-5's notice (`ItemReadiness`): the library's own record, so its labels are
   * the library's, in the words the handover registers use.
   */
  itemReadinessField: {
    itemId: libraryTerm('交办事项编号', 'Item'),
    hazardId: libraryTerm('触发隐患编号', 'Hazard'),
    cause: libraryTerm('触发事件', 'Cause'),
    itemStatus: libraryTerm('事项状态', 'Item status'),
    unclosedHazardIds: libraryTerm('未销号关联隐患', 'Linked hazards not closed'),
    feedbackBlockedBy: libraryTerm('暂不能反馈的依据', 'Feedback blocked by'),
    closureBlockedBy: libraryTerm('暂不能销号的依据', 'Closure blocked by'),
  },
  investigationFinding: {
    substantiated: term('属实', 'Substantiated'),
    partially_substantiated: term('部分属实', 'Partially substantiated'),
    unsubstantiated: term('不属实', 'Unsubstantiated'),
  },
} as const;

/** Labels of the supervision item's events (spec §4.5). */
export const supervisionItemEventLabels = {
  HandoverReceived: term('接收交办', 'Handover received'),
  ItemAssigned: term('事项分办', 'Item assigned'),
  ItemInvestigated: term('核查', 'Item investigated'),
  ItemHazardLinked: term('事项关联隐患', 'Hazard linked to item'),
  ItemCaseLinked: term('事项关联案件', 'Case linked to item'),
  MeasureAdded: term('整改措施增加', 'Measure added'),
  MeasureCompleted: term('整改措施完成', 'Measure completed'),
  PetitionerReplied: term('答复举报人', 'Petitioner replied'),
  ItemFeedbackSubmitted: term('办理情况反馈', 'Feedback submitted'),
  ItemClosed: term('销号', 'Item closed'),
  ItemReturned: term('退回重办', 'Item returned'),
} as const;

/** Labels of the supervision item's commands (spec §4.5). */
export const supervisionItemCommandLabels = {
  ReceiveHandover: term('接收交办', 'Receive handover'),
  AssignItem: term('分办事项', 'Assign item'),
  RecordInvestigation: term('登记核查结果', 'Record investigation'),
  LinkHazard: term('关联隐患', 'Link hazard'),
  LinkCase: term('关联案件', 'Link case'),
  AddMeasure: term('增加整改措施', 'Add measure'),
  CompleteMeasure: term('完成整改措施', 'Complete measure'),
  ReplyToPetitioner: term('答复举报人', 'Reply to petitioner'),
  SubmitFeedback: term('反馈办理情况', 'Submit feedback'),
  CloseItem: term('销号', 'Close item'),
  ReturnItem: term('退回重办', 'Return item'),
} as const;
