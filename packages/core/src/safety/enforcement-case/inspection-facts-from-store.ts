import type { EventStore } from '../../eventsourcing/event-store.js';
import type { InspectionEvent } from '../inspection/events.js';
import { inspectionStreamId } from '../inspection/inspection-stream.js';
import {
  evolveInspection,
  type InspectionState,
  initialInspectionState,
  isScheduledInspection,
} from '../inspection/state.js';
import type { InspectionFactsPort } from './facts.js';

/**
 * An `InspectionFactsPort` backed by stream loads, as `createHazardFactsFromStore` is for
 * hazards: a filing must not rest on a read model that may lag (EC-18), and filings are rare
 * enough that one stream read per lookup is cheap. An inspection with no scheduling event is
 * unknown, and an unknown inspection is no source.
 */
export function createInspectionFactsFromStore(store: EventStore): InspectionFactsPort {
  return {
    async inspection(inspectionId) {
      let state: InspectionState = initialInspectionState();
      for await (const event of store.readStream<InspectionEvent>(
        inspectionStreamId(inspectionId),
      )) {
        state = evolveInspection(state, event);
      }
      if (!isScheduledInspection(state)) return undefined;
      return { inspectionId: state.inspectionId, kind: state.kind };
    },
  };
}
