import { RuleViolationError } from '../../eventsourcing/errors.js';
import { formatMessage } from '../i18n/format-message.js';
import type { MessageArgs } from '../i18n/message-args.js';
import { vocabularyLabels } from '../i18n/vocabulary.js';
import { describeActor, type SafetyActor } from '../roles/actor.js';
import {
  type ForbiddenReason,
  type ForbiddenRefusal,
  type ForbiddenValuesArg,
  forbiddenReasons,
} from './forbidden-reasons.js';

/**
 * The G-5 rejection: the actor's role or scope does not allow the command. `rule` is the rule that
 * says who may act (`SI-0`, `V-5`, …) or `G-5` when only the general rule applies; `reason` is
 * one of the `forbiddenReasons` codes and `values` fill its template. The error's `details` keep
 * the actor (`personId`, `role`, `orgId`, `enterpriseId`), the `reason` code and the values, so
 * `describeViolation(error, 'zh-CN')` renders it in Chinese; `message` is the English text.
 *
 * @example
 * throw forbidden('G-5', actor, 'role_not_allowed', {
 *   command: 'AssignItem',
 *   allowedRoles: ['SafetyCommitteeOffice'],
 * });
 * // RuleViolationError: G-5 Forbidden: Principal p-1 of ent-1 may not send AssignItem: only SafetyCommitteeOffice may
 * @throws TypeError when a value the reason's template names is missing (only reachable past the type check).
 */
export function forbidden<R extends ForbiddenReason>(
  rule: string,
  actor: SafetyActor,
  reason: R,
  ...[values]: ForbiddenValuesArg<R>
): RuleViolationError {
  const given: Readonly<Record<string, unknown>> = values ?? {};
  const text = formatMessage(
    forbiddenReasons[reason].en as string,
    given as MessageArgs<string>,
    'en',
    { labels: vocabularyLabels },
  );
  return new RuleViolationError(rule, 'Forbidden', `${describeActor(actor)} ${text}`, {
    ...given,
    personId: actor.personId,
    role: actor.role,
    ...(actor.orgId === undefined ? {} : { orgId: actor.orgId }),
    ...(actor.enterpriseId === undefined ? {} : { enterpriseId: actor.enterpriseId }),
    reason,
  });
}

/**
 * `forbidden` for a refusal computed elsewhere (`identityRefusal`), with further values for
 * programs (`{ as: 'discoveredBy' }`).
 */
export function forbiddenFor(
  rule: string,
  actor: SafetyActor,
  refusal: ForbiddenRefusal,
  extra: Readonly<Record<string, unknown>> = {},
): RuleViolationError {
  const values = { ...extra, ...refusal.values } as never;
  return forbidden(rule, actor, refusal.reason, values);
}
