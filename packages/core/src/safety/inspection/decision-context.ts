import type { Directory } from '../directory/directory.js';
import type { PersonRecord } from '../directory/person.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import type { InspectionFacts } from './ports.js';

/** What every inspection decision reads besides the command and the state. */
export interface InspectionDecisionContext {
  readonly policy: SupervisionPolicy;
  readonly directory: Directory;
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
  readonly person: PersonRecord | undefined;
  readonly facts: InspectionFacts;
}

/** The fields every inspection event payload starts with. */
export function eventBase(ctx: InspectionDecisionContext, inspectionId: string) {
  return { inspectionId, occurredAt: ctx.occurredAt, actor: ctx.actor };
}
