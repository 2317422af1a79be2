import {
  type EventStore,
  evolveInspection,
  type InspectionEvent,
  type InspectionFactsPort,
  type InspectionState,
  initialInspectionState,
  inspectionStreamId,
  isScheduledInspection,
} from '@safeledger/core';

/**
 * The inspection facts a case filing cites (EC-18), read from the inspection's own stream: the
 * strongly consistent source, since a filing must not rest on a read model that may lag. An
 * inspection with no events is unknown, and an unknown inspection is no source.
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
      return { inspectionId, kind: state.kind };
    },
  };
}
