import type { Directory } from '../directory/directory.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';

/** What every activity decision reads besides the command and the state. */
export interface ActivityDecisionContext {
  readonly policy: SupervisionPolicy;
  /** Persons, organisations and enterprises, for G-5 and A-0. */
  readonly directory: Directory;
  /** The handler's clock reading: the recording time G-4 bounds business time by. */
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
}
