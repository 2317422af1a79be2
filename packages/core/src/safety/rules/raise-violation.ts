import { RuleViolationError } from '../../eventsourcing/errors.js';
import { formatMessage } from '../i18n/format-message.js';
import type { MessageArgs } from '../i18n/message-args.js';
import { vocabularyLabels } from '../i18n/vocabulary.js';
import type { RuleCatalog, RuleIdOf, RuleOf, ViolationKeyOf } from './rule-catalog.js';

type TemplateOf<
  C extends RuleCatalog,
  Id extends RuleIdOf<C>,
  V extends ViolationKeyOf<C, Id>,
> = RuleOf<C, Id>['violations'][V];

/** The values a violation's template needs, in both locales. */
export type ViolationValues<
  C extends RuleCatalog,
  Id extends RuleIdOf<C>,
  V extends ViolationKeyOf<C, Id>,
> = MessageArgs<TemplateOf<C, Id, V>['en']> & MessageArgs<TemplateOf<C, Id, V>['zh-CN']>;

/**
 * The `details` argument of `ruleViolation`: required when the template names values, optional
 * otherwise; further values (useful to programs, not shown in the message) may be added.
 */
export type ViolationDetailsArg<
  C extends RuleCatalog,
  Id extends RuleIdOf<C>,
  V extends ViolationKeyOf<C, Id>,
> = keyof ViolationValues<C, Id, V> extends never
  ? [details?: Readonly<Record<string, unknown>>]
  : [details: ViolationValues<C, Id, V> & Readonly<Record<string, unknown>>];

/**
 * Creates the `RuleViolationError` for one violation of a catalog's rule. The rule id, the
 * violation name and the values the template names are checked by the compiler; the English
 * message is rendered from the template and the error keeps the rule, the violation and the
 * values, so `describeViolation` can render it in Chinese later.
 *
 * @example
 * throw ruleViolation(hazardRules, 'H-13', 'IncompletePlan', { missing: ['contingencyPlanRef'] });
 * // RuleViolationError: H-13 IncompletePlan: the plan for a major hazard lacks contingencyPlanRef
 * @throws TypeError when the rule or violation is not in the catalog (only reachable past the
 * type check) or a value the template names is missing.
 */
export function ruleViolation<
  const C extends RuleCatalog,
  Id extends RuleIdOf<C>,
  V extends ViolationKeyOf<C, Id>,
>(
  catalog: C,
  rule: Id,
  violation: V,
  ...[details]: ViolationDetailsArg<C, Id, V>
): RuleViolationError {
  const entry = catalog.find((candidate) => candidate.id === rule);
  const template = entry?.violations[violation];
  if (entry === undefined || template === undefined) {
    throw new TypeError(`rule ${rule} has no violation ${violation} in its catalog`);
  }
  const values: Readonly<Record<string, unknown>> = details ?? {};
  const message = formatMessage(template.en, values as MessageArgs<string>, 'en', {
    labels: vocabularyLabels,
  });
  return new RuleViolationError(rule, violation, message, values);
}

/** `ruleViolation` bound to one catalog. */
export type ViolationFactory<C extends RuleCatalog> = <
  Id extends RuleIdOf<C>,
  V extends ViolationKeyOf<C, Id>,
>(
  rule: Id,
  violation: V,
  ...details: ViolationDetailsArg<C, Id, V>
) => RuleViolationError;

/**
 * `ruleViolation` bound to one catalog, so an aggregate's deciders write
 * `throw violate('H-13', 'IncompletePlan', { missing })`.
 *
 * @example
 * export const violate = violationFactory(hazardRules);
 */
export function violationFactory<const C extends RuleCatalog>(catalog: C): ViolationFactory<C> {
  return (rule, violation, ...details) => ruleViolation(catalog, rule, violation, ...details);
}
