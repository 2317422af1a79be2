import {
  createEventStore,
  type EventStore,
  type EventStoreOptions,
  identifierProblem,
  StoreFailureError,
  systemClock,
  ValidationError,
} from '@safeledger/core';
import pg, { type ClientConfig, type Pool } from 'pg';
import { type ClusterCheck, checkCluster } from './cluster.js';
import { type ClusterChange, createContext } from './context.js';
import { int, run } from './database.js';
import { createLeaseManager } from './leases.js';
import { type MigrationReport, migrateWithPool, type PostgresConnection } from './migrate.js';
import { LATEST_VERSION } from './migrations.js';
import { type LagOptions, measureLag, type SubscriptionLag } from './monitoring.js';
import { createPostgresDriver } from './postgres-driver.js';
import { createPostgresProjectionStore } from './postgres-projection-store.js';
import { createPostgresSnapshotStore } from './postgres-snapshot-store.js';
import { assertSchemaName, DEFAULT_SCHEMA } from './schema-name.js';
import { buildStatements } from './statements.js';
import { createWakeUps } from './wake-ups.js';

/** The tenant of a store created without `tenantId`. */
export const DEFAULT_TENANT = 'default';

/** Options of `createPostgresEventStore`. */
export interface PostgresEventStoreOptions extends EventStoreOptions {
  /** Schema holding the store's tables; default `safeledger`. Lower-case, at most 48 characters. */
  readonly schema?: string;
  /**
   * The tenant every read and write is scoped to; default `default`. Stream ids, event ids
   * (idempotency), checkpoints, documents, snapshots and leases are all per tenant.
   */
  readonly tenantId?: string;
  /** Run `migrate()` on first use; default true. When false, a store on an older schema fails. */
  readonly autoMigrate?: boolean;
  /** Size of the pool the store creates from a connection string; default 10. */
  readonly poolSize?: number;
  /**
   * Settings of the dedicated connections for LISTEN and leases, which keep state on their
   * connection. Default: the connection string, or the given pool's settings. Behind a
   * transaction-mode PgBouncer, point it at PostgreSQL itself (or a session-mode pool).
   */
  readonly dedicatedConnection?: string | ClientConfig;
  /** Send NOTIFY after appends so other instances wake up at once; default true. */
  readonly notify?: boolean;
  /**
   * Shortest gap between two NOTIFYs of this store, in ms; appends inside it share one
   * (sent at the end of the gap). Default 50: a busy writer then sends at most 20 a second, and
   * another instance hears of new events at most 50 ms late (or one poll interval, without NOTIFY).
   */
  readonly notifyIntervalMs?: number;
  /** Keep a LISTEN connection while anyone watches (subscriptions, runners); default true. */
  readonly listen?: boolean;
  /** Use named prepared statements; default true. Turn off for poolers that cannot track them. */
  readonly preparedStatements?: boolean;
  /** Events per round trip of a stream read; default 1000. */
  readonly readChunkSize?: number;
  /**
   * How long a page that reached the visible end waits for committed events held back by an
   * open transaction (usually another append about to commit); default 200 ms, 0 to never wait.
   * Gap safety does not depend on it.
   */
  readonly visibilityWaitMs?: number;
  /** Called after this store opened a new position epoch because the data moved clusters. */
  readonly onClusterChange?: (change: ClusterChange) => void;
  /** Background errors (LISTEN connection, NOTIFY); default: ignored, polling covers them. */
  readonly onError?: (error: unknown) => void;
}

/** An `EventStore` on PostgreSQL, with migrations and lag monitoring. */
export interface PostgresEventStore extends EventStore {
  readonly schema: string;
  readonly tenantId: string;
  /**
   * Creates or upgrades the schema (idempotent, safe from many instances at once).
   * @throws StoreFailureError (`STORE_FAILURE`)
   */
  migrate(): Promise<MigrationReport>;
  /**
   * How far a reader at `checkpoint` is behind the visible log, how many committed events an
   * open transaction holds back, and which transaction that is.
   * @throws ValidationError (`VALIDATION_FAILED`) for a position this store did not issue.
   */
  subscriptionLag(checkpoint: string | undefined, options?: LagOptions): Promise<SubscriptionLag>;
  /** `subscriptionLag` at a projection's stored checkpoint. */
  projectionLag(name: string, options?: LagOptions): Promise<SubscriptionLag>;
}

function dedicatedSettings(
  connection: PostgresConnection,
  dedicated: string | ClientConfig | undefined,
): ClientConfig {
  if (typeof dedicated === 'string') return { connectionString: dedicated };
  if (dedicated !== undefined) return dedicated;
  if (connection.connectionString !== undefined) {
    return { connectionString: connection.connectionString };
  }
  // pg keeps the settings a pool was created with; its clients are made from them.
  const { max: _max, min: _min, idleTimeoutMillis: _idle, ...settings } = connection.pool!.options;
  return settings as ClientConfig;
}

/** Longest tenant id: with a stream id and a command id it still fits one index entry. */
export const MAX_TENANT_ID_LENGTH = 128;

function assertTenant(tenantId: unknown): string {
  const problem = identifierProblem(tenantId, MAX_TENANT_ID_LENGTH);
  if (problem !== undefined) {
    throw new ValidationError(`tenantId ${JSON.stringify(tenantId)} ${problem}`, []);
  }
  return tenantId as string;
}

/**
 * Creates an event store on PostgreSQL: gap-safe global order (R1), one round trip per append,
 * per-tenant scoping, projections committed with their checkpoint in one transaction, leases on
 * advisory locks, and LISTEN/NOTIFY wake-ups over polling.
 *
 * @example
 * const store = createPostgresEventStore(
 *   { connectionString: process.env.DATABASE_URL! },
 *   { schema: 'ledger', tenantId: 'acme', registry },
 * );
 * await store.appendToStream('hazard-1', [event], { expectedVersion: 'no_stream' });
 * @throws ValidationError (`VALIDATION_FAILED`) for an invalid schema name or tenant id.
 */
export function createPostgresEventStore(
  connection: PostgresConnection,
  options: PostgresEventStoreOptions = {},
): PostgresEventStore {
  const schema = assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const tenantId = assertTenant(options.tenantId ?? DEFAULT_TENANT);
  if (connection.pool === undefined && typeof connection.connectionString !== 'string') {
    throw new ValidationError(
      'createPostgresEventStore needs { connectionString } or { pool }',
      [],
    );
  }
  const ownsPool = connection.pool === undefined;
  const prepared = options.preparedStatements ?? true;
  const onError = options.onError ?? (() => {});
  const pool: Pool =
    connection.pool ??
    new pg.Pool({
      connectionString: connection.connectionString,
      max: options.poolSize ?? 10,
      fallback_application_name: 'safeledger',
    });
  // An idle pooled connection that dies emits an error; the pool replaces it on next use.
  if (ownsPool) pool.on('error', onError);
  const sql = buildStatements(schema);
  const clock = options.clock ?? systemClock;
  let closed = false;

  const cluster: ClusterCheck = {
    pool,
    tenantId,
    sql,
    prepared,
    onClusterChange: options.onClusterChange,
  };

  const context = createContext({
    pool,
    schema,
    tenantId,
    sql,
    prepared,
    dedicatedConnection: dedicatedSettings(connection, options.dedicatedConnection),
    now: clock,
    readChunkSize: options.readChunkSize ?? 1_000,
    visibilityWaitMs: options.visibilityWaitMs ?? 200,
    onClusterChange: options.onClusterChange,
    onError,
    isClosed: () => closed,
    async prepare() {
      if (options.autoMigrate ?? true) {
        await migrateWithPool(pool, schema);
      } else {
        const [row] = await run(pool, sql.schemaVersion, [], prepared);
        const version = int(row?.version);
        if (version !== LATEST_VERSION) {
          throw new StoreFailureError(
            `schema "${schema}" is at version ${version}, this release needs ${LATEST_VERSION}: run migrate()`,
          );
        }
      }
      await checkCluster(cluster);
    },
  });

  const wakeUps = createWakeUps({
    schema,
    tenantId,
    connection: context.dedicatedConnection,
    notify: options.notify ?? true,
    notifyIntervalMs: options.notifyIntervalMs ?? 50,
    listen: options.listen ?? true,
    onError,
  });
  const leases = createLeaseManager(context);

  const driver = createPostgresDriver(context, {
    wakeUps,
    cluster,
    scoped: options.tenantId !== undefined,
    snapshots: createPostgresSnapshotStore(context),
    projections: createPostgresProjectionStore(context, leases),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([wakeUps.close(), leases.close()]);
      if (ownsPool) await pool.end();
    },
  });

  const store = createEventStore(driver, options) as PostgresEventStore;
  const extras: Omit<PostgresEventStore, keyof EventStore> = {
    schema,
    tenantId,
    migrate: async () => {
      context.assertOpen();
      return migrateWithPool(pool, schema);
    },
    subscriptionLag: async (checkpoint, lagOptions) => measureLag(context, checkpoint, lagOptions),
    projectionLag: async (name, lagOptions) => {
      const checkpoint = await driver.projections.getCheckpoint(name);
      return measureLag(context, checkpoint?.position, lagOptions);
    },
  };
  return Object.assign(store, extras);
}
