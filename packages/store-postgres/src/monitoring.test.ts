import { isValidationError } from '@safeledger/core';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePosition } from './position.js';
import { pgUrl, type TestDatabase, testDatabase } from './test-support/database.js';

let db: TestDatabase;
afterEach(() => db.close());

describe('subscription lag', () => {
  it('counts the visible events after a checkpoint and finds the head', async () => {
    db = testDatabase('lag');
    const store = db.open();
    expect(await store.subscriptionLag(undefined)).toMatchObject({
      head: undefined,
      eventsBehind: 0,
      eventsHeldBack: 0,
      checkpointAhead: false,
      epochSettling: false,
    });
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await store.appendToStream(`cart-${i % 2}`, [{ type: 'X', data: { i } }]));
    }
    expect(await store.subscriptionLag(undefined)).toMatchObject({
      head: results[4]!.position,
      eventsBehind: 5,
      capped: false,
    });
    expect(await store.subscriptionLag(results[2]!.position)).toMatchObject({ eventsBehind: 2 });
    expect(await store.subscriptionLag(results[4]!.position)).toMatchObject({ eventsBehind: 0 });
    expect(await store.subscriptionLag(undefined, { maxCount: 3 })).toMatchObject({
      eventsBehind: 3,
      capped: true,
    });
  });

  it('flags a checkpoint beyond the head (issued elsewhere, or before a point-in-time restore)', async () => {
    db = testDatabase('lag');
    const store = db.open();
    await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    const ahead = encodePosition(1, '999999999999', 1);
    expect(await store.subscriptionLag(ahead)).toMatchObject({ checkpointAhead: true });
    const error = await store.subscriptionLag('not-a-position').catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
  });

  it('names the open transaction that holds readers back, with its age', async () => {
    db = testDatabase('lag');
    const store = db.open({ tenantId: 'lagging' });
    await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    const checkpoint = (await store.readAllPage({ maxCount: 10 })).checkpoint;
    const blocker = new pg.Client({ connectionString: pgUrl(), application_name: 'long-report' });
    blocker.on('error', () => {});
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      const [{ pid }] = (
        await blocker.query('SELECT pg_backend_pid() AS pid, pg_current_xact_id()')
      ).rows;
      await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
      await store.appendToStream('cart-2', [{ type: 'X', data: {} }]);
      const lag = await store.subscriptionLag(checkpoint);
      expect(lag).toMatchObject({ eventsBehind: 0, eventsHeldBack: 2, head: checkpoint });
      expect(lag.oldestTransaction).toMatchObject({
        pid,
        state: 'idle in transaction',
        applicationName: 'long-report',
        preparedGid: undefined,
      });
      expect(lag.oldestTransaction!.ageMs).toBeGreaterThanOrEqual(0);
      expect(new Date(lag.oldestTransaction!.startedAt!).toISOString()).toBe(
        lag.oldestTransaction!.startedAt,
      );
      await blocker.query('COMMIT');
      expect(await store.subscriptionLag(checkpoint)).toMatchObject({
        eventsBehind: 2,
        eventsHeldBack: 0,
      });
    } finally {
      await blocker.end();
    }
  });

  it('measures a projection from its stored checkpoint', async () => {
    db = testDatabase('lag');
    const store = db.open();
    const first = await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    await store.projections.reset('report', 1);
    expect(await store.projectionLag('report')).toMatchObject({ eventsBehind: 2 });
    await store.projections.commit({
      name: 'report',
      version: 1,
      expectedPosition: undefined,
      position: first.position,
      documents: [],
      committedAt: new Date().toISOString(),
    });
    expect(await store.projectionLag('report')).toMatchObject({
      checkpoint: first.position,
      eventsBehind: 1,
    });
  });
});
