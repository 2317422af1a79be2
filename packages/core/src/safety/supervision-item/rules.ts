import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

const scope = 'SupervisionItem' as const;

/**
 * The supervision-item rules of domain spec §4.5 (SI-0 is the library's lifecycle rule), in
 * Chinese and English. Grep an id (`SI-2`) to find its check and the tests named after it.
 */
export const supervisionItemRules = defineRuleCatalog([
  {
    id: 'SI-0',
    scope,
    title: { 'zh-CN': '办理流程与办理人', en: 'Lifecycle and senders' },
    statement: {
      'zh-CN':
        '本库增设：事项须先接收（`ReceiveHandover`，由督导组成员或记录交办文件的安委办办理）方可办理其他命令，同一事项只接收一次；分办由安委办办理，仅限已接收状态；核查、关联、整改措施、答复由牵头单位的监管人员在已分办或办理中状态办理（答复举报人在已反馈状态亦可）；反馈由牵头单位负责人办理；销号、退回由交办方办理（授权安委办销号的，安委办亦可）。关联的隐患须已登记，同一隐患、案件、措施编号只登记一次，完成的措施须已增加且未完成。',
      en: "Added by the library: an item is received once (`ReceiveHandover`, by a SupervisionTeam member or a SafetyCommitteeOffice recording the issuer's document) before any other command; `AssignItem` by a SafetyCommitteeOffice while `received`; investigation, links, measures and replies by an officer of the lead organisation while `assigned` or `in_progress` (a reply also while `feedback_submitted`); feedback by an AuthorityHead of the lead organisation; closure and return by the issuer (closure also by a SafetyCommitteeOffice when delegated). A linked hazard must be registered; a hazard, case or measure id is recorded once; a completed measure exists and is still open.",
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}无权办理该事项：{reason}',
        en: '{role} {personId} {reason}',
      },
      NotReceived: {
        'zh-CN': '事项尚未接收，不能办理“{command, label, commandType}”',
        en: '{command} needs a received item',
      },
      AlreadyReceived: {
        'zh-CN': '事项{itemId}已接收',
        en: 'item {itemId} is already received',
      },
      InvalidState: {
        'zh-CN': '事项处于“{state, label, itemState}”状态，不能办理“{command, label, commandType}”',
        en: '{command} is not accepted while the item is {state}',
      },
      UnknownHazard: {
        'zh-CN': '隐患{hazardId}尚未登记',
        en: 'hazard {hazardId} is not registered',
      },
      AlreadyLinked: {
        'zh-CN': '{ref}已关联本事项',
        en: '{ref} is already linked to the item',
      },
      DuplicateMeasure: {
        'zh-CN': '整改措施{measureId}已存在',
        en: 'measure {measureId} already exists',
      },
      UnknownMeasure: {
        'zh-CN': '本事项没有整改措施{measureId}',
        en: 'the item has no measure {measureId}',
      },
      MeasureAlreadyDone: {
        'zh-CN': '整改措施{measureId}已完成',
        en: 'measure {measureId} is already done',
      },
    },
  },
  {
    id: 'SI-1',
    scope,
    title: { 'zh-CN': '一个牵头单位', en: 'One lead organisation' },
    statement: {
      'zh-CN':
        '分办时确定且仅确定一个牵头单位（须为负有安全生产监督管理职责的部门），配合单位须为目录中的单位且不含牵头单位；内部办理期限不得晚于交办期限。',
      en: 'Assignment names exactly one lead organisation, a work-safety regulator; supporting organisations are in the directory and exclude the lead; `internalDeadline ≤ deadline`.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      LeadNotARegulator: {
        'zh-CN': '牵头单位{leadOrgId}不是负有安全生产监督管理职责的部门',
        en: 'lead organisation {leadOrgId} is not a work-safety regulator',
      },
      LeadAmongSupport: {
        'zh-CN': '牵头单位{leadOrgId}不能同时为配合单位',
        en: 'lead organisation {leadOrgId} is also listed as supporting',
      },
      UnknownOrganization: {
        'zh-CN': '配合单位{orgIds}不在目录中',
        en: 'supporting organisations {orgIds} are not in the directory',
      },
      InternalDeadlineAfterDeadline: {
        'zh-CN': '内部办理期限{internalDeadline, date}晚于交办期限{deadline, date}',
        en: 'internal deadline {internalDeadline} is after the deadline {deadline}',
      },
    },
  },
  {
    id: 'SI-2',
    scope,
    title: { 'zh-CN': '交办隐患清单', en: 'Hazard lists' },
    statement: {
      'zh-CN':
        '交办隐患清单（`hazard_list`）至少列明一家涉及企业；反馈时须至少关联一条隐患，关联的每条隐患均已销号（或已作废），给定预期隐患数的，关联数须与之相等（`HazardCountMismatch`）。隐患状态通过读模型端口查询（G-9），读模型落后时报可重试的 `ProjectionLaggingError`。',
      en: 'A `hazard_list` names at least one subject enterprise; feedback needs at least one linked hazard, every linked hazard `closed` (or `voided`, which always carries its reason, H-23), and the linked count equal to `expectedHazardCount` when given (`HazardCountMismatch`). Hazard statuses are read through the item-hazards port (G-9); a read model behind a hazard’s stream fails with the retryable `ProjectionLaggingError`.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      SubjectsRequired: {
        'zh-CN': '交办隐患清单须列明至少一家涉及企业',
        en: 'a hazard list names at least one subject enterprise',
      },
      NoLinkedHazard: {
        'zh-CN': '交办隐患清单尚未关联隐患',
        en: 'the hazard list has no linked hazard',
      },
      HazardsNotClosed: {
        'zh-CN': '关联隐患{hazardIds}尚未销号',
        en: 'linked hazards {hazardIds} are not closed',
      },
      HazardCountMismatch: {
        'zh-CN': '交办{expected, number, integer}条隐患，已关联{linked, number, integer}条',
        en: 'the list names {expected, number, integer} hazards, {linked, number, integer} are linked',
      },
    },
  },
  {
    id: 'SI-3',
    scope,
    title: { 'zh-CN': '信访举报件须核查', en: 'Petitions are investigated' },
    statement: {
      'zh-CN':
        '信访举报件（`petition`）反馈前须登记核查结果；属实或部分属实的，须至少关联一条隐患或一起案件；不属实的可不关联隐患而办结。',
      en: 'A `petition` needs `ItemInvestigated` before feedback; `substantiated` or `partially_substantiated` needs at least one linked hazard or case; `unsubstantiated` may close with none.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotInvestigated: {
        'zh-CN': '信访举报件尚未登记核查结果',
        en: 'the petition has not been investigated',
      },
      NothingLinked: {
        'zh-CN': '核查结果为“{finding, label, investigationFinding}”，须至少关联一条隐患或一起案件',
        en: 'the finding is {finding}: at least one hazard or case must be linked',
      },
    },
  },
  {
    id: 'SI-4',
    scope,
    title: { 'zh-CN': '答复举报人', en: 'Reply to the petitioner' },
    statement: {
      'zh-CN':
        '非匿名信访举报件销号前须答复举报人（实践中核查后10日内答复，逾期为派生事实）。答复仅适用于非匿名的信访举报件，且须在核查之后。',
      en: 'A `petition` that is not anonymous closes only after `PetitionerReplied` (practice: reply within 10 days after verification; lateness is derived). Replies are for named petitioners of petitions only, after the investigation.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      PetitionerNotReplied: {
        'zh-CN': '尚未答复举报人，不能销号',
        en: 'the petitioner has not been answered',
      },
      NotAPetition: {
        'zh-CN': '该事项为“{kind, label, itemKind}”，不是信访举报件，无需答复举报人',
        en: 'the item is a {kind}, not a petition: there is no petitioner to answer',
      },
      AnonymousPetitioner: {
        'zh-CN': '匿名举报无法答复举报人',
        en: 'an anonymous petitioner cannot be answered',
      },
      ReplyBeforeInvestigation: {
        'zh-CN': '核查之前不能答复举报人',
        en: 'the petitioner is answered after the investigation',
      },
    },
  },
  {
    id: 'SI-5',
    scope,
    title: { 'zh-CN': '巡视反馈问题整改措施', en: 'Measures of a tour finding' },
    statement: {
      'zh-CN':
        '巡视反馈问题（`feedback_issue`）反馈前须至少有一项整改措施；销号须全部整改措施已完成。',
      en: 'A `feedback_issue` needs at least one measure before feedback; closure needs every measure completed.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NoMeasure: {
        'zh-CN': '巡视反馈问题尚无整改措施',
        en: 'the tour finding has no measure',
      },
      MeasuresOpen: {
        'zh-CN': '整改措施{measureIds}尚未完成',
        en: 'measures {measureIds} are not completed',
      },
    },
  },
  {
    id: 'SI-6',
    scope,
    title: { 'zh-CN': '销号', en: 'Closure' },
    statement: {
      'zh-CN':
        '销号（`CloseItem`）仅限已反馈状态，且销号时 SI-2 至 SI-5 均须成立（隐患状态按 G-9 重新读取）；已销号事项为终态，不再办理任何命令。退回（`ReturnItem`）仅限已反馈状态。',
      en: '`CloseItem` only from `feedback_submitted`, with SI-2…SI-5 true at closure (hazard statuses re-read per G-9); `closed` is terminal and takes no command. `ReturnItem` only from `feedback_submitted`.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      FeedbackRequired: {
        'zh-CN': '事项处于“{state, label, itemState}”状态，须先反馈',
        en: 'the item is {state}; feedback comes first',
      },
      ItemClosed: {
        'zh-CN': '事项已销号，不能再办理“{command, label, commandType}”',
        en: 'the item is closed; {command} is not accepted',
      },
    },
  },
  {
    id: 'SI-7',
    scope,
    title: { 'zh-CN': '逾期（派生）', en: 'Overdue (derived)' },
    statement: {
      'zh-CN':
        '逾期为派生事实：未销号且时点晚于交办期限当日结束（`timezone`）。不存储为状态或事件（G-6），由 `isItemOverdue` 按 `asOf` 计算。',
      en: 'Overdue is derived: not closed and the instant is past the end of `deadline` in `timezone`. Never stored (G-6); `isItemOverdue` computes it for an `asOf`.',
    },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: ['timezone'],
    violations: {},
  },
  {
    id: 'SI-8',
    scope,
    title: { 'zh-CN': '核查属实登记隐患', en: 'Substantiated investigations register hazards' },
    statement: {
      'zh-CN':
        '策略 PO-4：核查属实或部分属实时，核查所列每条隐患由策略登记为隐患 `{itemId}.{hazardKey}`（按事项和编号幂等），来源为信访举报（信访举报件）或上级交办（其他事项），关联本事项，牵头单位为监管单位，核查人为发现人，并计为本事项的关联隐患。核查不属实的不得列隐患；同一核查内隐患编号不得重复，重大隐患须有判定依据，一般隐患不得有，整改期限不得早于核查当日。',
      en: 'Policy PO-4: a `substantiated` or `partially_substantiated` `ItemInvestigated` registers each hazard it lists as `hazard-{itemId}.{hazardKey}` (idempotent on item and key), with `source` `petition` (petitions) or `handover` (other kinds), `supervisionItemId`, the lead organisation supervising and the investigator as discoverer; those hazards count as linked. An `unsubstantiated` investigation lists no hazard; keys are unique, a major carries a basis and a general none, and deadlines are not before the local date of the investigation.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      HazardsOnUnsubstantiated: {
        'zh-CN': '核查不属实，不能列出隐患',
        en: 'an unsubstantiated investigation lists no hazard',
      },
      DuplicateHazardKey: {
        'zh-CN': '隐患编号{hazardKey}重复',
        en: 'hazard key {hazardKey} is used twice',
      },
      MajorBasisMismatch: {
        'zh-CN': '隐患{hazardKey}的判定依据与等级不符',
        en: 'hazard {hazardKey}: a major needs a majorBasis and a general has none',
      },
      DeadlineInPast: {
        'zh-CN': '整改期限{deadline, date}早于核查日期{today, date}',
        en: 'deadline {deadline} is before the date of the investigation {today}',
      },
    },
  },
]);

/** Raises a supervision-item rule violation: `throw violate('SI-2', 'HazardCountMismatch', { expected, linked })`. */
export const violate = violationFactory(supervisionItemRules);
