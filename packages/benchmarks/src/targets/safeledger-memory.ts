import { createMemoryEventStore } from '@safeledger/store-memory';
import { benchRegistry, safeledgerTarget } from './safeledger-target.js';
import type { Contender } from './target.js';

/** Our in-memory store, with schema validation on. */
export const safeledgerMemory: Contender = {
  name: 'safeledger memory',
  family: 'memory',
  kind: 'safeledger',
  open: async () =>
    safeledgerTarget(createMemoryEventStore({ registry: benchRegistry() }), 'memory', 'in-process'),
};
