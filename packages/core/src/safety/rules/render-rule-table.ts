import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import type { RuleBasis, RuleEntry, RuleInForce } from './rule-catalog.js';
import { ruleCatalog, rulesInForce } from './rules-in-force.js';

/** Options of `renderRuleTable`. */
export interface RenderRuleTableOptions {
  /** The policy whose values are shown; defaults to the §3 defaults. */
  readonly policy?: SupervisionPolicy;
  readonly rules?: readonly RuleEntry[];
}

const basisNames: Readonly<Record<RuleBasis, string>> = {
  L: 'law or regulation, read',
  'L?': 'statute, recalled (verify the article)',
  P: 'local or administrative practice',
  D: 'design decision of the library',
};

/**
 * Renders the rule catalog as the Markdown page `docs/domain/hazard-rules.md`: one table per
 * scope, with the basis, whether the rule blocks or is derived, the policy values it reads and
 * its violation names. A test keeps the committed page equal to this output.
 */
export function renderRuleTable(options: RenderRuleTableOptions = {}): string {
  const policy = options.policy ?? createSupervisionPolicy();
  const rules = rulesInForce(policy, options.rules ?? ruleCatalog);
  const lines = [
    '<!-- Generated from the rule catalog by renderRuleTable() (packages/core/src/safety/rules/render-rule-table.ts). Do not edit by hand: run `SAFELEDGER_WRITE_DOCS=1 pnpm --filter @safeledger/core test rule-docs` to regenerate. -->',
    '',
    '# Hazard rules',
    '',
    'The rules the `Hazard` aggregate enforces, with the ids of the domain specification. Grep an id (for example `H-13`) to find its check in `packages/core/src/safety` and the tests named after it. `rulesInForce(policy)` returns the same entries, with the values of your policy; this page shows the default policy. The lifecycle, roles and diagram are in [hazard.md](hazard.md).',
    '',
    `Policy: \`timezone\` = \`${policy.timezone}\`. Basis: ${Object.entries(basisNames)
      .map(([tag, name]) => `**${tag}** ${name}`)
      .join(
        '; ',
      )}. Enforcement: **blocking** rejects the command with a \`RuleViolationError\`; **derived** is computed from events and an \`asOf\` instant and never blocks; **structural** is guaranteed by the kernel or the event shapes.`,
    '',
  ];
  for (const scope of ['General', 'Hazard'] as const) {
    const inScope = rules.filter((rule) => rule.scope === scope);
    if (inScope.length === 0) continue;
    lines.push(`## ${scope === 'General' ? 'General rules' : 'Hazard rules (§4.1)'}`, '');
    lines.push('| Rule | Title | Statement | Basis | Enforcement | Policy (value) | Violations |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const rule of inScope) lines.push(row(rule));
    lines.push('');
  }
  return lines.join('\n');
}

function row(rule: RuleInForce): string {
  const policy = Object.entries(rule.policyValues)
    .map(([key, value]) => `\`${key}\` = \`${JSON.stringify(value)}\``)
    .join(', ');
  const violations = rule.violations.map((name) => `\`${name}\``).join(', ');
  const cells = [
    `**${rule.id}**`,
    rule.title,
    rule.statement,
    rule.basis,
    rule.enforcement,
    policy || '—',
    violations || '—',
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
