import type { EventStore, EventStoreOptions } from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { createSqliteEventStore } from '@safeledger/store-sqlite';

/** The stores the demo runs on. */
export const storeKinds = ['memory', 'sqlite', 'postgres'] as const;
/** One of `storeKinds`. */
export type StoreKind = (typeof storeKinds)[number];

/** Where the events go. */
export type StoreTarget =
  | { readonly kind: 'memory' }
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/** Opens the event store of a target with the simulation's clock, ids and event registry. */
export function openStore(target: StoreTarget, options: EventStoreOptions): EventStore {
  switch (target.kind) {
    case 'memory':
      return createMemoryEventStore(options);
    case 'sqlite':
      return createSqliteEventStore({ path: target.path }, options);
    case 'postgres':
      return createPostgresEventStore(
        { connectionString: target.url },
        { ...options, ...(target.schema === undefined ? {} : { schema: target.schema }) },
      );
  }
}
