import { createEventRegistry, defineEvent, type EventOf, toArray } from '@safeledger/core';
import { createPostgresEventStore } from '@safeledger/store-postgres';
import { z } from 'zod';

const HazardRegistered = defineEvent('HazardRegistered', z.object({ title: z.string() }));
type Registered = EventOf<typeof HazardRegistered>;
const registry = createEventRegistry({ events: [HazardRegistered] });

const connectionString = process.env.DATABASE_URL ?? 'postgres://localhost:5432/safety';
const store = createPostgresEventStore(
  { connectionString },
  { schema: 'ledger', tenantId: 'acme', registry }, // tables go to schema "ledger", migrated on first use
);
await store.appendToStream('hazard-01J0', [HazardRegistered.create({ title: 'Open shaft' })], {
  expectedVersion: 'no_stream',
});
const events = await toArray(store.readStream<Registered>('hazard-01J0'));
await store.close();

export const titles = events.map((event) => event.data.title); // ['Open shaft']
