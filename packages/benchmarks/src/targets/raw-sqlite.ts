import { createUlidGenerator, streamCategory } from '@safeledger/core';
import { createSqliteEventStore, type SqliteSynchronous } from '@safeledger/store-sqlite';
import Database from 'better-sqlite3';
import type { BenchEvent } from '../bench-event.js';
import type { Contender } from './target.js';
import { tempDatabase } from './temp-file.js';

/**
 * better-sqlite3 running the statements our adapter runs, in the same IMMEDIATE transaction,
 * with none of our layers: the ceiling our SQLite store is measured against, at the same
 * durability setting (a ratio between NORMAL and FULL would measure fsync, not code).
 */
export const rawSqlite = (synchronous: SqliteSynchronous): Contender => ({
  name: `raw better-sqlite3 (${synchronous})`,
  family: 'sqlite',
  kind: 'raw',
  open: async () => {
    const file = tempDatabase(`raw-${synchronous.toLowerCase()}`);
    // Our store creates the schema, so both run against identical tables and indexes.
    await createSqliteEventStore({ path: file.path }).close();
    const db = new Database(file.path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    const newId = createUlidGenerator();
    const findById = db.prepare('SELECT position FROM safeledger_events WHERE event_id = ?');
    const currentVersion = db
      .prepare('SELECT max(version) FROM safeledger_events WHERE stream_id = ?')
      .pluck();
    const insert = db.prepare(
      `INSERT INTO safeledger_events
         (event_id, stream_id, version, category, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    // The statement our store reads a stream with: same columns, same order, same page size.
    const read = db.prepare(
      `SELECT position, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at
       FROM safeledger_events WHERE stream_id = ? AND version >= 1 ORDER BY version LIMIT 1000`,
    );
    const append = db.transaction(
      (streamId: string, expected: number, events: readonly BenchEvent[]) => {
        const ids = events.map(() => newId());
        for (const id of ids) if (findById.get(id) !== undefined) throw new Error('duplicate');
        const actual = (currentVersion.get(streamId) as number | null) ?? 0;
        if (actual !== expected) throw new Error(`expected ${expected}, found ${actual}`);
        const now = new Date().toISOString();
        const metadata = JSON.stringify({ occurredAt: now });
        const category = streamCategory(streamId);
        events.forEach((event, i) => {
          insert.run(
            ids[i],
            streamId,
            actual + i + 1,
            category,
            event.type,
            JSON.stringify(event.data),
            metadata,
            now,
          );
        });
      },
    );
    return {
      family: 'sqlite',
      kind: 'raw',
      settings: `WAL, synchronous ${synchronous}`,
      appendOne: async (streamId, expected, event) => append.immediate(streamId, expected, [event]),
      appendBatch: async (streamId, events) => append.immediate(streamId, 0, events),
      loadStream: async (streamId) => {
        const rows = read.all(streamId) as Array<{ data: string; metadata: string }>;
        for (const row of rows) {
          JSON.parse(row.data);
          JSON.parse(row.metadata);
        }
        return rows.length;
      },
      close: async () => {
        db.close();
        file.remove();
      },
    };
  },
});
