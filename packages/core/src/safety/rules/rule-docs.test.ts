import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderRuleTable } from './render-rule-table.js';

const page = new URL('../../../../../docs/domain/hazard-rules.md', import.meta.url);

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

it('docs/domain/hazard-rules.md is the rendered rule catalog (regenerate with SAFELEDGER_WRITE_DOCS=1)', () => {
  const rendered = renderRuleTable();
  if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(page, rendered);
  expect(normalise(readFileSync(page, 'utf8'))).toBe(normalise(rendered));
});
