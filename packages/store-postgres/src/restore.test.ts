import { createUlidGenerator, type StoredEvent, toArray } from '@safeledger/core';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterChange } from './context.js';
import { quoteIdentifier } from './schema-name.js';
import { admin, pgUrl, type TestDatabase, testDatabase } from './test-support/database.js';

const newId = createUlidGenerator();
let db: TestDatabase;
afterEach(() => db.close());

const epochOf = (position: string) => Number(position.slice(0, 4));

async function epochs(): Promise<Array<{ epoch: number; reason: string }>> {
  return admin(`SELECT epoch, reason FROM ${quoteIdentifier(db.schema)}.epochs ORDER BY epoch`);
}

/**
 * Rows as a logical restore from a cluster whose transaction ids ran ahead of this one would
 * leave them: committed, with xids this server has not reached.
 */
async function insertRowsFromAheadCluster(streamId: string, count: number): Promise<void> {
  const s = quoteIdentifier(db.schema);
  await admin(
    `INSERT INTO ${s}.streams (tenant_id, stream_id, version) VALUES ('default', $1, $2)`,
    [streamId, count],
  );
  for (let i = 1; i <= count; i++) {
    await admin(
      `INSERT INTO ${s}.events (tenant_id, event_id, epoch, xid, seq, stream_id, version, type,
         schema_version, data, metadata, recorded_at)
       SELECT 'default', $1, m.epoch, (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000)::text::xid8,
         $2::integer, $3, $2::bigint, 'Restored', 1, '{}', '{}', now()
       FROM ${s}.store_meta m`,
      [newId(), i, streamId],
    );
  }
}

describe('moving to another cluster (logical restore)', () => {
  it('a different system identifier opens a new epoch on startup: old checkpoints stay valid, new positions sort after', async () => {
    db = testDatabase('restore');
    const before = db.open();
    await before.appendToStream('cart-1', [
      { type: 'Old', data: { n: 1 } },
      { type: 'Old', data: { n: 2 } },
    ]);
    const checkpoint = (await before.readAllPage({ maxCount: 100 })).checkpoint!;
    await before.close();
    // Simulate the restore: the recorded identity is not this cluster's.
    await admin(
      `UPDATE ${quoteIdentifier(db.schema)}.store_meta SET system_identifier = '123456789'`,
    );

    const changes: ClusterChange[] = [];
    const after = db.open({ onClusterChange: (change) => changes.push(change) });
    const appended = await after.appendToStream('cart-1', [{ type: 'New', data: { n: 3 } }], {
      expectedVersion: 2,
    });
    expect(changes).toEqual([
      expect.objectContaining({
        previousEpoch: 1,
        epoch: 2,
        reason: expect.stringContaining('system identifier'),
      }),
    ]);
    expect(epochOf(appended.position)).toBe(2);
    expect(appended.position > checkpoint).toBe(true);
    const resumed = await toArray(after.readAll({ after: checkpoint }));
    expect(resumed.map((event) => event.type)).toEqual(['New']);
    expect((await toArray(after.readAll())).map((event) => event.type)).toEqual([
      'Old',
      'Old',
      'New',
    ]);
    expect((await epochs()).map((row) => row.epoch)).toEqual([1, 2]);
    const [meta] = await admin(
      `SELECT system_identifier = (SELECT system_identifier::text FROM pg_control_system()) AS current
       FROM ${quoteIdentifier(db.schema)}.store_meta`,
    );
    expect(meta).toEqual({ current: true });

    // A second instance opening now finds nothing to do.
    const third = db.open({ onClusterChange: (change) => changes.push(change) });
    await third.appendToStream('cart-2', [{ type: 'New', data: {} }]);
    expect(changes).toHaveLength(1);
  });

  it('rows whose transaction ids are ahead of the server are caught by a running store before it appends', async () => {
    db = testDatabase('restore');
    const changes: ClusterChange[] = [];
    const store = db.open({ onClusterChange: (change) => changes.push(change) });
    const reader = db.open();
    await store.appendToStream('cart-1', [{ type: 'Old', data: {} }]);
    const checkpoint = (await reader.readAllPage({ maxCount: 100 })).checkpoint!;
    await insertRowsFromAheadCluster('restored-1', 2);

    // Not visible yet (the server has not reached their xids), and not skipped either.
    expect((await reader.readAllPage({ after: checkpoint, maxCount: 100 })).events).toEqual([]);

    // The store is already running: only the check inside the append function can notice.
    const appended = await store.appendToStream('cart-1', [{ type: 'New', data: {} }]);
    expect(changes).toEqual([
      expect.objectContaining({ epoch: 2, reason: expect.stringContaining('ahead') }),
    ]);
    expect(epochOf(appended.position)).toBe(2);

    const rest = await toArray(reader.readAll({ after: checkpoint }));
    expect(rest.map((event) => event.type)).toEqual(['Restored', 'Restored', 'New']);
    const positions = rest.map((event) => event.position);
    expect([...positions].sort()).toEqual(positions);
    expect(positions.every((position) => position > checkpoint)).toBe(true);
  });

  it('events of a new epoch wait until every transaction that could still write the old one ends', async () => {
    db = testDatabase('restore');
    const store = db.open();
    await store.appendToStream('cart-1', [{ type: 'Old', data: {} }]);
    const checkpoint = (await store.readAllPage({ maxCount: 100 })).checkpoint!;
    const open = new pg.Client({ connectionString: pgUrl() });
    open.on('error', () => {});
    await open.connect();
    const seen: StoredEvent[] = [];
    try {
      // An older transaction with an xid is open while the epoch changes.
      await open.query('BEGIN');
      await open.query('SELECT pg_current_xact_id()');
      await admin(
        `UPDATE ${quoteIdentifier(db.schema)}.store_meta SET system_identifier = 'elsewhere'`,
      );
      const moved = db.open();
      const appended = await moved.appendToStream('cart-1', [{ type: 'New', data: {} }]);
      expect(epochOf(appended.position)).toBe(2);
      const page = await moved.readAllPage({ after: checkpoint, maxCount: 100 });
      expect(page.events).toEqual([]);
      expect(page.checkpoint).toBe(checkpoint);
      const lag = await moved.subscriptionLag(checkpoint);
      expect(lag).toMatchObject({ eventsBehind: 0, eventsHeldBack: 1, epochSettling: false });
      await open.query('COMMIT');
      seen.push(...(await toArray(moved.readAll({ after: checkpoint }))));
    } finally {
      await open.end();
    }
    expect(seen.map((event) => event.type)).toEqual(['New']);
  });
});
