import type { Directory } from '../directory/directory.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';

/** What every site decision reads besides the command and the state. */
export interface SiteDecisionContext {
  readonly policy: SupervisionPolicy;
  readonly directory: Directory;
  /** The command's business time (its `occurredAt`, or the handler's clock). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
}

/** The fields every site event payload starts with. */
export function siteEventBase(ctx: SiteDecisionContext, siteId: string) {
  return { siteId, occurredAt: ctx.occurredAt, actor: ctx.actor };
}
