import { createEventRegistry, defineEvent, type EventOf, toArray } from '@safeledger/core';
import { createSqliteEventStore } from '@safeledger/store-sqlite';
import { z } from 'zod';

const HazardRegistered = defineEvent('HazardRegistered', z.object({ title: z.string() }));
type Registered = EventOf<typeof HazardRegistered>;
const registry = createEventRegistry({ events: [HazardRegistered] });

// A file path ('safety.db') keeps the events; ':memory:' is a private in-memory database.
const store = createSqliteEventStore({ path: ':memory:' }, { registry });
await store.appendToStream('hazard-01J0', [HazardRegistered.create({ title: 'Open shaft' })], {
  expectedVersion: 'no_stream',
});
const events = await toArray(store.readStream<Registered>('hazard-01J0'));
await store.close();

export const titles = events.map((event) => event.data.title); // ['Open shaft']
