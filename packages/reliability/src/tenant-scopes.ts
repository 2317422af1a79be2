import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, EventStoreOptions } from '@safeledger/core';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import pg from 'pg';

/** The SQL stores the isolation suite runs on. */
export type SqlKind = 'sqlite' | 'postgres';

/**
 * One database holding several isolated scopes, as each store offers them: on PostgreSQL a
 * tenant (`tenantId`) of one schema, on SQLite a table prefix (`tablePrefix`) in one file
 * (SQLite has no tenant column: several stores share a file under different prefixes).
 */
export interface ScopedDatabase {
  readonly kind: SqlKind;
  /** Opens a store of scope `scope` (a tenant id on PostgreSQL, a table prefix on SQLite). */
  open(scope: string, options?: EventStoreOptions): EventStore;
  /** Opens a store under a namespace of the caller's choosing: a schema, a table prefix. */
  openNamespace(name: string): EventStore;
  /** The tables of the database (of the test schema on PostgreSQL), sorted. */
  tables(): Promise<string[]>;
  /** The scopes holding events, exactly as the database stores them (tenant ids, prefixes). */
  scopes(): Promise<string[]>;
  /** Whether a namespace of exactly this name exists (a schema, or tables with this prefix). */
  hasNamespace(name: string): Promise<boolean>;
  /** Closes every store opened here and removes the database. */
  close(): Promise<void>;
}

/** The scope names the suite's tenants A and B use on each store. */
export function scopeName(kind: SqlKind, tenant: 'a' | 'b'): string {
  // A prefix must be a plain identifier; a tenant id is data and may be anything.
  return kind === 'sqlite' ? `tenant_${tenant}_` : `tenant ${tenant.toUpperCase()}`;
}

interface SqliteConnection {
  prepare(sql: string): { all(...values: unknown[]): unknown[] };
  close(): void;
}
type SqliteConstructor = new (path: string, options: { readonly: boolean }) => SqliteConnection;

// The suite inspects the file with the same driver the store uses, resolved through the store
// package, so it reads exactly what the store wrote without a driver of its own.
function sqliteDriver(): SqliteConstructor {
  const store = createRequire(import.meta.url).resolve('@safeledger/store-sqlite');
  return createRequire(store)('better-sqlite3') as SqliteConstructor;
}

function openSqlite(): ScopedDatabase {
  const path = join(tmpdir(), `safeledger-tenants-${randomUUID()}.db`);
  const stores: EventStore[] = [];
  const Database = sqliteDriver();
  const inspect = <T>(query: (db: SqliteConnection) => T): T => {
    const db = new Database(path, { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  };
  const track = (store: EventStore) => {
    stores.push(store);
    return store;
  };
  return {
    kind: 'sqlite',
    open: (scope, options = {}) =>
      track(createSqliteEventStore({ path }, { ...options, tablePrefix: scope })),
    openNamespace: (name) => track(createSqliteEventStore({ path }, { tablePrefix: name })),
    tables: async () =>
      inspect((db) =>
        (
          db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .all() as Array<{ name: string }>
        ).map((row) => row.name),
      ),
    scopes: async () =>
      inspect((db) =>
        (
          db
            .prepare(
              "SELECT substr(name, 1, length(name) - 6) AS scope FROM sqlite_master WHERE type = 'table' AND name LIKE '%events' ORDER BY name",
            )
            .all() as Array<{ scope: string }>
        ).map((row) => row.scope),
      ),
    hasNamespace: async (name) =>
      inspect(
        (db) =>
          db
            .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
            .all(`${name}events`).length > 0,
      ),
    async close() {
      await Promise.allSettled(stores.map((store) => store.close()));
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}

function openPostgres(url: string): ScopedDatabase {
  const schema = `tenants_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const stores: EventStore[] = [];
  // Schemas created under a caller's name, dropped on close with the test schema.
  const namespaces = new Set<string>();
  const admin = async <T>(text: string, values: unknown[]): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const track = (store: EventStore) => {
    stores.push(store);
    return store;
  };
  return {
    kind: 'postgres',
    open: (scope, options = {}) =>
      track(
        createPostgresEventStore(
          { connectionString: url },
          { ...options, schema, tenantId: scope, poolSize: 2 },
        ),
      ),
    openNamespace: (name) => {
      const store = createPostgresEventStore(
        { connectionString: url },
        { schema: name, poolSize: 2 },
      );
      namespaces.add(name);
      return track(store);
    },
    tables: async () =>
      (
        await admin<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
          [schema],
        )
      ).map((row) => row.table_name),
    scopes: async () =>
      (
        await admin<{ tenant_id: string }>(
          `SELECT DISTINCT tenant_id FROM "${schema}".events ORDER BY tenant_id`,
          [],
        )
      ).map((row) => row.tenant_id),
    hasNamespace: async (name) =>
      (await admin('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name])).length > 0,
    async close() {
      await Promise.allSettled(stores.map((store) => store.close()));
      for (const name of [schema, ...namespaces]) {
        await admin(`DROP SCHEMA IF EXISTS "${name.replaceAll('"', '""')}" CASCADE`, []);
      }
    },
  };
}

/** A fresh scoped database of `kind`; PostgreSQL runs on the server at `pgUrl`. */
export function openScopedDatabase(kind: SqlKind, pgUrl: string): ScopedDatabase {
  return kind === 'sqlite' ? openSqlite() : openPostgres(pgUrl);
}
