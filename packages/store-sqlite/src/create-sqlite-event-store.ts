import {
  createEventStore,
  type EventStore,
  type EventStoreDriver,
  type EventStoreOptions,
  StoreFailureError,
} from '@safeledger/core';
import Database from 'better-sqlite3';
import { ensureSchema, tableNames } from './schema.js';
import { createSqliteDriver, type ReadTuning } from './sqlite-driver.js';
import { type BusyBudget, retryBusySync, toStoreError } from './sqlite-errors.js';
import { createStoreAccess } from './store-access.js';

/** SQLite's `synchronous` setting: how often commits wait for the disk. */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

/**
 * Where the events live: a file the store opens (and closes), or a better-sqlite3 connection
 * you own, which the store uses but never closes.
 */
export type SqliteEventStoreSource =
  | { readonly path: string; readonly database?: undefined }
  | { readonly database: Database.Database; readonly path?: undefined };

/** Options of `createSqliteEventStore`. */
export interface SqliteEventStoreOptions extends EventStoreOptions {
  /**
   * `NORMAL` (default in WAL mode): a commit survives a crash of the process; a power loss may
   * roll back the last commits, never corrupt the file. `FULL`: every commit is on disk before
   * the append returns. Without WAL the default is `FULL`. Applied to a `database` you pass only
   * when given.
   */
  readonly synchronous?: SqliteSynchronous;
  /**
   * Write-ahead logging, so readers never block the writer; default true. Ignored for in-memory
   * databases; applied to a `database` you pass only when given.
   */
  readonly wal?: boolean;
  /**
   * Longest wait, in milliseconds, for a lock held by another connection before the operation
   * fails with `StoreFailureError`; default 5,000. SQLite's own busy handler waits in short
   * slices and the store backs off asynchronously in between, so a long wait does not freeze
   * the event loop. With a `database` you pass, its own `busy_timeout` is left alone (and is the
   * default budget).
   */
  readonly busyTimeoutMs?: number;
  /**
   * Create or upgrade the schema on open (default true). With false, opening fails unless the
   * schema is already current: for deployments that migrate in a separate step.
   */
  readonly migrate?: boolean;
  /**
   * Prefix of every table and index the store creates; default `safeledger_`. Several stores
   * can share one file under different prefixes.
   */
  readonly tablePrefix?: string;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
// Longest single blocking wait inside SQLite's busy handler: past it the store yields to the
// event loop and retries, so contention with another process never freezes the application.
const BUSY_SLICE_MS = 50;
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Creates an event store in a SQLite database (better-sqlite3): WAL, one IMMEDIATE transaction
 * per append, global positions from an AUTOINCREMENT key (never reused, visible in order),
 * projections and leases in the same file. The schema is migrated on open unless
 * `migrate: false`.
 *
 * @example
 * const store = createSqliteEventStore({ path: 'events.db' }, { registry });
 * await store.appendToStream('hazard-1', [event], { expectedVersion: 'no_stream' });
 * await store.close();
 *
 * @throws TypeError when the source or an option is invalid.
 * @throws StoreFailureError (`STORE_FAILURE`) when the database cannot be opened, configured or
 * migrated, or its schema is newer than this code.
 */
export function createSqliteEventStore(
  source: SqliteEventStoreSource,
  options: SqliteEventStoreOptions = {},
): EventStore {
  return createEventStore(openSqliteDriver(source, options), options);
}

/** Internal: opens and migrates the database and returns the driver; tests tune reads here. */
export function openSqliteDriver(
  source: SqliteEventStoreSource,
  options: SqliteEventStoreOptions = {},
  tuning?: Partial<ReadTuning>,
): EventStoreDriver {
  validateOptions(options);
  const tables = tableNames(options.tablePrefix ?? 'safeledger_');
  const clock = options.clock;
  const now = clock === undefined ? () => Date.now() : () => clock().getTime();
  const owned = ownedPath(source);

  let db: Database.Database;
  let busy: BusyBudget;
  if (owned !== undefined) {
    const budgetMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    busy = { budgetMs };
    try {
      db = new Database(owned, { timeout: Math.min(budgetMs, BUSY_SLICE_MS) });
    } catch (error) {
      throw new StoreFailureError(
        `cannot open sqlite database ${JSON.stringify(owned)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  } else {
    db = source.database!;
    if (!db.open) {
      throw new StoreFailureError('the sqlite database connection passed to the store is closed');
    }
    busy = {
      budgetMs: options.busyTimeoutMs ?? (db.pragma('busy_timeout', { simple: true }) as number),
    };
  }

  try {
    const wal = options.wal ?? (owned !== undefined ? true : undefined);
    configureJournal(db, wal, busy);
    const synchronous =
      options.synchronous ?? (owned === undefined ? undefined : wal ? 'NORMAL' : 'FULL');
    if (synchronous !== undefined) db.pragma(`synchronous = ${synchronous}`);
    ensureSchema(db, tables, {
      apply: options.migrate ?? true,
      now: clock ?? (() => new Date()),
      busy,
    });
    const access = createStoreAccess({ tables, busy, now });
    return createSqliteDriver({
      db,
      access,
      ownsConnection: owned !== undefined,
      ...(tuning === undefined ? {} : { tuning }),
    });
  } catch (error) {
    if (owned !== undefined) db.close();
    throw toStoreError('open', error);
  }
}

function configureJournal(db: Database.Database, wal: boolean | undefined, busy: BusyBudget) {
  // In-memory databases have their own journal; WAL does not apply to them.
  if (wal === undefined || db.memory) return;
  const wanted = wal ? 'wal' : 'delete';
  // Switching the journal needs a moment of exclusive access, so it may meet another opener.
  const mode = retryBusySync('journal mode change', busy, () =>
    db.pragma(`journal_mode = ${wanted.toUpperCase()}`, { simple: true }),
  );
  if (String(mode).toLowerCase() !== wanted) {
    throw new StoreFailureError(
      `sqlite database stayed in journal mode "${String(mode)}" instead of "${wanted}"${wal ? '; its file system may not support WAL (pass wal: false)' : ''}`,
    );
  }
}

function ownedPath(source: SqliteEventStoreSource): string | undefined {
  if (typeof source !== 'object' || source === null) {
    throw new TypeError('createSqliteEventStore needs { path } or { database }');
  }
  const hasPath = source.path !== undefined;
  const hasDatabase = source.database !== undefined;
  if (hasPath === hasDatabase) {
    throw new TypeError('createSqliteEventStore needs exactly one of { path } or { database }');
  }
  if (hasPath) {
    const path: unknown = source.path;
    if (typeof path !== 'string') {
      throw new TypeError(`path ${JSON.stringify(path)} must be a string`);
    }
    return path;
  }
  const database = source.database as { prepare?: unknown; transaction?: unknown };
  if (typeof database.prepare !== 'function' || typeof database.transaction !== 'function') {
    throw new TypeError('database must be a better-sqlite3 Database');
  }
  return undefined;
}

function validateOptions(options: SqliteEventStoreOptions): void {
  const { synchronous, wal, busyTimeoutMs, migrate } = options;
  if (synchronous !== undefined && synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new TypeError(`synchronous ${JSON.stringify(synchronous)} must be 'NORMAL' or 'FULL'`);
  }
  if (wal !== undefined && typeof wal !== 'boolean') {
    throw new TypeError(`wal ${JSON.stringify(wal)} must be a boolean`);
  }
  if (migrate !== undefined && typeof migrate !== 'boolean') {
    throw new TypeError(`migrate ${JSON.stringify(migrate)} must be a boolean`);
  }
  if (
    busyTimeoutMs !== undefined &&
    (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0 || busyTimeoutMs > MAX_TIMEOUT_MS)
  ) {
    throw new TypeError(
      `busyTimeoutMs ${String(busyTimeoutMs)} must be an integer between 0 and ${MAX_TIMEOUT_MS}`,
    );
  }
}
