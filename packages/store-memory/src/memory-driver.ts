import {
  type AppendRequest,
  type AppendResult,
  assertExpectedVersion,
  type EventStoreDriver,
  type ReadAllPage,
  type ReadAllPageOptions,
  resolveDuplicateAppend,
  type StoredEvent,
  type StreamReadRange,
  streamCategory,
  ValidationError,
} from '@safeledger/core';
import { frozenJsonCopy } from './json-copy.js';
import { createMemoryProjectionStore } from './memory-projection-store.js';
import { createMemorySnapshotStore } from './memory-snapshot-store.js';
import { commandKey, type MemoryStorage } from './memory-storage.js';
import { decodePosition, encodePosition } from './position.js';

/** Options of the memory driver. */
export interface MemoryDriverOptions {
  readonly storage: MemoryStorage;
  /** Milliseconds clock for lease expiry. */
  readonly now: () => number;
}

/**
 * The reference driver. Every append runs synchronously from check to write, so no other
 * append can interleave: that is this store's transaction.
 */
export function createMemoryDriver(options: MemoryDriverOptions): EventStoreDriver {
  const { storage } = options;
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new Error('memory event store is closed');
  };

  const notify = () => {
    for (const listener of storage.listeners) listener();
  };

  return {
    name: 'memory',

    async append(request: AppendRequest): Promise<AppendResult> {
      assertOpen();
      const { streamId, events, expectedVersion } = request;
      const found: StoredEvent[] = [];
      for (const event of events) {
        const existing = storage.eventIds.get(event.eventId);
        if (existing !== undefined) found.push(existing);
      }
      const duplicate = resolveDuplicateAppend(streamId, events, expectedVersion, found);
      if (duplicate !== undefined) return duplicate;

      const stream = storage.streams.get(streamId);
      const actual = stream?.length ?? 0;
      assertExpectedVersion(streamId, expectedVersion, actual);

      // Build every row before touching storage: a failure here leaves no trace (A3, A4).
      const rows = events.map((event, index): StoredEvent => {
        let data: unknown;
        let metadata: StoredEvent['metadata'];
        try {
          data = frozenJsonCopy(event.data);
          metadata = frozenJsonCopy(event.metadata);
        } catch (error) {
          throw new ValidationError(`event ${index} ("${event.type}") cannot be stored as JSON`, [
            { index, type: event.type, path: 'data', message: (error as Error).message },
          ]);
        }
        return Object.freeze({
          eventId: event.eventId,
          streamId,
          version: actual + index + 1,
          position: encodePosition(storage.log.length + index + 1),
          type: event.type,
          schemaVersion: event.schemaVersion,
          data,
          metadata,
          recordedAt: request.recordedAt,
        });
      });
      const target = stream ?? [];
      if (stream === undefined) storage.streams.set(streamId, target);
      for (const row of rows) {
        target.push(row);
        storage.log.push(row);
        storage.eventIds.set(row.eventId, row);
        const commandId = row.metadata.commandId;
        if (commandId !== undefined) {
          const key = commandKey(streamId, commandId);
          const known = storage.commands.get(key);
          if (known === undefined) storage.commands.set(key, [row]);
          else known.push(row);
        }
      }
      const last = rows[rows.length - 1]!;
      // Wake-ups after the caller has its result, never inside the append.
      if (storage.listeners.size > 0) void Promise.resolve().then(notify);
      return {
        firstVersion: actual + 1,
        nextVersion: last.version,
        position: last.position,
        created: actual === 0,
        duplicate: false,
      };
    },

    readStream(streamId: string, options: StreamReadRange): AsyncIterable<readonly StoredEvent[]> {
      assertOpen();
      const stream = storage.streams.get(streamId) ?? [];
      let selected: StoredEvent[];
      if (options.direction === 'forward') {
        const start = Math.max(options.fromVersion, 1) - 1;
        selected = stream.slice(start, start + Math.min(options.maxCount, stream.length));
      } else {
        const end = Math.min(options.fromVersion, stream.length);
        selected = stream.slice(Math.max(0, end - options.maxCount), end).reverse();
      }
      return iterate(selected);
    },

    async head(): Promise<string | undefined> {
      assertOpen();
      return storage.log.length === 0 ? undefined : encodePosition(storage.log.length);
    },

    async findCommandEvents(streamId: string, commandId: string): Promise<StoredEvent[]> {
      assertOpen();
      return [...(storage.commands.get(commandKey(streamId, commandId)) ?? [])];
    },

    async readAllPage(options: ReadAllPageOptions): Promise<ReadAllPage> {
      assertOpen();
      const start = decodePosition(options.after);
      const types = options.types ? new Set(options.types) : undefined;
      const categories = options.categories ? new Set(options.categories) : undefined;
      const events: StoredEvent[] = [];
      const log = storage.log;
      let index = start;
      for (; index < log.length && events.length < options.maxCount; index++) {
        const event = log[index]!;
        if (types !== undefined && !types.has(event.type)) continue;
        if (categories !== undefined && !categories.has(streamCategory(event.streamId))) continue;
        events.push(event);
      }
      // Everything before `index` was scanned, matched or not, so the reader may checkpoint there.
      const checkpoint = index > start ? encodePosition(index) : options.after;
      return { events, checkpoint, caughtUp: index >= log.length };
    },

    watch(listener: () => void): () => void {
      storage.listeners.add(listener);
      return () => storage.listeners.delete(listener);
    },

    snapshots: createMemorySnapshotStore(storage),
    projections: createMemoryProjectionStore(storage, options.now),

    async close() {
      closed = true;
    },
  };
}

// The selection is taken when the read starts, as an SQL store's snapshot would be: one page.
async function* iterate(events: readonly StoredEvent[]): AsyncIterable<readonly StoredEvent[]> {
  if (events.length > 0) yield events;
}
