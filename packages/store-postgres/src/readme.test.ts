import { createEventRegistry, defineEvent, toArray } from '@safeledger/core';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { createPostgresEventStore } from './create-postgres-event-store.js';
import { migrate } from './migrate.js';
import { dropSchema, pgUrl, uniqueSchema } from './test-support/database.js';

// The README's examples, kept compiling and true.
let schema = '';
afterEach(() => dropSchema(schema));

it('README: usage, migrations and lag', async () => {
  schema = uniqueSchema('readme');
  const DATABASE_URL = pgUrl();

  await migrate({ connectionString: DATABASE_URL }, { schema });

  const HazardRegistered = defineEvent('HazardRegistered', z.object({ title: z.string() }));
  const registry = createEventRegistry({ events: [HazardRegistered] });
  const store = createPostgresEventStore(
    { connectionString: DATABASE_URL },
    { schema, tenantId: 'acme', registry },
  );
  await store.appendToStream(
    'hazard-01J0',
    [{ type: 'HazardRegistered', data: { title: 'Open shaft' } }],
    { expectedVersion: 'no_stream' },
  );
  const events = await toArray(store.readStream('hazard-01J0'));
  expect(events.map((event) => event.data)).toEqual([{ title: 'Open shaft' }]);

  const lag = await store.subscriptionLag(undefined);
  expect(lag).toMatchObject({ head: events[0]!.position, eventsBehind: 1, eventsHeldBack: 0 });
  expect(events[0]!.position).toMatch(/^\d{4}-\d{20}-\d{10}$/);
  await store.close();
});
