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
 * The case decider's port to a filing's source inspection (EC-18), backed by stream loads as
 * the hazard port `createHazardFactsFromStore` is: the library has no inspection read model a
 * filing could read yet, and a filing is rare enough that one stream read per lookup is cheap.
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
