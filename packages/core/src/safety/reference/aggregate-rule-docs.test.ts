import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dutyRulePage } from '../duty/rule-page.js';
import { renderRuleTable } from '../rules/render-rule-table.js';
import { siteRulePage } from '../site/rule-page.js';
import { normaliseMarkdown } from './normalise-markdown.js';
import type { RulePage } from './rule-page.js';

// The rule pages of aggregates other than Hazard (whose page rule-docs.test.ts keeps).
const pages: readonly RulePage[] = [siteRulePage, dutyRulePage];

describe.each(pages)('$scope', (page) => {
  it(`docs/domain/${page.slug}-rules.md is the rendered rule catalog (regenerate: pnpm docs:generate)`, () => {
    const path = new URL(`../../../../../docs/domain/${page.slug}-rules.md`, import.meta.url);
    const rendered = renderRuleTable({
      rules: page.rules,
      scopes: [page.scope],
      title: page.title,
      intro: page.intro,
      generatedBy: 'packages/core/src/safety/reference/aggregate-rule-docs.test.ts',
    });
    if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(path, rendered);
    expect(normaliseMarkdown(readFileSync(path, 'utf8'))).toBe(normaliseMarkdown(rendered));
  });
});
