import { violationFactory } from '../rules/raise-violation.js';
import { defineRuleCatalog } from '../rules/rule-catalog.js';

const scope = 'EnforcementCase' as const;

// Who may send a command, as one select shared by every rule that names the sender.
const forbidden = {
  'zh-CN':
    '{role, label, role}{personId}无权办理“{command, label, commandType}”，须由{need, select, proposer {本案承办执法人员或立案审批负责人} agency_officer {本案执法机关的持证执法人员} agency_head {本案执法机关负责人} legal_reviewer {本案执法机关的法制审核人员} hearing_officer {本案执法机关中未参与调查的人员} other {有权人员}}办理',
  en: '{role} {personId} may not send {command}: only {need, select, proposer {a proposing officer or the approving head} agency_officer {a credentialed EnforcementOfficer of the case agency} agency_head {an AuthorityHead of the case agency} legal_reviewer {a LegalReviewer of the case agency} hearing_officer {a person of the case agency who did not investigate} other {an authorised person}} may',
} as const;

/**
 * The enforcement-case rules of domain spec §4.2 (EC-0 is the library's lifecycle rule), in
 * Chinese and English. Grep an id (`EC-4`) to find its check and the tests named after it.
 */
export const enforcementCaseRules = defineRuleCatalog([
  {
    id: 'EC-0',
    scope,
    title: { 'zh-CN': '办案程序与办理人', en: 'Lifecycle and senders' },
    statement: {
      'zh-CN':
        '本库增设：除立案外，每条命令须针对已立案的案件；已结案、已撤案、已移送的案件不再办理任何命令；各命令只能在 `caseCommandStates` 所列状态下办理（决定前：追加当事人、调查取证、事先告知、陈述申辩、听证、法制审核；决定后：送达、履行、申请强制执行、结案）。命令须由本案执法机关的相应人员发出（G-5）：执法人员办理调查、告知、送达和履行登记，机关负责人办理决定、延期、结案、撤案和移送，法制审核人员办理法制审核。命令所称当事人须为本案当事人。',
      en: "Added by the library: every command but `FileCase` needs a filed case; a closed, dismissed or transferred case takes no command; each command is accepted only in the states of `caseCommandStates` (before the decision: respondents, evidence, notices, defence, hearings, legal review; after it: service, performance, court enforcement, closure). Commands come from the case agency's people (G-5): credentialed EnforcementOfficers investigate, notify, serve and record performance; its AuthorityHead decides, extends, closes, dismisses and transfers; its LegalReviewer reviews. A respondent a command names must be one of the case's.",
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      CaseNotFiled: {
        'zh-CN': '案件尚未立案，不能办理“{command, label, commandType}”',
        en: '{command} needs a filed case',
      },
      AlreadyFiled: {
        'zh-CN': '案件{caseId}已立案',
        en: 'case {caseId} is already filed',
      },
      CaseTerminal: {
        'zh-CN': '案件{state, label, caseState}，不能再办理“{command, label, commandType}”',
        en: 'the case is {state}; {command} is not accepted',
      },
      InvalidState: {
        'zh-CN': '案件{state, label, caseState}时不能办理“{command, label, commandType}”',
        en: '{command} is not accepted while the case is {state}',
      },
      UnknownRespondent: {
        'zh-CN': '{respondentRef}不是本案当事人',
        en: '{respondentRef} is not a respondent of the case',
      },
      Forbidden: forbidden,
    },
  },
  {
    id: 'EC-1',
    scope,
    title: { 'zh-CN': '立案条件', en: 'Filing' },
    statement: {
      'zh-CN':
        '立案须列明至少一名当事人和至少一条违反的条款；承办人须为本机关持有执法证件的执法人员，审批人须为本机关负责人且不得为承办人（`SelfApproval`）；命令由承办人或审批人发出。执法机关须为监管部门，当事人企业须在目录中且在其管辖范围内，当事人编号不得重复（追加当事人同样适用）。案号在同一执法机关同一年度内唯一：`createCaseFiling` 在立案前以唯一键占用“机关:年度:案号”，并发立案时只有一个成功（`DuplicateCaseNumber`）。',
      en: 'A filing names at least one respondent and one violated provision; the proposers are credentialed EnforcementOfficers of the agency, the approver an AuthorityHead of the agency and not a proposer (`SelfApproval`); a proposer or the approver sends it. The agency is a regulator, respondent enterprises are in the directory and in its remit, and respondent refs are distinct (also for added respondents). A case number is unique per agency and year: `createCaseFiling` claims `agency:year:caseNo` as a unique key before filing, so of racing filings exactly one wins (`DuplicateCaseNumber`).',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['timezone'],
    violations: {
      RespondentsRequired: {
        'zh-CN': '立案须列明至少一名当事人',
        en: 'a filing names at least one respondent, none was given',
      },
      ProvisionsRequired: {
        'zh-CN': '立案须列明至少一条违反的条款',
        en: 'a filing names at least one violated provision, none was given',
      },
      ProposerNotCredentialed: {
        'zh-CN': '承办人{personId}不是{agencyOrgId}持有执法证件的执法人员',
        en: 'proposer {personId} is not a credentialed EnforcementOfficer of {agencyOrgId}',
      },
      ApproverNotAuthorityHead: {
        'zh-CN': '审批人{approvedBy}不是{agencyOrgId}的负责人',
        en: 'approver {approvedBy} is not an AuthorityHead of {agencyOrgId}',
      },
      SelfApproval: {
        'zh-CN': '审批人{approvedBy}是本案承办人，不得审批立案',
        en: 'approver {approvedBy} is also a proposer and may not approve the filing',
      },
      DuplicateCaseNumber: {
        'zh-CN': '{agencyOrgId}{year, number, integer}年度案号{caseNo}已被{owner}使用',
        en: 'case number {caseNo} of {agencyOrgId} in {year, number, integer} is already used by {owner}',
      },
      DuplicateRespondentRef: {
        'zh-CN': '当事人编号{respondentRef}重复',
        en: 'respondent ref {respondentRef} is used twice',
      },
      UnknownEnterprise: {
        'zh-CN': '当事人企业{enterpriseId}不在目录中',
        en: 'respondent enterprise {enterpriseId} is not in the directory',
      },
      RespondentOutOfScope: {
        'zh-CN': '当事人企业{enterpriseId}不在{agencyOrgId}的管辖范围内',
        en: 'respondent enterprise {enterpriseId} is outside the remit of {agencyOrgId}',
      },
      NotAnAgency: {
        'zh-CN': '{agencyOrgId}不是负有安全生产监督管理职责的部门',
        en: '{agencyOrgId} is not a work-safety regulator',
      },
      Forbidden: forbidden,
    },
  },
  {
    id: 'EC-2',
    scope,
    title: { 'zh-CN': '执法人员不少于两人', en: 'Two officers on evidence' },
    statement: {
      'zh-CN':
        '每次调查取证须列明不少于 `minEnforcementOfficers` 名本机关持有执法证件的执法人员，登记人须为其中之一（行政处罚法第四十二条）。',
      en: 'Each `EvidenceRecorded` names at least `minEnforcementOfficers` distinct credentialed EnforcementOfficers of the agency, the sender among them (APL 2021 Art. 42).',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: ['minEnforcementOfficers'],
    violations: {
      TooFewOfficers: {
        'zh-CN':
          '调查取证须有{required, number, integer}名以上执法人员，现列明{count, number, integer}名',
        en: 'evidence needs at least {required, number, integer} officers, {count, number, integer} given',
      },
      OfficerNotCredentialed: {
        'zh-CN': '{personId}不是{agencyOrgId}持有执法证件的执法人员',
        en: '{personId} is not a credentialed EnforcementOfficer of {agencyOrgId}',
      },
      RecorderNotNamed: {
        'zh-CN': '登记人{personId}须为取证执法人员之一',
        en: 'the sender {personId} must be one of the officers named',
      },
    },
  },
  {
    id: 'EC-3',
    scope,
    title: { 'zh-CN': '重大事故隐患案件', en: 'Major-hazard case' },
    statement: {
      'zh-CN':
        '`isMajorHazardCase` 由事件推算、不由命令设定：关联时为重大事故隐患的隐患，或立案时引用的重大事故隐患判定标准条款（`majorBasis`），使其为真；处罚决定前可由假变真，`PenaltyDecisionIssued` 时冻结并记入该事件，此后关联的隐患不再改变它。',
      en: '`isMajorHazardCase` is derived, never set by a command: a linked hazard that was major when linked, or a major-hazard standard clause cited at filing (`majorBasis`), makes it true; it may turn true until the decision, is frozen into `PenaltyDecisionIssued`, and hazards linked later do not change it.',
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'EC-4',
    scope,
    title: { 'zh-CN': '不得超出告知的处罚', en: 'No heavier than notified' },
    statement: {
      'zh-CN':
        '处罚只能针对已送达事先告知书的本案当事人；对每名当事人，决定的处罚种类须为其最近一次告知书所列种类（警告总可作出），罚款、没收的金额合计不超过告知合计，期限不超过告知期限；不得因当事人陈述申辩而加重处罚（行政处罚法第四十五条）。超出的须重新告知（`ExceedsNotifiedPenalty`）。',
      en: 'A penalty targets only a respondent of the case who was served a notice; per respondent, each decided kind is one its latest notice proposed (a warning is always lighter), fines and confiscations total no more than notified and durations are no longer than notified; a defence never aggravates the penalty (APL 2021 Art. 45). Anything heavier needs a new notice (`ExceedsNotifiedPenalty`).',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotNotified: {
        'zh-CN': '未向当事人{respondentRef}送达事先告知书，不得对其作出处罚',
        en: 'respondent {respondentRef} was not served a pre-decision notice',
      },
      PenaltyKindNotNotified: {
        'zh-CN': '告知书未向当事人{respondentRef}告知{kind, label, penaltyKind}，须重新告知',
        en: '{kind} was not notified to {respondentRef}; serve a new notice',
      },
      ExceedsNotifiedPenalty: {
        'zh-CN':
          '对当事人{respondentRef}的{kind, label, penaltyKind}{measure, select, duration {{decided, number, integer}日超过告知的{notified, number, integer}日} amount {{decided, number, cny}超过告知的{notified, number, cny}} other {{decided}超过告知的{notified}}}，须重新告知',
        en: '{kind} on {respondentRef} of {decided} exceeds the notified {notified} {measure, select, duration {days} amount {CNY} other {}}; serve a new notice',
      },
      NoticeTargetsAnother: {
        'zh-CN': '告知书送达{respondentRef}，但所列处罚针对{otherRef}',
        en: 'the notice is served on {respondentRef} but proposes a penalty on {otherRef}',
      },
    },
  },
  {
    id: 'EC-5',
    scope,
    title: { 'zh-CN': '陈述申辩与听证期限', en: 'Statement and hearing windows' },
    statement: {
      'zh-CN':
        '对每名被处罚的当事人，须在告知书送达之日起 `statementWindowDays` 日届满后（当地日历日结束），或已记录其陈述申辩，方可作出决定；告知听证权利的，还须 `hearingRequestWindowDays` 日届满未申请听证，或已举行听证、已书面放弃听证。听证申请须在该期限内提出，且仅限告知了听证权利的当事人。',
      en: "A decision may penalise a respondent only after `statementWindowDays` from the notice's local date have ended (end of that local day), or once a defence was recorded; and, with a hearing right, after `hearingRequestWindowDays` have ended without a request, or once a hearing was held or waived. A hearing request must come within that window, and only from a respondent notified of the right.",
    },
    basis: 'P',
    enforcement: 'blocking',
    policyKeys: ['statementWindowDays', 'hearingRequestWindowDays', 'timezone'],
    violations: {
      StatementWindowOpen: {
        'zh-CN': '当事人{respondentRef}的陈述申辩期限至{until, date}届满，届满前不得作出决定',
        en: 'the statement window of {respondentRef} runs until {until}; no decision before it ends',
      },
      HearingWindowOpen: {
        'zh-CN': '当事人{respondentRef}的听证申请期限至{until, date}届满，届满前不得作出决定',
        en: 'the hearing-request window of {respondentRef} runs until {until}; no decision before it ends',
      },
      HearingRequestLate: {
        'zh-CN': '当事人{respondentRef}的听证申请期限已于{until, date}届满',
        en: 'the hearing-request window of {respondentRef} ended on {until}',
      },
      NoHearingRight: {
        'zh-CN': '未告知当事人{respondentRef}听证权利',
        en: '{respondentRef} was not notified of a hearing right',
      },
    },
  },
  {
    id: 'EC-6',
    scope,
    title: { 'zh-CN': '应当告知听证权利', en: 'Mandatory hearing right' },
    statement: {
      'zh-CN':
        '拟作出责令停产停业、责令关闭、吊销许可证件、限制从业，或单笔罚款达到 `hearingFineThreshold`（单位、个人分别适用）的，告知书须告知听证权利（行政处罚法第六十三条）。',
      en: 'A notice proposing suspension of operations, closure, licence revocation, a ban from post, or a fine at or above `hearingFineThreshold` for the respondent kind (unit or individual) must grant a hearing right (APL 2021 Art. 63).',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: ['hearingFineThreshold.unit', 'hearingFineThreshold.individual'],
    violations: {
      HearingRightRequired: {
        'zh-CN': '拟对当事人{respondentRef}作出的处罚须告知听证权利',
        en: 'the penalties proposed to {respondentRef} require a hearing right',
      },
    },
  },
  {
    id: 'EC-7',
    scope,
    title: { 'zh-CN': '听证', en: 'Hearing' },
    statement: {
      'zh-CN':
        '当事人申请听证的，须举行听证（或其后书面放弃）方可作出决定；听证须由本机关未参与本案调查的人员主持（承办人和取证执法人员不得主持），且只能针对已申请、尚未举行或放弃的听证；同一告知书只可申请一次听证。',
      en: 'When a respondent requested a hearing, the decision waits for the hearing to be held (or a later written waiver); the hearing is presided by a person of the agency who did not investigate (no proposer or evidence officer), for a pending request only; one request per notice.',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      HearingPending: {
        'zh-CN': '当事人{respondentRef}已申请听证，尚未举行或放弃',
        en: '{respondentRef} requested a hearing that was neither held nor waived',
      },
      NoHearingRequested: {
        'zh-CN': '当事人{respondentRef}没有待举行的听证申请',
        en: '{respondentRef} has no pending hearing request',
      },
      HearingAlreadyRequested: {
        'zh-CN': '当事人{respondentRef}已申请听证',
        en: '{respondentRef} already requested a hearing',
      },
      HearingConcluded: {
        'zh-CN': '当事人{respondentRef}的听证已举行或已放弃',
        en: 'the hearing of {respondentRef} was already held or waived',
      },
      HearingOfficerIsInvestigator: {
        'zh-CN': '{personId}参与了本案调查，不得主持听证',
        en: '{personId} investigated the case and may not preside the hearing',
      },
      Forbidden: forbidden,
    },
  },
  {
    id: 'EC-8',
    scope,
    title: { 'zh-CN': '法制审核', en: 'Legal review' },
    statement: {
      'zh-CN':
        '决定包含责令停产停业、责令关闭、吊销许可证件，或任一罚款达到 `legalReviewFineThreshold`，或本案举行过听证的，作出决定前最近一次法制审核意见须为“同意”（行政处罚法第五十八条）。法制审核由本机关法制审核人员办理。',
      en: 'When the decision includes suspension of operations, closure or licence revocation, a fine at or above `legalReviewFineThreshold`, or the case held a hearing, the latest legal review before it must approve (APL 2021 Art. 58). A LegalReviewer of the agency records it.',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: ['legalReviewFineThreshold'],
    violations: {
      LegalReviewRequired: {
        'zh-CN':
          '{why, select, kind {该处罚种类} fine {罚款数额} hearing {已举行听证，} other {}}须经法制审核同意后方可作出决定',
        en: 'the decision needs an approving legal review ({why, select, kind {penalty kind} fine {fine amount} hearing {a hearing was held} other {}})',
      },
      LegalReviewNotApproved: {
        'zh-CN': '最近一次法制审核意见为退回修改',
        en: 'the latest legal review asked for revision',
      },
      Forbidden: forbidden,
    },
  },
  {
    id: 'EC-9',
    scope,
    title: { 'zh-CN': '办案期限', en: 'Decision deadline' },
    statement: {
      'zh-CN':
        '处罚决定应在立案之日起 `caseDecisionWithinDays` 日内作出（按当地日历日计），经负责人批准延长的以最近一次延长后的日期为准；是否逾期由 `decisionDueDate`、`isDecisionOverdue` 按查询时点推算，从不记录。延长须在决定前、由本机关负责人办理，新期限须晚于现期限。',
      en: 'The decision is due within `caseDecisionWithinDays` of the local filing date, or by the date of the latest approved extension; `decisionDueDate` and `isDecisionOverdue` derive lateness from `asOf`, never stored. An extension is granted before the decision by the agency head and moves the date later.',
    },
    basis: 'L?',
    enforcement: 'derived',
    policyKeys: ['caseDecisionWithinDays', 'timezone'],
    violations: {
      DueDateNotLater: {
        'zh-CN': '新期限{newDueDate, date}须晚于现期限{dueDate, date}',
        en: 'the new due date {newDueDate} must be later than {dueDate}',
      },
    },
  },
  {
    id: 'EC-10',
    scope,
    title: { 'zh-CN': '罚款幅度', en: 'Statutory fine range' },
    statement: {
      'zh-CN':
        '每笔罚款须在其处罚依据（`basisProvision`）对该类当事人规定的幅度内；依据表为可替换的参考数据（`definePenaltyBasisTable`，默认为领域规格所列条款），按收入比例计罚的条款不限金额。',
      en: 'Each fine lies within the range its `basisProvision` sets for the respondent kind; the table is replaceable reference data (`definePenaltyBasisTable`, default: the spec’s table); provisions fining a share of income bound no amount.',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      UnknownBasisProvision: {
        'zh-CN': '处罚依据{provision}不在罚款依据表中',
        en: 'basis provision {provision} is not in the penalty table',
      },
      NoFineForRespondentKind: {
        'zh-CN': '{provision}未规定对{respondentKind, label, respondentKind}处以罚款',
        en: '{provision} sets no fine for a {respondentKind} respondent',
      },
      FineOutOfStatutoryRange: {
        'zh-CN':
          '依据{provision}，罚款{amountCny, number, cny}超出{minCny, number, cny}至{maxCny, number, cny}的幅度',
        en: 'a fine of {amountCny} CNY under {provision} is outside {minCny}–{maxCny} CNY',
      },
    },
  },
  {
    id: 'EC-11',
    scope,
    title: { 'zh-CN': '一案双罚', en: 'Dual penalty' },
    statement: {
      'zh-CN':
        '“一案双罚”由处罚决定推算、不由命令设定：决定中至少一项处罚针对单位当事人，且至少一项针对同一企业、身份属于 `dualPenaltyIndividualRoles` 的个人当事人（`isDualPenalty`）。',
      en: 'Dual penalty (一案双罚) is derived from the decision, never set: it holds when the decision penalises a unit respondent and an individual respondent of the same enterprise whose role is in `dualPenaltyIndividualRoles` (`isDualPenalty`).',
    },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: ['dualPenaltyIndividualRoles'],
    violations: {},
  },
  {
    id: 'EC-12',
    scope,
    title: { 'zh-CN': '决定书送达', en: 'Decision service' },
    statement: {
      'zh-CN':
        '处罚决定书应在作出之日起 `decisionServiceWithinDays` 日内送达每名被处罚的当事人；是否逾期由 `decisionServiceDueDate`、`lateServices` 按查询时点推算。只能向被处罚的当事人送达，每人一次。',
      en: 'The decision is due to be served on each penalised respondent within `decisionServiceWithinDays` of its local date; `decisionServiceDueDate` and `lateServices` derive lateness from `asOf`. Service goes to penalised respondents only, once each.',
    },
    basis: 'L?',
    enforcement: 'derived',
    policyKeys: ['decisionServiceWithinDays', 'timezone'],
    violations: {
      NotPenalised: {
        'zh-CN': '处罚决定未处罚{respondentRef}',
        en: 'the decision does not penalise {respondentRef}',
      },
      AlreadyServed: {
        'zh-CN': '处罚决定书已送达{respondentRef}',
        en: 'the decision was already served on {respondentRef}',
      },
    },
  },
  {
    id: 'EC-13',
    scope,
    title: { 'zh-CN': '结案条件', en: 'Closure' },
    statement: {
      'zh-CN':
        '处罚决定书已送达全部被处罚当事人、每项处罚均已履行或已申请人民法院强制执行的，方可结案；每项处罚只登记一次履行或强制执行。',
      en: 'A case closes only when the decision was served on every penalised respondent and every penalty was performed or sent to the court for enforcement; each penalty is settled once.',
    },
    basis: 'L?',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      NotExecuted: {
        'zh-CN':
          '尚未送达{unserved, list}，尚未履行或申请强制执行的处罚{unsettled, list}，不得结案',
        en: 'cannot close: not served on {unserved, list}; penalties not settled: {unsettled, list}',
      },
      UnknownPenalty: {
        'zh-CN': '处罚决定中没有处罚{penaltyRef}',
        en: 'the decision has no penalty {penaltyRef}',
      },
      PenaltyAlreadySettled: {
        'zh-CN': '处罚{penaltyRef}已履行或已申请强制执行',
        en: 'penalty {penaltyRef} is already performed or sent to court',
      },
    },
  },
  {
    id: 'EC-14',
    scope,
    title: { 'zh-CN': '撤案与移送', en: 'Dismissal and transfer' },
    statement: {
      'zh-CN':
        '撤案只能在作出处罚决定前；移送可在结案前任何时候，移送对象须为目录中的其他机关；二者均为终结状态。',
      en: 'A dismissal comes before any decision; a transfer any time before closure, to another organisation of the directory; both are terminal.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      AlreadyDecided: {
        'zh-CN': '已作出处罚决定{decisionNo}，不得撤案',
        en: 'decision {decisionNo} was issued; the case can no longer be dismissed',
      },
      InvalidTransferTarget: {
        'zh-CN': '移送对象{toOrgId}不是目录中的其他机关',
        en: '{toOrgId} is not another organisation of the directory',
      },
    },
  },
  {
    id: 'EC-15',
    scope,
    title: { 'zh-CN': '关联隐患属于当事人', en: 'Linked hazards of respondents' },
    statement: {
      'zh-CN':
        '关联的隐患须为某一当事人企业负责整改的隐患；隐患事实经 `HazardFactsPort` 在 `prepare` 中读取（可由隐患台账或事件流加载提供），关联时记录其等级和责任企业；同一隐患只关联一次，已作废的隐患不得关联。',
      en: "A linked hazard's responsible enterprise is a respondent enterprise; the hazard's facts come through the `HazardFactsPort` loaded in `prepare` (backed by the hazard ledger or by stream loads), and the link records its grade and enterprise; a hazard is linked once, and a voided one not at all.",
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      HazardNotOfRespondent: {
        'zh-CN': '隐患{hazardId}由{enterpriseId}负责，不属于本案当事人',
        en: 'hazard {hazardId} belongs to {enterpriseId}, not to a respondent',
      },
      UnknownHazard: {
        'zh-CN': '隐患{hazardId}不存在或已作废',
        en: 'hazard {hazardId} is unknown or voided',
      },
      HazardAlreadyLinked: {
        'zh-CN': '隐患{hazardId}已关联本案',
        en: 'hazard {hazardId} is already linked',
      },
    },
  },
  {
    id: 'EC-16',
    scope,
    title: { 'zh-CN': '责令停产停业联动', en: 'Suspension of linked hazards' },
    statement: {
      'zh-CN':
        '策略 PO-6：含责令停产停业的处罚决定，对被处罚单位的已关联、未销号且未停产的隐患发出 `SuspendOperations`（以决定人为下令人、决定书号为文号）；命令编号由决定事件和隐患确定，重复运行或重放时每个隐患只停产一次。',
      en: 'Policy PO-6: a decision with `suspension_of_operations` issues `SuspendOperations` on the linked hazards of the penalised unit that are open and not yet suspended (ordered by the deciding head, decision number as order ref); command ids derive from the decision event and the hazard, so a second run or a replay suspends each hazard once.',
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'EC-17',
    scope,
    title: { 'zh-CN': '提请关闭预警', en: 'Closure watch' },
    statement: {
      'zh-CN':
        '同一企业在任意 180 日内有 3 起、或任意 365 日内有 4 起已作出处罚决定的重大事故隐患案件的，列入“提请政府予以关闭”预警（安全生产法第一百一十三条第一项）；按 `closureTrigger` 和查询时点推算（`closureWatch`），关闭本身由政府决定。',
      en: 'An enterprise with 3 decided major-hazard cases within any 180 days, or 4 within any 365 days, is flagged for a closure proposal to the government (WSL 2021 Art. 113(1)); derived from `closureTrigger` and `asOf` (`closureWatch`); the closure itself is a government decision.',
    },
    basis: 'L',
    enforcement: 'derived',
    policyKeys: ['closureTrigger', 'timezone'],
    violations: {},
  },
  {
    id: 'EC-18',
    scope,
    title: { 'zh-CN': '指导服务不立案', en: 'No case from a service visit' },
    statement: {
      'zh-CN':
        '案件来源检查为指导服务（`service_guidance`）且 `serviceVisitsMayTriggerCases` 为否的，不得立案；检查事实经 `InspectionFactsPort` 在 `prepare` 中读取，未知检查不得作为来源。',
      en: 'A case whose source inspection is a `service_guidance` visit cannot be filed unless `serviceVisitsMayTriggerCases`; the inspection comes through the `InspectionFactsPort` in `prepare`, and an unknown inspection is no source.',
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: ['serviceVisitsMayTriggerCases'],
    violations: {
      ServiceVisitNotEnforceable: {
        'zh-CN': '检查{inspectionId}为指导服务，不得据此立案',
        en: 'inspection {inspectionId} was a service visit and cannot start a case',
      },
      UnknownInspection: {
        'zh-CN': '来源检查{inspectionId}不存在',
        en: 'source inspection {inspectionId} is unknown',
      },
    },
  },
]);

/** Raises a violation of an enforcement-case rule: `throw violate('EC-4', 'NotNotified', { respondentRef })`. */
export const violate = violationFactory(enforcementCaseRules);
