import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of an emergency plan: `plan-{planId}` (domain spec §4). */
export function emergencyPlanStreamId(planId: string): string {
  return toStreamId('plan', planId);
}
