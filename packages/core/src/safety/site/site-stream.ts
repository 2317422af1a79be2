import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of a multi-tenant site: `site-{id}` (domain spec §4). */
export function siteStreamId(siteId: string): string {
  return toStreamId('site', siteId);
}
