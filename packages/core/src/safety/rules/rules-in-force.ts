import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { ruleCatalogs } from './catalog-registry.js';
import { type RuleEntry, type RuleInForce, withPolicyValues } from './rule-catalog.js';

/** Every rule the library enforces, in catalog order: G-1…G-9, then H-0…H-29, then later aggregates. */
export const ruleCatalog: readonly RuleEntry[] = Object.freeze(ruleCatalogs.flat());

/**
 * The rules in force under a policy, each with the values of the policy keys it reads.
 *
 * @example
 * rulesInForce(createSupervisionPolicy({ minVerifiersMajor: 3 })).find((r) => r.id === 'H-18')
 *   ?.policyValues; // { minVerifiersMajor: 3 }
 */
export function rulesInForce(
  policy: SupervisionPolicy,
  rules: readonly RuleEntry[] = ruleCatalog,
): readonly RuleInForce[] {
  return withPolicyValues(rules, policy);
}
