import type { BilingualText } from '../i18n/locale.js';
import type { RuleEntry, RuleScope } from '../rules/rule-catalog.js';

/** What an aggregate's generated rule page (`docs/domain/<slug>-rules.md`) shows. */
export interface RulePage {
  /** File-name stem: `site` → `docs/domain/site-rules.md`. */
  readonly slug: string;
  readonly rules: readonly RuleEntry[];
  readonly scope: RuleScope;
  readonly title: BilingualText;
  readonly intro: BilingualText;
}
