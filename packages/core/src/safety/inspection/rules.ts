import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/**
 * The inspection rules of domain spec §4.4 as the library enforces them, in Chinese and English.
 * Grep an id (`I-3`) to find its check and its tests.
 */
export const inspectionRules = defineRuleCatalog([
  {
    id: 'I-0',
    scope: 'Inspection',
    title: { 'zh-CN': '检查流程', en: 'Lifecycle and team' },
    statement: {
      'zh-CN':
        '本库补充：检查须先计划（`ScheduleInspection`）方可办理其他命令，同一检查只计划一次；`StartInspection` 仅限已计划状态。检查人员须为实施检查单位的监管人员（督导检查为督导组成员），专家须具有专家身份；首位检查人员为主检人。',
      en: 'Added by the library: an inspection is scheduled once (`ScheduleInspection`) before any other command; `StartInspection` only while `scheduled`. Inspectors are officers of the inspecting organisation (members of the team for a supervision-team check), experts hold the Expert role; the first inspector leads.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotScheduled: {
        'zh-CN': '检查尚未计划，不能{command, label, commandType}',
        en: '{command} needs a scheduled inspection',
      },
      AlreadyScheduled: {
        'zh-CN': '检查{inspectionId}已计划，不能重复计划',
        en: 'inspection {inspectionId} is already scheduled',
      },
      InvalidState: {
        'zh-CN': '检查处于“{state, label, inspectionState}”状态，不能{command, label, commandType}',
        en: '{command} is not accepted while the inspection is {state}',
      },
      UnknownInspector: {
        'zh-CN': '{personIds}不是检查单位{orgId}的检查人员或专家',
        en: '{personIds} are not inspectors of {orgId} or experts',
      },
    },
  },
  {
    id: 'I-1',
    scope: 'Inspection',
    title: { 'zh-CN': '执法人员人数', en: 'Enforcement officers' },
    statement: {
      'zh-CN':
        '执法检查（`enforcement`）至少须有 `minEnforcementOfficers` 名持有执法证件的检查人员（行政处罚法第42条）。',
      en: 'An `enforcement` inspection needs at least `minEnforcementOfficers` inspectors holding enforcement credentials (Administrative Penalty Law 2021 Art. 42).',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: ['minEnforcementOfficers'],
    violations: {
      TooFewCredentialedInspectors: {
        'zh-CN': '执法检查须有{required}名持证执法人员，现有{credentialed}名',
        en: 'an enforcement inspection needs {required} credentialed inspectors, {credentialed} given',
      },
    },
  },
  {
    id: 'I-2',
    scope: 'Inspection',
    title: { 'zh-CN': '检查中方可登记', en: 'Findings while in progress' },
    statement: {
      'zh-CN':
        '检查发现、整改指令书和现场处理措施只能在检查中（`in_progress`）登记；已完成、已取消的检查不可再变更；已登记检查发现的检查不能取消，应予完成。',
      en: 'Findings, rectification orders and on-site measures are recorded only while `in_progress`; a completed or cancelled inspection is immutable; an inspection with findings cannot be cancelled, it is completed.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotInProgress: {
        'zh-CN': '检查处于“{state, label, inspectionState}”状态，不能{command, label, commandType}',
        en: '{command} needs an inspection in progress, it is {state}',
      },
      InspectionClosed: {
        'zh-CN': '检查已{state, label, inspectionState}，不可变更',
        en: 'the inspection is {state} and immutable',
      },
      FindingsRecorded: {
        'zh-CN': '检查已登记{count}项检查发现，不能取消',
        en: 'the inspection has {count, plural, one {# finding} other {# findings}} and cannot be cancelled',
      },
    },
  },
  {
    id: 'I-3',
    scope: 'Inspection',
    title: { 'zh-CN': '重大隐患须下达指令', en: 'Order for every major finding' },
    statement: {
      'zh-CN':
        '执法检查和日常监督检查中，每项重大事故隐患发现在完成检查前须有责令限期整改指令书或现场处理措施（《安全生产事故隐患排查治理暂行规定》）。指令书和措施只能针对本检查已登记的发现；编号在检查内唯一，整改期限不得早于下达当日；指令书如注明签发人，须为检查单位负责人。',
      en: 'In `enforcement` and `routine_supervision` inspections every major finding needs a rectification order or an on-site measure before completion (Order 16). Orders and measures cover findings of this inspection only; an order number is unique within the inspection, its deadline is not before the local date of issue, and a signing `approvedBy` is an AuthorityHead of the inspecting organisation.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      MajorFindingWithoutOrder: {
        'zh-CN': '重大事故隐患发现{findingIds}尚无整改指令书或现场处理措施',
        en: 'major findings {findingIds} have no rectification order or on-site measure',
      },
      UnknownFinding: {
        'zh-CN': '本检查未登记检查发现{findingIds}',
        en: 'findings {findingIds} were not recorded in this inspection',
      },
      DuplicateOrder: {
        'zh-CN': '编号{ref}已在本检查中使用',
        en: 'reference {ref} is already used in this inspection',
      },
      DeadlineInPast: {
        'zh-CN': '整改期限{deadline, date}早于下达日期{today, date}',
        en: 'deadline {deadline} is before the date of issue {today}',
      },
      ApproverNotHead: {
        'zh-CN': '{approvedBy}不是检查单位{orgId}的负责人，不能签发指令书',
        en: '{approvedBy} is not an AuthorityHead of {orgId} and cannot sign the order',
      },
    },
  },
  {
    id: 'I-4',
    scope: 'Inspection',
    title: { 'zh-CN': '指导服务不作处理措施', en: 'No measures on service visits' },
    statement: {
      'zh-CN':
        '指导服务（`service_guidance`）可登记检查发现，但不得作出现场处理措施；责令暂时停产停业须经实施检查单位负责人（AuthorityHead）批准。',
      en: '`service_guidance` inspections may record findings but impose no on-site measure; a `suspend_operations` measure needs the approval (`approvedBy`) of an AuthorityHead of the inspecting organisation.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotAnEnforcementInspection: {
        'zh-CN': '“{kind, label, inspectionKind}”不得作出现场处理措施',
        en: 'a {kind} inspection may not impose on-site measures',
      },
      ApprovalRequired: {
        'zh-CN': '责令暂时停产停业须经{orgId}负责人批准，{approvedBy}不是该单位负责人',
        en: 'a suspension needs the approval of an AuthorityHead of {orgId}; {approvedBy} is not one',
      },
    },
  },
  {
    id: 'I-5',
    scope: 'Inspection',
    title: { 'zh-CN': '一项发现一条隐患', en: 'One hazard per finding' },
    statement: {
      'zh-CN':
        '每项检查发现产生且仅产生一条隐患（策略 PO-1，按检查和发现编号幂等），继承检查对象、专项行动标签，来源按检查类型确定：执法检查→执法检查，指导服务→指导服务，抽查→抽查，其他→监管检查。因此发现编号在检查内唯一，发现须具备登记隐患所需内容：三类隐患性质之一；重大隐患须有判定依据，一般隐患不得有；须有整改期限（不早于当日），当场整改的除外；重大隐患不得当场整改。',
      en: 'Each `FindingRecorded` produces exactly one hazard (policy PO-1, idempotent on inspection and finding id), inheriting subject and campaigns, with `source` mapped from the kind (enforcement → enforcement_inspection, service_guidance → service_visit, spot_check → spot_check, others → regulator_inspection). So a finding id is unique in its inspection and a finding carries what its hazard needs: one of the three natures; a major basis for a major and none for a general; a deadline not before the local date unless rectified on the spot; no on-the-spot fix for a major.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      DuplicateFinding: {
        'zh-CN': '发现编号{findingId}已在本检查中使用',
        en: 'finding {findingId} is already recorded in this inspection',
      },
      UnknownHazardNature: {
        'zh-CN': '隐患性质{nature}不是三类隐患之一',
        en: 'nature {nature} is not unsafe_condition, unsafe_act or management_deficiency',
      },
      MajorBasisRequired: {
        'zh-CN': '重大事故隐患发现{findingId}须有判定依据',
        en: 'major finding {findingId} needs a majorBasis',
      },
      MajorBasisNotAllowed: {
        'zh-CN': '一般隐患发现{findingId}不应有重大隐患判定依据',
        en: 'general finding {findingId} carries a majorBasis',
      },
      DeadlineRequired: {
        'zh-CN': '发现{findingId}须有整改期限，当场整改的除外',
        en: 'finding {findingId} needs a deadline unless rectified on the spot',
      },
      DeadlineInPast: {
        'zh-CN': '整改期限{deadline, date}早于登记日期{today, date}',
        en: 'deadline {deadline} is before the date of the finding {today}',
      },
      MajorCannotBeRectifiedOnSpot: {
        'zh-CN': '重大事故隐患发现{findingId}不能当场整改',
        en: 'major finding {findingId} cannot be rectified on the spot',
      },
    },
  },
  {
    id: 'I-6',
    scope: 'Inspection',
    title: { 'zh-CN': '家与家次', en: 'Units and visits' },
    statement: {
      'zh-CN':
        '计数规则：每次完成的检查计一“家次”；完成检查中不同检查对象的个数计“家”（`inspectionCoverage`，读模型 P-9）。取消的检查不计。',
      en: 'Counting: a completed inspection is one visit (家次); the distinct `subject` ids over completed inspections are the units inspected (家) (`inspectionCoverage`, read model P-9). Cancelled inspections count for nothing.',
    },
    basis: 'P',
    enforcement: 'derived',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'I-7',
    scope: 'Inspection',
    title: { 'zh-CN': '检查对象须在册', en: 'Subject active' },
    statement: {
      'zh-CN':
        '计划检查时，检查对象须在基础名录中；开始检查时，检查对象须已登记且未注销、未关闭；通过读模型端口查询（G-9），读模型落后于对象事件流时报 `ProjectionLaggingError`（可重试）。',
      en: 'At `ScheduleInspection` the subject must be in the directory; at `StartInspection` the subject must be registered and not deregistered or closed, as read through the subject-status port (G-9); a read model behind the subject’s stream fails with the retryable `ProjectionLaggingError`.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      SubjectInactive: {
        'zh-CN':
          '{subjectKind, label, subjectKind}{subjectId}{status, select, unknown {未登记} inactive {已注销或关闭} other {不在册}}',
        en: 'subject {subjectKind} {subjectId} is {status, select, unknown {not registered} inactive {no longer active} other {not active}}',
      },
    },
  },
]);

/** Raises an inspection rule violation: `throw violate('I-3', 'MajorFindingWithoutOrder', { findingIds })`. */
export const violate = violationFactory(inspectionRules);
