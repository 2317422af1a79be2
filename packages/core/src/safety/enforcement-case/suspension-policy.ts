import type { StoredEvent } from '../../eventsourcing/envelope.js';
import {
  defineProcessManager,
  type IssuedCommand,
  type ProcessManager,
  reactionCommandId,
} from '../../eventsourcing/process-manager.js';
import type { SuspendOperations } from '../hazard/commands.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import type { EnforcementCaseEvent } from './events.js';
import type { HazardFactsPort } from './facts.js';

type DecisionIssued = Extract<EnforcementCaseEvent, { type: 'PenaltyDecisionIssued' }>;

/** The name PO-6 keeps its checkpoint and rejections under. */
export const suspensionOnDecisionName = 'po-6.suspend-linked-hazards';

/**
 * PO-6 / EC-16: on a `PenaltyDecisionIssued` with a `suspension_of_operations` penalty on a unit
 * respondent, issues `SuspendOperations` to each linked hazard of that unit's enterprise that is
 * open (or awaiting verification) and not already suspended. The order is given in the name of
 * the deciding AuthorityHead (the actor of the decision, who also approves it), with the
 * decision number as order ref and the decision's business time.
 *
 * Idempotent: each command id is derived from the decision event and the hazard, so running the
 * manager twice or replaying the log issues retried commands that append nothing (G-3), and a
 * hazard already suspended when the reaction runs is skipped.
 */
export function createSuspensionOnDecisionPolicy(options: {
  /** Current hazard facts (status and suspension), read when the decision is handled. */
  readonly hazards: HazardFactsPort;
  /** Target name of the hazard command handler in the runner's `handlers`; default `hazard`. */
  readonly target?: string;
}): ProcessManager<DecisionIssued> {
  const target = options.target ?? 'hazard';
  return defineProcessManager<DecisionIssued>({
    name: suspensionOnDecisionName,
    handles: ['PenaltyDecisionIssued'],
    async react(event: StoredEvent<DecisionIssued>) {
      const { data } = event;
      const suspensions = data.penalties.filter((p) => p.kind === 'suspension_of_operations');
      if (suspensions.length === 0 || data.linkedHazards.length === 0) return [];
      const units = new Set(
        suspensions.filter((p) => p.respondentKind === 'unit').map((p) => p.enterpriseId),
      );
      const commands: IssuedCommand[] = [];
      for (const link of data.linkedHazards) {
        if (!units.has(link.enterpriseId)) continue;
        const hazard = await options.hazards.hazard(link.hazardId);
        if (hazard === undefined || hazard.suspended) continue;
        if (hazard.status !== 'open' && hazard.status !== 'awaiting_verification') continue;
        const command: SuspendOperations = {
          type: 'SuspendOperations',
          actor: data.actor,
          occurredAt: data.occurredAt,
          scope: 'whole',
          approvedBy: data.actor.personId,
          orderRef: data.decisionNo,
        };
        commands.push({
          target,
          streamId: hazardStreamId(link.hazardId),
          command,
          commandId: reactionCommandId(suspensionOnDecisionName, event, link.hazardId),
        });
      }
      return commands;
    },
  });
}
