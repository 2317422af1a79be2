import type { Directory } from '../directory/directory.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';

/** What every enterprise decision reads besides the command and the state. */
export interface EnterpriseDecisionContext {
  readonly policy: SupervisionPolicy;
  /** Organisations and officers, for G-5; enterprise roles are checked against the registry state. */
  readonly directory: Directory;
  /** The handler's clock reading: the recording time G-4 bounds business time by. */
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
}

/** The fields every enterprise event payload starts with. */
export function eventBase(ctx: EnterpriseDecisionContext, enterpriseId: string) {
  return { enterpriseId, occurredAt: ctx.occurredAt, actor: ctx.actor };
}
