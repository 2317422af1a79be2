import { createMemoryEventStore, createMemoryStorage } from '@safeledger/store-memory';
import { describeEventStoreConformance } from '../describe-conformance.js';

// The reference implementation passes the whole suite, with no opt-outs. It runs here rather
// than in store-memory so that neither package needs the other to build first.
describeEventStoreConformance('memory', async () => {
  const storage = createMemoryStorage();
  return { open: async (options) => createMemoryEventStore({ ...options, storage }) };
});
