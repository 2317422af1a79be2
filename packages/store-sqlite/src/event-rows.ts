import {
  type PreparedEvent,
  type StoredEvent,
  type StoredEventMetadata,
  UnreadableEventError,
  ValidationError,
} from '@safeledger/core';
import { encodePosition } from './position.js';

/** The event columns every read selects, in this order (statements run in raw mode). */
export const EVENT_COLUMNS =
  'position, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at';

/** One event row as better-sqlite3 returns it in raw mode. */
export type EventRow = [
  position: number,
  eventId: string,
  streamId: string,
  version: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** A prepared event turned into the text columns it is stored as. */
export interface EncodedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  /** `metadata.commandId`, kept in its own indexed column for the command lookup. */
  readonly commandId: string | null;
}

/**
 * Serialises a batch before any transaction starts, so a payload JSON cannot represent fails
 * the append without having touched the database.
 * @throws ValidationError (`VALIDATION_FAILED`) naming the event's index in the batch.
 */
export function encodeEvents(events: readonly PreparedEvent[]): EncodedEvent[] {
  return events.map((event, index) => ({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: toJson(event.data, index, event.type, 'data'),
    metadata: toJson(event.metadata, index, event.type, 'metadata'),
    commandId: event.metadata.commandId ?? null,
  }));
}

function toJson(value: unknown, index: number, type: string, path: string): string {
  let text: string | undefined;
  let cause: unknown;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    cause = error;
  }
  if (typeof text !== 'string') {
    throw new ValidationError(
      `event ${index} ("${type}") has ${path} that cannot be stored as JSON`,
      [{ index, type, path, message: 'must be JSON-serialisable' }],
      cause === undefined ? undefined : { cause },
    );
  }
  return text;
}

/**
 * Turns a stored row back into an event.
 * @throws UnreadableEventError (`UNREADABLE_EVENT`) naming stream and version when the row's
 * JSON is corrupt.
 */
export function decodeRow(row: EventRow): StoredEvent {
  const [position, eventId, streamId, version, type, schemaVersion, data, metadata, recordedAt] =
    row;
  const where: RowIdentity = {
    streamId,
    version,
    eventId,
    type,
    position: encodePosition(position),
  };
  return {
    eventId,
    streamId,
    version,
    position: where.position,
    type,
    schemaVersion,
    data: parseColumn(data, 'data', where),
    metadata: parseMetadata(metadata, where),
    recordedAt,
  } as StoredEvent;
}

/** What an unreadable row's error names, so a reader can stop exactly at it (S6). */
interface RowIdentity {
  readonly streamId: string;
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly position: string;
}

function unreadable(where: RowIdentity, reason: string): UnreadableEventError {
  return new UnreadableEventError(where.streamId, where.version, reason, {
    eventId: where.eventId,
    type: where.type,
    position: where.position,
  });
}

function parseColumn(text: string, column: string, where: RowIdentity): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The SyntaxError is not kept as cause: its message quotes the stored text, and payloads
    // must never reach error messages or logs.
    throw unreadable(where, `stored ${column} is not valid JSON`);
  }
}

function parseMetadata(text: string, where: RowIdentity): StoredEventMetadata {
  const metadata = parseColumn(text, 'metadata', where);
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw unreadable(where, 'stored metadata is not a JSON object');
  }
  return metadata as StoredEventMetadata;
}
