import { randomBytes } from 'node:crypto';
import type { EventStoreOptions } from '@safeledger/core';
import pg from 'pg';
import { inject } from 'vitest';
import {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../create-postgres-event-store.js';
import { quoteIdentifier } from '../schema-name.js';

/** Connection string of this run's server (see global-setup.ts). */
export function pgUrl(): string {
  return inject('pgUrl');
}

/** A schema name no other test uses. */
export function uniqueSchema(label: string): string {
  return `sl_${label}_${randomBytes(6).toString('hex')}`;
}

/** Runs SQL as an administrator, on a short-lived connection. */
export async function admin<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: pgUrl() });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  await admin(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
}

/** One test's schema and every store opened on it; `close` closes them and drops the schema. */
export interface TestDatabase {
  readonly schema: string;
  open(options?: EventStoreOptions & PostgresEventStoreOptions): PostgresEventStore;
  /** A pool of its own, as a separate application instance would have. */
  pool(max?: number): pg.Pool;
  close(): Promise<void>;
}

/** Creates a test database (a fresh schema) on this run's server. */
export function testDatabase(label: string): TestDatabase {
  const schema = uniqueSchema(label);
  const stores: PostgresEventStore[] = [];
  const pools: pg.Pool[] = [];
  return {
    schema,
    open(options = {}) {
      const store = createPostgresEventStore(
        { connectionString: pgUrl() },
        { poolSize: 4, ...options, schema },
      );
      stores.push(store);
      return store;
    },
    pool(max = 4) {
      const pool = new pg.Pool({ connectionString: pgUrl(), max });
      pool.on('error', () => {});
      pools.push(pool);
      return pool;
    },
    async close() {
      await Promise.allSettled(stores.map((store) => store.close()));
      await Promise.allSettled(pools.map((pool) => pool.end()));
      await dropSchema(schema);
    },
  };
}
