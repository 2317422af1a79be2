import { createEventStore, type EventStore, type StoredEvent, toArray } from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore, openSqliteDriver } from './create-sqlite-event-store.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('readStream in chunks', () => {
  it('crosses chunk boundaries forward and backward, honouring fromVersion and maxCount', async () => {
    const db = new Database(':memory:');
    // Chunks of 3 rows: every read below spans several queries.
    const store = createEventStore(openSqliteDriver({ database: db }, {}, { streamChunk: 3 }));
    cleanups.push(
      () => db.close(),
      () => store.close(),
    );
    await store.appendToStream(
      'note-1',
      Array.from({ length: 10 }, (_, i) => ({ type: 'NoteWritten', data: { i } })),
    );
    await store.appendToStream('note-2', [{ type: 'NoteWritten', data: {} }]);
    const versions = async (options: object) =>
      (await toArray(store.readStream('note-1', options))).map((e) => e.version);
    expect(await versions({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await versions({ fromVersion: 3, maxCount: 7 })).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(await versions({ fromVersion: 4, maxCount: 6 })).toEqual([4, 5, 6, 7, 8, 9]);
    expect(await versions({ direction: 'backward' })).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await versions({ direction: 'backward', fromVersion: 8, maxCount: 4 })).toEqual([
      8, 7, 6, 5,
    ]);
    expect(await versions({ direction: 'backward', fromVersion: 2 })).toEqual([2, 1]);
    expect(await versions({ fromVersion: 11 })).toEqual([]);
  });

  it('a consumer that stops early reads no further chunks', async () => {
    const db = new Database(':memory:');
    const store = createEventStore(openSqliteDriver({ database: db }, {}, { streamChunk: 2 }));
    cleanups.push(
      () => db.close(),
      () => store.close(),
    );
    await store.appendToStream(
      'note-1',
      Array.from({ length: 6 }, (_, i) => ({ type: 'NoteWritten', data: { i } })),
    );
    // A corrupt row in the third chunk is never reached by a reader that stops after two events.
    db.exec("UPDATE safeledger_events SET data = '{' WHERE version = 5");
    const taken: StoredEvent[] = [];
    for await (const event of store.readStream('note-1')) {
      taken.push(event);
      if (taken.length === 2) break;
    }
    expect(taken.map((e) => e.version)).toEqual([1, 2]);
  });
});

describe('in-process wake-ups', () => {
  it('an append on one connection wakes subscribers of another store on the same file', async () => {
    const path = tempDatabasePath('wake-ups');
    cleanups.push(() => removeDatabaseFiles(path));
    const reader: EventStore = createSqliteEventStore({ path });
    const writer: EventStore = createSqliteEventStore({ path });
    cleanups.push(
      () => reader.close(),
      () => writer.close(),
    );
    const seen: StoredEvent[] = [];
    let delivered: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    // Polling alone would take an hour; only the wake-up hint can deliver within the test.
    const subscription = reader.subscribe({ pollIntervalMs: 3_600_000 }, (event) => {
      seen.push(event);
      delivered();
    });
    await writer.appendToStream('note-1', [{ type: 'NoteWritten', data: { text: 'wake' } }]);
    await arrived;
    await subscription.stop();
    expect(seen.map((e) => e.data)).toEqual([{ text: 'wake' }]);
  });

  it('closing a store drops the listeners it registered', async () => {
    const db = new Database(':memory:');
    cleanups.push(() => db.close());
    const store = createSqliteEventStore({ database: db });
    let wakes = 0;
    store.watch(() => {
      wakes += 1;
    });
    const other = createSqliteEventStore({ database: db });
    cleanups.push(() => other.close());
    await other.appendToStream('note-1', [{ type: 'NoteWritten', data: {} }]);
    await Promise.resolve();
    expect(wakes).toBe(1);
    await store.close();
    await other.appendToStream('note-1', [{ type: 'NoteWritten', data: {} }]);
    await Promise.resolve();
    expect(wakes).toBe(1);
  });
});
