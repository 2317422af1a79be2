import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { normaliseMarkdown } from '../reference/normalise-markdown.js';
import { renderRuleTable } from '../rules/render-rule-table.js';
import { inspectionRules } from './rules.js';

const page = new URL('../../../../../docs/domain/inspection-rules.md', import.meta.url);

it('docs/domain/inspection-rules.md is the rendered inspection catalog (regenerate: pnpm docs:generate)', () => {
  const rendered = renderRuleTable({
    rules: inspectionRules,
    scopes: ['Inspection'],
    title: { 'zh-CN': '检查规则', en: 'Inspection rules' },
    intro: {
      'zh-CN': '检查（§4.4）的规则 I-0…I-7，按默认策略取值；以规则编号检索其检查与测试。',
      en: 'The rules I-0…I-7 of the `Inspection` aggregate (§4.4), with the values of the default policy. Grep an id to find its check and its tests.',
    },
    generatedBy: 'packages/core/src/safety/inspection/inspection-rule-docs.test.ts',
  });
  if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(page, rendered);
  expect(normaliseMarkdown(readFileSync(page, 'utf8'))).toBe(normaliseMarkdown(rendered));
});
