import { createEventStore, isStoreFailure, toArray } from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSqliteEventStore,
  openSqliteDriver,
  type SqliteEventStoreOptions,
  type SqliteEventStoreSource,
} from './create-sqlite-event-store.js';
import { driverConnection } from './sqlite-driver.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newPath(): string {
  const path = tempDatabasePath('options');
  cleanups.push(() => removeDatabaseFiles(path));
  return path;
}

/** Opens a driver and returns the connection it configured, to read the pragmas back. */
function connectionOf(source: SqliteEventStoreSource, options?: SqliteEventStoreOptions) {
  const driver = openSqliteDriver(source, options);
  cleanups.push(() => driver.close());
  const db = driverConnection(driver)!;
  return {
    driver,
    db,
    pragma: (name: string) => db.pragma(name, { simple: true }),
  };
}

describe('connection options', () => {
  it('a file opens in WAL mode with synchronous NORMAL and a short busy-handler slice', () => {
    const { pragma } = connectionOf({ path: newPath() });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(1);
    expect(pragma('busy_timeout')).toBe(50);
  });

  it('synchronous FULL and NORMAL are applied', () => {
    expect(connectionOf({ path: newPath() }, { synchronous: 'FULL' }).pragma('synchronous')).toBe(
      2,
    );
    expect(connectionOf({ path: newPath() }, { synchronous: 'NORMAL' }).pragma('synchronous')).toBe(
      1,
    );
  });

  it('without WAL the file uses a rollback journal and defaults to synchronous FULL', () => {
    const { pragma } = connectionOf({ path: newPath() }, { wal: false });
    expect(pragma('journal_mode')).toBe('delete');
    expect(pragma('synchronous')).toBe(2);
  });

  it('a busy timeout below the slice is used as is', () => {
    expect(connectionOf({ path: newPath() }, { busyTimeoutMs: 20 }).pragma('busy_timeout')).toBe(
      20,
    );
  });

  it('an in-memory path works and ignores WAL', async () => {
    const { driver, pragma } = connectionOf({ path: ':memory:' });
    expect(pragma('journal_mode')).toBe('memory');
    const store = createEventStore(driver);
    await store.appendToStream('note-1', [{ type: 'NoteWritten', data: {} }]);
    expect(await toArray(store.readAll())).toHaveLength(1);
  });

  it('closing a store closes the connection it opened', async () => {
    const { driver, db } = connectionOf({ path: newPath() });
    await driver.close();
    expect(db.open).toBe(false);
    await driver.close();
  });
});

describe('a database you pass in', () => {
  it('keeps its own settings unless an option asks otherwise', () => {
    const path = newPath();
    const db = new Database(path, { timeout: 1_234 });
    cleanups.push(() => db.close());
    const store = createSqliteEventStore({ database: db });
    cleanups.push(() => store.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1_234);

    const tuned = createSqliteEventStore({ database: db }, { wal: true, synchronous: 'NORMAL' });
    cleanups.push(() => tuned.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('is never closed by the store, and a closed store refuses further work', async () => {
    const db = new Database(':memory:');
    cleanups.push(() => db.close());
    const store = createSqliteEventStore({ database: db });
    await store.appendToStream('note-1', [{ type: 'NoteWritten', data: {} }]);
    await store.close();
    expect(db.open).toBe(true);
    expect(db.prepare('SELECT count(*) FROM safeledger_events').pluck().get()).toBe(1);

    const error = await store.appendToStream('note-1', [{ type: 'NoteWritten', data: {} }]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStoreFailure(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('closed');
    await expect(store.readAllPage({ maxCount: 1 })).rejects.toMatchObject({
      code: 'STORE_FAILURE',
    });
    await expect(store.projections.getCheckpoint('x')).rejects.toMatchObject({
      code: 'STORE_FAILURE',
    });
    // Another store on the same connection still works.
    const again = createSqliteEventStore({ database: db });
    expect(await toArray(again.readAll())).toHaveLength(1);
    await again.close();
  });

  it('a connection closed underneath the store surfaces as a StoreFailureError', async () => {
    const db = new Database(':memory:');
    const store = createSqliteEventStore({ database: db });
    db.close();
    await expect(store.readAllPage({ maxCount: 1 })).rejects.toMatchObject({
      code: 'STORE_FAILURE',
      message: expect.stringContaining('closed'),
    });
    expect(() => createSqliteEventStore({ database: db })).toThrow(/closed/);
  });
});

describe('invalid input is refused when the store is created', () => {
  it.each([
    ['neither path nor database', {}, {}],
    ['both path and database', { path: ':memory:', database: {} }, {}],
    ['a path that is not a string', { path: 42 }, {}],
    ['something that is not a database', { database: {} }, {}],
    ['an unknown synchronous mode', { path: ':memory:' }, { synchronous: 'OFF' }],
    ['a negative busy timeout', { path: ':memory:' }, { busyTimeoutMs: -1 }],
    ['a fractional busy timeout', { path: ':memory:' }, { busyTimeoutMs: 1.5 }],
    ['a non-boolean wal', { path: ':memory:' }, { wal: 'yes' }],
    ['a non-boolean migrate', { path: ':memory:' }, { migrate: 1 }],
  ])('%s', (_, source, options) => {
    expect(() => createSqliteEventStore(source as never, options as never)).toThrow(TypeError);
  });

  it('a file in a directory that does not exist: StoreFailureError with the driver error', () => {
    let error: unknown;
    try {
      createSqliteEventStore({ path: tempDatabasePath('missing-dir').replace(/\.db$/, '/x/y.db') });
    } catch (caught) {
      error = caught;
    }
    expect(isStoreFailure(error), String(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
