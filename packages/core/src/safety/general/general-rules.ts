import { defineRuleCatalog } from '../rules/rule-catalog.js';

/** The general rules G-1…G-9 of domain spec §3, as the library enforces them. */
export const generalRules = defineRuleCatalog([
  {
    id: 'G-1',
    scope: 'General',
    title: { 'zh-CN': '只增不改', en: 'Append-only streams' },
    statement: {
      'zh-CN':
        '事件流只追加、不修改；更正以新事件记录（`HazardDetailsCorrected`、`HazardVoided`），不改写原记录。由事件存储接口保证。',
      en: 'Streams are append-only; a correction is a new event (`HazardDetailsCorrected`, `HazardVoided`), never an edit. Guaranteed by the event store port.',
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'G-2',
    scope: 'General',
    title: { 'zh-CN': '版本校验', en: 'Expected version' },
    statement: {
      'zh-CN':
        '命令可携带 `expectedVersion`；与事件流当前版本不符的，由命令处理器在决策前拒绝，报 `ConcurrencyError`（`CONCURRENCY_CONFLICT`）。',
      en: 'A command may carry `expectedVersion`; a mismatch is a `ConcurrencyError` (`CONCURRENCY_CONFLICT`), raised by the command handler before the decider runs.',
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {
      ConcurrencyConflict: {
        'zh-CN': '事件流{streamId}当前为第{actual}版，与预期版本{expected}不符',
        en: 'expected version {expected} for stream "{streamId}" but found version {actual}',
      },
    },
  },
  {
    id: 'G-3',
    scope: 'General',
    title: { 'zh-CN': '命令幂等', en: 'Idempotent commands' },
    statement: {
      'zh-CN':
        '命令按 `commandId` 幂等：同一命令再次提交的，不追加事件，返回首次处理产生的事件（命令处理器保证）。',
      en: 'Commands are idempotent by `commandId`: handling the same id again appends nothing and returns the original events (command handler).',
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'G-4',
    scope: 'General',
    title: { 'zh-CN': '业务时间界限', en: 'Business time bounds' },
    statement: {
      'zh-CN':
        '命令的 `occurredAt`（缺省取处理器时钟）可以补录，但不得早于该事件流首个 `occurredAt`，也不得晚于记录时间后5分钟；否则报 `InvalidBusinessTime`。领域事件在载荷中记录 `occurredAt` 和 `actor`，因为决策函数只返回载荷，而 `evolve` 需要读取二者。',
      en: "A command's `occurredAt` (default: the handler's clock) may be back-dated but must be at or after the stream's first `occurredAt` and at most 5 minutes after the recording time; otherwise `InvalidBusinessTime`. Domain events carry `occurredAt` and `actor` in their payload, because a decider returns payloads only and `evolve` must see them.",
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      InvalidBusinessTime: {
        'zh-CN':
          '业务时间{occurredAt, datetime}{bound, select, latest {晚于记录时间后5分钟（最迟{limit, datetime}）} earliest {早于该事件流首个业务时间{limit, datetime}} other {超出允许范围（界限{limit, datetime}）}}',
        en: "occurredAt {occurredAt} is {bound, select, latest {later than the recording time plus 5 minutes ({limit})} earliest {earlier than the stream's first business time {limit}} other {out of bounds ({limit})}}",
      },
    },
  },
  {
    id: 'G-5',
    scope: 'General',
    title: { 'zh-CN': '角色与管辖范围', en: 'Role and scope' },
    statement: {
      'zh-CN':
        '每一条命令都按角色和管辖范围对照 `Directory` 授权：人员须存在、具有所称角色、隶属所称单位或企业；监管人员只能对本部门管辖区域、行业或专项范围内的对象办理，企业角色只能对本企业、本厂区或本场所办理。不符合的报 `Forbidden`，援引规定办理人的具体规则（`H-9`、`H-19`、`H-23` 等），没有具体规则的援引 G-5。援引 G-5 的拒绝，`details.reason` 为 `forbiddenReasons` 中的原因代码（如 `role_not_allowed`、`outside_remit`），`describeViolation` 按该代码的中英文模板显示原因。',
      en: "Every command is authorised by role and scope against the `Directory`: the person must exist, hold the role and belong to the stated organisation or enterprise; officers act only on subjects inside their organisation's areas, sectors or specialty, enterprise roles only on their own enterprise, site or venue. A rejection is `Forbidden`, cited under the rule that names who may act (`H-9`, `H-19`, `H-23`, …) or under G-5. A G-5 refusal carries a `forbiddenReasons` code in `details.reason` (`role_not_allowed`, `outside_remit`, …), whose template `describeViolation` renders in either language.",
    },
    basis: 'D',
    enforcement: 'blocking',
    policyKeys: [],
    violations: {
      Forbidden: {
        'zh-CN': '{role, label, role}{personId}无权办理：{reason}',
        en: '{role} {personId} {reason}',
      },
    },
  },
  {
    id: 'G-6',
    scope: 'General',
    title: { 'zh-CN': '时间推算事实不入库', en: 'No stored time-derived facts' },
    statement: {
      'zh-CN':
        '逾期、迟报、检查脱期、等级过期、超期未验收等随时间变化的事实，一律不作为状态或事件保存，由纯函数根据状态和查询时点 `asOf` 推算（`isOverdue`、`daysOverdue`、`isMajorReportLate`、`isVerificationSlaBreached`）。',
      en: 'Overdue, late report, lapsed check, expired grade and SLA breach are never stored as state or events; pure functions compute them from the state and an `asOf` instant (`isOverdue`, `daysOverdue`, `isMajorReportLate`, `isVerificationSlaBreached`).',
    },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'G-7',
    scope: 'General',
    title: { 'zh-CN': '以当地日历日计', en: 'Local calendar dates' },
    statement: {
      'zh-CN':
        '期限、到期日均为 `timezone` 时区的日历日（`YYYY-MM-DD`）；“某日前”指当地时间该日23:59:59.999前（含）（`endOfLocalDay`）。',
      en: 'Deadlines and due dates are calendar dates (`YYYY-MM-DD`) in `timezone`; "by date D" means at or before D 23:59:59.999 local time (`endOfLocalDay`).',
    },
    basis: 'D',
    enforcement: 'derived',
    policyKeys: ['timezone'],
    violations: {},
  },
  {
    id: 'G-8',
    scope: 'General',
    title: { 'zh-CN': '分类信息留存快照', en: 'Classification snapshots' },
    statement: {
      'zh-CN':
        '`HazardRegistered` 从名录中复制对象所属区域、行业、场所类别和专项标签，日后机构调整不改写历史；后续命令的管辖范围校验以该快照为准。',
      en: "`HazardRegistered` copies the subject's area, sector, venue category and specialty tags from the directory, so later re-organisation does not rewrite history; scope checks on later commands read these snapshots.",
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {},
  },
  {
    id: 'G-9',
    scope: 'General',
    title: { 'zh-CN': '跨聚合前提条件', en: 'Cross-aggregate preconditions' },
    statement: {
      'zh-CN':
        '涉及其他聚合的前提条件，在命令办理时对照读模型校验；读模型尚未追上的，报 `ProjectionLaggingError`（可重试）。隐患规则无此类前提。',
      en: 'Preconditions over other aggregates are checked against projections at command time and fail with `ProjectionLaggingError` when the projection is behind. No hazard rule needs one.',
    },
    basis: 'D',
    enforcement: 'structural',
    policyKeys: [],
    violations: {
      ProjectionLagging: {
        'zh-CN': '读模型{projection}尚未同步：{detail}',
        en: 'projection "{projection}" is lagging: {detail}',
      },
    },
  },
]);
