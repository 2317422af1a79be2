import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of an activity: `act-{activityId}` (domain spec §4). */
export function activityStreamId(activityId: string): string {
  return toStreamId('act', activityId);
}
