import { aggregateCatalogs } from '../aggregates.js';
import { generalRules } from '../general/general-rules.js';
import type { RuleCatalog, RuleEntry } from './rule-catalog.js';

/**
 * Every rule catalog of the library, general rules first, then one per aggregate in the order of
 * the domain spec. An aggregate joins by being listed in `aggregateCatalogs` (safety/aggregates.ts).
 */
export const ruleCatalogs: readonly RuleCatalog[] = Object.freeze([
  generalRules,
  ...aggregateCatalogs.map((aggregate) => aggregate.rules as RuleCatalog),
]);

const byId = new Map<string, RuleEntry>();
for (const catalog of ruleCatalogs) for (const rule of catalog) byId.set(rule.id, rule);

/**
 * The rule with this id: from `catalogs` when given (an application's own aggregates), else from
 * the library's catalogs.
 *
 * @example
 * findRule('H-13')?.title['zh-CN'];
 */
export function findRule(
  id: string,
  catalogs: readonly RuleCatalog[] = ruleCatalogs,
): RuleEntry | undefined {
  if (catalogs === ruleCatalogs) return byId.get(id);
  for (const catalog of catalogs) {
    const rule = catalog.find((candidate) => candidate.id === id);
    if (rule !== undefined) return rule;
  }
  return undefined;
}
