import type { SupervisionPolicy } from '../policy/supervision-policy.js';

/**
 * Confidence tag of a rule (domain spec header): `L` read in a law or regulation, `L?` recalled
 * from a statute, `P` local or administrative practice, `D` a design decision of the library.
 */
export type RuleBasis = 'L' | 'L?' | 'P' | 'D';

/**
 * How a rule acts: `blocking` rejects commands, `derived` is computed from events and an `asOf`
 * instant and never blocks (G-6), `structural` is guaranteed by the kernel or the event shapes.
 */
export type RuleEnforcement = 'blocking' | 'derived' | 'structural';

/** A policy key a rule reads; nested keys are dotted (`rate.mode`). */
export type PolicyKey =
  | Exclude<keyof SupervisionPolicy, 'rate' | 'hearingFineThreshold'>
  | `rate.${keyof SupervisionPolicy['rate']}`
  | `hearingFineThreshold.${keyof SupervisionPolicy['hearingFineThreshold']}`;

/** One rule of the domain spec as the code enforces it. */
export interface RuleEntry {
  /** Stable id from the domain spec (`H-13`); grep it to find the check and its tests. */
  readonly id: string;
  /** `General` for G-rules, else the aggregate (`Hazard`). */
  readonly scope: 'General' | 'Hazard';
  readonly title: string;
  /** What the code enforces, including the library's reading where the spec is silent. */
  readonly statement: string;
  readonly basis: RuleBasis;
  readonly enforcement: RuleEnforcement;
  /** Policy keys the rule reads; `rulesInForce` reports their values. */
  readonly policyKeys: readonly PolicyKey[];
  /** Violation names a rejection under this rule can carry (`IncompletePlan`). */
  readonly violations: readonly string[];
}

/** A rule with the values it reads under one policy. */
export interface RuleInForce extends RuleEntry {
  readonly policyValues: Readonly<Partial<Record<PolicyKey, unknown>>>;
}

/**
 * Declares a rule catalog; ids must be unique and look like `H-13`.
 *
 * @throws TypeError on a duplicate or malformed id, since a catalog is fixed at start-up.
 */
export function defineRuleCatalog(entries: readonly RuleEntry[]): readonly RuleEntry[] {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!/^[A-Z]{1,3}-\d+$/.test(entry.id))
      throw new TypeError(`rule id "${entry.id}" must look like H-13`);
    if (seen.has(entry.id)) throw new TypeError(`rule id "${entry.id}" appears twice`);
    seen.add(entry.id);
  }
  return Object.freeze(entries.map((entry) => Object.freeze({ ...entry })));
}

/** The value of a (possibly dotted) policy key. */
export function policyValue(policy: SupervisionPolicy, key: PolicyKey): unknown {
  let current: unknown = policy;
  for (const part of key.split('.')) {
    current = (current as Record<string, unknown> | undefined)?.[part];
  }
  return current;
}

/** Attaches to each rule the values of the policy keys it reads. */
export function withPolicyValues(
  rules: readonly RuleEntry[],
  policy: SupervisionPolicy,
): readonly RuleInForce[] {
  return rules.map((rule) => ({
    ...rule,
    policyValues: Object.fromEntries(rule.policyKeys.map((key) => [key, policyValue(policy, key)])),
  }));
}
