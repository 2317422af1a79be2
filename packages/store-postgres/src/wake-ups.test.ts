import type { StoredEvent } from '@safeledger/core';
import { eventually } from '@safeledger/store-conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { quoteIdentifier } from './schema-name.js';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';
import { channelOf } from './wake-ups.js';

let db: TestDatabase;
afterEach(() => db.close());

/** Backend pid of the store's LISTEN connection, once it listens. */
async function listenerPid(): Promise<number | undefined> {
  const [row] = await admin<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE query = $1 AND state = 'idle'`,
    [`LISTEN ${quoteIdentifier(channelOf(db.schema))}`],
  );
  return row?.pid;
}

describe('LISTEN/NOTIFY wake-ups (hints only, S2)', () => {
  it('an append on one instance wakes watchers on another', async () => {
    db = testDatabase('wake');
    const reader = db.open();
    const writer = db.open();
    let wakes = 0;
    reader.watch(() => {
      wakes++;
    });
    await eventually(async () => (await listenerPid()) !== undefined, 'the LISTEN connection');
    // Connecting wakes once (anything appended while disconnected went unannounced).
    await eventually(() => wakes > 0, 'the wake-up after connecting');
    wakes = 0;
    await writer.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    // The reader appended nothing, so only a notification can wake it.
    await eventually(() => wakes > 0, 'a notification', 10_000);
  });

  it('a burst of appends shares a few NOTIFYs, and the last append is always announced', async () => {
    db = testDatabase('wake');
    const reader = db.open();
    const writer = db.open({ notifyIntervalMs: 200 });
    let wakes = 0;
    reader.watch(() => {
      wakes++;
    });
    await eventually(async () => (await listenerPid()) !== undefined, 'the LISTEN connection');
    await eventually(() => wakes > 0, 'the wake-up after connecting');
    wakes = 0;
    for (let i = 0; i < 30; i++)
      await writer.appendToStream(`cart-${i}`, [{ type: 'X', data: {} }]);
    const afterBurst = wakes;
    // The trailing NOTIFY comes at the end of the interval, after the burst.
    await eventually(() => wakes > afterBurst, 'the trailing notification', 10_000);
    expect(wakes).toBeLessThan(30);
  });

  it('the LISTEN connection comes back after its backend is terminated', async () => {
    db = testDatabase('wake');
    const errors: unknown[] = [];
    const reader = db.open({ onError: (error) => errors.push(error) });
    const writer = db.open();
    let wakes = 0;
    reader.watch(() => {
      wakes++;
    });
    await eventually(async () => (await listenerPid()) !== undefined, 'the LISTEN connection');
    const first = (await listenerPid())!;
    await admin('SELECT pg_terminate_backend($1, 10000)', [first]);
    await eventually(async () => {
      const pid = await listenerPid();
      return pid !== undefined && pid !== first;
    }, 'a new LISTEN connection');
    expect(errors.length).toBeGreaterThan(0);
    wakes = 0;
    await writer.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    await eventually(() => wakes > 0, 'a notification on the new connection', 10_000);
  });

  it('a subscription with a long poll interval gets another instance’s events promptly', async () => {
    db = testDatabase('wake');
    const reader = db.open();
    const writer = db.open();
    const seen: StoredEvent[] = [];
    const subscription = reader.subscribe({ pollIntervalMs: 60_000 }, (event) => {
      seen.push(event);
    });
    try {
      await eventually(async () => (await listenerPid()) !== undefined, 'the LISTEN connection');
      for (let i = 1; i <= 3; i++) {
        await writer.appendToStream('cart-1', [{ type: 'X', data: { i } }]);
        await eventually(() => seen.length === i, `event ${i}`, 10_000);
      }
    } finally {
      await subscription.stop();
    }
  });

  it('without LISTEN and NOTIFY, polling alone delivers everything', async () => {
    db = testDatabase('wake');
    const reader = db.open({ listen: false, notify: false });
    const writer = db.open({ listen: false, notify: false });
    const seen: StoredEvent[] = [];
    const subscription = reader.subscribe({ pollIntervalMs: 20 }, (event) => {
      seen.push(event);
    });
    try {
      for (let i = 0; i < 20; i++)
        await writer.appendToStream(`cart-${i % 3}`, [{ type: 'X', data: { i } }]);
      await eventually(() => seen.length === 20, 'polling to deliver 20 events');
      expect(await listenerPid()).toBeUndefined();
    } finally {
      await subscription.stop();
    }
  });
});
