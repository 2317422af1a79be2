import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of an enterprise: `ent-{enterpriseId}` (domain spec §4). */
export function enterpriseStreamId(enterpriseId: string): string {
  return toStreamId('ent', enterpriseId);
}
