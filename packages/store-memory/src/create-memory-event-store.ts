import { createEventStore, type EventStore, type EventStoreOptions } from '@safeledger/core';
import { createMemoryDriver } from './memory-driver.js';
import { createMemoryStorage, type MemoryStorage } from './memory-storage.js';

/** Options of `createMemoryEventStore`. */
export interface MemoryEventStoreOptions extends EventStoreOptions {
  /** Share one storage between several store instances (as if they were connections). */
  readonly storage?: MemoryStorage;
}

/**
 * Creates an in-memory event store: the reference semantics of the port, deterministic with an
 * injected clock and ids, and free of Node built-ins so it also runs in browsers.
 *
 * @example
 * const store = createMemoryEventStore({ registry });
 * await store.appendToStream('hazard-1', [event], { expectedVersion: 'no_stream' });
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): EventStore {
  const clock = options.clock;
  const driver = createMemoryDriver({
    storage: options.storage ?? createMemoryStorage(),
    now: clock === undefined ? () => Date.now() : () => clock().getTime(),
  });
  return createEventStore(driver, options);
}
