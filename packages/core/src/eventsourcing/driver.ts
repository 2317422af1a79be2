import type {
  AppendResult,
  ExpectedVersion,
  StoredEvent,
  StoredEventMetadata,
} from './envelope.js';
import type { ProjectionStore } from './projection-store.js';
import type { SnapshotStore } from './snapshot-store.js';

/** An event ready to be written: ids, versions of schema and metadata are all settled. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: StoredEventMetadata;
  /** False when the store filled `occurredAt`; idempotent retries then ignore it (A6). */
  readonly occurredAtSupplied: boolean;
}

/** An append as handed to a driver. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly recordedAt: string;
}

/** A fully specified stream read, as handed to a driver. */
export interface StreamReadRange {
  /** First version when going forward, last when going backward. */
  readonly fromVersion: number;
  readonly direction: 'forward' | 'backward';
  readonly maxCount: number;
}

/** A page of the global log. */
export interface ReadAllPage {
  /** Matching events in position order, as stored (not yet upcast). */
  readonly events: readonly StoredEvent[];
  /**
   * Every event at or before this position that matches the filter is in this page or an
   * earlier one, so a reader may checkpoint here even when no event matched (S3).
   * `undefined` only while the store is empty and no `after` was given.
   */
  readonly checkpoint: string | undefined;
  /** True when the page reached the end of what is visible now. */
  readonly caughtUp: boolean;
}

/** Range and filter of one global-log page. */
export interface ReadAllPageOptions {
  readonly after?: string | undefined;
  readonly maxCount: number;
  readonly types?: readonly string[] | undefined;
  readonly categories?: readonly string[] | undefined;
}

/**
 * The seam an adapter implements. Core wraps it with validation (A5), upcasting (R2),
 * subscriptions and aggregate loading, so every adapter gets those identically.
 */
export interface EventStoreDriver {
  /** Short adapter name for messages, e.g. `memory`. */
  readonly name: string;
  /**
   * Appends atomically: expected-version check (A1-A3), batch atomicity (A4) and idempotency
   * (A6, see `resolveDuplicateAppend`) all inside one storage transaction.
   */
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Events of one stream as stored, in the requested order, in pages (the chunks the adapter
   * reads anyway): folding a page needs no await per event, which keeps stream loads fast.
   */
  readStream(streamId: string, range: StreamReadRange): AsyncIterable<readonly StoredEvent[]>;
  /** One gap-safe page of the global log (R1). */
  readAllPage(options: ReadAllPageOptions): Promise<ReadAllPage>;
  /**
   * The position of the last event a reader can be handed now (gap-safe, R1), `undefined` for
   * an empty store: where every caught-up page's checkpoint would be. `catchUp()` of a
   * projection runner waits for the stored checkpoint to reach it. Optional: without it core
   * pages through the log with a filter matching nothing.
   */
  head?(): Promise<string | undefined>;
  /**
   * The events of one stream whose `metadata.commandId` is `commandId`, as stored, in version
   * order. An indexed lookup: the command handler asks it when a command id is not among the
   * commands it folded, so idempotency (A6) holds for commands of any age, snapshots or not.
   */
  findCommandEvents(streamId: string, commandId: string): Promise<readonly StoredEvent[]>;
  /** Wake-up hints after appends (never required for correctness, S2); returns an unsubscribe. */
  watch?(listener: () => void): () => void;
  readonly snapshots: SnapshotStore;
  readonly projections: ProjectionStore;
  /** Releases connections and timers; the driver is unusable afterwards. */
  close(): Promise<void>;
}
