import { generalRules } from '../general/general-rules.js';
import { hazardRules } from '../hazard/rules.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import { type RuleEntry, type RuleInForce, withPolicyValues } from './rule-catalog.js';

/** Every rule the library enforces: G-1…G-9, then H-0…H-29. */
export const ruleCatalog: readonly RuleEntry[] = Object.freeze([...generalRules, ...hazardRules]);

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
