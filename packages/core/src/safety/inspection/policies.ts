import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { ProjectionLaggingError } from '../../eventsourcing/errors.js';
import {
  defineProcessManager,
  type IssuedCommand,
  type ProcessManager,
  reactionCommandId,
} from '../../eventsourcing/process-manager.js';
import type { HazardCommand } from '../hazard/commands.js';
import { hazardStreamId } from '../hazard/hazard-stream.js';
import type { StreamHead } from '../ports/stream-heads.js';
import type { SafetyActor } from '../roles/actor.js';
import type { InspectionEvent } from './events.js';
import { hazardSourceOfInspection } from './values.js';

/** The id of the hazard PO-1 registers for a finding: `{inspectionId}.{findingId}` (I-5). */
export function findingHazardId(inspectionId: string, findingId: string): string {
  return `${inspectionId}.${findingId}`;
}

// Process managers act as `System` only where the hazard decider allows it (registration on
// behalf of the named discoverer); every other reaction acts in the name of the officer or head
// who made the decision the event records.
const system: SafetyActor = { personId: 'system', role: 'System' };
const target = 'hazard';

function issue(
  manager: string,
  event: StoredEvent,
  hazardId: string,
  command: HazardCommand,
): IssuedCommand {
  return {
    target,
    streamId: hazardStreamId(hazardId),
    command,
    commandId: reactionCommandId(manager, event, hazardId),
  };
}

/**
 * PO-1 (I-5): each `FindingRecorded` registers exactly one hazard, `hazard-{inspectionId}.{findingId}`,
 * with a command id derived from the event, so a replay, a restart or a second runner issues a
 * retried command that appends nothing. The hazard inherits subject, campaigns, deadline and grade;
 * its source is mapped from the inspection kind and the inspecting organisation supervises it.
 * Targets the handler registered as `hazard`.
 */
export const findingRegistersHazard: ProcessManager<InspectionEvent> = defineProcessManager({
  name: 'po-1.finding-registers-hazard',
  handles: ['FindingRecorded'],
  react(event) {
    if (event.type !== 'FindingRecorded') return [];
    const d = event.data;
    const hazardId = findingHazardId(d.inspectionId, d.findingId);
    const command: HazardCommand = {
      type: 'RegisterHazard',
      actor: system,
      occurredAt: d.occurredAt,
      hazardId,
      subject: d.subject,
      description: d.description,
      location: d.location,
      nature: d.nature,
      grade: d.proposedGrade,
      ...(d.majorBasis === null ? {} : { majorBasis: d.majorBasis }),
      source: hazardSourceOfInspection(d.kind),
      discoveredBy: d.actor,
      inspectionId: d.inspectionId,
      findingId: d.findingId,
      campaignIds: d.campaignIds,
      ...(d.deadline === null ? {} : { deadline: d.deadline }),
      supervisingOrgId: d.orgId,
      safetyNotAssured: d.safetyNotAssured,
      ...(d.rectifiedOnSpot === null ? {} : { rectifiedOnSpot: d.rectifiedOnSpot }),
    };
    return [issue('po-1.finding-registers-hazard', event, hazardId, command)];
  },
});

/**
 * Waits (retryably) until PO-1 has registered the hazard of every finding: the managers advance
 * independently, so a later event can reach PO-2 or PO-3 before PO-1 has handled the finding.
 */
async function requireRegistered(
  streamHead: StreamHead,
  manager: string,
  hazardIds: readonly string[],
) {
  for (const hazardId of hazardIds) {
    if ((await streamHead(hazardStreamId(hazardId))) === 0) {
      throw new ProjectionLaggingError(manager, `hazard ${hazardId} is not registered yet (PO-1)`);
    }
  }
}

/** What PO-2 and PO-3 read: the version of a hazard stream (`createStreamHead(store)`). */
export interface InspectionPolicyPorts {
  readonly streamHead: StreamHead;
}

/**
 * PO-2: a rectification order moves the deadline of each of its findings' hazards to the order's
 * deadline, in the name of the order's signing AuthorityHead (or the issuing inspector when the
 * order names none). The hazard aggregate has no command that sets a deadline owned by an order
 * in either direction; the closest is `ExtendRectificationDeadline`, so an order that shortens a
 * deadline, or one its issuer may not extend (H-8), is recorded as a rejection with its rule id.
 */
export function orderSetsHazardDeadlines(
  ports: InspectionPolicyPorts,
): ProcessManager<InspectionEvent> {
  return defineProcessManager({
    name: 'po-2.order-sets-deadlines',
    handles: ['RectificationOrderIssued'],
    async react(event) {
      if (event.type !== 'RectificationOrderIssued') return [];
      const d = event.data;
      await requireRegistered(
        ports.streamHead,
        'po-2.order-sets-deadlines',
        d.findingIds.map((f) => findingHazardId(d.inspectionId, f)),
      );
      const actor: SafetyActor =
        d.approvedBy === null
          ? d.actor
          : { personId: d.approvedBy, role: 'AuthorityHead', orgId: d.orgId };
      return d.findingIds.map((findingId) => {
        const hazardId = findingHazardId(d.inspectionId, findingId);
        return issue('po-2.order-sets-deadlines', event, hazardId, {
          type: 'ExtendRectificationDeadline',
          actor,
          occurredAt: d.occurredAt,
          newDeadline: d.deadline,
          reason: `rectification order ${d.orderNo}`,
        });
      });
    },
  });
}

/**
 * PO-3: an on-site measure suspending operations suspends each of its findings' hazards, by the
 * imposing inspector with the approving AuthorityHead (I-4), one command per hazard.
 */
export function measureSuspendsHazards(
  ports: InspectionPolicyPorts,
): ProcessManager<InspectionEvent> {
  return defineProcessManager({
    name: 'po-3.measure-suspends-hazards',
    handles: ['OnSiteMeasureImposed'],
    async react(event) {
      if (event.type !== 'OnSiteMeasureImposed' || event.data.kind !== 'suspend_operations')
        return [];
      const d = event.data;
      await requireRegistered(
        ports.streamHead,
        'po-3.measure-suspends-hazards',
        d.findingIds.map((f) => findingHazardId(d.inspectionId, f)),
      );
      return d.findingIds.map((findingId) => {
        const hazardId = findingHazardId(d.inspectionId, findingId);
        return issue('po-3.measure-suspends-hazards', event, hazardId, {
          type: 'SuspendOperations',
          actor: d.actor,
          occurredAt: d.occurredAt,
          scope: 'whole',
          ...(d.approvedBy === null ? {} : { approvedBy: d.approvedBy }),
          orderRef: d.measureRef,
        });
      });
    },
  });
}

/** The inspection policies PO-1, PO-2 and PO-3, for `createProcessManagerRunner`. */
export function inspectionPolicies(
  ports: InspectionPolicyPorts,
): ProcessManager<InspectionEvent>[] {
  return [findingRegistersHazard, orderSetsHazardDeadlines(ports), measureSuspendsHazards(ports)];
}
