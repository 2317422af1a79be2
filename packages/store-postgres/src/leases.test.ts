import {
  createProjectionRunner,
  defineProjection,
  type ProjectionRunner,
  toArray,
} from '@safeledger/core';
import { eventually } from '@safeledger/store-conformance';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresEventStore } from './create-postgres-event-store.js';
import { quoteIdentifier } from './schema-name.js';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';

let db: TestDatabase;
afterEach(() => db.close());

interface LeaseRow {
  owner: string | null;
  generation: string;
  holder_pid: number | null;
  expires_at: string;
  still_valid: boolean;
}

async function leaseRow(name: string): Promise<LeaseRow | undefined> {
  const [row] = await admin<LeaseRow>(
    `SELECT owner, generation, holder_pid, expires_at::text,
            expires_at > clock_timestamp() AS still_valid
     FROM ${quoteIdentifier(db.schema)}.projection_leases WHERE tenant_id = 'default' AND name = $1`,
    [name],
  );
  return row;
}

/** Ends a backend and waits until it is gone. */
async function terminate(pid: number): Promise<void> {
  const [row] = await admin<{ done: boolean }>('SELECT pg_terminate_backend($1, 10000) AS done', [
    pid,
  ]);
  expect(row?.done).toBe(true);
}

// One document per event id counting how often it was applied, plus the order of application:
// an event applied twice, or skipped, shows up directly.
const ledger = defineProjection<{ applied: number; order?: string[] }>({
  name: 'ledger',
  version: 1,
  handles: ['Recorded'],
  documentId: (event) => event.eventId,
  init: () => ({ applied: 0 }),
  apply: (doc) => {
    doc.applied += 1;
  },
});

async function appendRecorded(store: PostgresEventStore, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await store.appendToStream(`item-${tag}${i % 3}`, [{ type: 'Recorded', data: { i } }]);
  }
}

async function expectExactlyOnce(store: PostgresEventStore): Promise<void> {
  const events = await toArray(store.readAll());
  await eventually(
    async () => (await store.projections.listDocuments('ledger')).length === events.length,
    `the projection to record ${events.length} events`,
  );
  const documents = await store.projections.listDocuments('ledger');
  expect(documents.map((d) => d.id).sort()).toEqual(events.map((e) => e.eventId).sort());
  for (const { id, document } of documents) {
    expect(document, `event ${id}`).toEqual({ applied: 1 });
  }
}

describe('S4 projection leases across instances', () => {
  it('3 runners in 3 pools: one active; killing its lease connection hands over before expiry; nothing applied twice', async () => {
    db = testDatabase('lease');
    const stores = [db.open(), db.open(), db.open()];
    const ttl = 20_000;
    const runners: ProjectionRunner[] = stores.map((store, i) =>
      createProjectionRunner({
        store,
        projections: [ledger],
        owner: `runner-${i}`,
        pollIntervalMs: 10,
        batchSize: 4,
        leaseTtlMs: ttl,
      }),
    );
    const states = () => runners.map((runner) => runner.status()[0]!.state);
    try {
      for (const runner of runners) runner.start();
      await appendRecorded(stores[0]!, 20, 'a');
      await expectExactlyOnce(stores[1]!);
      await eventually(
        () => states().filter((s) => s === 'standby').length === 2,
        'two runners to stand by',
      );
      expect(states().filter((s) => s === 'active')).toHaveLength(1);

      const held = await leaseRow('ledger');
      const holder = runners.findIndex((_, i) => held?.owner === `runner-${i}`);
      expect(holder).toBe(states().indexOf('active'));
      // The holder's process dies: its lease connection goes first, then the process stops.
      await terminate(held!.holder_pid!);
      await runners[holder]!.stop();

      // Another instance takes over while the old lease row has not expired yet: the freed
      // advisory lock is what tells it the holder is gone.
      await eventually(
        async () => {
          const row = await leaseRow('ledger');
          return (
            row?.owner !== null &&
            row?.owner !== held!.owner &&
            states().some((state) => state === 'active')
          );
        },
        'another runner to take the lease',
        ttl / 2,
      );
      const [beforeExpiry] = await admin<{ yes: boolean }>(
        'SELECT clock_timestamp() < $1::timestamptz AS yes',
        [held!.expires_at],
      );
      expect(beforeExpiry?.yes).toBe(true);
      const taken = await leaseRow('ledger');
      expect(BigInt(taken!.generation) > BigInt(held!.generation)).toBe(true);
      expect(taken!.holder_pid).not.toBe(held!.holder_pid);
      expect(states().filter((s) => s === 'active')).toHaveLength(1);

      await appendRecorded(stores[2]!, 20, 'b');
      await expectExactlyOnce(stores[0]!);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
  });

  it('killing the lease connection of whichever runner holds it, three times over, applies no event twice', async () => {
    db = testDatabase('lease');
    const stores = [db.open(), db.open()];
    const runners = stores.map((store, i) =>
      createProjectionRunner({
        store,
        projections: [ledger],
        owner: `runner-${i}`,
        pollIntervalMs: 10,
        batchSize: 3,
        leaseTtlMs: 1_500,
      }),
    );
    try {
      for (const runner of runners) runner.start();
      await appendRecorded(stores[0]!, 10, 'a');
      await expectExactlyOnce(stores[0]!);
      for (let kill = 0; kill < 3; kill++) {
        const held = await leaseRow('ledger');
        await terminate(held!.holder_pid!);
        await appendRecorded(stores[1]!, 5, `k${kill}`);
        await eventually(
          async () => (await leaseRow('ledger'))?.generation !== held!.generation,
          'a new lease generation',
        );
      }
      await expectExactlyOnce(stores[1]!);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
  });

  it('a lease whose connection ended is free at once and can no longer be renewed', async () => {
    db = testDatabase('lease');
    const a = db.open();
    const b = db.open();
    const held = await a.projections.tryAcquireLease('solo', 'alpha', 60_000);
    expect(held).toBeDefined();
    expect(await b.projections.tryAcquireLease('solo', 'beta', 60_000)).toBeUndefined();
    expect(await held!.renew()).toBe(true);

    const row = await leaseRow('solo');
    await terminate(row!.holder_pid!);
    expect((await leaseRow('solo'))?.still_valid).toBe(true);
    const taken = await b.projections.tryAcquireLease('solo', 'beta', 60_000);
    expect(taken).toBeDefined();
    expect(await held!.renew()).toBe(false);
    expect(await taken!.renew()).toBe(true);
    await held!.release(); // a no-op for a lost lease: it must not free beta's lease
    expect(await a.projections.tryAcquireLease('solo', 'gamma', 60_000)).toBeUndefined();
    await taken!.release();
    const third = await a.projections.tryAcquireLease('solo', 'gamma', 60_000);
    expect(third).toBeDefined();
    await third!.release();
  });

  it('a holder that stops renewing loses the lease after its ttl even though its connection lives', async () => {
    db = testDatabase('lease');
    const a = db.open();
    const b = db.open();
    const held = await a.projections.tryAcquireLease('slow', 'alpha', 300);
    expect(await b.projections.tryAcquireLease('slow', 'beta', 300)).toBeUndefined();
    await eventually(async () => (await leaseRow('slow'))?.still_valid === false, 'expiry');
    const taken = await b.projections.tryAcquireLease('slow', 'beta', 60_000);
    expect(taken).toBeDefined();
    expect(await held!.renew()).toBe(false);
    expect(await taken!.renew()).toBe(true);
  });

  it('leases are per tenant', async () => {
    db = testDatabase('lease');
    const a = db.open({ tenantId: 'a' });
    const b = db.open({ tenantId: 'b' });
    const first = await a.projections.tryAcquireLease('shared-name', 'one', 60_000);
    const second = await b.projections.tryAcquireLease('shared-name', 'two', 60_000);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(await a.projections.tryAcquireLease('shared-name', 'three', 60_000)).toBeUndefined();
  });
});
