import { RuleViolationError } from '../../eventsourcing/errors.js';
import { describeActor, type SafetyActor } from '../roles/actor.js';

/**
 * The G-5 rejection: the actor's role or scope does not allow the command. `rule` is the rule that
 * says who may act (`H-9`, `H-19`, …) or `G-5` when only the general rule applies; the message
 * names the role and the person.
 */
export function forbidden(
  rule: string,
  actor: SafetyActor,
  reason: string,
  details: Readonly<Record<string, unknown>> = {},
): RuleViolationError {
  return new RuleViolationError(rule, 'Forbidden', `${describeActor(actor)} ${reason}`, {
    personId: actor.personId,
    role: actor.role,
    ...(actor.orgId === undefined ? {} : { orgId: actor.orgId }),
    ...(actor.enterpriseId === undefined ? {} : { enterpriseId: actor.enterpriseId }),
    ...details,
  });
}
