import { z } from 'zod';
import { STORE_LIMITS } from './store-limits.js';

/** Who issued a command: a person acting in a role for an organisation or an enterprise. */
export const ActorSchema = z
  .object({
    personId: z.string().min(1),
    role: z.string().min(1),
    orgId: z.string().min(1).optional(),
    enterpriseId: z.string().min(1).optional(),
  })
  .strict();
/** An `Actor`, as `ActorSchema` parses it. */
export type Actor = z.infer<typeof ActorSchema>;

// ISO-8601 with an explicit offset: business time must be unambiguous across timezones.
const isoInstant = z.iso.datetime({ offset: true });

// Ids other records refer to; bounded so every store can index them (see STORE_LIMITS).
const metadataId = z.string().min(1).max(STORE_LIMITS.metadataIdLength);

/**
 * Envelope metadata every event carries; the store fills `occurredAt` when it is absent. The
 * command handler sets `commandId` together with the `commandType` and a `commandHash`
 * (fingerprint of the command's canonical JSON), so a command id reused for a different command
 * is detected (A6).
 */
export const EventMetadataSchema = z
  .object({
    correlationId: metadataId.optional(),
    causationId: metadataId.optional(),
    commandId: metadataId.optional(),
    commandType: z.string().min(1).max(STORE_LIMITS.eventTypeLength).optional(),
    commandHash: z.string().min(1).max(STORE_LIMITS.metadataIdLength).optional(),
    actor: ActorSchema.optional(),
    tenantId: z.string().min(1).optional(),
    occurredAt: isoInstant.optional(),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();
/** `EventMetadata`, as `EventMetadataSchema` parses it. */
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** Metadata as stored: `occurredAt` is always present. */
export type StoredEventMetadata = EventMetadata & { readonly occurredAt: string };

/** The domain half of an event: a past-tense type and its payload. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Optional envelope fields a writer may set on an event to append. */
export interface NewEventOptions {
  /** ULID; generated when absent. Reusing ids makes a retried append idempotent (A6). */
  readonly eventId?: string;
  /** Defaults to the registered schema's current version. */
  readonly schemaVersion?: number;
  readonly metadata?: EventMetadata;
}

/** An event to append. Distributes over event unions so `type` and `data` stay correlated. */
export type NewEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & NewEventOptions
  : never;

/** The store-assigned envelope of a recorded event. */
export interface EventEnvelope {
  /** ULID, unique in the whole store. */
  readonly eventId: string;
  /** `<category>-<id>`. */
  readonly streamId: string;
  /** 1-based, contiguous position inside the stream. */
  readonly version: number;
  /**
   * Opaque global checkpoint. Positions of one store are totally ordered and compare correctly
   * as plain strings (fixed-width encoding); never do arithmetic on them.
   */
  readonly position: string;
  /** Version of `data`'s schema after upcasting (as written, for raw events). */
  readonly schemaVersion: number;
  readonly metadata: StoredEventMetadata;
  /** Store time of the commit, ISO-8601 UTC. */
  readonly recordedAt: string;
}

/** A recorded event: the domain event plus its envelope. Distributes over event unions. */
export type StoredEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & EventEnvelope
  : never;

/** What an append may expect the stream to be: any state, absent, present, or exactly a version. */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

/** The outcome of an append (A4). */
export interface AppendResult {
  /** Version of the first event of the batch. */
  readonly firstVersion: number;
  /** Version of the stream after the batch: pass it as `expectedVersion` next time. */
  readonly nextVersion: number;
  /** Global position of the batch's last event. */
  readonly position: string;
  /** True when this batch created the stream. */
  readonly created: boolean;
  /** True when the batch had already been appended and nothing was written (A6). */
  readonly duplicate: boolean;
}

/** Options of `appendToStream`. */
export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion | undefined;
}

/** Options of `readStream`. */
export interface ReadStreamOptions {
  /** First version to read when going forward, last when going backward. */
  readonly fromVersion?: number | undefined;
  readonly direction?: 'forward' | 'backward' | undefined;
  readonly maxCount?: number | undefined;
}

/** Filter and range of a global-log read. */
export interface ReadAllOptions {
  /** Exclusive lower bound: a checkpoint previously handed out by this store. */
  readonly after?: string | undefined;
  readonly maxCount?: number | undefined;
  readonly types?: readonly string[] | undefined;
  readonly categories?: readonly string[] | undefined;
}

/** The category of a stream id: the text before its first `-`. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

/** Builds `<category>-<id>`; rejects a category containing `-` since it could not be parsed back. */
export function toStreamId(category: string, id: string): string {
  if (category.length === 0 || category.includes('-')) {
    throw new TypeError(`stream category "${category}" must be non-empty and contain no "-"`);
  }
  return `${category}-${id}`;
}
