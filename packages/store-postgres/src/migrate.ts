import { StoreFailureError } from '@safeledger/core';
import pg, { type Pool } from 'pg';
import { int, run } from './database.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { errorCode, translateError } from './pg-errors.js';
import { assertSchemaName, DEFAULT_SCHEMA, lockKey, quoteIdentifier } from './schema-name.js';

/** How to reach the database: a connection string (the store owns its pool) or your pool. */
export type PostgresConnection =
  | { readonly connectionString: string; readonly pool?: undefined }
  | { readonly pool: Pool; readonly connectionString?: undefined };

/** Options of `migrate`. */
export interface MigrateOptions {
  /** Schema holding the store's tables; default `safeledger`. */
  readonly schema?: string;
}

/** What a migration run did. */
export interface MigrationReport {
  readonly schema: string;
  /** Versions applied by this call (empty when the schema was already current). */
  readonly applied: readonly number[];
  /** The schema's version afterwards. */
  readonly version: number;
}

// Every instance computes the same key, so concurrent migrations of one schema queue up.
const MIGRATION_LOCK = lockKey('safeledger.migrate');

/**
 * Creates or upgrades the store's schema. Idempotent and safe to call from many instances at
 * once: the work runs in one transaction under an advisory lock, so a second caller waits and
 * then finds nothing to do.
 *
 * @example
 * await migrate({ connectionString: process.env.DATABASE_URL! }, { schema: 'ledger' });
 * @throws ValidationError (`VALIDATION_FAILED`) for an invalid schema name.
 * @throws StoreFailureError (`STORE_FAILURE`) when the database fails or was migrated by a newer release.
 */
export async function migrate(
  connection: PostgresConnection,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const schema = assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const owned = connection.pool === undefined;
  const pool =
    connection.pool ??
    new pg.Pool({
      connectionString: connection.connectionString,
      max: 1,
      fallback_application_name: 'safeledger-migrate',
    });
  if (owned) pool.on('error', () => {});
  try {
    return await migrateWithPool(pool, schema);
  } finally {
    if (owned) await pool.end();
  }
}

/** The migration itself, on a pool the caller owns; the schema name must be validated. */
export async function migrateWithPool(pool: Pool, schema: string): Promise<MigrationReport> {
  const s = quoteIdentifier(schema);
  // Fast path without the lock: most calls find the schema current.
  try {
    const [row] = await run(pool, `SELECT max(version) AS version FROM ${s}.migrations`);
    const version = int(row?.version);
    if (version === LATEST_VERSION) return { schema, applied: [], version };
  } catch (error) {
    const code = errorCode(error);
    if (code !== '42P01' && code !== '3F000') throw translateError(error, 'migrate', schema);
  }

  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw translateError(error, 'migrate', schema);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::integer, $2::integer)', [
      MIGRATION_LOCK,
      lockKey(schema),
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await run(client, `SELECT version FROM ${s}.migrations`)).map((row) => int(row.version)),
    );
    const newest = Math.max(0, ...done);
    if (newest > LATEST_VERSION) {
      throw new StoreFailureError(
        `schema "${schema}" is at version ${newest}, newer than this release knows (${LATEST_VERSION}); upgrade @safeledger/store-postgres`,
      );
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql(schema));
      await client.query(`INSERT INTO ${s}.migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    // Remember which cluster issued the positions (see the restore detection).
    await client.query(
      `UPDATE ${s}.store_meta SET system_identifier = ${s}.current_system_identifier()
       WHERE id = 1 AND system_identifier IS NULL`,
    );
    await client.query('COMMIT');
    return { schema, applied, version: LATEST_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw translateError(error, 'migrate', schema);
  } finally {
    client.release(broken);
  }
}
