import type { Directory } from '../directory/directory.js';
import type { PersonRecord } from '../directory/person.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';
import type { SafetyActor } from '../roles/actor.js';
import type { EnforcementCaseFacts } from './facts.js';
import type { PenaltyBasisTable } from './penalty-basis.js';

/** What every enforcement-case decision reads besides the command and the state. */
export interface CaseDecisionContext {
  readonly policy: SupervisionPolicy;
  readonly directory: Directory;
  readonly penaltyBasis: PenaltyBasisTable;
  /** The handler's clock reading (G-4 bounds business time by it). */
  readonly now: Date;
  /** The command's business time (its `occurredAt`, or `now`). */
  readonly occurredAt: string;
  readonly actor: SafetyActor;
  /** The actor's directory record. */
  readonly person: PersonRecord | undefined;
  readonly facts: EnforcementCaseFacts;
}

/** The fields every enforcement-case event payload starts with. */
export function eventBase(ctx: CaseDecisionContext, caseId: string) {
  return { caseId, occurredAt: ctx.occurredAt, actor: ctx.actor };
}
