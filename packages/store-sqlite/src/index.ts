/**
 * @safeledger/store-sqlite: the embedded SQLite event store (better-sqlite3). WAL, one
 * IMMEDIATE transaction per append, gap-free positions, projections and leases in one file.
 */
export {
  createSqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteEventStoreSource,
  type SqliteSynchronous,
} from './create-sqlite-event-store.js';
