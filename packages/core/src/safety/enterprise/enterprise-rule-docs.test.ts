import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { normaliseMarkdown } from '../reference/normalise-markdown.js';
import { renderRuleTable } from '../rules/render-rule-table.js';
import { enterpriseRules } from './rules.js';

const page = new URL('../../../../../docs/domain/enterprise-rules.md', import.meta.url);

it('docs/domain/enterprise-rules.md is the rendered rule catalog (regenerate: pnpm docs:generate)', () => {
  const rendered = renderRuleTable({
    rules: enterpriseRules,
    scopes: ['Enterprise'],
    title: { 'zh-CN': '生产经营单位规则', en: 'Enterprise rules' },
    intro: {
      'zh-CN':
        '本库执行的生产经营单位登记与合规规则（领域规范 §4.8），由规则目录生成。时间推算的事实（等级有效、迟报）由 `asOf` 计算，从不保存（G-6）。',
      en: 'The enterprise registry and compliance rules of domain spec §4.8 as the library enforces them, generated from the rule catalog. Time-derived facts (grade validity, late filings) are computed from `asOf`, never stored (G-6).',
    },
    generatedBy: 'packages/core/src/safety/enterprise/enterprise-rule-docs.test.ts',
  });
  if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(page, rendered);
  expect(normaliseMarkdown(readFileSync(page, 'utf8'))).toBe(normaliseMarkdown(rendered));
});
