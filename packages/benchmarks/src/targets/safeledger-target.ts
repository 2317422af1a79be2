import { type EventStore, toArray } from '@safeledger/core';
import type { BenchEvent } from '../bench-event.js';
import type { AppendTarget, Family } from './target.js';

export { benchRegistry } from './registries.js';

/** Adapts one of our event stores to the workloads. */
export function safeledgerTarget(
  store: EventStore,
  family: Family,
  settings: string,
  cleanup: () => Promise<void> = async () => {},
): AppendTarget {
  return {
    family,
    kind: 'safeledger',
    settings,
    async appendOne(streamId, expected, event) {
      await store.appendToStream(streamId, [event], {
        expectedVersion: expected === 0 ? 'no_stream' : expected,
      });
    },
    async appendBatch(streamId, events: readonly BenchEvent[]) {
      await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
    },
    async loadStream(streamId) {
      return (await toArray(store.readStream(streamId))).length;
    },
    async close() {
      await store.close();
      await cleanup();
    },
  };
}
