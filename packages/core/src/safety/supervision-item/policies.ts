import {
  defineProcessManager,
  type ProcessManager,
  reactionCommandId,
} from '../../eventsourcing/process-manager.js';
import type { HazardCommand } from '../hazard/commands.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import type { SafetyActor } from '../roles/actor.js';
import type { SupervisionItemEvent } from './events.js';
import { investigationHazardId } from './item-stream.js';
import { isSubstantiated } from './values.js';

const name = 'po-4.investigation-registers-hazards';
// As PO-1: the policy registers as `System` on behalf of the named discoverer (the investigator),
// which the hazard decider allows for registration only.
const system: SafetyActor = { personId: 'system', role: 'System' };

/**
 * PO-4 (SI-8): a substantiated or partially substantiated `ItemInvestigated` registers each hazard
 * it lists as `hazard-{itemId}.{hazardKey}`, with source `petition` for a petition and `handover`
 * otherwise, `supervisionItemId`, the lead organisation supervising and the investigator as
 * discoverer. Command ids derive from the event and the hazard id, so a replay, a restart or a
 * second runner appends nothing twice; a hazard the hazard decider rejects is recorded as a
 * rejection with its rule. Targets the handler registered as `hazard`.
 */
export const investigationRegistersHazards: ProcessManager<SupervisionItemEvent> =
  defineProcessManager({
    name,
    handles: ['ItemInvestigated'],
    react(event) {
      if (event.type !== 'ItemInvestigated' || !isSubstantiated(event.data.finding)) return [];
      const d = event.data;
      return d.hazards.map((hazard) => {
        const hazardId = investigationHazardId(d.itemId, hazard.hazardKey);
        const command: HazardCommand = {
          type: 'RegisterHazard',
          actor: system,
          occurredAt: d.occurredAt,
          hazardId,
          subject: hazard.subject,
          description: hazard.description,
          location: hazard.location,
          nature: hazard.nature,
          grade: hazard.grade,
          ...(hazard.majorBasis === undefined ? {} : { majorBasis: hazard.majorBasis }),
          source: d.kind === 'petition' ? 'petition' : 'handover',
          discoveredBy: d.actor,
          supervisionItemId: d.itemId,
          deadline: hazard.deadline,
          supervisingOrgId: d.leadOrgId,
        };
        return {
          target: 'hazard',
          streamId: hazardStreamId(hazardId),
          command,
          commandId: reactionCommandId(name, event, hazardId),
        };
      });
    },
  });

/** The supervision-item policies (PO-4), for `createProcessManagerRunner`. */
export function supervisionItemPolicies(): ProcessManager<SupervisionItemEvent>[] {
  return [investigationRegistersHazards];
}
