import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { normaliseMarkdown } from '../reference/normalise-markdown.js';
import { renderRuleTable } from '../rules/render-rule-table.js';
import { enforcementCaseRules } from './rules.js';

const page = (locale: string) =>
  new URL(
    `../../../../../docs/domain/enforcement-case-rules${locale === 'en' ? '' : `.${locale}`}.md`,
    import.meta.url,
  );

const title = { 'zh-CN': '行政处罚案件规则', en: 'Enforcement case rules' } as const;
const intro = {
  'zh-CN':
    '`EnforcementCase` 聚合执行的规则，编号与领域规格一致（EC-0 为本库增设的程序规则）。检索编号（如 `EC-4`）即可在 `packages/core/src/safety` 中找到对应校验及以该编号命名的测试。`rulesInForce(policy)` 返回同样的条目及所用策略的取值；本页按默认策略生成。生命周期和状态图见 [enforcement-case.md](enforcement-case.md)（英文）。',
  en: 'The rules the `EnforcementCase` aggregate enforces, with the ids of the domain specification (EC-0 is the library’s lifecycle rule). Grep an id (for example `EC-4`) to find its check in `packages/core/src/safety` and the tests named after it. `rulesInForce(policy)` returns the same entries, with the values of your policy; this page shows the default policy. The lifecycle and diagram are in [enforcement-case.md](enforcement-case.md).',
} as const;

for (const locale of ['en', 'zh-CN'] as const) {
  it(`docs/domain/enforcement-case-rules${locale === 'en' ? '' : '.zh-CN'}.md is the rendered catalog (regenerate: pnpm docs:generate)`, () => {
    const rendered = renderRuleTable({
      locale,
      rules: enforcementCaseRules,
      scopes: ['EnforcementCase'],
      title,
      intro,
      generatedBy: 'packages/core/src/safety/enforcement-case/enforcement-case-rule-docs.test.ts',
    });
    if (process.env.SAFELEDGER_WRITE_DOCS === '1') writeFileSync(page(locale), rendered);
    expect(normaliseMarkdown(readFileSync(page(locale), 'utf8'))).toBe(normaliseMarkdown(rendered));
  });
}
