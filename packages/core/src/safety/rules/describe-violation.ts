import type { RuleViolationError } from '../../eventsourcing/errors.js';
import { describeForbidden } from '../general/describe-forbidden.js';
import { formatMessage } from '../i18n/format-message.js';
import type { Locale } from '../i18n/locale.js';
import type { MessageArgs } from '../i18n/message-args.js';
import { vocabularyLabels } from '../i18n/vocabulary.js';
import { findRule, ruleCatalogs } from './catalog-registry.js';
import type { RuleCatalog } from './rule-catalog.js';

/** What `describeViolation` reads of an error: a `RuleViolationError`, or one sent over the wire as JSON. */
export type DescribableViolation = Pick<
  RuleViolationError,
  'rule' | 'violation' | 'details' | 'message'
>;

/** Options of `describeViolation`. */
export interface DescribeViolationOptions {
  /** Catalogs to look the rule up in; defaults to the library's (`ruleCatalogs`). */
  readonly catalogs?: readonly RuleCatalog[];
  /** The zone instants are shown in; pass the policy's `timezone` (default `Asia/Shanghai`). */
  readonly timeZone?: string;
}

/**
 * The message of a rule violation in one locale, rendered from the rule's template and the
 * error's `details`, without the `H-13 IncompletePlan:` prefix of `error.message`. A G-5 refusal
 * (`Forbidden` with a `forbiddenReasons` code in `details.reason`) is rendered from its reason's
 * template, with the actor's role label in that locale. When the rule
 * or the violation is not in the catalogs, or the details cannot fill the template (an error from
 * another version of the library), it falls back to the error's own English message.
 *
 * @example
 * try {
 *   await handle(stream, command);
 * } catch (error) {
 *   if (isRuleViolation(error)) show(`${error.rule} ${describeViolation(error, 'zh-CN')}`);
 * }
 */
export function describeViolation(
  error: DescribableViolation,
  locale: Locale,
  options: DescribeViolationOptions = {},
): string {
  // G-5 refusals carry a reason code with its own templates, whichever rule they cite.
  if (error.violation === 'Forbidden') {
    const text = describeForbidden(error.details, locale, options);
    if (text !== undefined) return text;
  }
  const template = findRule(error.rule, options.catalogs ?? ruleCatalogs)?.violations[
    error.violation
  ];
  const text = template?.[locale];
  if (text !== undefined && text !== '') {
    try {
      return formatMessage(text, error.details as MessageArgs<string>, locale, {
        labels: vocabularyLabels,
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
      });
    } catch {
      // A template this error's details do not fit: the English message still says what happened.
    }
  }
  const prefix = `${error.rule} ${error.violation}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
