/** @safeledger/store-memory: the in-memory reference implementation of the EventStore port. */
export {
  createMemoryEventStore,
  type MemoryEventStoreOptions,
} from './create-memory-event-store.js';
export { createMemoryDriver, type MemoryDriverOptions } from './memory-driver.js';
export {
  createMemoryStorage,
  type MemoryFieldTable,
  type MemoryProjection,
  type MemoryStorage,
} from './memory-storage.js';
