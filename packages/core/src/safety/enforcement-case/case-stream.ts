import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of an enforcement case: `case-{id}` (domain spec §4). */
export function caseStreamId(caseId: string): string {
  return toStreamId('case', caseId);
}
