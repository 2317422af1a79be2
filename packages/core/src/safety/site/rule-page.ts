import type { RulePage } from '../reference/rule-page.js';
import { siteRules } from './rules.js';

/** The generated page docs/domain/site-rules.md. */
export const siteRulePage: RulePage = {
  slug: 'site',
  rules: siteRules,
  scope: 'MultiTenantSite',
  title: { 'zh-CN': '厂中厂规则', en: 'Multi-tenant site rules' },
  intro: {
    'zh-CN':
      '`MultiTenantSite`（厂中厂）聚合执行的规则，编号与领域规格一致。命令和事件的字段见 [site-reference.md](site-reference.md)。',
    en: 'The rules the `MultiTenantSite` aggregate (厂中厂) enforces, with the ids of the domain specification. Guide: [site.md](site.md); commands and events: [site-reference.md](site-reference.md).',
  },
};
