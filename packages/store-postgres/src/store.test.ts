import { isStoreFailure, isValidationError, toArray } from '@safeledger/core';
import { eventually } from '@safeledger/store-conformance';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresEventStore } from './create-postgres-event-store.js';
import { quoteIdentifier } from './schema-name.js';
import { admin, pgUrl, type TestDatabase, testDatabase } from './test-support/database.js';

let db: TestDatabase;
afterEach(() => db.close());

describe('stream reads', () => {
  it('reads long streams in chunks, in both directions, with fromVersion and maxCount', async () => {
    db = testDatabase('chunks');
    const store = db.open({ readChunkSize: 3 });
    await store.appendToStream(
      'cart-1',
      Array.from({ length: 10 }, (_, i) => ({ type: 'X', data: { i } })),
    );
    const versions = async (options: object) =>
      (await toArray(store.readStream('cart-1', options))).map((event) => event.version);
    const all = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(await versions({})).toEqual(all);
    expect(await versions({ direction: 'backward' })).toEqual([...all].reverse());
    expect(await versions({ fromVersion: 3, maxCount: 7 })).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(await versions({ fromVersion: 9, direction: 'backward', maxCount: 5 })).toEqual([
      9, 8, 7, 6, 5,
    ]);
    expect(await versions({ fromVersion: 6, maxCount: 3 })).toEqual([6, 7, 8]);
    expect(await versions({ fromVersion: 2, direction: 'backward' })).toEqual([2, 1]);
    expect(await versions({ fromVersion: 11 })).toEqual([]);
    expect(await versions({ fromVersion: 0, direction: 'backward' })).toEqual([]);
  });
});

describe('connections and failures', () => {
  it('works on a pool the application owns and leaves it open on close', async () => {
    db = testDatabase('pool');
    const pool = db.pool(3);
    const store = createPostgresEventStore({ pool }, { schema: db.schema });
    const other = db.open();
    const wakes: number[] = [];
    store.watch(() => wakes.push(1));
    await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    await other.appendToStream('cart-1', [{ type: 'X', data: {} }], { expectedVersion: 1 });
    expect(await toArray(store.readStream('cart-1'))).toHaveLength(2);
    // The LISTEN connection was made from the pool's own settings.
    await eventually(() => wakes.length > 0, 'a wake-up');
    await store.close();
    const [row] = (await pool.query('SELECT 1 AS one')).rows;
    expect(row).toEqual({ one: 1 });
  });

  it('runs without prepared statements', async () => {
    db = testDatabase('unprepared');
    const store = db.open({ preparedStatements: false });
    await store.appendToStream('cart-1', [{ type: 'X', data: { a: 1 } }]);
    expect((await toArray(store.readAll({ types: ['X'] })))[0]?.data).toEqual({ a: 1 });
  });

  it('a closed store fails with STORE_FAILURE', async () => {
    db = testDatabase('closed');
    const store = db.open();
    await store.appendToStream('cart-1', [{ type: 'X', data: {} }]);
    await store.close();
    const append = await store.appendToStream('cart-1', [{ type: 'X', data: {} }]).catch((e) => e);
    expect(isStoreFailure(append), String(append)).toBe(true);
    const read = await toArray(store.readAll()).catch((e: unknown) => e);
    expect(isStoreFailure(read), String(read)).toBe(true);
  });

  it('an unreachable server is a STORE_FAILURE that keeps the driver error as cause', async () => {
    db = testDatabase('unreachable');
    const store = createPostgresEventStore(
      { connectionString: 'postgres://postgres@127.0.0.1:1/none' },
      { schema: db.schema },
    );
    try {
      const error = await store.appendToStream('cart-1', [{ type: 'X', data: {} }]).catch((e) => e);
      expect(isStoreFailure(error), String(error)).toBe(true);
      expect((error as Error).message).toContain('cannot reach PostgreSQL');
      expect((error as Error).cause).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('refuses to append outside READ COMMITTED, naming the reason', async () => {
    db = testDatabase('isolation');
    await db.open().migrate();
    const pool = new pg.Pool({
      connectionString: pgUrl(),
      options: '-c default_transaction_isolation=serializable',
    });
    const store = createPostgresEventStore({ pool }, { schema: db.schema });
    try {
      const error = await store.appendToStream('cart-1', [{ type: 'X', data: {} }]).catch((e) => e);
      expect(isStoreFailure(error), String(error)).toBe(true);
      expect((error as Error).message).toContain('READ COMMITTED');
      expect(await toArray(store.readAll())).toEqual([]);
    } finally {
      await store.close();
      await pool.end();
    }
  });

  it("reads what it wrote whatever the application did to pg's global type parsers", async () => {
    db = testDatabase('parsers');
    const store = db.open();
    const saved = [20, 23, 114, 1184, 3802].map(
      (oid) => [oid, pg.types.getTypeParser(oid)] as const,
    );
    try {
      pg.types.setTypeParser(20, (value: string) => BigInt(value));
      pg.types.setTypeParser(23, () => 'int?');
      pg.types.setTypeParser(1184, () => 'time?');
      pg.types.setTypeParser(3802, () => 'jsonb?');
      const result = await store.appendToStream('cart-1', [{ type: 'X', data: { n: 1 } }]);
      const [event] = await toArray(store.readStream('cart-1'));
      expect(event).toMatchObject({ version: 1, schemaVersion: 1, data: { n: 1 } });
      expect(event!.position).toBe(result.position);
      expect(new Date(event!.recordedAt).toISOString()).toBe(event!.recordedAt);
    } finally {
      for (const [oid, parser] of saved) pg.types.setTypeParser(oid, parser);
    }
  });

  it('rejects an empty tenant id', () => {
    let error: unknown;
    try {
      createPostgresEventStore({ connectionString: pgUrl() }, { tenantId: '' });
    } catch (caught) {
      error = caught;
    }
    expect(isValidationError(error)).toBe(true);
  });

  it('stores envelope fields in plain columns for SQL users', async () => {
    db = testDatabase('columns');
    const store = db.open({ tenantId: 'acme' });
    const clockTime = '2024-06-01T08:00:00.000Z';
    const fixed = db.open({ tenantId: 'acme', clock: () => new Date(clockTime) });
    await fixed.appendToStream('hazard-1', [
      { type: 'HazardRegistered', data: { level: 'major' } },
    ]);
    const [row] = await admin(
      `SELECT tenant_id, stream_id, category, version, type, schema_version, data,
              recorded_at = $1::timestamptz AS recorded
       FROM ${quoteIdentifier(db.schema)}.events`,
      [clockTime],
    );
    expect(row).toEqual({
      tenant_id: 'acme',
      stream_id: 'hazard-1',
      category: 'hazard',
      version: '1',
      type: 'HazardRegistered',
      schema_version: 1,
      data: { level: 'major' },
      recorded: true,
    });
    expect((await toArray(store.readAll()))[0]?.recordedAt).toBe(clockTime);
  });
});
