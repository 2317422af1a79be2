import type { Decider, EventStore } from '@safeledger/core';
import type { BenchEvent } from '../bench-event.js';
import type { AppendTarget, Family } from './target.js';

export { benchRegistry } from './registries.js';

/** A decider whose state is the number of events folded. */
const countEvents: Decider<number, unknown, { type: string; data: unknown }> = {
  name: 'bench-count',
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: () => [],
};

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
      // What a command handler does before deciding: fold the stream.
      const { state } = await store.aggregateStream(streamId, countEvents);
      return state;
    },
    async close() {
      await store.close();
      await cleanup();
    },
  };
}
