import { createMemoryEventStore } from '@safeledger/store-memory';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import type { HazardPathSubject } from '../workloads/hazard-path.js';
import { benchHazardRegistry } from './registries.js';
import { tempDatabase } from './temp-file.js';

/** Our memory store, for the rebuild and hazard workloads. */
export const memorySubject: HazardPathSubject = {
  name: 'safeledger memory',
  family: 'memory',
  settings: 'in-process',
  open: async () => {
    const store = createMemoryEventStore({ registry: benchHazardRegistry() });
    return { store, close: () => store.close() };
  },
};

/** Our SQLite store on a fresh file (WAL, synchronous NORMAL), for the rebuild and hazard workloads. */
export const sqliteSubject: HazardPathSubject = {
  name: 'safeledger sqlite (NORMAL)',
  family: 'sqlite',
  settings: 'WAL, synchronous NORMAL',
  open: async () => {
    const file = tempDatabase('subject');
    const store = createSqliteEventStore({ path: file.path }, { registry: benchHazardRegistry() });
    return {
      store,
      close: async () => {
        await store.close();
        file.remove();
      },
    };
  },
};
