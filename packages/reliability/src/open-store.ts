import type { EventStore } from '@safeledger/core';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { createSqliteEventStore } from '@safeledger/store-sqlite';

/** Opens the store a crash run uses, in the parent or in a worker. */
export function openStore(
  kind: 'sqlite' | 'postgres',
  location: string,
  schema?: string,
): EventStore {
  return kind === 'sqlite'
    ? createSqliteEventStore({ path: location })
    : createPostgresEventStore(
        { connectionString: location },
        { ...(schema !== undefined ? { schema } : {}), poolSize: 4 },
      );
}
