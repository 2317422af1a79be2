import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

const scope = 'Hazard' as const;

/**
 * The hazard rules of domain spec §4.1 (隐患排查治理) as the library enforces them, in Chinese and
 * English. Each statement records the library's reading where the spec leaves room; grep an id
 * (`H-13`) to find its check and the tests named after it. Messages name the values a rejection
 * carries in its `details`; `describeViolation(error, 'zh-CN')` renders them.
 */
export const hazardRules = defineRuleCatalog([
  {
    id: 'H-0',
    scope,
    title: { 'zh-CN': '隐患状态', en: 'Lifecycle' },
    statement: {
      'zh-CN':
        '本库增设：各命令只能在 §4.1 状态表允许的状态下办理（`hazardCommandStates`）：完成整改限整改中；治理评估、申请验收和验收限待验收；挂牌督办、停产停业和临时防范措施限整改中或待验收；其余命令在未终结的任何状态下均可办理，另受以下各条约束。除 `RegisterHazard` 外，命令须针对已登记的隐患。',
      en: 'Added by the library: each command is accepted only in the states of the §4.1 state table (`hazardCommandStates`): `CompleteRectification` while `open`; assessment, verification request and `VerifyRectification` while `awaiting_verification`; listing, suspension and interim controls while `open` or `awaiting_verification`; the rest in any live state, with the finer rules below. Any command but `RegisterHazard` needs a registered hazard.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      InvalidState: {
        'zh-CN':
          '隐患处于{state, label, hazardState}状态，不能办理“{command, label, commandType}”（可办理状态：{allowed, label, hazardState}）',
        en: '{command} is not accepted while the hazard is {state} (accepted in: {allowed, list})',
      },
      HazardNotRegistered: {
        'zh-CN': '事件流“{streamId}”中没有已登记的隐患，不能办理“{command, label, commandType}”',
        en: '{command} needs a registered hazard in stream "{streamId}"',
      },
    },
  },
  {
    id: 'H-1',
    scope,
    title: { 'zh-CN': '隐患对象与责任单位唯一', en: 'One subject, one responsible party' },
    statement: {
      'zh-CN':
        '每条隐患有且只有一个隐患所在对象（生产经营单位、小场所或厂中厂）和一个责任单位（企业或场所），均须在目录中，登记后不得变更。厂中厂的隐患，以产权单位或一家承租单位为责任单位。对象登记错误的，作废后重新登记。同一事件流再次 `RegisterHazard` 的，报 `AlreadyRegistered`。隐患记入事件流 `hazard-{hazardId}`：命令所在事件流的类别或编号不符的，报 `StreamMismatch`，因此同一隐患编号不能登记在两个事件流中。',
      en: 'A hazard has exactly one subject (enterprise, venue or site) and one responsible enterprise or venue, both in the directory; neither can change. A site hazard names the landlord or a tenant as responsible. To fix a wrong subject, void and re-register. A second `RegisterHazard` on the stream is `AlreadyRegistered`. A hazard lives in the stream `hazard-{hazardId}`: a command on a stream of another category or another id is `StreamMismatch`, so one hazard id cannot be registered on two streams.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      UnknownSubject: {
        'zh-CN': '目录中没有{subjectKind, label, subjectKind}{subjectId}',
        en: '{subjectKind} {subjectId} is not in the directory',
      },
      ResponsiblePartyMismatch: {
        'zh-CN':
          '{subjectKind, select, venue {小场所的隐患由场所负责，不填写责任企业（responsibleEnterpriseId）} enterprise {生产经营单位的隐患，责任单位是该单位{subjectId}本身} site {厂中厂的隐患，须以 responsibleEnterpriseId 指明厂区{subjectId}的产权单位或一家承租单位} other {责任单位与隐患所在对象不符}}',
        en: '{subjectKind, select, venue {a venue hazard is the venue’s responsibility; omit responsibleEnterpriseId} enterprise {the responsible enterprise of an enterprise hazard is the enterprise {subjectId} itself} site {a site hazard needs responsibleEnterpriseId naming the landlord or a tenant of site {subjectId}} other {the responsible party does not fit the subject}}',
      },
      AlreadyRegistered: {
        'zh-CN': '隐患{hazardId}已登记，隐患所在对象不得变更',
        en: 'hazard {hazardId} is already registered; its subject is immutable',
      },
      StreamMismatch: {
        'zh-CN':
          '{wrongCategory, select, true {事件流“{streamId}”不是隐患事件流（应为 hazard-隐患编号）} other {隐患{hazardId}应记入事件流“{expectedStreamId}”，不能记入“{streamId}”}}',
        en: '{wrongCategory, select, true {stream "{streamId}" is not a hazard stream (hazard-<hazardId>)} other {hazard {hazardId} belongs in stream "{expectedStreamId}", not "{streamId}"}}',
      },
    },
  },
  {
    id: 'H-2',
    scope,
    title: { 'zh-CN': '重大事故隐患判定依据', en: 'Major basis' },
    statement: {
      'zh-CN':
        '定为重大事故隐患（`grade = major`）的，登记和升级时须写明判定依据 `majorBasis {standardId, clause}`；一般事故隐患不记判定依据。行业判定标准：工贸行业为应急管理部令第10号（2023），危险化学品为安监总管三〔2017〕121号。',
      en: '`grade = major` requires `majorBasis {standardId, clause}` (on registration and on upgrade); a general hazard carries none. Sector standards: industry & trade MEM Order 10 (2023), chemicals 安监总管三〔2017〕121号.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      MajorBasisRequired: {
        'zh-CN': '重大事故隐患须写明判定依据（标准编号和条款）',
        en: 'a major hazard needs its basis (standardId and clause)',
      },
      MajorBasisNotAllowed: {
        'zh-CN': '判定依据只对重大事故隐患记录',
        en: 'a major basis is recorded for major hazards only',
      },
    },
  },
  {
    id: 'H-3',
    scope,
    title: { 'zh-CN': '隐患类别', en: 'Nature' },
    statement: {
      'zh-CN':
        '登记和更正时，隐患类别（`nature`）须为物的危险状态（`unsafe_condition`）、人的不安全行为（`unsafe_act`）或管理上的缺陷（`management_deficiency`）之一。',
      en: '`nature` is one of `unsafe_condition`, `unsafe_act`, `management_deficiency` (on registration and correction).',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      UnknownHazardNature: {
        'zh-CN': '隐患类别“{nature}”不在{allowed, label, hazardNature}之列',
        en: 'nature "{nature}" is not one of {allowed, list, or}',
      },
    },
  },
  {
    id: 'H-4',
    scope,
    title: { 'zh-CN': '整改期限或当场整改', en: 'Deadline or on-the-spot fix' },
    statement: {
      'zh-CN':
        '登记隐患须确定整改期限（`deadline`），当场整改（`rectifiedOnSpot`）的除外；当场整改的，同一次提交依次记录 `HazardRegistered` 和 `RectificationCompleted`，未定期限的以登记当日（当地日期）为期限。企业自查发现、当场整改的一般事故隐患，由本企业另一名人员验收（H-19）。',
      en: 'Registration requires `deadline` unless `rectifiedOnSpot` is given; an on-the-spot registration emits `HazardRegistered` then `RectificationCompleted` in one commit, and without a deadline it is due on the local registration date. A self-found general on-the-spot hazard is then verified by a different enterprise person (H-19).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      DeadlineRequired: {
        'zh-CN': '未当场整改的隐患须确定整改期限',
        en: 'a hazard not rectified on the spot needs a deadline',
      },
    },
  },
  {
    id: 'H-5',
    scope,
    title: { 'zh-CN': '重大事故隐患不得当场整改', en: 'No on-the-spot major' },
    statement: {
      'zh-CN':
        '重大事故隐患不得按当场整改登记：按其定义，整改需要时间或须停产停业 [L]；拒绝登记为本库的设计规则。',
      en: 'A major hazard cannot be registered with `rectifiedOnSpot`: it needs time and/or suspension by definition [L]; the rejection is a design rule.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      MajorCannotBeRectifiedOnSpot: {
        'zh-CN': '重大事故隐患不能按当场整改登记',
        en: 'a major hazard cannot be registered as rectified on the spot',
      },
    },
  },
  {
    id: 'H-6',
    scope,
    title: { 'zh-CN': '整改期限不得早于登记日', en: 'Deadline not in the past' },
    statement: {
      'zh-CN': '整改期限不得早于按 `timezone` 计的登记日期（`occurredAt` 的当地日期）。',
      en: '`deadline` is on or after the registration date in `timezone` (the local date of `occurredAt`).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      DeadlineBeforeRegistration: {
        'zh-CN': '整改期限{deadline, date}早于登记日期{registrationDate, date}（时区{timezone}）',
        en: 'deadline {deadline, date, iso} is before the registration date {registrationDate, date, iso} ({timezone})',
      },
    },
  },
  {
    id: 'H-7',
    scope,
    title: { 'zh-CN': '终结状态', en: 'Terminal states' },
    statement: {
      'zh-CN':
        '已销号（`closed`）和已作废（`voided`）为终结状态：此后任何命令，包括 `RegisterHazard`，均报 `HazardTerminal`（已销号的援引 H-27，已作废的援引 H-7）。',
      en: '`closed` and `voided` are terminal: every command, `RegisterHazard` included, is `HazardTerminal` (cited under H-27 for a closed hazard, under H-7 for a voided one).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      HazardTerminal: {
        'zh-CN':
          '隐患{state, label, hazardState}，不能再办理“{command, label, commandType}”；再次出现的，作为新隐患登记（recurrenceOf）',
        en: 'the hazard is {state} and takes no {command}; register a recurrence as a new hazard (recurrenceOf)',
      },
    },
  },
  {
    id: 'H-8',
    scope,
    title: { 'zh-CN': '整改期限的确定与延期', en: 'Deadline owner and extension' },
    statement: {
      'zh-CN':
        '下达整改指令的，整改期限由下达指令的监管部门确定；隐患来源（`source`）为监管部门检查、执法检查、抽查、上级交办或信访举报的，由负责监管的部门确定；其余由责任企业确定（主要负责人；小场所为经营者）。只有期限确定方可以延期（监管部门由负责人批准），新期限须晚于原期限并说明理由，且须在现行期限届满（当地日期）前申请，`allowLateDeadlineExtension` 允许的除外；是否逾期申请按申请的业务时间（`occurredAt`，受 G-4 约束）判断，记录时间留存备查。保留原期限（`originalDeadline`），供严格口径统计。登记时所列的负责监管部门和下达指令的部门，其管辖范围须包含该隐患（G-5，`OrgOutOfScope`）。',
      en: 'The deadline belongs to the ordering regulator when a rectification order is given, to the supervising regulator when `source` is regulator_inspection, enforcement_inspection, spot_check, handover or petition, and otherwise to the responsible enterprise (its Principal; for a venue its operator). Only the owner extends it (a regulator through its AuthorityHead), to a later date, with a reason, and by the end of the current deadline (local) unless `allowLateDeadlineExtension`; lateness is judged by the business time of the request (`occurredAt`, bounded by G-4), while the envelope keeps the recording time for audit. `originalDeadline` is kept for strict metrics. The supervising regulator and the ordering regulator named at registration must cover the subject (G-5, `OrgOutOfScope`).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['allowLateDeadlineExtension', 'timezone'],
    violations: {
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权延长整改期限：仅期限确定方{ownerKind, select, regulator {监管部门{ownerId}的负责人} enterprise {{ownerId}的主要负责人} other {{ownerId}}}可以延期',
        en: '{role} {personId} may not extend the deadline: only its owner, {ownerKind, select, regulator {the AuthorityHead of {ownerId}} enterprise {the Principal of {ownerId}} other {{ownerId}}}, may',
      },
      ReasonRequired: {
        'zh-CN': '延长整改期限须说明理由',
        en: 'a deadline extension needs a reason',
      },
      DeadlineNotLater: {
        'zh-CN': '新的整改期限{newDeadline, date}须晚于现行期限{currentDeadline, date}',
        en: 'new deadline {newDeadline, date, iso} is not after the current deadline {currentDeadline, date, iso}',
      },
      LateExtension: {
        'zh-CN':
          '延期申请于{requestedAt, datetime}提出，现行整改期限{currentDeadline, date}已届满（{deadlineEndedAt, datetime}）',
        en: 'the extension was requested at {requestedAt, datetime, iso}, after the current deadline {currentDeadline, date, iso} ended ({deadlineEndedAt, datetime, iso})',
      },
      OrgOutOfScope: {
        'zh-CN': '{field}所列单位{orgId}的管辖范围不含该隐患（区域{areaId}，行业{sectorCode}）',
        en: '{field}: {orgId} does not cover the hazard (area {areaId}, sector {sectorCode})',
      },
    },
  },
  {
    id: 'H-9',
    scope,
    title: { 'zh-CN': '降级', en: 'Downgrade' },
    statement: {
      'zh-CN':
        '重大事故隐患降为一般事故隐患，只能由管辖该隐患的监管部门负责人办理；仍在挂牌督办的，须先摘牌（`DelistFirst`）。',
      en: 'Major → general only by an AuthorityHead of a regulator covering the hazard, and not while any listing is active (`DelistFirst`).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权将重大事故隐患降级：仅管辖该隐患的监管部门负责人可以降级',
        en: '{role} {personId} may not downgrade a major hazard: only a regulator AuthorityHead in scope may',
      },
      DelistFirst: {
        'zh-CN': '隐患仍在{levels, label, organizationLevel}挂牌督办，须先摘牌',
        en: 'delist the hazard first (listed at {levels, list})',
      },
    },
  },
  {
    id: 'H-10',
    scope,
    title: { 'zh-CN': '升级', en: 'Upgrade' },
    statement: {
      'zh-CN':
        '一般事故隐患升为重大事故隐患，由责任单位主要负责人或管辖范围内的监管人员在整改中或待验收时办理；升级后，重大事故隐患的各项要求（H-11…H-18、H-20）随即适用，例如销号前须有完整的治理方案。',
      en: 'General → major by the responsible Principal or a regulator officer in scope, while `open` or `awaiting_verification`; every major prerequisite (H-11…H-18, H-20) then applies, e.g. a complete plan before closure.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      UpgradeNotAllowed: {
        'zh-CN': '{state, label, hazardState}的隐患不能升为重大事故隐患',
        en: 'a {state} hazard cannot be upgraded to major',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权将隐患升为重大事故隐患：仅责任单位主要负责人或管辖范围内的监管人员可以升级',
        en: '{role} {personId} may not upgrade this hazard: only the Principal of the responsible party or a regulator officer in scope may',
      },
    },
  },
  {
    id: 'H-11',
    scope,
    title: {
      'zh-CN': '监管部门知悉；报告和通报',
      en: 'Known to the regulator; report and disclosure',
    },
    statement: {
      'zh-CN':
        '隐患来源为监管部门的（H-8 所列来源及指导服务），自登记起即视为监管部门已知悉（`knownToRegulator`）；否则在报告（`MajorHazardReported`）后视为知悉。报告由主要负责人提出，须报送负责监管的部门。企业发现的重大事故隐患，须在定为重大事故隐患（登记或升级）后 `majorHazardReportWithinHours` 小时内报告；是否迟报由时间推算（`isMajorReportLate`），不阻止办理；降级后再次升级的，只有本次定为重大事故隐患期间的报告才算数。报告和向从业人员通报（《安全生产法》（2021）第四十一条）只适用于重大事故隐患。',
      en: '`knownToRegulator` is true from registration when `source` is a regulator source (the H-8 list plus service_visit), or once `MajorHazardReported` exists. The Principal reports; the report must go to the supervising regulator. For enterprise-found majors the report is due `majorHazardReportWithinHours` after the hazard became major (registration or upgrade); lateness is derived (`isMajorReportLate`), not blocking; after a downgrade and a re-upgrade, only a report made in the current major period answers for it. Report and workforce disclosure (WSL 2021 Art. 41) apply to majors only.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: ['majorHazardReportWithinHours'],
    violations: {
      NotMajor: {
        'zh-CN': '报告和向从业人员通报仅适用于重大事故隐患，本隐患为{grade, label, hazardGrade}',
        en: 'reporting and disclosure are for major hazards only; this one is {grade}',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权办理“{command, label, commandType}”：仅{need, select, principal {责任单位{responsibleId}的主要负责人} manager {责任单位{responsibleId}的安全生产管理人员或主要负责人} other {责任单位}}可以办理',
        en: '{role} {personId} may not send {command}: only {need, select, principal {the Principal of {responsibleId}} manager {a SafetyOfficer or the Principal of {responsibleId}} other {the responsible party}} may',
      },
      SupervisingOrgNotARecipient: {
        'zh-CN': '重大事故隐患报告须报送负责监管的部门{supervisingOrgId}',
        en: 'the report must go to the supervising regulator {supervisingOrgId}',
      },
    },
  },
  {
    id: 'H-12',
    scope,
    title: { 'zh-CN': '报告内容', en: 'Report contents' },
    statement: {
      'zh-CN':
        '重大事故隐患报告（`MajorHazardReported`）须写明隐患的现状及其产生原因、危害程度和整改难易程度分析、治理方案（`planSummary` 或 `planRef`），并至少有一个报送部门（16号令第十四条）。',
      en: '`MajorHazardReported` contains non-empty status and cause, severity and difficulty analysis, and the rectification plan (`planSummary` or `planRef`), and names at least one recipient (Order 16 Art. 14).',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      IncompleteReport: {
        'zh-CN': '重大事故隐患报告缺少{missing, label, reportElement}',
        en: 'the major-hazard report lacks {missing, list}',
      },
    },
  },
  {
    id: 'H-13',
    scope,
    title: { 'zh-CN': '重大事故隐患治理方案“五落实”', en: 'Five elements of a major plan' },
    statement: {
      'zh-CN':
        '重大事故隐患的治理方案由主要负责人提交，须包含五项要素：责任（`responsiblePersonId`）、措施（`measures` 至少一项）、资金（`funding.amountCny` 大于零且写明 `funding.source`）、时限（`deadline`）、预案（`contingencyPlanRef`），并写明治理的目标和任务（`objectives`）及安全措施（`safetyMeasures`）（16号令第十五条 [L]；五落实 [P]）。`IncompletePlan.details.missing` 列出全部缺项。一般事故隐患可以不制定治理方案，方案要素不作检查（安全生产管理人员或主要负责人提交）。任何方案所列负责治理的人员（`responsiblePersonId`），须为目录中责任企业（小场所为经营者）的人员（`UnknownResponsiblePerson`）。',
      en: "A major hazard's plan, submitted by the Principal, contains the five elements — `responsiblePersonId` (责任), `measures` ≥ 1 (措施), `funding.amountCny` > 0 and `funding.source` (资金), `deadline` (时限), `contingencyPlanRef` (预案) — plus `objectives` and `safetyMeasures` (Order 16 Art. 15 [L]; 五落实 [P]). `IncompletePlan.details.missing` lists every gap. General plans are optional and their elements unchecked (SafetyOfficer or Principal). In any plan, a named `responsiblePersonId` is a person of the responsible enterprise (or the venue's operator) in the directory (`UnknownResponsiblePerson`).",
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      IncompletePlan: {
        'zh-CN': '重大事故隐患治理方案缺少{missing, label, planElement}',
        en: 'the plan for a major hazard lacks {missing, list}',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权办理“{command, label, commandType}”：仅{need, select, principal {责任单位{responsibleId}的主要负责人} manager {责任单位{responsibleId}的安全生产管理人员或主要负责人} other {责任单位}}可以办理',
        en: '{role} {personId} may not send {command}: only {need, select, principal {the Principal of {responsibleId}} manager {a SafetyOfficer or the Principal of {responsibleId}} other {the responsible party}} may',
      },
      UnknownResponsiblePerson: {
        'zh-CN': '负责治理的人员{responsiblePersonId}不是目录中{responsibleId}的人员',
        en: 'responsiblePersonId {responsiblePersonId} is not a person of {responsibleId} in the directory',
      },
    },
  },
  {
    id: 'H-14',
    scope,
    title: { 'zh-CN': '治理方案时限不超过整改期限', en: 'Plan within the deadline' },
    statement: {
      'zh-CN': '治理方案的时限不得晚于现行整改期限；需要更多时间的，先经批准延期（不论等级）。',
      en: 'A plan deadline is on or before the effective deadline; more time needs an approved extension first (any grade).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      PlanExceedsDeadline: {
        'zh-CN':
          '治理方案时限{planDeadline, date}晚于现行整改期限{effectiveDeadline, date}，须先延期',
        en: 'plan deadline {planDeadline, date, iso} is after the effective deadline {effectiveDeadline, date, iso}; extend the deadline first',
      },
    },
  },
  {
    id: 'H-15',
    scope,
    title: { 'zh-CN': '重大事故隐患完成整改', en: 'Completing a major' },
    statement: {
      'zh-CN':
        '重大事故隐患 `CompleteRectification` 须有完整的治理方案（H-13；升级的隐患须重新提交方案），并至少附一项整改证据。',
      en: '`CompleteRectification` on a major requires a complete plan (H-13; so an upgraded hazard needs a new plan) and at least one evidence reference.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      PlanRequired: {
        'zh-CN':
          '重大事故隐患完成整改前须有完整的治理方案：{planSubmitted, select, true {方案缺少{missing, label, planElement}} other {尚未提交方案}}',
        en: 'a major hazard needs a complete rectification plan before completion: {planSubmitted, select, true {the plan lacks {missing, list}} other {no plan was submitted}}',
      },
      EvidenceRequired: {
        'zh-CN': '重大事故隐患完成整改须至少附一项整改证据',
        en: 'completing a major hazard needs at least one evidence reference',
      },
    },
  },
  {
    id: 'H-16',
    scope,
    title: { 'zh-CN': '无法保证安全', en: 'Safety not assured' },
    statement: {
      'zh-CN':
        '隐患排除前或排除过程中无法保证安全的（`safetyNotAssured`），`CompleteRectification` 之前须已记录 `OperationsSuspended`，或记录含撤出作业人员（`evacuated`）的 `InterimControlsRecorded`（16号令第十六条 [L]；《安全生产法》第六十五条 [L?]）。此类隐患不能按当场整改登记，因为整改前无从采取上述措施。',
      en: 'If `safetyNotAssured`, `CompleteRectification` requires a prior `OperationsSuspended` or `InterimControlsRecorded` containing `evacuated` (Order 16 Art. 16 [L]; WSL Art. 65 [L?]). Such a hazard cannot be registered `rectifiedOnSpot`, since nothing could have come before the fix.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      SafetyNotAssured: {
        'zh-CN':
          '隐患排除过程中无法保证安全：须先停产停业或撤出作业人员，再完成整改，不能按当场整改登记',
        en: 'safety is not assured: suspend operations or evacuate before the rectification is completed; such a hazard is not registered as rectified on the spot',
      },
    },
  },
  {
    id: 'H-17',
    scope,
    title: { 'zh-CN': '恢复生产前评估', en: 'Assessment before resumption' },
    statement: {
      'zh-CN':
        '`RequestVerification(purpose=resumption)` 须处于停产停业期间，重大事故隐患还须在最近一次整改完成后记录评估结论为符合安全生产条件的 `RectificationAssessed`；批准停产停业的重大事故隐患恢复生产，以及曾经停产停业的重大事故隐患销号，同样如此（监管部门验收不能代替评估）。评估只对重大事故隐患、由主要负责人在待验收时记录；委托评价机构的，须写明机构名称。',
      en: '`RequestVerification(purpose=resumption)` needs an active suspension and, for a major, a `RectificationAssessed(conclusion=meets)` recorded after the latest completion; so do `ApproveResumption` of a suspended major and the closure of a major that was ever suspended (a regulator verification does not replace the assessment). Assessments are recorded for majors, by the Principal, while awaiting verification; a qualified agency is named.',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotSuspended: {
        'zh-CN': '申请恢复生产验收，须处于停产停业期间',
        en: 'verification for resumption needs an active suspension',
      },
      AssessmentRequired: {
        'zh-CN': '停产停业的重大事故隐患，须在最近一次整改完成后经评估符合安全生产条件',
        en: 'a suspended major hazard needs an assessment concluding "meets" after the latest rectification',
      },
      NotMajor: {
        'zh-CN': '治理情况评估仅适用于重大事故隐患，本隐患为{grade, label, hazardGrade}',
        en: 'rectification assessments are recorded for major hazards only; this one is {grade}',
      },
      AgencyNameRequired: {
        'zh-CN': '委托安全评价机构评估的，须写明机构名称',
        en: 'an assessment by a qualified agency names the agency',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权办理“{command, label, commandType}”：仅{need, select, principal {责任单位{responsibleId}的主要负责人} manager {责任单位{responsibleId}的安全生产管理人员或主要负责人} other {责任单位}}可以办理',
        en: '{role} {personId} may not send {command}: only {need, select, principal {the Principal of {responsibleId}} manager {a SafetyOfficer or the Principal of {responsibleId}} other {the responsible party}} may',
      },
    },
  },
  {
    id: 'H-18',
    scope,
    title: { 'zh-CN': '重大事故隐患由监管部门验收', en: 'Regulator verification of majors' },
    statement: {
      'zh-CN':
        '重大事故隐患由负责监管的部门的人员验收，人数不少于 `minVerifiersMajor`，以监管部门复查等方式进行（不得为企业内部验收）；专家可以参加（`expertIds`，须具有专家角色），但没有监管人员的验收报 `RegulatorVerifierRequired`；其他人员验收报 `Forbidden`。',
      en: 'A major is verified by officers of its supervising regulator, at least `minVerifiersMajor` of them, in a regulator review (never `internal_check`); experts may join in `expertIds` (persons with the Expert role) but a verification without officers is `RegulatorVerifierRequired`; any other verifier is `Forbidden`.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['minVerifiersMajor'],
    violations: {
      RegulatorVerifierRequired: {
        'zh-CN':
          '重大事故隐患须由负责监管的部门{supervisingOrgId}的人员验收（本次验收方式：{kind, label, verificationKind}）',
        en: 'a major hazard is verified by officers of its supervising regulator {supervisingOrgId} (this verification: {kind})',
      },
      TooFewVerifiers: {
        'zh-CN':
          '重大事故隐患须由至少{required, number, integer}名监管人员验收，本次为{actual, number, integer}名',
        en: 'a major hazard needs at least {required} regulator verifiers, got {actual}',
      },
      Forbidden: {
        'zh-CN':
          '{reason, select, not_listed {登记验收的{verifierId}须是验收人员之一} unknown {验收人员{verifierId}不在目录中} not_officer {{verifierId}不是监管部门{supervisingOrgId}的人员，不能验收重大事故隐患} wrong_side {{verifierId}无权验收本隐患（{side, label, verifierSide}）} tenant_must_verify {产权单位可以会签产权主体检查发现的隐患，但须由承租单位验收} close {{verifierId}无权销号：仅本隐患的验收方（{side, label, verifierSide}）可以销号} other {{verifierId}无权验收}}',
        en: '{reason, select, not_listed {{verifierId} may record a verification only as one of its verifierIds} unknown {verifier {verifierId} is not a known person} not_officer {{verifierId} may not verify: not an officer of {supervisingOrgId}} wrong_side {{verifierId} may not verify this hazard ({side} side)} tenant_must_verify {a landlord may co-sign a landlord check, but the tenant must verify it} close {{verifierId} may not close this hazard: only its {side}-side verifiers may} other {{verifierId} may not verify}}',
      },
      NotAnExpert: {
        'zh-CN': '{expertId}不具有专家角色，不能以专家身份参加验收',
        en: '{expertId} is not a person with the Expert role',
      },
      VerificationKindMismatch: {
        'zh-CN':
          '{mismatch, select, not_suspended {恢复生产审查须在停产停业期间进行} wrong_kind {{side, label, verifierSide}只能登记{allowed, label, verificationKind}，不能登记{kind, label, verificationKind}} other {验收方式与验收方不符}}',
        en: '{mismatch, select, not_suspended {a resumption review needs an active suspension} wrong_kind {the {side}-side verifier records {allowed, list, or}, not {kind}} other {the verification kind does not fit the verifier}}',
      },
    },
  },
  {
    id: 'H-19',
    scope,
    title: { 'zh-CN': '验收与销号主体', en: 'Who verifies and closes' },
    statement: {
      'zh-CN':
        '（一）企业自查发现的一般事故隐患（发现人代表企业）：由责任企业的安全生产管理人员或主要负责人验收（产权主体检查发现的，由承租单位验收，产权单位可以会签）。（二）其他一般事故隐患（生产经营单位或厂中厂）：由发现单位或负责监管的部门的人员验收。（三）小场所的一般事故隐患：由管辖该区域的属地单位的网格员或属地管理部门人员，或发现单位的人员验收。（四）重大事故隐患：见 H-18。登记验收的人员须是验收人员（`verifierIds`）之一；`CloseHazard` 由同一验收方办理。`verifierMustDifferFromRectifier` 为真时，报告最近一次整改完成的人员不得参加验收（`SegregationOfDuties` 列明其人）。参加验收的专家（`expertIds`）须具有专家角色（`NotAnExpert`）。验收方式须与验收方相符：企业登记内部验收（`internal_check`）或组织验收（`acceptance`）；监管方（二、三、四）登记监管部门复查（`regulator_review`）、组织验收，或在停产停业期间登记恢复生产审查（`resumption_review`）（`VerificationKindMismatch`）。',
      en: "(a) A general hazard the enterprise found itself (its discoverer acts for an enterprise) → a SafetyOfficer or the Principal of the responsible enterprise (a landlord check: the tenant's, the landlord's may co-sign). (b) Any other general enterprise or site hazard → regulator officers of the finding or the supervising organisation. (c) A general venue hazard → GridPatrollers or TerritorialOfficers of a territorial body covering the area, or officers of the finding organisation. (d) A major → H-18. The recording actor is one of `verifierIds`; `CloseHazard` is issued by the same side. If `verifierMustDifferFromRectifier`, no verifier reported the latest completion (`SegregationOfDuties` names them). Experts who join (`expertIds`) hold the Expert role (`NotAnExpert`). The kind fits the side: the enterprise records `internal_check` or `acceptance`; a regulator side (b, c, d) records `regulator_review`, `acceptance` or, while operations are suspended, `resumption_review` (`VerificationKindMismatch`).",
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['verifierMustDifferFromRectifier'],
    violations: {
      Forbidden: {
        'zh-CN':
          '{reason, select, not_listed {登记验收的{verifierId}须是验收人员之一} unknown {验收人员{verifierId}不在目录中} not_officer {{verifierId}不是监管部门{supervisingOrgId}的人员，不能验收重大事故隐患} wrong_side {{verifierId}无权验收本隐患（{side, label, verifierSide}）} tenant_must_verify {产权单位可以会签产权主体检查发现的隐患，但须由承租单位验收} close {{verifierId}无权销号：仅本隐患的验收方（{side, label, verifierSide}）可以销号} other {{verifierId}无权验收}}',
        en: '{reason, select, not_listed {{verifierId} may record a verification only as one of its verifierIds} unknown {verifier {verifierId} is not a known person} not_officer {{verifierId} may not verify: not an officer of {supervisingOrgId}} wrong_side {{verifierId} may not verify this hazard ({side} side)} tenant_must_verify {a landlord may co-sign a landlord check, but the tenant must verify it} close {{verifierId} may not close this hazard: only its {side}-side verifiers may} other {{verifierId} may not verify}}',
      },
      SegregationOfDuties: {
        'zh-CN': '{verifierId}报告了整改完成，不得再参加验收（整改与验收分离）',
        en: '{verifierId} reported the rectification complete and may not verify it',
      },
      NotAnExpert: {
        'zh-CN': '{expertId}不具有专家角色，不能以专家身份参加验收',
        en: '{expertId} is not a person with the Expert role',
      },
      VerificationKindMismatch: {
        'zh-CN':
          '{mismatch, select, not_suspended {恢复生产审查须在停产停业期间进行} wrong_kind {{side, label, verifierSide}只能登记{allowed, label, verificationKind}，不能登记{kind, label, verificationKind}} other {验收方式与验收方不符}}',
        en: '{mismatch, select, not_suspended {a resumption review needs an active suspension} wrong_kind {the {side}-side verifier records {allowed, list, or}, not {kind}} other {the verification kind does not fit the verifier}}',
      },
    },
  },
  {
    id: 'H-20',
    scope,
    title: { 'zh-CN': '销号条件', en: 'Closure prerequisites' },
    statement: {
      'zh-CN':
        '销号须在最近一次整改完成后最后一次验收通过，且不在停产停业期间；重大事故隐患还须：按 H-18 经监管部门验收，监管部门已知悉，`requireWorkforceDisclosureForMajor` 为真时已向从业人员通报（生产经营单位和厂中厂；小场所没有职工大会），治理方案完整，各级挂牌督办均已摘牌，曾经停产停业的还须评估符合安全生产条件（H-17）。重大事故隐患不能凭企业自行验收销号。验收通过时各项条件均已满足的，同一次提交记录 `HazardClosed`；否则隐患处于“已验收待销号”（`verified`，本库用语），满足最后一项条件的后续事件（摘牌、恢复生产、通报、报告、治理方案、降级）一并记录 `HazardClosed`。`CloseHazard` 用于明确销号（例如政策变更后）。',
      en: 'Closure needs the last verification, after the latest completion, passed and no active suspension; for a major also: a regulator verification per H-18, `knownToRegulator`, workforce disclosure when `requireWorkforceDisclosureForMajor` (enterprise and site subjects; a venue has no workers’ congress), a complete plan, and every listing delisted, and, if its operations were ever suspended, an assessment that meets (H-17). A major can never close on the enterprise’s own check. When the passing verification satisfies all of it, `HazardClosed` follows in the same commit; otherwise the hazard is `verified` and whichever later event meets the last prerequisite (delisting, resumption, disclosure, report, plan, downgrade) also emits `HazardClosed`. `CloseHazard` closes explicitly (e.g. after a policy change).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['requireWorkforceDisclosureForMajor', 'minVerifiersMajor'],
    violations: {
      ClosureBlocked: {
        'zh-CN': '隐患尚不能销号，缺少：{missing, label, closureBlocker}',
        en: 'the hazard cannot be closed yet: missing {missing, list}',
      },
    },
  },
  {
    id: 'H-21',
    scope,
    title: { 'zh-CN': '验收不通过', en: 'Failed verification' },
    statement: {
      'zh-CN':
        '验收不通过的，隐患回到整改中，验收不通过次数（`verificationFailures`）加一；只有代表期限确定方的验收人员可以同时确定新期限（`newDeadline`，须晚于现行期限），同一次提交记录 `RectificationDeadlineExtended`。监管部门确定的期限，由该部门的人员确定新期限；企业确定的期限适用 H-8：只有主要负责人（小场所为经营者）可以确定，其他验收人员不填写 `newDeadline`，隐患按原期限继续整改，由主要负责人以 `ExtendRectificationDeadline` 延期（H-8）。新期限不得早于判定该次验收所依据的当地日期（补录的按记录时间，H-30）。验收通过的不确定期限。',
      en: 'A failed verification returns the hazard to `open` and counts `verificationFailures`; it may set `newDeadline` (later than the current one) only if the verifier acts for the deadline owner, which emits `RectificationDeadlineExtended` in the same commit. For a regulator-owned deadline that is an officer of the owning organisation. For an enterprise-owned deadline H-8 prevails: only the principal (the Principal, or a venue’s operator) may set it; any other verifier fails the hazard without `newDeadline`, it goes back to rectification under its old deadline, and the principal extends it with `ExtendRectificationDeadline` (H-8). The new deadline is not before the local date the verification is judged by (its recording time for a late entry, H-30). A passed verification sets no deadline.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotDeadlineOwner: {
        'zh-CN':
          '{ownerKind, select, regulator {整改期限由监管部门{ownerId}确定，验收人员所在单位不能确定新期限} enterprise {企业确定的整改期限，只能由{ownerId}的主要负责人确定新期限；请不填写新期限，由主要负责人延期} other {验收人员不是期限确定方}}',
        en: "{ownerKind, select, regulator {the verifier's organisation does not own the deadline ({ownerId})} enterprise {only the principal of {ownerId} sets a new enterprise-owned deadline; fail without newDeadline and let the principal extend it} other {the verifier does not own the deadline}}",
      },
      DeadlineNotLater: {
        'zh-CN': '新的整改期限{newDeadline, date}须晚于现行期限{currentDeadline, date}',
        en: 'new deadline {newDeadline, date, iso} is not after the current deadline {currentDeadline, date, iso}',
      },
      NewDeadlineOnFailureOnly: {
        'zh-CN': '只有验收不通过时才能确定新的整改期限',
        en: 'only a failed verification sets a new deadline',
      },
      DeadlineInPast: {
        'zh-CN': '新的整改期限{newDeadline, date}早于判定本次验收所依据的日期{judgedOn, date}',
        en: 'new deadline {newDeadline, date, iso} is before {judgedOn, date, iso}, the date the verification is judged by',
      },
    },
  },
  {
    id: 'H-22',
    scope,
    title: { 'zh-CN': '监管部门验收时限', en: 'Regulator verification SLA' },
    statement: {
      'zh-CN':
        '由监管方验收的（重大事故隐患及 H-19 二、三项），应在申请验收的当地日期后 `regulatorVerificationWithinDays` 日内完成；是否超期由时间推算（`isVerificationSlaBreached`），不阻止办理。',
      en: 'A requested verification by the regulator side (majors and H-19 b/c) is due by the local date of the request plus `regulatorVerificationWithinDays`; a breach is derived (`isVerificationSlaBreached`), never blocking.',
    },
    basis: 'L?',
    enforcement: 'derived',
    policyKeys: ['regulatorVerificationWithinDays', 'timezone'],
    violations: {},
  },
  {
    id: 'H-23',
    scope,
    title: { 'zh-CN': '作废', en: 'Voiding' },
    statement: {
      'zh-CN':
        '只有在记录任何 `RectificationCompleted` 之前、并说明理由，才能作废隐患。监管部门发现的，由发现单位负责人作废；企业自查发现的一般事故隐患，由主要负责人作废；企业自查发现的重大事故隐患，由负责监管的部门负责人作废（企业不得作废）。曾经挂牌督办的隐患不得作废。',
      en: 'Void only before any `RectificationCompleted`, with a reason. A regulator-found hazard → the AuthorityHead of the finding organisation; a self-found general → the Principal; a self-found major → the AuthorityHead of the supervising regulator (never the enterprise). A hazard that was ever listed cannot be voided.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      ReasonRequired: {
        'zh-CN': '作废隐患须说明理由',
        en: 'voiding a hazard needs a reason',
      },
      AlreadyRectified: {
        'zh-CN': '隐患已报告整改完成，不能作废',
        en: 'a hazard can be voided only before any rectification was reported',
      },
      ListedHazardCannotBeVoided: {
        'zh-CN': '曾经挂牌督办的隐患不能作废',
        en: 'a hazard that was listed for supervision cannot be voided',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权作废该隐患：{reason, select, finder {监管部门发现的隐患，仅由发现单位{party}的负责人作废} supervisor {重大事故隐患不得由企业作废，仅由负责监管的部门{party}的负责人作废} principal {企业自查发现的一般事故隐患，仅由{party}的主要负责人作废} other {无权作废}}',
        en: '{role} {personId} may not void this hazard: {reason, select, finder {a hazard found by {party} is voided by its AuthorityHead only} supervisor {no enterprise may void a major hazard; only the AuthorityHead of {party} may} principal {a self-found hazard is voided by the Principal of {party} only} other {not allowed}}',
      },
    },
  },
  {
    id: 'H-24',
    scope,
    title: { 'zh-CN': '挂牌督办', en: 'Listing' },
    statement: {
      'zh-CN':
        '只有重大事故隐患可以挂牌督办，由管辖该区域的相应层级单位的安委办或负责人挂牌；同一层级同时只能有一个有效挂牌；挂牌不另设期限（沿用整改期限），可以指定新的负责监管部门，其管辖范围须包含该隐患（G-5，`OrgOutOfScope`）。同一隐患可以由多个层级挂牌，销号前须全部摘牌。',
      en: 'Only majors are listed, by the SafetyCommitteeOffice or AuthorityHead of an authority at the listing level covering the area; at most one active listing per level; the listing has no date of its own (it uses the hazard deadline) and may name a new supervising regulator, which must cover the hazard (G-5, `OrgOutOfScope`). Several levels may list the same hazard; all must delist before closure.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotMajor: {
        'zh-CN': '挂牌督办仅适用于重大事故隐患，本隐患为{grade, label, hazardGrade}',
        en: 'only major hazards are listed for supervision; this one is {grade}',
      },
      AlreadyListedAtLevel: {
        'zh-CN': '隐患已在{level, label, organizationLevel}挂牌督办',
        en: 'the hazard is already listed at {level} level',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权以{authorityOrgId}名义在{level, label, organizationLevel}挂牌督办：仅管辖区域{areaId}的该级单位安委办或负责人可以挂牌',
        en: "{role} {personId} may not list at {level} level for {authorityOrgId}: only that {level}-level authority's SafetyCommitteeOffice or AuthorityHead, covering area {areaId}, may",
      },
      OrgOutOfScope: {
        'zh-CN': '{field}所列单位{orgId}的管辖范围不含该隐患（区域{areaId}，行业{sectorCode}）',
        en: '{field}: {orgId} does not cover the hazard (area {areaId}, sector {sectorCode})',
      },
    },
  },
  {
    id: 'H-25',
    scope,
    title: { 'zh-CN': '摘牌', en: 'Delisting' },
    statement: {
      'zh-CN': '挂牌单位只有在最近一次 `RectificationCompleted` 之后验收通过，才能对有效挂牌摘牌。',
      en: 'The listing authority delists an active listing only after a passed verification recorded after the latest `RectificationCompleted`.',
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      VerificationRequired: {
        'zh-CN':
          '{action, select, delisting {摘牌} resumption {恢复生产} other {办理}}前，须在最近一次整改完成后验收通过',
        en: '{action, select, delisting {delisting} resumption {resumption} other {this}} needs a passed verification after the latest rectification',
      },
      NotListed: {
        'zh-CN': '隐患没有{level, label, organizationLevel}的有效挂牌',
        en: 'the hazard has no active listing at {level} level',
      },
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}无权摘牌：仅挂牌单位{authorityOrgId}可以摘牌',
        en: '{role} {personId} may not delist: only the listing authority {authorityOrgId} may',
      },
    },
  },
  {
    id: 'H-26',
    scope,
    title: { 'zh-CN': '恢复生产', en: 'Resumption' },
    statement: {
      'zh-CN':
        '恢复生产由责令停产停业的监管部门负责人批准（企业自行停产的由主要负责人批准），且须在最近一次 `RectificationCompleted` 之后验收通过（《安全生产法》第六十五条 [L?]；16号令 [L]）。监管部门责令停产停业须经负责人批准；停产停业期间，只有监管部门的责令可以取代原停产停业（`AlreadySuspended`）。',
      en: "Resumption is approved by the AuthorityHead of the suspending regulator (the Principal for a self-suspension) only after a passed verification after the latest `RectificationCompleted` (WSL Art. 65 [L?]; Order 16 [L]). A suspension order needs an AuthorityHead's approval; while a suspension is active only a regulator order may supersede it (`AlreadySuspended`).",
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      VerificationRequired: {
        'zh-CN':
          '{action, select, delisting {摘牌} resumption {恢复生产} other {办理}}前，须在最近一次整改完成后验收通过',
        en: '{action, select, delisting {delisting} resumption {resumption} other {this}} needs a passed verification after the latest rectification',
      },
      NotSuspended: {
        'zh-CN': '隐患不在停产停业期间，无须恢复生产',
        en: 'there is no active suspension to lift',
      },
      AlreadySuspended: {
        'zh-CN': '已在停产停业期间，只有监管部门责令可以取代',
        en: 'operations are already suspended; only a regulator order may supersede it',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权批准恢复生产：{reason, select, regulator {仅责令停产停业的监管部门{party}的负责人可以批准} self {企业自行停产的，仅由{party}的主要负责人批准} other {无权批准}}',
        en: '{role} {personId} may not approve resumption: {reason, select, regulator {only the AuthorityHead of the suspending {party} may} self {a self-suspension is lifted by the Principal of {party} only} other {not allowed}}',
      },
    },
  },
  {
    id: 'H-27',
    scope,
    title: { 'zh-CN': '销号后不再打开', en: 'No reopening' },
    statement: {
      'zh-CN':
        '已销号的隐患不再打开：对其办理任何命令均报 `HazardTerminal`，援引本条；同一隐患再次出现的，以 `recurrenceOf` 作为新隐患登记。',
      en: 'A closed hazard is never reopened: every command on it is `HazardTerminal`, cited under this rule; a recurrence is a new hazard registered with `recurrenceOf`.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      HazardTerminal: {
        'zh-CN':
          '隐患{state, label, hazardState}，不能再办理“{command, label, commandType}”；再次出现的，作为新隐患登记（recurrenceOf）',
        en: 'the hazard is {state} and takes no {command}; register a recurrence as a new hazard (recurrenceOf)',
      },
    },
  },
  {
    id: 'H-28',
    scope,
    title: { 'zh-CN': '移送', en: 'Referral' },
    statement: {
      'zh-CN':
        '负责监管的部门的人员，只能在整改中将隐患移送其他监管部门；接收部门此后负责监管，整改期限由监管部门确定的，也由其确定（16号令）。接收部门须为管辖范围包含该隐患所在区域及行业、场所类别或专项的监管部门（G-5，`OrgOutOfScope`）。',
      en: 'An officer of the supervising regulator refers the hazard to another regulator only while `open`; the new organisation supervises it and, for a regulator-owned deadline, owns the deadline (Order 16). The new organisation is a regulator whose remit covers the hazard’s area and sector, venue category or specialty (G-5, `OrgOutOfScope`).',
    },
    basis: 'L',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotOpen: {
        'zh-CN': '隐患处于{state, label, hazardState}状态，只有整改中的隐患可以移送',
        en: 'a hazard can be referred only while open, not {state}',
      },
      Forbidden: {
        'zh-CN':
          '{role, label, role}{personId}无权移送该隐患：仅负责监管的部门{supervisingOrgId}的人员可以移送',
        en: '{role} {personId} may not refer this hazard: only an officer of its supervising regulator {supervisingOrgId} may',
      },
      OrgOutOfScope: {
        'zh-CN': '{field}所列单位{orgId}的管辖范围不含该隐患（区域{areaId}，行业{sectorCode}）',
        en: '{field}: {orgId} does not cover the hazard (area {areaId}, sector {sectorCode})',
      },
    },
  },
  {
    id: 'H-29',
    scope,
    title: { 'zh-CN': '时限类事实实时推算', en: 'Derived time facts' },
    statement: {
      'zh-CN':
        '逾期、逾期天数、迟报和验收超期均由时间推算（G-6）：`isOverdue`、`daysOverdue`、`deadlineMetAt`、`isDeadlineMet`（按 `deadlineMetBy`：在现行期限当地日期结束前完成的为按期；逾期完成的结束逾期状态，但不算按期；当场整改的，两种口径均算发现时完成）、`isMajorReportLate`、`isVerificationSlaBreached` 根据状态和查询时点 `asOf` 计算；不以事件或状态字段记录。',
      en: 'Overdue, days overdue, late report and verification SLA breach are derived (G-6): `isOverdue`, `daysOverdue`, `deadlineMetAt` and `isDeadlineMet` (per `deadlineMetBy`: met on time, by the end of the effective deadline’s local day; a late completion ends the overdue state without meeting the deadline; an on-the-spot fix counts as done when found under either setting), `isMajorReportLate`, `isVerificationSlaBreached` take the state and an `asOf` instant; no event or state field records them.',
    },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: [
      'deadlineMetBy',
      'timezone',
      'majorHazardReportWithinHours',
      'regulatorVerificationWithinDays',
    ],
    violations: {},
  },
  {
    id: 'H-30',
    scope,
    title: { 'zh-CN': '补录', en: 'Late entries (back-dating)' },
    statement: {
      'zh-CN':
        '本库增设（G-4 允许业务时间早于记录时间，基层常有纸质记录事后补录）：命令的 `occurredAt` 早于记录时间超过 `maxBackdatingHours`（默认72小时）的，为补录。补录须说明理由（`lateEntryReason`），并由具有督办职责的角色办理（主要负责人、场所经营者、部门负责人、安委办）；系统进程（`System`）依据已记录的事件办理的除外。补录产生的事件带有 `lateEntry {reason, recordedAt}`，台账同时显示两个时间并加以标注；期限规则（H-8 逾期延期、H-21 新期限）和按期类指标（整改、销号、报告、验收时限）按记录时间判断，补录不能使迟办显得按期。未超出界限的，按业务时间计。',
      en: 'Added by the library (G-4 allows back-dating; paper records are entered late in real offices): a command whose `occurredAt` lies more than `maxBackdatingHours` (default 72) before its recording time is a late entry. It needs a `lateEntryReason` and an actor of a supervisory role (Principal, VenueOperator, AuthorityHead, SafetyCommitteeOffice); processes (`System`) acting on recorded events are exempt. Its events carry `lateEntry {reason, recordedAt}`, so ledgers show both times and flag it, and deadline rules (H-8 late extension, H-21 new deadline) and on-time metrics (completion, closure, report, verification SLA) judge it by the recording time, so back-dating cannot make a late act look timely. Within the bound, business time counts.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['maxBackdatingHours'],
    violations: {
      LateEntryReasonRequired: {
        'zh-CN':
          '业务时间{occurredAt, datetime}早于记录时间{recordedAt, datetime}超过{maxBackdatingHours, number, integer}小时，属于补录，须说明理由（lateEntryReason）',
        en: 'occurredAt {occurredAt, datetime, iso} lies more than {maxBackdatingHours} hours before the recording time {recordedAt, datetime, iso}: give a lateEntryReason',
      },
      SupervisorRequired: {
        'zh-CN':
          '补录超过{maxBackdatingHours, number, integer}小时的记录，须由督办角色（{allowedRoles, label, role}）办理，{role, label, role}不能办理',
        en: 'an entry back-dated more than {maxBackdatingHours} hours is made by a {allowedRoles, list, or}, not a {role}',
      },
    },
  },
]);

/**
 * Raises a hazard violation from the catalog, checked by the compiler: the rule id, the violation
 * name and the values its message names.
 *
 * @example
 * throw violate('H-13', 'IncompletePlan', { missing: ['contingencyPlanRef'] });
 */
export const violate = violationFactory(hazardRules);
