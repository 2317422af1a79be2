import { StoreFailureError } from '@safeledger/core';
import type BetterSqlite3 from 'better-sqlite3';
import { type BusyBudget, retryBusySync } from './sqlite-errors.js';

/** The names of every table and index the store owns, derived from one prefix. */
export interface TableNames {
  readonly prefix: string;
  readonly migrations: string;
  readonly events: string;
  readonly snapshots: string;
  readonly projections: string;
  readonly documents: string;
  readonly leases: string;
  /** Which field table holds the indexed fields of which projection field schema (S7). */
  readonly fieldTables: string;
}

// Identifiers are spliced into SQL text, so only plain names are accepted.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;

/** Derives the table names for a prefix. */
export function tableNames(prefix: string): TableNames {
  if (prefix !== '' && !IDENTIFIER.test(prefix)) {
    throw new TypeError(
      `tablePrefix ${JSON.stringify(prefix)} must be letters, digits and underscores, not starting with a digit`,
    );
  }
  // SQLite reserves every name starting with "sqlite_" (any case) for itself: such a prefix
  // would only fail later, inside the migration, with a message that hides the cause.
  if (/^sqlite_/i.test(prefix)) {
    throw new TypeError(
      `tablePrefix ${JSON.stringify(prefix)} must not start with "sqlite_", which SQLite reserves for its own tables`,
    );
  }
  return {
    prefix,
    migrations: `${prefix}schema_migrations`,
    events: `${prefix}events`,
    snapshots: `${prefix}snapshots`,
    projections: `${prefix}projections`,
    documents: `${prefix}projection_documents`,
    leases: `${prefix}projection_leases`,
    fieldTables: `${prefix}projection_field_tables`,
  };
}

/** One versioned step of the schema. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: (t: TableNames) => string;
}

// Append-only: a released migration is never edited, a change is a new entry. Every statement
// runs in the same IMMEDIATE transaction as the row recording it, so a crash or a concurrent
// opener never sees half a migration.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events, snapshots, projection documents, checkpoints and leases',
    sql: (t) => `
      CREATE TABLE ${t.events} (
        -- AUTOINCREMENT never hands out a key twice, even after the newest rows are deleted,
        -- so a position a reader has seen can never be reused by a later event.
        position       INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id       TEXT    NOT NULL,
        stream_id      TEXT    NOT NULL,
        version        INTEGER NOT NULL CHECK (version >= 1),
        category       TEXT    NOT NULL,
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL,
        recorded_at    TEXT    NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX ${t.prefix}events_event_id ON ${t.events} (event_id);
      CREATE UNIQUE INDEX ${t.prefix}events_stream_version ON ${t.events} (stream_id, version);
      CREATE INDEX ${t.prefix}events_type ON ${t.events} (type, position);
      CREATE INDEX ${t.prefix}events_category ON ${t.events} (category, position);

      CREATE TABLE ${t.snapshots} (
        stream_id TEXT    NOT NULL,
        key       TEXT    NOT NULL,
        version   INTEGER NOT NULL,
        state     TEXT    NOT NULL,
        commands  TEXT    NOT NULL,
        taken_at  TEXT    NOT NULL,
        PRIMARY KEY (stream_id, key)
      ) STRICT;

      CREATE TABLE ${t.projections} (
        name       TEXT    NOT NULL PRIMARY KEY,
        version    INTEGER NOT NULL,
        position   TEXT,
        status     TEXT    NOT NULL CHECK (status IN ('active', 'failed')),
        failure    TEXT,
        updated_at TEXT    NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ${t.documents} (
        name     TEXT NOT NULL,
        id       TEXT NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (name, id)
      ) STRICT;

      CREATE TABLE ${t.leases} (
        name       TEXT    NOT NULL PRIMARY KEY,
        owner      TEXT    NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'command id column and index of events by stream and command id',
    // The command handler looks a command id up when it is older than the snapshot it folded
    // from (A6). A column the append writes, rather than an index on a JSON expression: no JSON
    // parse per insert, and a corrupt metadata row cannot break this migration or an append.
    // Partial, so events without a command id cost the index nothing; version last, so a
    // command's events come back in order without a sort.
    sql: (t) => `
      ALTER TABLE ${t.events} ADD COLUMN command_id TEXT;
      UPDATE ${t.events} SET command_id = json_extract(metadata, '$.commandId')
        WHERE json_valid(metadata) AND json_type(metadata, '$.commandId') = 'text';
      CREATE INDEX ${t.prefix}events_command
        ON ${t.events} (stream_id, command_id, version) WHERE command_id IS NOT NULL;
    `,
  },
  {
    version: 3,
    description: 'lease token: a lease belongs to one holder, not to an owner name',
    // Renewal and release match the token the acquisition drew, so a holder whose lease lapsed
    // cannot renew the lease of a newer holder that happens to use the same owner name (S4).
    sql: (t) => `
      ALTER TABLE ${t.leases} ADD COLUMN token TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 4,
    description: 'registry of projection field tables (indexed fields as columns)',
    // Field tables are created when a projection version with indexed fields is first reset,
    // named by a hash of its field schema; this registry maps the full signature to the table
    // so a hash collision or a field change without a new version is caught, never mixed up.
    sql: (t) => `
      CREATE TABLE ${t.fieldTables} (
        signature  TEXT NOT NULL PRIMARY KEY,
        name       TEXT NOT NULL,
        table_name TEXT NOT NULL UNIQUE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX ${t.prefix}projection_field_tables_name ON ${t.fieldTables} (name);
    `,
  },
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The schema version recorded in the database; 0 when nothing was ever migrated. */
export function readSchemaVersion(db: BetterSqlite3.Database, tables: TableNames): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .pluck()
    .get(tables.migrations);
  if (exists === undefined) return 0;
  const version = db.prepare(`SELECT max(version) FROM ${tables.migrations}`).pluck().get();
  return typeof version === 'number' ? version : 0;
}

/** What `ensureSchema` did. */
export interface SchemaReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

/**
 * Brings the schema to `SCHEMA_VERSION`, or only checks it when `apply` is false. Safe when
 * several connections or processes open one new file at once: the version is re-read under
 * the write lock, so exactly one of them migrates and the others find the work done.
 *
 * @throws StoreFailureError (`STORE_FAILURE`) when the database is newer than this code, when
 * it needs migrating and `apply` is false, or when a lock stayed busy past the budget.
 */
export function ensureSchema(
  db: BetterSqlite3.Database,
  tables: TableNames,
  options: { readonly apply: boolean; readonly now: () => Date; readonly busy: BusyBudget },
): SchemaReport {
  const before = retryBusySync('schema check', options.busy, () => readSchemaVersion(db, tables));
  assertNotNewer(before);
  if (before === SCHEMA_VERSION) return { from: before, to: before, applied: [] };
  if (!options.apply) {
    throw new StoreFailureError(
      `sqlite event store schema is at version ${before} but this code needs version ${SCHEMA_VERSION}; open it once with migrate: true`,
    );
  }
  const migrate = db.transaction((): SchemaReport => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${tables.migrations} (
      version     INTEGER NOT NULL PRIMARY KEY,
      description TEXT    NOT NULL,
      applied_at  TEXT    NOT NULL
    ) STRICT`);
    const current = readSchemaVersion(db, tables);
    assertNotNewer(current);
    const record = db.prepare(
      `INSERT INTO ${tables.migrations} (version, description, applied_at) VALUES (?, ?, ?)`,
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql(tables));
      record.run(migration.version, migration.description, options.now().toISOString());
      applied.push(migration.version);
    }
    return { from: current, to: SCHEMA_VERSION, applied };
  });
  return retryBusySync('migration', options.busy, () => migrate.immediate());
}

function assertNotNewer(version: number): void {
  if (version > SCHEMA_VERSION) {
    throw new StoreFailureError(
      `sqlite event store schema is at version ${version}, newer than the version ${SCHEMA_VERSION} this code knows; upgrade @safeledger/store-sqlite`,
    );
  }
}
