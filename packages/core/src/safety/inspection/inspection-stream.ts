import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of an inspection: `insp-{id}` (domain spec §4). */
export function inspectionStreamId(inspectionId: string): string {
  return toStreamId('insp', inspectionId);
}
