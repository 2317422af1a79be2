import type { Directory } from '../directory/directory.js';
import type { PersonRecord } from '../directory/person.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import type { LateEntry } from './late-entry.js';

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
  /** Set when the command is back-dated beyond `maxBackdatingHours` (H-30). */
  readonly lateEntry: LateEntry | undefined;
  /**
   * The instant deadline rules judge the command by: its business time, or its recording time
   * when it is a late entry (H-30), so back-dating cannot make a late act look timely.
   */
  readonly judgedAt: string;
}

/** The fields every hazard event payload starts with. */
export function eventBase(ctx: HazardDecisionContext, hazardId: string) {
  return {
    hazardId,
    occurredAt: ctx.occurredAt,
    actor: ctx.actor,
    ...(ctx.lateEntry === undefined ? {} : { lateEntry: ctx.lateEntry }),
  };
}
