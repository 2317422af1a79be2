import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

/**
 * The responsibility-assignment rules of domain spec §4.3 (职责任务清单 / 一岗双责), in both
 * locales. Each statement records the library's reading where the spec leaves room; grep an id
 * (`RA-4`) to find its check and its tests.
 */
export const responsibilityRules = defineRuleCatalog([
  {
    id: 'RA-0',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '状态与引用', en: 'Lifecycle and references' },
    statement: {
      'zh-CN':
        '本库增设：命令只能在 §4.3 状态表允许的状态下办理（`responsibilityCommandStates`）：增删职责和印发限草拟状态，其余限已印发状态；已替代的职责任务不再受理任何命令。除 `DraftAssignment` 外，命令须针对已草拟的职责任务；一个流只草拟一次。被分配对象、印发单位须在目录中；职责编号在本职责任务内唯一，命令所称职责须存在；同一版本只签收一次，同一职责只完成一次；不得以自身替代自身。',
      en: 'Added by the library: each command is accepted only in the states of the §4.3 state table (`responsibilityCommandStates`): adding and removing duties and issuing while `draft`, everything else while `issued`; a `superseded` assignment accepts nothing. Any command but `DraftAssignment` needs a drafted assignment, and a stream is drafted once. The assignee and the issuer are in the directory; `dutyId`s are unique within the assignment and a command naming a duty names an existing one; a version is acknowledged once and a duty completed once; an assignment is not superseded by itself.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      InvalidState: {
        'zh-CN':
          '职责任务处于{state, label, assignmentState}状态，不能办理{command, label, commandType}（可办理状态：{allowed, label, assignmentState}）',
        en: '{command} is not accepted while the assignment is {state} (accepted in: {allowed, list})',
      },
      NotDrafted: {
        'zh-CN': '{command, label, commandType}须针对已草拟的职责任务',
        en: '{command} needs a drafted assignment',
      },
      AlreadyDrafted: {
        'zh-CN': '职责任务{assignmentId}已草拟，不能重复草拟',
        en: 'assignment {assignmentId} is already drafted',
      },
      UnknownAssignee: {
        'zh-CN': '目录中没有被分配对象{assigneeId}（{kind, label, assigneeKind}）',
        en: 'the directory has no {kind} {assigneeId} to assign duties to',
      },
      UnknownIssuer: {
        'zh-CN': '目录中没有印发单位{issuerOrgId}',
        en: 'the directory has no issuing organisation {issuerOrgId}',
      },
      DuplicateDutyId: {
        'zh-CN': '职责编号{dutyId}重复',
        en: 'duty id {dutyId} is used twice in the assignment',
      },
      UnknownDuty: {
        'zh-CN': '本职责任务没有职责{dutyId}',
        en: 'the assignment has no duty {dutyId}',
      },
      AlreadyAcknowledged: {
        'zh-CN': '第{version, number, integer}版已签收',
        en: 'version {version} is already acknowledged',
      },
      AlreadyCompleted: {
        'zh-CN': '职责{dutyId}已完成',
        en: 'duty {dutyId} is already completed',
      },
      SelfSupersede: {
        'zh-CN': '职责任务{assignmentId}不能被自身替代',
        en: 'assignment {assignmentId} cannot supersede itself',
      },
    },
  },
  {
    id: 'RA-1',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '职责任务不得为空', en: 'No empty assignment' },
    statement: {
      'zh-CN':
        '印发时至少有一项职责，且每项职责的内容（`text`）不得为空、类别（`kind`）须明确；修订后亦须如此。',
      en: 'Issuing needs at least one duty, and every duty has non-empty `text` and a `kind`; a revision must leave the assignment so as well.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      EmptyAssignment: {
        'zh-CN':
          '{reason, select, none {职责任务没有任何职责} blank {职责{dutyIds, list}没有内容} other {职责任务内容不完整}}',
        en: '{reason, select, none {the assignment has no duty} blank {duties {dutyIds, list} have no text} other {the assignment is incomplete}}',
      },
    },
  },
  {
    id: 'RA-2',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '一岗双责', en: 'Dual duties of a post' },
    statement: {
      'zh-CN':
        '被分配对象为领导的，其分管领域（`portfolio`）中的每个领域代码，都须出现在至少一项法定职责或重点任务的 `domainCodes` 中；在印发和修订时检查。',
      en: 'For a `leader` assignee, every code of `portfolio` appears in the `domainCodes` of at least one duty of kind `statutory_duty` or `key_task`; checked on issue and on revision.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DualDutyGap: {
        'zh-CN': '分管领域{domains, list}没有对应的安全生产职责（一岗双责）',
        en: 'portfolio domains {domains, list} have no statutory duty or key task',
      },
    },
  },
  {
    id: 'RA-3',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '党政同责', en: 'Joint party–government accountability' },
    statement: {
      'zh-CN':
        '在领导班子重点工作清单（`leadership_key_tasks`）中，主要负责人（`isPrimaryLeader`，党委书记和行政主要负责人）的职责任务须含 `LEAD.OVERALL` 职责；在每份主要负责人职责任务印发和修订时检查，因此清单中最后一份印发时清单整体满足本规则。只有领导可标为主要负责人。',
      en: 'In a `leadership_key_tasks` list, an assignment whose assignee `isPrimaryLeader` (party secretary, administrative head) holds a duty with code `LEAD.OVERALL`; checked on the issue and revision of each such assignment, so the list satisfies it when its last primary-leader assignment is issued. Only a `leader` may be a primary leader.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      JointAccountabilityGap: {
        'zh-CN': '主要负责人{assigneeId}的职责任务缺少{code}（党政同责）',
        en: 'primary leader {assigneeId} holds no duty {code}',
      },
      PrimaryLeaderNotALeader: {
        'zh-CN': '只有领导可以标为主要负责人，{assigneeId}为{kind, label, assigneeKind}',
        en: 'only a leader can be a primary leader; {assigneeId} is a {kind}',
      },
    },
  },
  {
    id: 'RA-4',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '每项任务一个牵头', en: 'One lead per task' },
    statement: {
      'zh-CN':
        '同一清单（`listId`）的已印发职责任务中，每个任务代码至多有一个牵头（`lead`），配合（`support`）不限。跨流的唯一性由唯一键保证（`createResponsibilityAssignmentService`，作用域 `responsibility`，键 `lead:{listId}:{code}`）：印发或修订前按序占用，被拒绝时释放新占的键，替代或修订删去牵头后释放，因此并发的两条命令只有一条成功。尚无牵头的任务代码在覆盖情况中显示为缺口。',
      en: 'Among the issued assignments of one `listId`, each task `code` has at most one `lead`; `support` is unlimited. Uniqueness across streams is held by unique keys (`createResponsibilityAssignmentService`, scope `responsibility`, key `lead:{listId}:{code}`): claimed in sorted order before an issue or revision, released when the command is rejected, and released by supersession or by a revision that drops the lead, so of two racing commands exactly one wins. A code with no lead yet surfaces as a gap in the coverage report.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DuplicateLead: {
        'zh-CN': '任务{code}已由{holder}牵头，同一清单每项任务只能有一个牵头',
        en: 'task {code} is already led by {holder}; a list has one lead per task code',
      },
    },
  },
  {
    id: 'RA-5',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '每个对象一份职责任务', en: 'One live assignment per assignee' },
    statement: {
      'zh-CN':
        '同一清单中，每个被分配对象（类别和编号）至多有一份未被替代的已印发职责任务；由唯一键 `assignee:{listId}:{kind}:{id}` 保证，印发前占用，替代后释放。',
      en: 'Within one list, each assignee (kind and id) has at most one issued assignment that is not superseded; held by the unique key `assignee:{listId}:{kind}:{id}`, claimed before issue and released on supersession.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DuplicateAssignment: {
        'zh-CN': '{assigneeId}在本清单中已有职责任务{holder}，须先替代',
        en: '{assigneeId} already holds assignment {holder} in this list; supersede it first',
      },
    },
  },
  {
    id: 'RA-6',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '印发后职责不可直接修改', en: 'Duties fixed after issue' },
    statement: {
      'zh-CN':
        '印发后不能再增删职责，只能通过 `ReviseAssignment` 修订，修订须说明理由；每次修订版本号加一，修订记录完整保留。',
      en: 'After issue, duties are not added or removed directly but only through `ReviseAssignment`, which needs a reason; each revision increments the version and the revision history is kept.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DutiesFixed: {
        'zh-CN': '职责任务已印发，不能{command, label, commandType}，职责只能通过修订变更',
        en: 'the assignment is issued; {command} is refused, use ReviseAssignment',
      },
      ReasonRequired: {
        'zh-CN': '修订职责任务须说明理由',
        en: 'a revision needs a reason',
      },
    },
  },
  {
    id: 'RA-7',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '完成时限在期限内', en: 'Due date within the period' },
    statement: {
      'zh-CN': '职责的完成时限（`dueDate`）须在清单期限（`period.year`）之内。',
      en: 'A duty’s `dueDate` lies within the list’s `period` (the calendar year).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DueDateOutsidePeriod: {
        'zh-CN': '职责{dutyId}的完成时限{dueDate, date}不在{year, number, plain}年度内',
        en: 'duty {dutyId} is due {dueDate}, outside the period {year, number, plain}',
      },
    },
  },
  {
    id: 'RA-8',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '人员配备', en: 'Staffing' },
    statement: {
      'zh-CN':
        '人员配备类职责须写明 `requiredHeadcount ≥ 1`；安全工作人员只能对人员配备类职责明确，须为被分配对象的人员（部门、园区为本单位人员，企业为本企业人员，领导为同单位人员），同一人同一职责不重复明确，撤销的须是现有明确。配备达标（推算）：在岗人数不少于要求人数，且要求专职的全部为专职（`isStaffingSatisfied`）。',
      en: 'A `staffing` duty needs `requiredHeadcount ≥ 1`. Safety staff are designated only for staffing duties, from the assignee’s own people (the organisation’s for a department or area, the enterprise’s for an enterprise, the leader’s organisation for a leader), once per person and duty; a revocation names an active designation. Compliance is derived: active designated staff ≥ headcount, all full-time if `fullTimeRequired` (`isStaffingSatisfied`).',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      HeadcountRequired: {
        'zh-CN': '人员配备职责{dutyId}须写明不少于1人的配备人数',
        en: 'staffing duty {dutyId} needs requiredHeadcount of at least 1',
      },
      NotAStaffingDuty: {
        'zh-CN': '职责{dutyId}不是人员配备职责',
        en: 'duty {dutyId} is not a staffing duty',
      },
      NotAssigneeStaff: {
        'zh-CN': '{personId}不是被分配对象{assigneeId}的人员',
        en: 'person {personId} does not belong to assignee {assigneeId}',
      },
      AlreadyDesignated: {
        'zh-CN': '{personId}已明确为职责{dutyId}的安全工作人员',
        en: 'person {personId} is already designated for duty {dutyId}',
      },
      NotDesignated: {
        'zh-CN': '{personId}不是职责{dutyId}的在岗安全工作人员',
        en: 'person {personId} holds no active designation for duty {dutyId}',
      },
    },
  },
  {
    id: 'RA-9',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '办理人', en: 'Who acts' },
    statement: {
      'zh-CN':
        '只有被分配对象报告进展、完成职责、签收（领导本人；部门、园区为本单位人员，签收须为负责人；企业为主要负责人或安全管理人员，签收须为主要负责人）；明确和撤销安全工作人员由被分配对象负责人办理；草拟、增删职责、修订、替代和考核由印发单位的安委办或负责人办理；印发由印发单位的负责人或安委办批准。',
      en: 'Only the assignee reports progress, completes duties and acknowledges (the leader in person; for a department or area a person acting for that organisation, its AuthorityHead to acknowledge; for an enterprise its Principal or SafetyOfficer, the Principal to acknowledge); the assignee’s head designates and revokes safety staff; the issuer’s SafetyCommitteeOffice or AuthorityHead drafts, edits, revises, supersedes and reviews; issuing is approved by an AuthorityHead or the committee office of the issuer.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权办理{command, label, commandType}：仅{who, select, assignee {被分配对象} head {被分配对象负责人} issuer {印发单位} approver {印发单位负责人或安委办} other {有权人员}}可以办理',
        en: '{role} {personId} may not {command}: only {who, select, assignee {the assignee} head {the assignee’s head} issuer {the issuer’s office} approver {an approver of the issuer} other {an authorised person}} may',
      },
    },
  },
  {
    id: 'RA-10',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '三管三必须分工', en: 'One lead industry body per sector' },
    statement: {
      'zh-CN':
        '分工清单（`venue_division`、`duty_task_list`）中出现的每个场所类别和行业代码，须恰有一个行业监管部门牵头（三管三必须；新业态按“相近业务”原则归口）。由清单的全部已印发职责任务推算（`divisionLeadCoverage`），缺口和重复在覆盖情况中显示，并阻止场所标注（V-2）。',
      en: 'In division lists (`venue_division`, `duty_task_list`), every venue category and sector code that appears has exactly one lead `industry` organisation (三管三必须; new sectors by the “similar business” principle). Derived from the list’s issued assignments (`divisionLeadCoverage`); gaps and duplicates surface in the coverage report and block venue marking (V-2).',
    },
    basis: 'L?',
    enforcement: 'derived',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'RA-11',
    scope: 'ResponsibilityAssignment',
    title: { 'zh-CN': '期满只可考核', en: 'Only reviews after the period' },
    statement: {
      'zh-CN':
        '清单期限届满后（业务时间的本地日期晚于期限末日），只受理 `ReviewPerformance`。职责任务是否到期由 `isAssignmentExpired(state, asOf)` 推算，不作为状态保存（G-6）。',
      en: 'After the period ends (the local date of the business time is after the period’s last day), only `ReviewPerformance` is accepted. Expiry is derived by `isAssignmentExpired(state, asOf)`, never stored (G-6).',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      PeriodEnded: {
        'zh-CN':
          '{year, number, plain}年度清单已于{date, date}前期满，只能考核履职情况，不能{command, label, commandType}',
        en: 'the period {year, number, plain} ended before {date}; only ReviewPerformance is accepted, not {command}',
      },
    },
  },
]);

/** Raises a violation of `responsibilityRules`: `throw violate('RA-2', 'DualDutyGap', { domains })`. */
export const violate = violationFactory(responsibilityRules);
