import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateCatalogs } from '../aggregates.js';
import { renderRuleTable } from './render-rule-table.js';
import { rulePageFile, rulePageLocales, rulePageOptions } from './rule-pages.js';

const docs = new URL('../../../../../docs/domain/', import.meta.url);

// Biome formats Markdown (it pads table columns), so compare content, not padding.
function normalise(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line,
    )
    .join('\n');
}

describe.each(aggregateCatalogs)('$name', (catalog) => {
  it.each(rulePageLocales)(
    'its rule page in $locale is the rendered rule catalog (regenerate with SAFELEDGER_WRITE_DOCS=1)',
    ({ locale, suffix }) => {
      const page = new URL(rulePageFile(catalog, suffix), docs);
      const rendered = renderRuleTable(rulePageOptions(catalog, locale));
      if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(page, rendered);
      expect(normalise(readFileSync(page, 'utf8'))).toBe(normalise(rendered));
    },
  );

  it('every rule of the catalog belongs to its scope, so its page lists them all', () => {
    expect(catalog.rules.filter((rule) => rule.scope !== catalog.name)).toEqual([]);
  });
});
