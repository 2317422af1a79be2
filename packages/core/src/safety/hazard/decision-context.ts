import type { Directory } from '../directory/directory.js';
import type { PersonRecord } from '../directory/person.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';

/** What every hazard decision reads besides the command and the state. */
export interface HazardDecisionContext {
  readonly policy: SupervisionPolicy;
  readonly directory: Directory;
  /** The handler's clock reading: the recording time G-4 bounds business time by. */
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
  /** The actor's directory record; undefined only for `System`. */
  readonly person: PersonRecord | undefined;
  /** Stream version the state was folded from. */
  readonly version: number;
}

/** The fields every hazard event payload starts with. */
export function eventBase(ctx: HazardDecisionContext, hazardId: string) {
  return { hazardId, occurredAt: ctx.occurredAt, actor: ctx.actor };
}
