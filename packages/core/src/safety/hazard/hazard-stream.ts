import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of a hazard: `hazard-{id}` (domain spec §4). */
export function hazardStreamId(hazardId: string): string {
  return toStreamId('hazard', hazardId);
}
