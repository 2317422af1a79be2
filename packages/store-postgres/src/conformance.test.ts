import { describeEventStoreConformance } from '@safeledger/store-conformance';
import { createPostgresEventStore } from './create-postgres-event-store.js';
import { dropSchema, pgUrl, uniqueSchema } from './test-support/database.js';

// The whole suite with no opt-outs. Each test gets a fresh schema; every `open` is a store
// with its own pool, as separate application instances would be.
describeEventStoreConformance('postgres', async () => {
  const schema = uniqueSchema('conformance');
  const url = pgUrl();
  return {
    open: async (options) =>
      createPostgresEventStore({ connectionString: url }, { ...options, schema, poolSize: 5 }),
    teardown: () => dropSchema(schema),
  };
});
