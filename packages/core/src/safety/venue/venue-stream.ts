import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of a venue: `venue-{id}` (domain spec §4). */
export function venueStreamId(venueId: string): string {
  return toStreamId('venue', venueId);
}
