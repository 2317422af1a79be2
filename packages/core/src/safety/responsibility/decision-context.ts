import type { Directory } from '../directory/directory.js';
import type { PersonRecord } from '../directory/person.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';

/** What every responsibility-assignment decision reads besides the command and the state. */
export interface ResponsibilityDecisionContext {
  readonly policy: SupervisionPolicy;
  readonly directory: Directory;
  /** The handler's clock reading. */
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
  /** The actor's directory record. */
  readonly person: PersonRecord | undefined;
}

/** The fields every responsibility event payload starts with. */
export function eventBase(
  ctx: ResponsibilityDecisionContext,
  ids: { readonly assignmentId: string; readonly listId: string },
) {
  return {
    assignmentId: ids.assignmentId,
    listId: ids.listId,
    occurredAt: ctx.occurredAt,
    actor: ctx.actor,
  };
}
