import type { BilingualText, Locale } from '../i18n/locale.js';
import { label } from '../i18n/vocabulary.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import type { RuleBasis, RuleEntry, RuleInForce, RuleScope } from './rule-catalog.js';
import { ruleCatalog, rulesInForce } from './rules-in-force.js';

/** Options of `renderRuleTable`. */
export interface RenderRuleTableOptions {
  /** The language of the page; defaults to `en`. */
  readonly locale?: Locale;
  /** The policy whose values are shown; defaults to the §3 defaults. */
  readonly policy?: SupervisionPolicy;
  /** The rules to render; defaults to every catalog of the library. */
  readonly rules?: readonly RuleEntry[];
  /** The scopes shown, one table each, in this order; defaults to the hazard page's. */
  readonly scopes?: readonly RuleScope[];
  /** The page heading; defaults to the hazard page's. */
  readonly title?: BilingualText;
  /** The paragraph under the heading; defaults to the hazard page's. */
  readonly intro?: BilingualText;
  /** The file a reader is told regenerates the page (shown in the header comment). */
  readonly generatedBy?: string;
}

// The section of the domain spec each scope's rules come from.
const specSection: Readonly<Record<RuleScope, string>> = {
  General: '§3',
  Hazard: '§4.1',
  EnforcementCase: '§4.2',
  ResponsibilityAssignment: '§4.3',
  Inspection: '§4.4',
  SupervisionItem: '§4.5',
  Venue: '§4.6',
  MultiTenantSite: '§4.7',
  Enterprise: '§4.8',
  Activity: '§4.9',
  EmergencyPlan: '§4.9',
  DutyRoster: '§4.9',
};

const hazardPage = {
  title: { 'zh-CN': '事故隐患规则', en: 'Hazard rules' },
  intro: {
    'zh-CN':
      '`Hazard` 聚合执行的规则，编号与领域规格一致。检索编号（如 `H-13`）即可在 `packages/core/src/safety` 中找到对应校验及以该编号命名的测试。`rulesInForce(policy)` 返回同样的条目及所用策略的取值；本页按默认策略生成。生命周期、角色和状态图见 [hazard.md](hazard.md)（英文）。',
    en: 'The rules the `Hazard` aggregate enforces, with the ids of the domain specification. Grep an id (for example `H-13`) to find its check in `packages/core/src/safety` and the tests named after it. `rulesInForce(policy)` returns the same entries, with the values of your policy; this page shows the default policy. The lifecycle, roles and diagram are in [hazard.md](hazard.md).',
  },
} as const;

const words = {
  generated: {
    'zh-CN': (by: string, command: string) =>
      `<!-- 由规则目录经 renderRuleTable()（${by}）生成，请勿手工修改：运行 \`${command}\` 重新生成。 -->`,
    en: (by: string, command: string) =>
      `<!-- Generated from the rule catalog by renderRuleTable() (${by}). Do not edit by hand: run \`${command}\` to regenerate. -->`,
  },
  policy: { 'zh-CN': '策略', en: 'Policy' },
  basis: { 'zh-CN': '依据', en: 'Basis' },
  enforcement: { 'zh-CN': '执行方式', en: 'Enforcement' },
  enforcementLegend: {
    'zh-CN':
      '**拒绝办理**：以 `RuleViolationError` 拒绝命令；**实时推算**：由事件和查询时点 `asOf` 推算，从不拒绝命令；**由存储结构保证**：由内核或事件结构保证。',
    en: '**blocking** rejects the command with a `RuleViolationError`; **derived** is computed from events and an `asOf` instant and never blocks; **structural** is guaranteed by the kernel or the event shapes.',
  },
  rulesOf: {
    // The vocabulary calls the general scope 通用规则 already.
    'zh-CN': (scope: string, section: string) =>
      scope.endsWith('规则') ? `${scope}（${section}）` : `${scope}规则（${section}）`,
    en: (scope: string, section: string) =>
      scope === 'General' ? `General rules (${section})` : `${scope} rules (${section})`,
  },
  columns: {
    'zh-CN': ['编号', '名称', '内容', '依据', '执行方式', '策略参数（取值）', '违规代码'],
    en: ['Rule', 'Title', 'Statement', 'Basis', 'Enforcement', 'Policy (value)', 'Violations'],
  },
  messages: { 'zh-CN': '违规提示', en: 'Violation messages' },
  messagesIntro: {
    'zh-CN':
      '拒绝命令时 `describeViolation(error, locale)` 显示的提示。花括号内为 `details` 中的取值，格式见 [i18n.md](../i18n.md)（英文）。',
    en: "What `describeViolation(error, locale)` shows when a command is rejected. Braces name values of the error's `details`; the syntax is in [i18n.md](../i18n.md).",
  },
  messageColumns: {
    'zh-CN': ['编号', '违规代码', '提示'],
    en: ['Rule', 'Violation', 'Message'],
  },
} as const;

const bases: readonly RuleBasis[] = ['L', 'L?', 'P', 'D'];

/**
 * Renders rules as a Markdown page in one locale: a table per scope with the basis, whether the
 * rule blocks or is derived, the policy values it reads and its violation names, then the
 * message of every violation. Defaults render `docs/domain/hazard-rules.md`; an aggregate renders
 * its own page by passing its `rules`, `scopes`, `title` and `intro`. A test keeps each
 * committed page equal to this output.
 */
export function renderRuleTable(options: RenderRuleTableOptions = {}): string {
  const locale = options.locale ?? 'en';
  const policy = options.policy ?? createSupervisionPolicy();
  const rules = rulesInForce(policy, options.rules ?? ruleCatalog);
  const scopes = options.scopes ?? ['General', 'Hazard'];
  const by = options.generatedBy ?? 'packages/core/src/safety/rules/render-rule-table.ts';
  const basisLegend = bases
    .map((basis) =>
      locale === 'en'
        ? `**${basis}** ${label('ruleBasis', basis, locale).toLowerCase()}`
        : `**${basis}** ${label('ruleBasis', basis, locale)}`,
    )
    .join(locale === 'en' ? '; ' : '；');
  const lines = [
    words.generated[locale](
      by,
      'SAFELEDGER_WRITE_DOCS=1 pnpm --filter @safeledger/core test rule-docs',
    ),
    '',
    `# ${(options.title ?? hazardPage.title)[locale]}`,
    '',
    (options.intro ?? hazardPage.intro)[locale],
    '',
    locale === 'en'
      ? `Policy: \`timezone\` = \`${policy.timezone}\`. Basis: ${basisLegend}. Enforcement: ${words.enforcementLegend.en}`
      : `策略：\`timezone\` = \`${policy.timezone}\`。依据：${basisLegend}。执行方式：${words.enforcementLegend['zh-CN']}`,
    '',
  ];
  const shown: RuleInForce[] = [];
  for (const scope of scopes) {
    const inScope = rules.filter((rule) => rule.scope === scope);
    if (inScope.length === 0) continue;
    shown.push(...inScope);
    const name = locale === 'en' ? scope : label('ruleScope', scope, locale);
    lines.push(`## ${words.rulesOf[locale](name, specSection[scope])}`, '');
    lines.push(tableHead(words.columns[locale]));
    for (const rule of inScope) lines.push(ruleRow(rule, locale));
    lines.push('');
  }
  const withMessages = shown.filter((rule) => Object.keys(rule.violations).length > 0);
  if (withMessages.length > 0) {
    lines.push(`## ${words.messages[locale]}`, '', words.messagesIntro[locale], '');
    lines.push(tableHead(words.messageColumns[locale]));
    for (const rule of withMessages) {
      for (const [name, template] of Object.entries(rule.violations)) {
        const text = template[locale];
        lines.push(tableRow([`**${rule.id}**`, `\`${name}\``, text === '' ? '—' : `\`${text}\``]));
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

function ruleRow(rule: RuleInForce, locale: Locale): string {
  const policy = Object.entries(rule.policyValues)
    .map(([key, value]) => `\`${key}\` = \`${JSON.stringify(value)}\``)
    .join(', ');
  const violations = Object.keys(rule.violations)
    .map((name) => `\`${name}\``)
    .join(', ');
  return tableRow([
    `**${rule.id}**`,
    rule.title[locale] || '—',
    rule.statement[locale] || '—',
    rule.basis,
    locale === 'en' ? rule.enforcement : label('ruleEnforcement', rule.enforcement, locale),
    policy || '—',
    violations || '—',
  ]);
}

function tableHead(columns: readonly string[]): string {
  return `${tableRow(columns)}\n${tableRow(columns.map(() => '---'))}`;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
