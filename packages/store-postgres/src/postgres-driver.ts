import {
  type AppendRequest,
  type AppendResult,
  ConcurrencyError,
  type EventStoreDriver,
  type ExpectedVersion,
  type ReadAllPage,
  type ReadAllPageOptions,
  resolveDuplicateAppend,
  type StoredEvent,
  type StoredEventMetadata,
  StoreFailureError,
  type StreamReadRange,
  sleep,
  ValidationError,
} from '@safeledger/core';
import { type ClusterCheck, checkCluster } from './cluster.js';
import type { StoreContext } from './context.js';
import { int, json, type RawRow } from './database.js';
import {
  errorCode,
  isTransient,
  RESTORE_DETECTED,
  translateError,
  violatedConstraint,
} from './pg-errors.js';
import { decodePosition, encodePosition } from './position.js';
import type { WakeUps } from './wake-ups.js';

/** Attempts of one append when the database asks for a retry (deadlock, restore detected). */
const MAX_ATTEMPTS = 4;
/** Pauses between re-reads of a page whose end is held back (see `readAllPage`). */
const VISIBILITY_BACKOFF_MS = [1, 2, 5, 10, 20, 50];

/** Turns an event row (see the event columns in statements.ts) into a stored event. */
export function toStoredEvent(row: RawRow): StoredEvent {
  return {
    eventId: row.event_id!,
    streamId: row.stream_id!,
    version: int(row.version),
    position: encodePosition(row.epoch!, row.xid!, row.seq!),
    type: row.type!,
    schemaVersion: int(row.schema_version),
    data: json(row.data),
    metadata: json(row.metadata) as StoredEventMetadata,
    recordedAt: row.recorded_at!,
  } as StoredEvent;
}

// 'any' → -1, 'stream_exists' → -2, 'no_stream' → 0 (the same check as exactly 0), n → n.
function expectedCode(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'stream_exists') return -2;
  if (expected === 'no_stream') return 0;
  return expected;
}

function serialiseBatch(request: AppendRequest, tenantId: string, scoped: boolean): string {
  const batch = request.events.map((event, index) => {
    const tenant = event.metadata.tenantId;
    if (scoped && tenant !== undefined && tenant !== tenantId) {
      throw new ValidationError(
        `event ${index} ("${event.type}") has metadata tenantId "${tenant}" but the store is scoped to tenant "${tenantId}"`,
        [{ index, type: event.type, path: 'metadata.tenantId', message: 'tenant mismatch' }],
      );
    }
    return {
      i: event.eventId,
      t: event.type,
      v: event.schemaVersion,
      d: event.data,
      m: event.metadata,
    };
  });
  try {
    return JSON.stringify(batch);
  } catch (error) {
    throw new ValidationError(
      `append to "${request.streamId}": the batch cannot be serialised as JSON`,
      [],
      { cause: error },
    );
  }
}

/** The event half of the store: append, stream reads and the gap-safe global log. */
export function createPostgresDriver(
  context: StoreContext,
  parts: Pick<EventStoreDriver, 'snapshots' | 'projections' | 'close'> & {
    readonly wakeUps: WakeUps;
    readonly cluster: ClusterCheck;
    /** True when the caller chose a tenant explicitly. */
    readonly scoped: boolean;
  },
): EventStoreDriver {
  const { sql, tenantId } = context;

  const existingEvents = async (request: AppendRequest): Promise<StoredEvent[]> => {
    const ids = request.events.map((event) => event.eventId);
    const rows = await context.query(
      sql.eventsById,
      [tenantId, ids],
      `append to "${request.streamId}"`,
    );
    return rows.map(toStoredEvent);
  };

  const append = async (request: AppendRequest): Promise<AppendResult> => {
    const { streamId, expectedVersion, events } = request;
    const payload = serialiseBatch(request, tenantId, parts.scoped);
    const values = [tenantId, streamId, expectedCode(expectedVersion), payload, request.recordedAt];
    let rows: RawRow[] | undefined;
    for (let attempt = 1; rows === undefined; attempt++) {
      try {
        rows = await context.exec(sql.append, values);
      } catch (error) {
        const code = errorCode(error);
        if (code === '23505' && violatedConstraint(error) === 'events_pkey') {
          // An event id of the batch was committed meanwhile (a concurrent retry of the same
          // batch, or a reused id): decide exactly as the reference store does (A6).
          const existing = await existingEvents(request);
          const duplicate = resolveDuplicateAppend(streamId, events, expectedVersion, existing);
          if (duplicate !== undefined) return duplicate;
          throw translateError(error, `append to "${streamId}"`, context.schema);
        }
        if (attempt < MAX_ATTEMPTS && code === RESTORE_DETECTED) {
          await checkCluster(parts.cluster).catch((cause: unknown) => {
            throw translateError(cause, `append to "${streamId}"`, context.schema);
          });
          continue;
        }
        if (attempt < MAX_ATTEMPTS && isTransient(error)) continue;
        throw translateError(error, `append to "${streamId}"`, context.schema);
      }
    }
    const first = rows[0];
    if (first === undefined) {
      throw new StoreFailureError(`append to "${streamId}" returned no result`);
    }
    if (first.kind === 'conflict') {
      throw new ConcurrencyError(streamId, expectedVersion, int(first.version));
    }
    if (first.kind === 'duplicate') {
      // The append statement returns no event columns (see statements.ts): the stored events
      // whose ids the batch reused are committed and never change, so read them now.
      const duplicate = resolveDuplicateAppend(
        streamId,
        events,
        expectedVersion,
        await existingEvents(request),
      );
      if (duplicate !== undefined) return duplicate;
      throw new StoreFailureError(`append to "${streamId}" found no stored events to compare`);
    }
    const before = int(first.version);
    parts.wakeUps.appended();
    return {
      firstVersion: before + 1,
      nextVersion: before + events.length,
      position: encodePosition(first.epoch!, first.xid!, first.seq!),
      created: before === 0,
      duplicate: false,
    };
  };

  async function* readStream(
    streamId: string,
    range: StreamReadRange,
  ): AsyncIterable<readonly StoredEvent[]> {
    const forward = range.direction === 'forward';
    const statement = forward ? sql.readStreamForward : sql.readStreamBackward;
    let remaining = range.maxCount;
    let from = range.fromVersion;
    while (remaining > 0 && (forward || from >= 1)) {
      const limit = Math.min(context.readChunkSize, remaining);
      const rows = await context.query(
        statement,
        [tenantId, streamId, from, limit],
        `read stream "${streamId}"`,
      );
      if (rows.length > 0) yield rows.map(toStoredEvent);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = int(rows[rows.length - 1]!.version);
      from = forward ? last + 1 : last - 1;
    }
  }

  const readAllPage = async (options: ReadAllPageOptions): Promise<ReadAllPage> => {
    // A page that reaches the visible end while committed events wait behind an open
    // transaction is retried for a short while: usually that transaction is another append
    // about to commit, and the reader then sees what was committed before it asked. Each page
    // is gap-safe on its own; the wait only makes the end of the log less stale.
    const deadline = Date.now() + context.visibilityWaitMs;
    for (let attempt = 0; ; attempt++) {
      const { page, held } = await readPage(options);
      const remaining = deadline - Date.now();
      if (!held || !page.caughtUp || remaining <= 0) return page;
      await sleep(Math.min(remaining, VISIBILITY_BACKOFF_MS[attempt] ?? 100));
    }
  };

  const readPage = async (
    options: ReadAllPageOptions,
  ): Promise<{ page: ReadAllPage; held: boolean }> => {
    const after = decodePosition(options.after);
    const filtered = options.types !== undefined || options.categories !== undefined;
    const statement =
      options.categories !== undefined
        ? sql.readAllByCategory
        : filtered
          ? sql.readAllFiltered
          : sql.readAll;
    const values: unknown[] = [tenantId, after.epoch, after.xid, after.seq, options.maxCount];
    if (filtered) {
      values.push(options.types === undefined ? null : [...options.types]);
      if (options.categories !== undefined) values.push([...options.categories]);
    }
    const rows = await context.query(statement, values, 'read the global log');
    const events: StoredEvent[] = [];
    let head: string | undefined;
    let held = false;
    for (const row of rows) {
      if (row.kind === 'h') head = encodePosition(row.epoch!, row.xid!, row.seq!);
      else if (row.kind === 'p') held = true;
      else events.push(toStoredEvent(row));
    }
    events.sort((a, b) => (a.position < b.position ? -1 : 1));
    if (events.length >= options.maxCount) {
      const checkpoint = events[events.length - 1]!.position;
      return { page: { events, checkpoint, caughtUp: false }, held };
    }
    // The page reached the visible end: every event up to the head was scanned, matched or not
    // (S3). The head comes from the same snapshot as the page, so nothing can hide below it.
    const last = filtered ? head : events[events.length - 1]?.position;
    const checkpoint =
      last !== undefined && (options.after === undefined || last > options.after)
        ? last
        : options.after;
    return { page: { events, checkpoint, caughtUp: true }, held };
  };

  return {
    name: 'postgres',
    head: async () => {
      context.assertOpen();
      // The last row below the visibility bound: what a caught-up page checkpoints at (R1).
      const [row] = await context.query(sql.head, [tenantId], 'read the head of the global log');
      return row === undefined ? undefined : encodePosition(row.epoch!, row.xid!, row.seq!);
    },
    findCommandEvents: async (streamId, commandId) => {
      context.assertOpen();
      const rows = await context.query(
        sql.commandEvents,
        [tenantId, streamId, commandId],
        `look up command "${commandId}" in stream "${streamId}"`,
      );
      return rows.map(toStoredEvent);
    },
    append: async (request) => {
      context.assertOpen();
      return append(request);
    },
    readStream: (streamId, range) => {
      context.assertOpen();
      return readStream(streamId, range);
    },
    readAllPage: async (options) => {
      context.assertOpen();
      return readAllPage(options);
    },
    watch: (listener) => parts.wakeUps.watch(listener),
    snapshots: parts.snapshots,
    projections: parts.projections,
    close: parts.close,
  };
}
