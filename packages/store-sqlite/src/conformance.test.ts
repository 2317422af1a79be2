import { describeEventStoreConformance } from '@safeledger/store-conformance';
import Database from 'better-sqlite3';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

// The whole suite, no opt-outs, on a real file: every `open` is a separate connection, as
// separate application instances on one machine would be.
describeEventStoreConformance('sqlite (file)', async () => {
  const path = tempDatabasePath('conformance');
  return {
    open: async (options) => createSqliteEventStore({ path }, options),
    teardown: async () => removeDatabaseFiles(path),
  };
});

// And in memory: an in-memory database lives in one connection, so every store of a test
// shares it through `{ database }`, and closing a store leaves it open for the others.
describeEventStoreConformance('sqlite (:memory:)', async () => {
  const database = new Database(':memory:');
  return {
    open: async (options) => createSqliteEventStore({ database }, options),
    teardown: async () => {
      database.close();
    },
  };
});
