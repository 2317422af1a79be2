import type { EventStore } from '../../eventsourcing/event-store.js';

/** The current version of a stream (0 when it has no events). */
export type StreamHead = (streamId: string) => Promise<number>;

/**
 * Reads stream versions from an event store, for the `headVersion` of read-model answers (G-9).
 * It reads the stream to its end: the streams G-9 checks (a venue, an item, a hazard) are short.
 */
export function createStreamHead(store: Pick<EventStore, 'readStream'>): StreamHead {
  return async (streamId) => {
    let version = 0;
    for await (const event of store.readStream(streamId)) version = event.version;
    return version;
  };
}
