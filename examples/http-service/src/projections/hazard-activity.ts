import { defineProjection, type HazardEvent, hazardEvents } from '@safeledger/core';

/** One hazard's activity as this service's read side keeps it. */
export interface HazardActivity {
  readonly hazardId: string;
  /** The hazard's last event type, e.g. `RectificationCompleted`. */
  readonly lastEvent: string;
  /** Stream version of the last event applied. */
  readonly version: number;
  /** Events applied; equals `version` when every event was applied exactly once. */
  readonly events: number;
  /** Command ids whose events were applied, in order, once each. */
  readonly commandIds: string[];
}

/**
 * A small read model of the example: per hazard, how far its stream has been applied and by
 * which commands. Instances of the service share it through the projection store's lease, so
 * exactly one applies each event; the multi-instance test reads it to prove that.
 */
export const hazardActivity = defineProjection<HazardActivity, HazardEvent>({
  name: 'http-example.hazard-activity',
  version: 1,
  handles: hazardEvents.map((definition) => definition.type) as HazardEvent['type'][],
  documentId: (event) => event.streamId,
  init: (id) => ({
    hazardId: id.replace(/^hazard-/, ''),
    lastEvent: '',
    version: 0,
    events: 0,
    commandIds: [],
  }),
  apply: (document, event) => {
    document.lastEvent = event.type;
    document.version = event.version;
    document.events += 1;
    const commandId = event.metadata.commandId;
    if (commandId !== undefined && document.commandIds.at(-1) !== commandId) {
      document.commandIds.push(commandId);
    }
  },
});
