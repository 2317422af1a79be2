import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { normaliseMarkdown } from '../reference/normalise-markdown.js';
import { renderRuleTable } from '../rules/render-rule-table.js';
import { venueRules } from './rules.js';

const page = new URL('../../../../../docs/domain/venue-rules.md', import.meta.url);

it('docs/domain/venue-rules.md is the rendered venue catalog (regenerate: pnpm docs:generate)', () => {
  const rendered = renderRuleTable({
    rules: venueRules,
    scopes: ['Venue'],
    title: { 'zh-CN': '小场所规则', en: 'Venue rules' },
    intro: {
      'zh-CN': '社会面小场所（§4.6）的规则 V-0…V-7，按默认策略取值；以规则编号检索其检查与测试。',
      en: 'The rules V-0…V-7 of the `Venue` aggregate (§4.6), with the values of the default policy. Grep an id to find its check and its tests.',
    },
    generatedBy: 'packages/core/src/safety/venue/venue-rule-docs.test.ts',
  });
  if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(page, rendered);
  expect(normaliseMarkdown(readFileSync(page, 'utf8'))).toBe(normaliseMarkdown(rendered));
});
