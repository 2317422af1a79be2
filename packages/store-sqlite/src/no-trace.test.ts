import {
  createUlidGenerator,
  type EventStore,
  type ExpectedVersion,
  isConcurrencyError,
  isIdempotencyError,
  type NewEvent,
} from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

const newId = createUlidGenerator();
const note = (text: string, eventId?: string): NewEvent => ({
  type: 'NoteWritten',
  data: { text },
  ...(eventId === undefined ? {} : { eventId }),
});

let path: string;
let db: Database.Database;
let store: EventStore;

beforeEach(() => {
  path = tempDatabasePath('no-trace');
  db = new Database(path);
  store = createSqliteEventStore({ database: db }, { wal: true });
});

afterEach(async () => {
  await store.close();
  db.close();
  removeDatabaseFiles(path);
});

/** Everything a rejected append could have left behind, read straight from the tables. */
function traces() {
  return {
    rows: db.prepare('SELECT count(*) FROM safeledger_events').pluck().get(),
    existingVersion: db
      .prepare("SELECT max(version) FROM safeledger_events WHERE stream_id = 'note-existing'")
      .pluck()
      .get(),
    absentRows: db
      .prepare("SELECT count(*) FROM safeledger_events WHERE stream_id = 'note-absent'")
      .pluck()
      .get(),
    // The AUTOINCREMENT high-water mark: a consumed position would show here even without a row.
    sequence: db
      .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'safeledger_events'")
      .pluck()
      .get(),
  };
}

describe('A3 at the SQL level: a rejected append leaves no trace', () => {
  it('no row, no version and no position for every rejected expected-version form', async () => {
    await store.appendToStream('note-existing', [note('a'), note('b')]);
    await store.appendToStream('note-other', [note('c')]);
    const before = traces();
    expect(before).toEqual({ rows: 3, existingVersion: 2, absentRows: 0, sequence: 3 });

    const rejected: Array<[string, ExpectedVersion]> = [
      ['note-existing', 'no_stream'],
      ['note-existing', 0],
      ['note-existing', 1],
      ['note-existing', 3],
      ['note-existing', 99],
      ['note-absent', 'stream_exists'],
      ['note-absent', 1],
      ['note-absent', 5],
    ];
    for (const [streamId, expectedVersion] of rejected) {
      for (const size of [1, 3]) {
        const batch = Array.from({ length: size }, (_, i) => note(`x${i}`));
        const error = await store.appendToStream(streamId, batch, { expectedVersion }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isConcurrencyError(error), `${streamId} @ ${String(expectedVersion)}`).toBe(true);
        expect(traces(), `${streamId} @ ${String(expectedVersion)} × ${size}`).toEqual(before);
      }
    }

    // The next accepted append takes exactly the next position and version.
    const next = await store.appendToStream('note-existing', [note('d')], { expectedVersion: 2 });
    expect(next).toMatchObject({ firstVersion: 3, position: '0000000000000000004' });
    const created = await store.appendToStream('note-absent', [note('e')], {
      expectedVersion: 'no_stream',
    });
    expect(created).toMatchObject({
      firstVersion: 1,
      created: true,
      position: '0000000000000000005',
    });
  });

  it('no row and no position for rejected idempotency conflicts', async () => {
    const ids = [newId(), newId()];
    await store.appendToStream('note-existing', [note('a', ids[0]), note('b', ids[1])]);
    const before = traces();

    const attempts: Array<Promise<unknown>> = [
      // Same ids, other content.
      store.appendToStream('note-existing', [note('a', ids[0]), note('changed', ids[1])]),
      // Part of the batch already stored.
      store.appendToStream('note-existing', [note('a', ids[0]), note('b', ids[1]), note('c')]),
      // Same batch on another stream.
      store.appendToStream('note-absent', [note('a', ids[0]), note('b', ids[1])]),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isIdempotencyError(error), String(error)).toBe(true);
      expect(traces()).toEqual(before);
    }

    // An exact retry is answered from the stored rows and writes nothing either.
    const retry = await store.appendToStream('note-existing', [
      note('a', ids[0]),
      note('b', ids[1]),
    ]);
    expect(retry).toMatchObject({ duplicate: true, firstVersion: 1, nextVersion: 2 });
    expect(traces()).toEqual(before);
  });
});
