import { StoreFailureError } from '@safeledger/core';
import type { ClientConfig, Pool } from 'pg';
import { type RawRow, run, type Statement } from './database.js';
import { translateError } from './pg-errors.js';
import type { Statements } from './statements.js';

/** A position epoch change after the store's data moved to another cluster. */
export interface ClusterChange {
  readonly previousEpoch: number;
  readonly epoch: number;
  /** Why the change was made, e.g. a different system identifier. */
  readonly reason: string;
}

/** What the parts of one store share. */
export interface StoreContext {
  readonly pool: Pool;
  readonly schema: string;
  readonly tenantId: string;
  readonly sql: Statements;
  /** Settings of dedicated connections (LISTEN, leases). */
  readonly dedicatedConnection: ClientConfig;
  readonly now: () => Date;
  readonly readChunkSize: number;
  /** Longest wait of a page for events held back by an open transaction. */
  readonly visibilityWaitMs: number;
  readonly onClusterChange: ((change: ClusterChange) => void) | undefined;
  readonly onError: (error: unknown) => void;
  /** Runs a statement once the store is ready; driver errors come back untranslated. */
  exec(sql: Statement, values: readonly unknown[]): Promise<RawRow[]>;
  /** Runs a statement once the store is ready; errors become safeledger errors. */
  query(sql: Statement, values: readonly unknown[], action: string): Promise<RawRow[]>;
  /** Resolves once the schema is migrated and the cluster checked (see `prepareStore`). */
  ready(): Promise<void>;
  /** Throws once the store is closed. */
  assertOpen(): void;
}

/** Parts of a context the factory supplies. */
export interface ContextSettings
  extends Omit<StoreContext, 'exec' | 'query' | 'ready' | 'assertOpen'> {
  readonly prepared: boolean;
  readonly prepare: (context: StoreContext) => Promise<void>;
  readonly isClosed: () => boolean;
}

/** Builds a context whose `ready` runs `prepare` once (again after a failure). */
export function createContext(settings: ContextSettings): StoreContext {
  let preparing: Promise<void> | undefined;
  const context: StoreContext = {
    pool: settings.pool,
    schema: settings.schema,
    tenantId: settings.tenantId,
    sql: settings.sql,
    dedicatedConnection: settings.dedicatedConnection,
    now: settings.now,
    readChunkSize: settings.readChunkSize,
    visibilityWaitMs: settings.visibilityWaitMs,
    onClusterChange: settings.onClusterChange,
    onError: settings.onError,
    assertOpen() {
      if (settings.isClosed()) {
        throw new StoreFailureError(`postgres event store (schema "${settings.schema}") is closed`);
      }
    },
    ready() {
      context.assertOpen();
      preparing ??= settings.prepare(context).catch((error: unknown) => {
        preparing = undefined;
        throw translateError(error, 'opening the store', settings.schema);
      });
      return preparing;
    },
    async exec(sql, values) {
      await context.ready();
      return run(settings.pool, sql, values, settings.prepared);
    },
    async query(sql, values, action) {
      try {
        return await context.exec(sql, values);
      } catch (error) {
        throw translateError(error, action, settings.schema);
      }
    },
  };
  return context;
}
