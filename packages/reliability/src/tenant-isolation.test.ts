import {
  createCommandHandler,
  createProjectionQuery,
  createProjectionRunner,
  createUlidGenerator,
  createUniqueKeys,
  type EventStore,
  isConcurrencyError,
  type StoredEvent,
} from '@safeledger/core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { collect, counter, everything, type Filed, ledger, until } from './tenant-fixtures.js';
import {
  openScopedDatabase,
  type ScopedDatabase,
  type SqlKind,
  scopeName,
} from './tenant-scopes.js';

// Tenant isolation through every public API of a store, written once and run on both SQL
// stores. A tenant is what each store offers for it: a tenant id of one schema on PostgreSQL,
// a table prefix in one file on SQLite. Both tenants use the same stream ids, event ids,
// command ids, projection names, document ids, snapshot keys, lease names and unique keys, so
// any missing scope shows up as data of the other tenant.

let db: ScopedDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const filed = (key: string, area: string, level: number, tenant: string) => ({
  type: 'Filed',
  data: { key, area, level, tenant } satisfies Filed,
});

async function open(kind: SqlKind): Promise<{ a: EventStore; b: EventStore }> {
  db = openScopedDatabase(kind, inject('pgUrl'));
  return { a: db.open(scopeName(kind, 'a')), b: db.open(scopeName(kind, 'b')) };
}

/** Runs the ledger projection of one tenant to the end of its log. */
async function project(store: EventStore): Promise<void> {
  const runner = createProjectionRunner({ store, projections: [ledger], pollIntervalMs: 10 });
  try {
    await runner.catchUp({ timeoutMs: 30_000 });
  } finally {
    await runner.stop();
  }
}

describe.each(['sqlite', 'postgres'] as const)('tenant isolation on %s', (kind) => {
  it('appends, stream reads, global reads and versions of one tenant are invisible to the other', async () => {
    const { a, b } = await open(kind);
    const newId = createUlidGenerator();
    const eventIds = [newId(), newId()];

    // Every form of append in A: a new stream, a known version, 'stream_exists', 'any'.
    await a.appendToStream('site-1', [{ ...filed('k1', 'north', 1, 'a'), eventId: eventIds[0]! }], {
      expectedVersion: 'no_stream',
    });
    await a.appendToStream('site-1', [{ ...filed('k2', 'north', 2, 'a'), eventId: eventIds[1]! }], {
      expectedVersion: 1,
    });
    await a.appendToStream('site-1', [filed('k3', 'south', 3, 'a')], {
      expectedVersion: 'stream_exists',
    });
    await a.appendToStream('only-a', [filed('k9', 'east', 9, 'a')], { expectedVersion: 'any' });

    // In B the same stream does not exist: 'stream_exists' and A's versions conflict ...
    for (const expectedVersion of ['stream_exists', 3, 1] as const) {
      const error = await b
        .appendToStream('site-1', [filed('x', 'x', 0, 'b')], { expectedVersion })
        .catch((e: unknown) => e);
      expect(isConcurrencyError(error), `${String(expectedVersion)}: ${String(error)}`).toBe(true);
    }
    await expect(
      b.appendToStream('only-a', [filed('x', 'x', 0, 'b')], { expectedVersion: 'stream_exists' }),
    ).rejects.toSatisfy(isConcurrencyError);
    // ... while 'no_stream' creates B's own stream, and A's event ids are new in B.
    const created = await b.appendToStream(
      'site-1',
      [{ ...filed('k1', 'west', 7, 'b'), eventId: eventIds[0]! }],
      { expectedVersion: 'no_stream' },
    );
    expect(created).toMatchObject({ firstVersion: 1, created: true, duplicate: false });
    // A's retry of its own first batch is still recognised in A only.
    const retried = await a.appendToStream(
      'site-1',
      [{ ...filed('k1', 'north', 1, 'a'), eventId: eventIds[0]! }],
      { expectedVersion: 'no_stream' },
    );
    expect(retried.duplicate).toBe(true);

    const owner = (events: readonly StoredEvent[]) =>
      events.map((event) => (event.data as Filed).tenant);
    expect(owner(await collect(a.readStream('site-1')))).toEqual(['a', 'a', 'a']);
    expect(owner(await collect(b.readStream('site-1')))).toEqual(['b']);
    expect(await collect(b.readStream('only-a'))).toEqual([]);
    expect(
      owner(await collect(b.readStream('site-1', { direction: 'backward', fromVersion: 3 }))),
    ).toEqual(['b']);
    expect(await b.aggregateStream('site-1', counter)).toEqual({ state: 1, version: 1 });
    expect(await b.aggregateStream('only-a', counter)).toEqual({ state: 0, version: 0 });
    expect(await a.aggregateStream('site-1', counter)).toEqual({ state: 3, version: 3 });

    expect(owner(await everything(b))).toEqual(['b']);
    expect(owner(await everything(a))).toEqual(['a', 'a', 'a', 'a']);
    expect(
      owner(await collect(b.readAll({ types: ['Filed'], categories: ['site', 'only'] }))),
    ).toEqual(['b']);
    // A checkpoint of A read in B skips nothing of B's and shows nothing of A's.
    const pageB = await b.readAllPage({ maxCount: 100 });
    expect(owner(pageB.events)).toEqual(['b']);
    const pageA = await a.readAllPage({ maxCount: 100, categories: ['only'] });
    expect(owner(pageA.events)).toEqual(['a']);
  });

  it('subscriptions of one tenant deliver only its own events, live and in catch-up', async () => {
    const { a, b } = await open(kind);
    await a.appendToStream('site-1', [filed('k1', 'north', 1, 'a')]);
    await b.appendToStream('site-1', [filed('k1', 'west', 1, 'b')]);
    const seen: StoredEvent[] = [];
    const subscription = b.subscribe({ pollIntervalMs: 10 }, (event) => {
      seen.push(event);
    });
    try {
      await a.appendToStream('site-1', [filed('k2', 'north', 2, 'a')]);
      await b.appendToStream('site-2', [filed('k2', 'west', 2, 'b')]);
      await a.appendToStream('site-2', [filed('k3', 'north', 3, 'a')]);
      await b.appendToStream('site-3', [filed('k3', 'west', 3, 'b')]);
      await until(() => seen.length >= 3, "tenant B's three events");
      // A's later events had every chance to arrive before B's last one.
      await a.appendToStream('site-9', [filed('k9', 'north', 9, 'a')]);
      await b.appendToStream('site-9', [filed('k9', 'west', 9, 'b')]);
      await until(() => seen.length >= 4, "tenant B's fourth event");
    } finally {
      await subscription.stop();
    }
    expect(seen.map((event) => [event.streamId, (event.data as Filed).tenant])).toEqual([
      ['site-1', 'b'],
      ['site-2', 'b'],
      ['site-3', 'b'],
      ['site-9', 'b'],
    ]);
  });

  it('command ids, unique keys, snapshots and leases of one tenant mean nothing in the other', async () => {
    const { a, b } = await open(kind);

    // Idempotency: one command id, handled once per tenant.
    const inA = createCommandHandler({ store: a, decider: counter });
    const inB = createCommandHandler({ store: b, decider: counter });
    expect((await inA('counter-1', { n: 1 }, { commandId: 'cmd-1' })).duplicate).toBe(false);
    expect((await inB('counter-1', { n: 1 }, { commandId: 'cmd-1' })).duplicate).toBe(false);
    expect((await inA('counter-1', { n: 1 }, { commandId: 'cmd-1' })).duplicate).toBe(true);
    expect((await inB('counter-1', { n: 2 }, { commandId: 'cmd-2' })).nextVersion).toBe(2);
    expect(await collect(a.readStream('counter-1'))).toHaveLength(1);

    // Unique keys: the same key is free in B while A holds it.
    const keysA = createUniqueKeys({ store: a, scope: 'permit' });
    const keysB = createUniqueKeys({ store: b, scope: 'permit' });
    expect(await keysA.claim('P-2024-001', 'owner-a')).toEqual({ claimed: true, fresh: true });
    expect(await keysB.ownerOf('P-2024-001')).toBeUndefined();
    expect(await keysB.claim('P-2024-001', 'owner-b')).toEqual({ claimed: true, fresh: true });
    expect(await keysA.claim('P-2024-001', 'intruder')).toEqual({
      claimed: false,
      owner: 'owner-a',
    });
    expect(await keysB.release('P-2024-001', 'owner-a')).toBe(false);
    expect(await keysA.ownerOf('P-2024-001')).toBe('owner-a');
    expect(await keysB.ownerOf('P-2024-001')).toBe('owner-b');

    // Snapshots: same stream and key, one per tenant.
    const snapshot = (state: string) => ({
      streamId: 'counter-1',
      key: 'counter@1',
      version: 1,
      state,
      commands: [],
      takenAt: new Date().toISOString(),
    });
    await a.snapshots.save(snapshot('of a'));
    expect(await b.snapshots.load('counter-1', 'counter@1')).toBeUndefined();
    await b.snapshots.save({ ...snapshot('of b'), version: 2 });
    expect((await a.snapshots.load('counter-1', 'counter@1'))?.state).toBe('of a');
    expect((await b.snapshots.load('counter-1', 'counter@1'))?.state).toBe('of b');

    // Leases: A's holder does not keep B's runner out; within A the lease is exclusive.
    const leaseA = await a.projections.tryAcquireLease('ledger', 'runner-a', 30_000);
    expect(leaseA).toBeDefined();
    expect(await a.projections.tryAcquireLease('ledger', 'runner-a2', 30_000)).toBeUndefined();
    const leaseB = await b.projections.tryAcquireLease('ledger', 'runner-b', 30_000);
    expect(leaseB).toBeDefined();
    await leaseB!.release();
    expect(await leaseA!.renew()).toBe(true);
    await leaseA!.release();
  });

  it('projections, their documents, read-model queries and rebuilds stay within a tenant', async () => {
    const { a, b } = await open(kind);
    await a.appendToStream('site-1', [
      filed('k1', 'north', 1, 'a'),
      filed('k2', 'north', 2, 'a'),
      filed('k3', 'south', 3, 'a'),
    ]);
    await a.appendToStream('site-2', [filed('shared', 'north', 5, 'a')]);
    await b.appendToStream('site-1', [filed('shared', 'west', 8, 'b')]);
    await project(a);

    // Before B's runner ran, B has no checkpoint and no documents: A's are not B's.
    expect(await b.projections.getCheckpoint('ledger')).toBeUndefined();
    expect(await b.projections.getDocument('ledger', 'k1')).toBeUndefined();
    expect(await b.projections.listDocuments('ledger')).toEqual([]);
    expect((await b.projections.loadDocuments('ledger', ['k1', 'shared'])).size).toBe(0);

    await project(b);
    const queryA = createProjectionQuery(a, ledger);
    const queryB = createProjectionQuery(b, ledger);
    const ids = async (page: Promise<{ items: ReadonlyArray<{ id: string; document: Filed }> }>) =>
      (await page).items.map((item) => `${item.id}:${item.document.tenant}`);

    expect(await ids(queryB.find())).toEqual(['shared:b']);
    expect(await ids(queryA.find())).toEqual(['k1:a', 'k2:a', 'k3:a', 'shared:a']);
    expect(await ids(queryB.find({ where: { tenant: 'a' } }))).toEqual([]);
    expect(await ids(queryB.find({ where: { area: { in: ['north', 'south'] } } }))).toEqual([]);
    expect(await ids(queryB.find({ orderBy: [{ field: 'level', direction: 'desc' }] }))).toEqual([
      'shared:b',
    ]);
    expect(await queryB.count()).toBe(1);
    expect(await queryB.count({ where: { level: { lt: 5 } } })).toBe(0);
    expect(await queryA.count()).toBe(4);
    expect(
      await queryB.group({
        by: ['area'],
        measures: { n: { count: true }, total: { sum: 'level' }, areas: { countDistinct: 'key' } },
      }),
    ).toEqual([{ key: { area: 'west' }, measures: { n: 1, total: 8, areas: 1 } }]);
    expect(
      await queryA.group({ measures: { n: { count: true }, areas: { countDistinct: 'area' } } }),
    ).toEqual([{ key: {}, measures: { n: 4, areas: 2 } }]);
    expect(((await b.projections.getDocument('ledger', 'shared')) as Filed).tenant).toBe('b');
    expect(((await a.projections.getDocument('ledger', 'shared')) as Filed).tenant).toBe('a');
    expect((await b.projections.listDocuments('ledger')).map((d) => d.id)).toEqual(['shared']);

    // A rebuild in B rebuilds B from B's log only and leaves A's documents alone.
    await b.appendToStream('site-1', [{ type: 'Withdrawn', data: { key: 'shared' } }]);
    const runner = createProjectionRunner({ store: b, projections: [ledger], pollIntervalMs: 10 });
    try {
      await runner.rebuild('ledger');
      await runner.catchUp({ timeoutMs: 30_000 });
    } finally {
      await runner.stop();
    }
    expect(await queryB.count()).toBe(0);
    expect(await ids(queryA.find())).toEqual(['k1:a', 'k2:a', 'k3:a', 'shared:a']);
    expect((await a.projections.getCheckpoint('ledger'))?.status).toBe('active');

    // Resetting A's projection empties A's read model, not B's checkpoint.
    const checkpointB = await b.projections.getCheckpoint('ledger');
    await a.projections.reset('ledger', 1, queryA.schema);
    expect(await a.projections.listDocuments('ledger')).toEqual([]);
    expect(await b.projections.getCheckpoint('ledger')).toEqual(checkpointB);
  }, 90_000);

  it('a runner of each tenant, running side by side, projects its own log only', async () => {
    const { a, b } = await open(kind);
    const runners = [a, b].map((store) =>
      createProjectionRunner({
        store,
        projections: [ledger],
        pollIntervalMs: 10,
        leaseTtlMs: 5_000,
      }),
    );
    for (const runner of runners) runner.start();
    try {
      for (let n = 0; n < 6; n++) {
        await a.appendToStream(`site-${n}`, [filed(`k${n}`, 'north', n, 'a')]);
        if (n % 2 === 0) await b.appendToStream(`site-${n}`, [filed(`k${n}`, 'west', n, 'b')]);
      }
      const queryA = createProjectionQuery(a, ledger);
      const queryB = createProjectionQuery(b, ledger);
      // Each count is polled until it settles: the runners work in the background.
      const counts = { a: 0, b: 0 };
      for (let attempt = 0; attempt < 300 && (counts.a !== 6 || counts.b !== 3); attempt++) {
        counts.a = await queryA.count().catch(() => 0);
        counts.b = await queryB.count().catch(() => 0);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(counts).toEqual({ a: 6, b: 3 });
      expect(await queryA.count({ where: { tenant: 'b' } })).toBe(0);
      expect(await queryB.count({ where: { tenant: 'a' } })).toBe(0);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
  }, 90_000);
});
