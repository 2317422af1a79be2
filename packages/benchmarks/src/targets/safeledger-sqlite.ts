import { createSqliteEventStore, type SqliteSynchronous } from '@safeledger/store-sqlite';
import { benchRegistry, safeledgerTarget } from './safeledger-target.js';
import type { Contender } from './target.js';
import { tempDatabase } from './temp-file.js';

/** Our SQLite store on a fresh file, at the given durability. */
export function safeledgerSqlite(synchronous: SqliteSynchronous): Contender {
  return {
    name: `safeledger sqlite (${synchronous})`,
    family: 'sqlite',
    kind: 'safeledger',
    open: async () => {
      const file = tempDatabase(`ours-${synchronous.toLowerCase()}`);
      const store = createSqliteEventStore(
        { path: file.path },
        { registry: benchRegistry(), synchronous },
      );
      return safeledgerTarget(store, 'sqlite', `WAL, synchronous ${synchronous}`, async () =>
        file.remove(),
      );
    },
  };
}
