import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Locale } from '../i18n/locale.js';
import { normaliseMarkdown } from '../reference/normalise-markdown.js';
import { renderRuleTable } from '../rules/render-rule-table.js';
import { responsibilityRules } from './rules.js';

const page = {
  title: { 'zh-CN': '职责任务规则', en: 'Responsibility assignment rules' },
  intro: {
    'zh-CN':
      '`ResponsibilityAssignment` 聚合（职责任务清单 / 一岗双责）执行的规则，编号与领域规格 §4.3 一致。检索编号（如 `RA-4`）即可在 `packages/core/src/safety/responsibility` 中找到对应校验及以该编号命名的测试。生命周期和状态图见 [responsibility-assignment.md](responsibility-assignment.md)（英文）。',
    en: 'The rules the `ResponsibilityAssignment` aggregate (职责任务清单 / 一岗双责) enforces, with the ids of domain spec §4.3. Grep an id (for example `RA-4`) to find its check in `packages/core/src/safety/responsibility` and the tests named after it. The lifecycle and diagram are in [responsibility-assignment.md](responsibility-assignment.md).',
  },
} as const;

const pages: readonly [Locale, string][] = [
  ['en', 'responsibility-assignment-rules.md'],
  ['zh-CN', 'responsibility-assignment-rules.zh-CN.md'],
];

it.each(pages)(
  'docs/domain responsibility rule page in %s is the rendered catalog (regenerate: pnpm docs:generate)',
  (locale, file) => {
    const path = new URL(`../../../../../docs/domain/${file}`, import.meta.url);
    const rendered = renderRuleTable({
      locale,
      rules: responsibilityRules,
      scopes: ['ResponsibilityAssignment'],
      title: page.title,
      intro: page.intro,
      generatedBy: 'packages/core/src/safety/responsibility/responsibility-rule-docs.test.ts',
    });
    if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(path, rendered);
    expect(normaliseMarkdown(readFileSync(path, 'utf8'))).toBe(normaliseMarkdown(rendered));
  },
);
