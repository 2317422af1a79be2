import type { EventStore } from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';

let db: Database.Database;
let now: number;
const stores: EventStore[] = [];

const open = () => {
  // Lease expiry follows the injected clock, so these tests never sleep.
  const store = createSqliteEventStore({ database: db }, { clock: () => new Date(now) });
  stores.push(store);
  return store;
};

beforeEach(() => {
  db = new Database(':memory:');
  now = Date.parse('2024-01-01T00:00:00.000Z');
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  db.close();
});

describe('projection leases', () => {
  it('expire by the injected clock; renewal fails once another holder took the lease', async () => {
    const a = open();
    const b = open();
    const held = await a.projections.tryAcquireLease('p', 'a', 1_000);
    expect(held).toMatchObject({ name: 'p', owner: 'a' });
    expect(db.prepare('SELECT owner, expires_at FROM safeledger_projection_leases').get()).toEqual({
      owner: 'a',
      expires_at: now + 1_000,
    });
    now += 999;
    expect(await b.projections.tryAcquireLease('p', 'b', 1_000)).toBeUndefined();
    // Not even the same owner name takes a live lease: a restarted instance waits for its old
    // lease to lapse, since nothing tells it apart from a second runner sharing the name (S4).
    expect(await a.projections.tryAcquireLease('p', 'a', 1_000)).toBeUndefined();
    now += 1_000;
    const taken = await b.projections.tryAcquireLease('p', 'b', 1_000);
    expect(taken).toBeDefined();
    expect(await held!.renew()).toBe(false);
    expect(await taken!.renew()).toBe(true);
    // Releasing a lost lease does not remove the new holder's.
    await held!.release();
    expect(await a.projections.tryAcquireLease('p', 'a', 1_000)).toBeUndefined();
    await taken!.release();
    expect(await a.projections.tryAcquireLease('p', 'a', 1_000)).toBeDefined();
  });
});

describe('projection documents and checkpoints', () => {
  it('lists documents in id order, paged by afterId and limit', async () => {
    const store = open();
    await store.projections.reset('docs', 1);
    await store.projections.commit({
      name: 'docs',
      version: 1,
      expectedPosition: undefined,
      position: '0000000000000000003',
      documents: ['c', 'a', 'e', 'b', 'd'].map((id) => ({ id, document: { id } })),
      committedAt: '2024-01-01T00:00:01.000Z',
    });
    const ids = async (options?: { afterId?: string; limit?: number }) =>
      (await store.projections.listDocuments('docs', options)).map((d) => d.id);
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await ids({ limit: 2 })).toEqual(['a', 'b']);
    expect(await ids({ afterId: 'b', limit: 2 })).toEqual(['c', 'd']);
    expect(await ids({ afterId: 'e' })).toEqual([]);
    expect(await ids({ limit: 0 })).toEqual([]);
    expect(await store.projections.listDocuments('other')).toEqual([]);
    expect(await store.projections.loadDocuments('docs', ['a', 'zz', 'e'])).toEqual(
      new Map([
        ['a', { id: 'a' }],
        ['e', { id: 'e' }],
      ]),
    );
    expect(await store.projections.getCheckpoint('docs')).toEqual({
      name: 'docs',
      version: 1,
      position: '0000000000000000003',
      status: 'active',
      failure: undefined,
      updatedAt: '2024-01-01T00:00:01.000Z',
    });
  });

  it('reset drops the documents and restarts the checkpoint at the new version', async () => {
    const store = open();
    await store.projections.reset('docs', 1);
    await store.projections.commit({
      name: 'docs',
      version: 1,
      expectedPosition: undefined,
      position: '0000000000000000009',
      documents: [{ id: 'a', document: { n: 1 } }],
      committedAt: '2024-01-01T00:00:01.000Z',
    });
    await store.projections.reset('docs', 2);
    expect(await store.projections.getDocument('docs', 'a')).toBeUndefined();
    expect(await store.projections.getCheckpoint('docs')).toMatchObject({
      version: 2,
      position: undefined,
      status: 'active',
      updatedAt: new Date(now).toISOString(),
    });
  });

  it('a commit with an unstorable document fails before anything is written', async () => {
    const store = open();
    await store.projections.reset('docs', 1);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      store.projections.commit({
        name: 'docs',
        version: 1,
        expectedPosition: undefined,
        position: '0000000000000000001',
        documents: [
          { id: 'a', document: { n: 1 } },
          { id: 'b', document: cyclic },
        ],
        committedAt: '2024-01-01T00:00:01.000Z',
      }),
    ).rejects.toThrow();
    expect(await store.projections.getDocument('docs', 'a')).toBeUndefined();
    expect((await store.projections.getCheckpoint('docs'))?.position).toBeUndefined();
  });
});

describe('snapshots', () => {
  it('an unreadable snapshot row is ignored: the stream is folded from its events', async () => {
    const store = open();
    await store.snapshots.save({
      streamId: 'cart-1',
      key: 'cart@1',
      version: 3,
      state: { n: 3 },
      commands: [],
      takenAt: '2024-01-01T00:00:00.000Z',
    });
    db.exec("UPDATE safeledger_snapshots SET state = '{broken'");
    expect(await store.snapshots.load('cart-1', 'cart@1')).toBeUndefined();
  });
});
