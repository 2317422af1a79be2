import type { BilingualText } from '../i18n/locale.js';
import { messageArguments, messageLabelGroups, parseMessage } from '../i18n/message-syntax.js';
import { isLabelGroup, type LabelKey, labelProblem } from '../i18n/vocabulary.js';
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

/** `General` for G-rules, else the aggregate the rule belongs to (`Hazard`, `EnforcementCase`, …). */
export type RuleScope = LabelKey<'ruleScope'>;

/** A policy key a rule reads; nested keys are dotted (`rate.mode`). */
export type PolicyKey =
  | Exclude<keyof SupervisionPolicy, 'rate' | 'hearingFineThreshold'>
  | `rate.${keyof SupervisionPolicy['rate']}`
  | `hearingFineThreshold.${keyof SupervisionPolicy['hearingFineThreshold']}`;

/**
 * The message templates of a rule's violations, keyed by violation name (`IncompletePlan`). Each
 * template is a message (see `formatMessage`) whose arguments name values of the error's
 * `details`, and both locales name the same arguments.
 */
export type ViolationTemplates = Readonly<Record<string, BilingualText>>;

/** One rule of the domain spec as the code enforces it, in both locales. */
export interface RuleEntry {
  /** Stable id from the domain spec (`H-13`); grep it to find the check and its tests. */
  readonly id: string;
  readonly scope: RuleScope;
  /** A short name: `{ 'zh-CN': '治理方案五落实', en: 'Plan contents' }`. */
  readonly title: BilingualText;
  /** What the code enforces, including the library's reading where the spec is silent. */
  readonly statement: BilingualText;
  readonly basis: RuleBasis;
  readonly enforcement: RuleEnforcement;
  /** Policy keys the rule reads; `rulesInForce` reports their values. */
  readonly policyKeys: readonly PolicyKey[];
  /** The violations a rejection under this rule can carry, each with its message template. */
  readonly violations: ViolationTemplates;
}

/** A rule with the values it reads under one policy. */
export interface RuleInForce extends RuleEntry {
  readonly policyValues: Readonly<Partial<Record<PolicyKey, unknown>>>;
}

/** A catalog as `defineRuleCatalog` returns it: the entries in order, with their literal types. */
export type RuleCatalog<E extends RuleEntry = RuleEntry> = readonly E[];

/** The rule ids of a catalog: `RuleIdOf<typeof hazardRules>` is `'H-0' | … | 'H-30'`. */
export type RuleIdOf<C extends RuleCatalog> = C[number]['id'];

/** The entry of one rule of a catalog. */
export type RuleOf<C extends RuleCatalog, Id extends RuleIdOf<C>> = Extract<C[number], { id: Id }>;

/**
 * The violation names one rule of a catalog declares. Keys whose value may be `undefined` are
 * left out: TypeScript adds them as optional `undefined` properties when it unites the object
 * literals of a catalog, and they are no violations of this rule.
 */
export type ViolationKeyOf<C extends RuleCatalog, Id extends RuleIdOf<C>> = DeclaredKeys<
  RuleOf<C, Id>['violations']
>;

type DeclaredKeys<T> = {
  [K in keyof T]-?: undefined extends T[K] ? never : K;
}[keyof T] &
  string;

/** The rules of a catalog that declare the violation `V`: `RuleWithViolation<typeof hazardRules, 'Forbidden'>`. */
export type RuleWithViolation<C extends RuleCatalog, V extends string> = Extract<
  C[number],
  { violations: Readonly<Record<V, BilingualText>> }
>['id'];

/**
 * Declares a rule catalog. The entries keep their literal types, so each aggregate gets a typed
 * union of its rule ids and violation names, and `ruleViolation` checks the values a template
 * needs. Every text must be given in both locales, every template must parse, name the same
 * values in both locales and only vocabulary groups that exist.
 *
 * @example
 * export const caseRules = defineRuleCatalog([
 *   {
 *     id: 'EC-1',
 *     scope: 'EnforcementCase',
 *     title: { 'zh-CN': '立案条件', en: 'Filing' },
 *     statement: { 'zh-CN': '…', en: '…' },
 *     basis: 'D',
 *     enforcement: 'blocking',
 *     policyKeys: [],
 *     violations: {
 *       SelfApproval: {
 *         'zh-CN': '立案审批人{approverId}不得同时为承办人',
 *         en: 'approver {approverId} is also a proposer',
 *       },
 *     },
 *   },
 * ]);
 * @throws TypeError on a duplicate or malformed id, a missing or untranslated text, or a
 * malformed template, since a catalog is fixed at start-up.
 */
export function defineRuleCatalog<const E extends RuleEntry>(entries: readonly E[]): RuleCatalog<E>;
/**
 * Declares a catalog of English-only entries, as catalogs were written before they became
 * bilingual; their Chinese texts are empty until they are converted.
 *
 * @deprecated Write `title`, `statement` and `violations` in both locales.
 * @throws TypeError on a duplicate or malformed id.
 */
export function defineRuleCatalog(entries: readonly EnglishOnlyRuleEntry[]): RuleCatalog;
export function defineRuleCatalog(
  entries: readonly (RuleEntry | EnglishOnlyRuleEntry)[],
): RuleCatalog {
  const seen = new Set<string>();
  const defined = entries.map((entry) => {
    if (!/^[A-Z]{1,3}-\d+$/.test(entry.id))
      throw new TypeError(`rule id "${entry.id}" must look like H-13`);
    if (seen.has(entry.id)) throw new TypeError(`rule id "${entry.id}" appears twice`);
    seen.add(entry.id);
    if (isEnglishOnly(entry)) return fromEnglishOnly(entry);
    for (const problem of ruleEntryProblems(entry)) {
      throw new TypeError(`rule ${entry.id}: ${problem}`);
    }
    return entry;
  });
  return Object.freeze(defined.map((entry) => Object.freeze({ ...entry })));
}

/** A rule entry as catalogs were written before they became bilingual. */
export interface EnglishOnlyRuleEntry
  extends Omit<RuleEntry, 'title' | 'statement' | 'violations'> {
  readonly title: string;
  readonly statement: string;
  readonly violations: readonly string[];
}

function isEnglishOnly(entry: RuleEntry | EnglishOnlyRuleEntry): entry is EnglishOnlyRuleEntry {
  return typeof entry.title === 'string';
}

// Chinese stays empty rather than copied from English, so the completeness test names the gap.
function fromEnglishOnly(entry: EnglishOnlyRuleEntry): RuleEntry {
  return {
    ...entry,
    title: { 'zh-CN': '', en: entry.title },
    statement: { 'zh-CN': '', en: entry.statement },
    violations: Object.fromEntries(entry.violations.map((name) => [name, { 'zh-CN': '', en: '' }])),
  };
}

/**
 * What is wrong with a rule entry's texts, one line per fault (empty when none): a text missing
 * or untranslated in a locale, a template that does not parse, templates whose locales name
 * different values, or a label group that does not exist.
 */
export function ruleEntryProblems(entry: RuleEntry): string[] {
  const problems: string[] = [];
  for (const [what, text] of [
    ['title', entry.title],
    ['statement', entry.statement],
  ] as const) {
    const problem = labelProblem(text);
    if (problem !== undefined) problems.push(`${what}: ${problem}`);
  }
  for (const [name, template] of Object.entries(entry.violations)) {
    const problem = labelProblem(template);
    if (problem !== undefined) {
      problems.push(`violation ${name}: ${problem}`);
      continue;
    }
    try {
      const zh = parseMessage(template['zh-CN']);
      const en = parseMessage(template.en);
      const zhArgs = messageArguments(zh).sort();
      const enArgs = messageArguments(en).sort();
      if (zhArgs.join() !== enArgs.join()) {
        problems.push(
          `violation ${name}: zh-CN names {${zhArgs.join(', ')}} but en names {${enArgs.join(', ')}}`,
        );
      }
      for (const group of [...messageLabelGroups(zh), ...messageLabelGroups(en)]) {
        if (!isLabelGroup(group)) problems.push(`violation ${name}: no label group "${group}"`);
      }
    } catch (error) {
      problems.push(`violation ${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The violation names of a rule, in declaration order. */
export function violationNames(rule: RuleEntry): string[] {
  return Object.keys(rule.violations);
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
