import { describeEventStoreConformance } from '@safeledger/store-conformance';
import { createMemoryEventStore, createMemoryStorage } from '@safeledger/store-memory';

// Replace the memory store with your adapter: each test gets a fresh, empty database, and every
// store `open` returns must see the same data (like two connections to one database).
describeEventStoreConformance('memory', async () => {
  const storage = createMemoryStorage();
  return { open: async (options) => createMemoryEventStore({ ...options, storage }) };
});
