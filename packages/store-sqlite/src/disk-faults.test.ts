import { type EventStore, isStoreFailure, type NewEvent, type StoredEvent } from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

/*
 * Issue 20: a full disk and a read-only database. SQLite's `max_page_count` makes the file
 * "full" exactly as a full disk does (SQLITE_FULL), without filling the machine's disk; a
 * connection opened read-only stands for a file the process may not write.
 */

const note = (text: string): NewEvent => ({ type: 'NoteWritten', data: { text } });
const big = (n: number): NewEvent[] =>
  Array.from({ length: n }, (_, i) => note(`${i}:${'x'.repeat(4_000)}`));

async function all(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

let path: string;
let db: Database.Database;
let store: EventStore;

beforeEach(() => {
  path = tempDatabasePath('disk-faults');
  db = new Database(path);
  store = createSqliteEventStore({ database: db }, { wal: true });
});

afterEach(async () => {
  await store.close();
  db.close();
  removeDatabaseFiles(path);
});

describe('a full disk', () => {
  it('fails the append with a StoreFailureError naming SQLITE_FULL, writes nothing, and the store works again once space returns', async () => {
    await store.appendToStream('notes-1', [note('before')]);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);

    const failure = await store.appendToStream('notes-1', big(40)).catch((error) => error);
    expect(isStoreFailure(failure)).toBe(true);
    expect(failure.message).toMatch(/SQLITE_FULL/);
    // Space may return, so a caller's retry policy may try again.
    expect(failure.transient).toBe(true);
    // The batch is all or nothing: the stream and the log are as before the failure.
    const after = await all(store);
    expect(after.map((event) => event.data)).toEqual([{ text: 'before' }]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');

    db.pragma('max_page_count = 1073741823');
    const result = await store.appendToStream('notes-1', big(40), { expectedVersion: 1 });
    expect(result.nextVersion).toBe(41);
    const versions = (await all(store)).map((event) => event.version);
    expect(versions).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  });
});

describe('a read-only database', () => {
  it('reads, refuses appends with a StoreFailureError naming SQLITE_READONLY, writes nothing, and a writable connection appends again', async () => {
    await store.appendToStream('notes-1', [note('one')]);
    const readonly = new Database(path, { readonly: true });
    try {
      const reader = createSqliteEventStore({ database: readonly }, { migrate: false });
      expect((await all(reader)).map((event) => event.data)).toEqual([{ text: 'one' }]);
      const failure = await reader.appendToStream('notes-1', [note('two')]).catch((e) => e);
      expect(isStoreFailure(failure)).toBe(true);
      expect(failure.message).toMatch(/SQLITE_READONLY/);
      await reader.close();
    } finally {
      readonly.close();
    }
    expect((await all(store)).map((event) => event.data)).toEqual([{ text: 'one' }]);
    await store.appendToStream('notes-1', [note('two')], { expectedVersion: 1 });
    expect((await all(store)).map((event) => event.version)).toEqual([1, 2]);
  });
});
