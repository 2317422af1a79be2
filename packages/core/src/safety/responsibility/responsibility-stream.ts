import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of a responsibility assignment: `resp-{id}` (domain spec §4). */
export function responsibilityStreamId(assignmentId: string): string {
  return toStreamId('resp', assignmentId);
}
