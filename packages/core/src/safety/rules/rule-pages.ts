import type { AggregateCatalog } from '../aggregates.js';
import type { Locale } from '../i18n/locale.js';
import { type LabelKey, label } from '../i18n/vocabulary.js';
import type { RenderRuleTableOptions } from './render-rule-table.js';

/** The locales each aggregate's rule page is published in, and the file suffix of each. */
export const rulePageLocales: readonly { readonly locale: Locale; readonly suffix: string }[] = [
  { locale: 'en', suffix: '' },
  { locale: 'zh-CN', suffix: '.zh-CN' },
];

/** File name of an aggregate's rule page under docs/domain: `hazard-rules.zh-CN.md`. */
export function rulePageFile(catalog: Pick<AggregateCatalog, 'slug'>, suffix: string): string {
  return `${catalog.slug}-rules${suffix}.md`;
}

/**
 * The options that render one aggregate's rule page. The hazard page keeps its own heading and
 * also lists the general rules (G-n), which every aggregate obeys and the hazard page introduced;
 * other aggregates list their own rules under a heading named after the aggregate.
 */
export function rulePageOptions(
  catalog: Pick<AggregateCatalog, 'name' | 'slug' | 'rules'>,
  locale: Locale,
): RenderRuleTableOptions {
  if (catalog.name === 'Hazard') return { locale };
  // Every aggregate name is a rule scope of the vocabulary (a test checks each catalog's scope).
  const scope = catalog.name as LabelKey<'ruleScope'>;
  const zh = label('ruleScope', scope, 'zh-CN');
  return {
    locale,
    rules: catalog.rules,
    scopes: [scope],
    title: { 'zh-CN': `${zh}规则`, en: `${catalog.name} rules` },
    intro: {
      'zh-CN': `\`${catalog.name}\` 聚合执行的规则，编号与领域规格一致。检索编号即可在 \`packages/core/src/safety\` 中找到对应校验及以该编号命名的测试。通用规则（G-n）见 [hazard-rules.zh-CN.md](hazard-rules.zh-CN.md)；命令和事件见 [${catalog.slug}-reference.md](${catalog.slug}-reference.md)（英文）。`,
      en: `The rules the \`${catalog.name}\` aggregate enforces, with the ids of the domain specification. Grep an id to find its check in \`packages/core/src/safety\` and the tests named after it. The general rules (G-n) are on [hazard-rules.md](hazard-rules.md); commands and events are in [${catalog.slug}-reference.md](${catalog.slug}-reference.md).`,
    },
  };
}
