import {
  type EventStore,
  isConcurrencyError,
  isStoreFailure,
  isTransientStoreFailure,
  toArray,
} from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

let path: string;
let other: Database.Database;
const stores: EventStore[] = [];

const open = (busyTimeoutMs: number) => {
  const store = createSqliteEventStore({ path }, { busyTimeoutMs });
  stores.push(store);
  return store;
};

const note = (text: string) => [{ type: 'NoteWritten', data: { text } }];

beforeEach(() => {
  path = tempDatabasePath('busy');
  open(1_000);
  // Another connection, as another process would hold it.
  other = new Database(path);
});

afterEach(async () => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  await Promise.all(stores.splice(0).map((store) => store.close()));
  removeDatabaseFiles(path);
});

describe('lock contention with another connection', () => {
  it('a write lock held past busyTimeoutMs: StoreFailureError keeping SQLITE_BUSY as cause', async () => {
    const store = open(200);
    other.exec('BEGIN IMMEDIATE');
    const error = await store.appendToStream('note-1', note('blocked')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isStoreFailure(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/gave up after waiting \d+ ms for a lock/);
    expect((error as Error).message).toContain('busyTimeoutMs');
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_BUSY' });
    // Worth trying again later: a projection runner backs off instead of stopping (S6).
    expect(isTransientStoreFailure(error)).toBe(true);
    other.exec('COMMIT');
    // Nothing of the failed append remains, and the store works once the lock is gone.
    expect(await toArray(store.readStream('note-1'))).toEqual([]);
    expect(await store.appendToStream('note-1', note('later'))).toMatchObject({ firstVersion: 1 });
  });

  it('readers are not blocked by a writer in WAL mode', async () => {
    const store = open(100);
    await store.appendToStream('note-1', note('one'));
    other.exec('BEGIN IMMEDIATE');
    const page = await store.readAllPage({ maxCount: 10 });
    expect(page.events).toHaveLength(1);
    expect(await toArray(store.readStream('note-1'))).toHaveLength(1);
    other.exec('ROLLBACK');
  });

  it('an append that meets a lock retries and lands after the other transaction commits', async () => {
    const store = open(10_000);
    other.exec('BEGIN IMMEDIATE');
    other
      .prepare(
        `INSERT INTO safeledger_events
           (event_id, stream_id, version, category, type, schema_version, data, metadata, recorded_at)
         VALUES ('01J00000000000000000000000', 'note-1', 1, 'note', 'NoteWritten', 1,
                 '{"text":"other"}', '{"occurredAt":"2024-01-01T00:00:00.000Z"}', '2024-01-01T00:00:00.000Z')`,
      )
      .run();
    // The first attempt runs (and meets the lock) before appendToStream returns its promise;
    // the retries wait asynchronously, so the other connection can commit in the meantime.
    const pending = store.appendToStream('note-1', note('mine'));
    other.exec('COMMIT');
    expect(await pending).toMatchObject({ firstVersion: 2, created: false });
    const texts = (await toArray(store.readStream('note-1'))).map((e) => e.data);
    expect(texts).toEqual([{ text: 'other' }, { text: 'mine' }]);
  });

  it('projection commits and lease changes give up the same way', async () => {
    const store = open(100);
    await store.projections.reset('p', 1);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.projections.tryAcquireLease('p', 'me', 1_000)).rejects.toMatchObject({
      code: 'STORE_FAILURE',
      cause: { code: 'SQLITE_BUSY' },
    });
    await expect(
      store.projections.commit({
        name: 'p',
        version: 1,
        expectedPosition: undefined,
        position: '1',
        documents: [{ id: 'a', document: { n: 1 } }],
        committedAt: '2024-01-01T00:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'STORE_FAILURE' });
    other.exec('ROLLBACK');
    expect(await store.projections.getDocument('p', 'a')).toBeUndefined();
  });
});

describe('a UNIQUE violation on (stream, version) from a writer outside the store', () => {
  it('becomes a ConcurrencyError with the real version, keeping the driver error', async () => {
    const store = open(1_000);
    await store.appendToStream('note-1', note('first'));
    // Simulates a foreign writer that slips a row in at the version the store is writing.
    other.exec(`
      CREATE TRIGGER intruder BEFORE INSERT ON safeledger_events WHEN NEW.type = 'Collide'
      BEGIN
        INSERT INTO safeledger_events
          (event_id, stream_id, version, category, type, schema_version, data, metadata, recorded_at)
        VALUES ('intruder-' || NEW.event_id, NEW.stream_id, NEW.version, NEW.category, 'Intruder', 1,
                '{}', '{}', NEW.recorded_at);
      END`);
    const error = await store
      .appendToStream('note-1', [{ type: 'Collide', data: {} }], { expectedVersion: 1 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isConcurrencyError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ streamId: 'note-1', expected: 1, actual: 1 });
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    // The whole transaction, the intruder's row included, was rolled back.
    expect((await toArray(store.readStream('note-1'))).map((e) => e.type)).toEqual(['NoteWritten']);
  });
});
