import { toStreamId } from '../../eventsourcing/envelope.js';

/** The stream id of a supervision item: `item-{id}` (domain spec §4). */
export function supervisionItemStreamId(itemId: string): string {
  return toStreamId('item', itemId);
}

/** The id of the hazard PO-4 registers for an investigation's hazard: `{itemId}.{hazardKey}` (SI-8). */
export function investigationHazardId(itemId: string, hazardKey: string): string {
  return `${itemId}.${hazardKey}`;
}
