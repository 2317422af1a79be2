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

/**
 * Leaves store_meta as a restore from a cluster whose transaction ids ran ahead of this one
 * would: the last epoch change recorded its cutover there, far above this server's xids.
 */
async function shiftCutoverAhead(systemIdentifier?: string): Promise<void> {
  const s = quoteIdentifier(db.schema);
  await admin(
    `UPDATE ${s}.store_meta
     SET cutover = (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000)::text::xid8
       ${systemIdentifier === undefined ? '' : ', system_identifier = $1'}`,
    systemIdentifier === undefined ? [] : [systemIdentifier],
  );
}

describe('moving to another cluster (logical restore)', () => {
  it('a second restore, into a cluster whose xids are lower, opens the next epoch at once', async () => {
    db = testDatabase('restore');
    const first = db.open();
    await first.appendToStream('cart-1', [{ type: 'Old', data: {} }]);
    await first.close();
    // First move: another system identifier; the store opens epoch 2 with a cutover here.
    await admin(`UPDATE ${quoteIdentifier(db.schema)}.store_meta SET system_identifier = 'b'`);
    const second = db.open();
    const moved = await second.appendToStream('cart-1', [{ type: 'Moved', data: {} }]);
    expect(epochOf(moved.position)).toBe(2);
    await second.close();
    // Second move, into a cluster that has used fewer xids: the cutover recorded in the previous
    // cluster is far above this one's, under that cluster's identity.
    await shiftCutoverAhead('c');

    const changes: ClusterChange[] = [];
    const third = db.open({ onClusterChange: (change) => changes.push(change) });
    const started = Date.now();
    const again = await third.appendToStream('cart-1', [{ type: 'Again', data: {} }], {
      expectedVersion: 2,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(epochOf(again.position)).toBe(3);
    expect(changes).toEqual([expect.objectContaining({ previousEpoch: 2, epoch: 3 })]);
    expect((await toArray(third.readAll())).map((event) => event.type)).toEqual([
      'Old',
      'Moved',
      'Again',
    ]);
    expect((await epochs()).map((row) => row.epoch)).toEqual([1, 2, 3]);
  }, 30_000);

  it('a cutover above every xid this cluster issued is settled: reads do not hide the current epoch', async () => {
    db = testDatabase('restore');
    const store = db.open();
    await store.appendToStream('cart-1', [{ type: 'Old', data: {} }]);
    await admin(`UPDATE ${quoteIdentifier(db.schema)}.store_meta SET system_identifier = 'b'`);
    const moved = db.open();
    await moved.appendToStream('cart-1', [{ type: 'Moved', data: {} }]);
    // As if restored by a role that cannot read the system identifier: only the xids tell.
    await admin(
      `UPDATE ${quoteIdentifier(db.schema)}.store_meta
       SET system_identifier = (SELECT system_identifier::text FROM pg_control_system())`,
    );
    await shiftCutoverAhead();
    const reader = db.open();
    expect((await toArray(reader.readAll())).map((event) => event.type)).toEqual(['Old', 'Moved']);
    await reader.appendToStream('cart-1', [{ type: 'Later', data: {} }]);
    expect((await toArray(reader.readAll())).map((event) => event.type)).toEqual([
      'Old',
      'Moved',
      'Later',
    ]);
  });

  it('restored twice where the system identifier cannot be read: rows and cutover ahead still settle', async () => {
    db = testDatabase('restore');
    const s = quoteIdentifier(db.schema);
    const store = db.open();
    await store.appendToStream('cart-1', [{ type: 'Old', data: {} }]);
    await admin(`UPDATE ${s}.store_meta SET system_identifier = 'b'`);
    const moved = db.open();
    await moved.appendToStream('cart-1', [{ type: 'Moved', data: {} }]);
    await moved.close();
    // This role cannot read pg_control_system(): the function answers null, as it does then.
    await admin(
      `CREATE OR REPLACE FUNCTION ${s}.current_system_identifier() RETURNS text
       LANGUAGE sql AS 'SELECT NULL::text'`,
    );
    await insertRowsFromAheadCluster('restored-1', 1);
    await shiftCutoverAhead();
    const changes: ClusterChange[] = [];
    const third = db.open({ onClusterChange: (change) => changes.push(change) });
    const appended = await third.appendToStream('cart-2', [{ type: 'New', data: {} }]);
    expect(epochOf(appended.position)).toBe(3);
    expect(changes).toEqual([
      expect.objectContaining({ epoch: 3, reason: expect.stringContaining('ahead') }),
    ]);
    expect((await toArray(third.readAll())).map((event) => event.type)).toEqual([
      'Old',
      'Moved',
      'Restored',
      'New',
    ]);
  }, 30_000);

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
