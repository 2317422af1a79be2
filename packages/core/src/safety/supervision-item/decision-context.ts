import type { Directory } from '../directory/directory.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import type { SupervisionItemFacts } from './ports.js';

/** What every supervision-item decision reads besides the command and the state. */
export interface ItemDecisionContext {
  readonly policy: SupervisionPolicy;
  readonly directory: Directory;
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
  readonly facts: SupervisionItemFacts;
}

/** The fields every supervision-item event payload starts with. */
export function eventBase(ctx: ItemDecisionContext, itemId: string) {
  return { itemId, occurredAt: ctx.occurredAt, actor: ctx.actor };
}
