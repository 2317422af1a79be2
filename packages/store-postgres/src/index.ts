/**
 * @safeledger/store-postgres: the PostgreSQL event store. Gap-safe global order, one round trip
 * per append, tenant scoping, projections with exactly-once commits, advisory-lock leases and
 * LISTEN/NOTIFY wake-ups.
 */
export type { ClusterChange } from './context.js';
export {
  createPostgresEventStore,
  DEFAULT_TENANT,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from './create-postgres-event-store.js';
export {
  type MigrateOptions,
  type MigrationReport,
  migrate,
  type PostgresConnection,
} from './migrate.js';
export type { BlockingTransaction, LagOptions, SubscriptionLag } from './monitoring.js';
export { DEFAULT_SCHEMA } from './schema-name.js';
