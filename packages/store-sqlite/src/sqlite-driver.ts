import {
  type AppendRequest,
  type AppendResult,
  assertExpectedVersion,
  ConcurrencyError,
  type EventStoreDriver,
  type ReadAllPage,
  type ReadAllPageOptions,
  resolveDuplicateAppend,
  type StoredEvent,
  type StreamReadRange,
  streamCategory,
} from '@safeledger/core';
import type BetterSqlite3 from 'better-sqlite3';
import {
  decodeRow,
  type EncodedEvent,
  EVENT_COLUMNS,
  type EventRow,
  encodeEvents,
} from './event-rows.js';
import {
  createGlobalLogReader,
  DEFAULT_GLOBAL_LOG_TUNING,
  type GlobalLogTuning,
} from './global-log.js';
import { encodePosition } from './position.js';
import { isUniqueViolation } from './sqlite-errors.js';
import { createSqliteProjectionStore } from './sqlite-projection-store.js';
import { createSqliteSnapshotStore } from './sqlite-snapshot-store.js';
import type { StoreAccess } from './store-access.js';
import { listen, notify, wakeUpKey } from './wake-ups.js';

/** Options of the SQLite driver; the connection is already configured and migrated. */
export interface SqliteDriverOptions {
  readonly db: BetterSqlite3.Database;
  readonly access: StoreAccess;
  /** Close the connection with the store: true only for connections the store opened. */
  readonly ownsConnection: boolean;
  readonly tuning?: Partial<ReadTuning>;
}

/** Internal sizes of reads; the defaults suit every store, tests shrink them. */
export interface ReadTuning extends GlobalLogTuning {
  /** Rows fetched per query while iterating a stream. */
  readonly streamChunk: number;
}

const DEFAULT_STREAM_CHUNK = 1_000;

const connections = new WeakMap<EventStoreDriver, BetterSqlite3.Database>();

/** Internal: the connection a driver runs on, for tests that read pragmas back. */
export function driverConnection(driver: EventStoreDriver): BetterSqlite3.Database | undefined {
  return connections.get(driver);
}

// A UNIQUE violation cannot happen under our own write lock; it means a writer outside this
// library (or an older one without BEGIN IMMEDIATE) slipped in. Re-running the transaction
// sees its rows, so the outcome is the ordinary conflict, duplicate or success.
const CONSTRAINT_RETRIES = 2;

/**
 * The SQLite driver: one IMMEDIATE transaction per append, so the expected-version check and
 * the idempotency lookup run under the write lock (A1, A6) and a failure rolls everything
 * back, positions included (A3).
 */
export function createSqliteDriver(options: SqliteDriverOptions): EventStoreDriver {
  const { db, access } = options;
  const { events } = access.tables;
  const chunk = options.tuning?.streamChunk ?? DEFAULT_STREAM_CHUNK;
  const wakeKey = wakeUpKey(db);
  const unwatchers = new Set<() => void>();

  const currentVersion = db
    .prepare(`SELECT max(version) FROM ${events} WHERE stream_id = ?`)
    .pluck();
  const findById = db.prepare(`SELECT ${EVENT_COLUMNS} FROM ${events} WHERE event_id = ?`).raw();
  const findByIds = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
       WHERE event_id IN (SELECT value FROM json_each(?))`,
    )
    .raw();
  const insert = db.prepare(
    `INSERT INTO ${events}
       (event_id, stream_id, version, category, type, schema_version, data, metadata, recorded_at,
        command_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forward = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
       WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?`,
    )
    .raw();
  const backward = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
       WHERE stream_id = ? AND version <= ? ORDER BY version DESC LIMIT ?`,
    )
    .raw();
  const lastPosition = db.prepare(`SELECT max(position) FROM ${events}`).pluck();
  const byCommand = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
       WHERE stream_id = ? AND command_id = ? ORDER BY version`,
    )
    .raw();
  const readPage = createGlobalLogReader(db, access.tables, {
    ...DEFAULT_GLOBAL_LOG_TUNING,
    ...options.tuning,
  });

  const versionOf = (streamId: string): number =>
    (currentVersion.get(streamId) as number | null) ?? 0;

  const appendTransaction = db.transaction(
    (request: AppendRequest, encoded: readonly EncodedEvent[]): AppendResult => {
      const { streamId, expectedVersion } = request;
      const found = (
        encoded.length === 1
          ? findById.all(encoded[0]!.eventId)
          : findByIds.all(JSON.stringify(encoded.map((event) => event.eventId)))
      ) as EventRow[];
      if (found.length > 0) {
        const duplicate = resolveDuplicateAppend(
          streamId,
          request.events,
          expectedVersion,
          found.map(decodeRow),
        );
        if (duplicate !== undefined) return duplicate;
      }
      const actual = versionOf(streamId);
      assertExpectedVersion(streamId, expectedVersion, actual);
      const category = streamCategory(streamId);
      let position = 0;
      for (let index = 0; index < encoded.length; index++) {
        const event = encoded[index]!;
        const { lastInsertRowid } = insert.run(
          event.eventId,
          streamId,
          actual + index + 1,
          category,
          event.type,
          event.schemaVersion,
          event.data,
          event.metadata,
          request.recordedAt,
          event.commandId,
        );
        position = Number(lastInsertRowid);
      }
      return {
        firstVersion: actual + 1,
        nextVersion: actual + encoded.length,
        position: encodePosition(position),
        created: actual === 0,
        duplicate: false,
      };
    },
  );

  const appendOnce = (request: AppendRequest, encoded: readonly EncodedEvent[]): AppendResult => {
    for (let attempt = 0; ; attempt++) {
      try {
        return appendTransaction.immediate(request, encoded);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt < CONSTRAINT_RETRIES) continue;
        throw new ConcurrencyError(
          request.streamId,
          request.expectedVersion,
          versionOf(request.streamId),
          { cause: error },
        );
      }
    }
  };

  async function* readChunks(
    streamId: string,
    range: StreamReadRange,
  ): AsyncIterable<readonly StoredEvent[]> {
    const statement = range.direction === 'forward' ? forward : backward;
    const step = range.direction === 'forward' ? 1 : -1;
    let cursor = range.fromVersion;
    let remaining = range.maxCount;
    while (remaining > 0) {
      const limit = Math.min(remaining, chunk);
      const from = cursor;
      const rows = (await access.run('stream read', () =>
        statement.all(streamId, from, limit),
      )) as EventRow[];
      // Rows are decoded one by one: when one is unreadable, the events before it are still
      // delivered, then the error names the bad row.
      const page: StoredEvent[] = [];
      try {
        for (const row of rows) page.push(decodeRow(row));
      } catch (error) {
        if (page.length > 0) yield page;
        throw error;
      }
      if (page.length > 0) yield page;
      if (rows.length < limit) return;
      remaining -= rows.length;
      cursor = rows[rows.length - 1]![3] + step;
    }
  }

  const driver: EventStoreDriver = {
    name: 'sqlite',

    async append(request: AppendRequest): Promise<AppendResult> {
      access.assertOpen();
      // Serialised before the transaction: nothing JSON cannot hold gets near the database.
      const encoded = encodeEvents(request.events);
      const result = await access.run('append', () => appendOnce(request, encoded));
      if (!result.duplicate) notify(db, wakeKey);
      return result;
    },

    readStream(streamId: string, range: StreamReadRange): AsyncIterable<readonly StoredEvent[]> {
      access.assertOpen();
      return readChunks(streamId, range);
    },

    async head(): Promise<string | undefined> {
      // Writers are serialised and AUTOINCREMENT keys are handed out in commit order, so the
      // largest committed position is final: nothing can appear below it later (R1).
      const last = (await access.run('head read', () => lastPosition.get())) as number | null;
      return last === null ? undefined : encodePosition(last);
    },

    async findCommandEvents(streamId: string, commandId: string): Promise<StoredEvent[]> {
      const rows = (await access.run('command lookup', () =>
        byCommand.all(streamId, commandId),
      )) as EventRow[];
      return rows.map(decodeRow);
    },

    readAllPage(pageOptions: ReadAllPageOptions): Promise<ReadAllPage> {
      return access.run('global log read', () => readPage(pageOptions));
    },

    watch(listener: () => void): () => void {
      const unwatch = listen(db, wakeKey, listener);
      const entry = () => {
        unwatchers.delete(entry);
        unwatch();
      };
      unwatchers.add(entry);
      return entry;
    },

    snapshots: createSqliteSnapshotStore(db, access),
    projections: createSqliteProjectionStore(db, access),

    async close() {
      access.close();
      for (const unwatch of [...unwatchers]) unwatch();
      if (options.ownsConnection && db.open) db.close();
    },
  };
  connections.set(driver, db);
  return driver;
}
