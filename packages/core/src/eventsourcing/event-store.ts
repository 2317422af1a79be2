import type { Decider } from './decider.js';
import {
  type Clock,
  createUlidGenerator,
  type IdGenerator,
  isUlid,
  systemClock,
} from './defaults.js';
import type { EventStoreDriver, PreparedEvent, ReadAllPage, ReadAllPageOptions } from './driver.js';
import {
  type AppendOptions,
  type AppendResult,
  type DomainEvent,
  type EventMetadata,
  EventMetadataSchema,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from './envelope.js';
import { ValidationError } from './errors.js';
import type { EventRegistry } from './event-registry.js';
import { assertValidExpectedVersion } from './expected-version.js';
import { type LoadedAggregate, loadAggregate } from './load-aggregate.js';
import type { ProjectionStore } from './projection-store.js';
import type { SnapshotStore } from './snapshot-store.js';
import { findUnstorable, identifierProblem, quoteId, STORE_LIMITS } from './store-limits.js';
import {
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
  startPollingSubscription,
} from './subscription.js';

/** Options every adapter factory accepts and passes to `createEventStore`. */
export interface EventStoreOptions {
  /** Schemas and upcasters; without one the store is schemaless (no validation, no upcasting). */
  readonly registry?: EventRegistry;
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
}

/** Options of `aggregateStream`. */
export interface AggregateStreamOptions {
  /** Start from the decider's latest usable snapshot; default true when the decider has a policy. */
  readonly snapshots?: boolean;
}

/** The event store port every adapter provides. */
export interface EventStore {
  /** Adapter name, e.g. `memory`, `sqlite`, `postgres`. */
  readonly adapter: string;
  readonly registry: EventRegistry | undefined;
  /**
   * Appends a batch atomically under an expected-version check (A1-A7).
   * @throws ConcurrencyError (`CONCURRENCY_CONFLICT`) when the stream is not as expected.
   * @throws ValidationError (`VALIDATION_FAILED`) when an event fails its schema; nothing is written.
   * @throws IdempotencyConflictError (`IDEMPOTENCY_CONFLICT`) when event ids are reused differently.
   */
  appendToStream<E extends DomainEvent>(
    streamId: string,
    events: readonly NewEvent<E>[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Events of one stream in version order, upcast to their current shape (R2).
   * @throws UnknownEventTypeError / UnreadableEventError while iterating, per the registry's policy.
   */
  readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options?: ReadStreamOptions,
  ): AsyncIterable<StoredEvent<E>>;
  /** Folds a stream with a decider, from its latest usable snapshot when allowed (SN1). */
  aggregateStream<State, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, any, Event, any>,
    options?: AggregateStreamOptions,
  ): Promise<{ state: State; version: number }>;
  /** The global log in position order, after an optional checkpoint (R1, R2). */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** One page of the global log with the checkpoint its scan reached (S3). */
  readAllPage(options: ReadAllPageOptions): Promise<ReadAllPage>;
  /** Catch-up-then-live subscription to the global log (S2). */
  subscribe(options: SubscribeOptions, handler: SubscriptionHandler): Subscription;
  /** Wake-up hints after appends; returns an unsubscribe. */
  watch(listener: () => void): () => void;
  readonly snapshots: SnapshotStore;
  readonly projections: ProjectionStore;
  /** Closes the driver; subscriptions and runners on this store must be stopped first. */
  close(): Promise<void>;
}

/** Internal: the aggregate loader the command handler uses (with commands and tail events). */
export const LOAD_AGGREGATE = Symbol.for('safeledger.loadAggregate');
/** Internal: the indexed lookup of a command's events (see `EventStoreDriver.findCommandEvents`). */
export const FIND_COMMAND = Symbol.for('safeledger.findCommand');
/** Internal: the head of the global log (see `EventStoreDriver.head`). */
export const READ_HEAD = Symbol.for('safeledger.readHead');

/** An event store that also exposes the loader and the lookup the command handler needs. */
export interface EventStoreInternals {
  [LOAD_AGGREGATE]?: <State, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, any, Event, any>,
    useSnapshots: boolean,
  ) => Promise<LoadedAggregate<State>>;
  /** Events of the stream carrying the command id, upcast, in version order. */
  [FIND_COMMAND]?: (streamId: string, commandId: string) => Promise<StoredEvent[]>;
  /** The last position a reader can be handed now; `undefined` for an empty log. */
  [READ_HEAD]?: () => Promise<string | undefined>;
}

/**
 * The last position a reader of `store` can be handed now (the checkpoint of a caught-up page),
 * `undefined` while the log is empty. Uses the adapter's head when it has one; otherwise pages
 * through the log with a filter that matches nothing, which still moves the checkpoint (S3).
 */
export function readHead(store: EventStore): Promise<string | undefined> {
  const internal = (store as EventStore & EventStoreInternals)[READ_HEAD];
  return internal ? internal() : headByPaging((options) => store.readAllPage(options));
}

async function headByPaging(
  readPage: (options: ReadAllPageOptions) => Promise<ReadAllPage>,
): Promise<string | undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await readPage({ after, maxCount: 1, types: [] });
    if (page.caughtUp || page.checkpoint === after) return page.checkpoint;
    after = page.checkpoint;
  }
}

const DEFAULT_PAGE = 500;

/**
 * Wraps an adapter's driver into the full `EventStore`: validation, id and time defaults,
 * upcasting on every read path, aggregate loading and subscriptions live here once, so every
 * adapter behaves the same.
 */
export function createEventStore(
  driver: EventStoreDriver,
  options: EventStoreOptions = {},
): EventStore {
  const registry = options.registry;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? createUlidGenerator();
  const decode = (event: StoredEvent): StoredEvent | undefined =>
    registry === undefined ? event : registry.decode(event);

  const readAllPage = async (pageOptions: ReadAllPageOptions): Promise<ReadAllPage> => {
    assertLogFilter(pageOptions);
    assertPageSize(pageOptions.maxCount);
    const page = await driver.readAllPage(pageOptions);
    if (registry === undefined) return page;
    const events: StoredEvent[] = [];
    for (const [index, event] of page.events.entries()) {
      let decoded: StoredEvent | undefined;
      try {
        decoded = registry.decode(event);
      } catch (error) {
        // Deliver what could be read and stop just before the unreadable event, so the next
        // page starts with it and a reader (a projection, S6) fails exactly there.
        if (index === 0) throw error;
        return { events, checkpoint: page.events[index - 1]!.position, caughtUp: false };
      }
      if (decoded !== undefined) events.push(decoded);
    }
    return { ...page, events };
  };

  const load = <State, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, any, Event, any>,
    useSnapshots: boolean,
  ) =>
    loadAggregate({
      streamId,
      decider,
      useSnapshots,
      snapshots: driver.snapshots,
      read: (fromVersion) =>
        driver.readStream(streamId, {
          fromVersion,
          direction: 'forward',
          maxCount: Number.MAX_SAFE_INTEGER,
        }),
      decode,
    });

  const store: EventStore & EventStoreInternals = {
    adapter: driver.name,
    registry,
    snapshots: driver.snapshots,
    projections: driver.projections,

    async appendToStream(streamId, events, appendOptions = {}) {
      assertStreamId(streamId);
      const expectedVersion = appendOptions.expectedVersion ?? 'any';
      assertValidExpectedVersion(expectedVersion);
      if (!Array.isArray(events) || events.length === 0) {
        throw new ValidationError(`append to "${streamId}" needs at least one event`, []);
      }
      const recordedAt = clock().toISOString();
      const seen = new Set<string>();
      const prepared = events.map((event, index): PreparedEvent => {
        const prepared = prepareEvent(event as NewEvent, index, registry, newId, recordedAt);
        if (seen.has(prepared.eventId)) {
          throw new ValidationError(`event ${index} repeats event id ${prepared.eventId}`, [
            { index, type: prepared.type, path: 'eventId', message: 'duplicate id in batch' },
          ]);
        }
        seen.add(prepared.eventId);
        return prepared;
      });
      return driver.append({ streamId, events: prepared, expectedVersion, recordedAt });
    },

    readStream<E extends DomainEvent = DomainEvent>(
      streamId: string,
      readOptions: ReadStreamOptions = {},
    ): AsyncIterable<StoredEvent<E>> {
      assertStreamId(streamId);
      const direction = readOptions.direction ?? 'forward';
      if (direction !== 'forward' && direction !== 'backward') {
        throw new ValidationError(
          `direction ${JSON.stringify(direction)} is not 'forward' or 'backward'`,
          [],
        );
      }
      const fromVersion =
        readOptions.fromVersion ?? (direction === 'forward' ? 1 : Number.MAX_SAFE_INTEGER);
      const maxCount = readOptions.maxCount ?? Number.MAX_SAFE_INTEGER;
      assertNonNegativeInteger('fromVersion', fromVersion);
      assertNonNegativeInteger('maxCount', maxCount);
      const raw = driver.readStream(streamId, { fromVersion, direction, maxCount });
      return decodeAll(raw, decode) as AsyncIterable<StoredEvent<E>>;
    },

    async aggregateStream(streamId, decider, aggregateOptions = {}) {
      assertStreamId(streamId);
      const loaded = await load(streamId, decider, aggregateOptions.snapshots ?? true);
      return { state: loaded.state, version: loaded.version };
    },

    readAll(readOptions: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
      assertLogFilter(readOptions);
      const limit = readOptions.maxCount ?? Number.POSITIVE_INFINITY;
      if (limit !== Number.POSITIVE_INFINITY) assertNonNegativeInteger('maxCount', limit);
      return {
        async *[Symbol.asyncIterator]() {
          let after = readOptions.after;
          let remaining = limit;
          while (remaining > 0) {
            const page = await readAllPage({
              after,
              maxCount: Math.min(DEFAULT_PAGE, remaining),
              types: readOptions.types,
              categories: readOptions.categories,
            });
            for (const event of page.events) {
              yield event;
              remaining--;
            }
            if (page.caughtUp || page.checkpoint === after) return;
            after = page.checkpoint;
          }
        },
      };
    },

    readAllPage,

    subscribe(subscribeOptions, handler) {
      return startPollingSubscription(
        { readAllPage, ...(driver.watch ? { watch: driver.watch.bind(driver) } : {}) },
        subscribeOptions,
        handler,
      );
    },

    watch(listener) {
      return driver.watch?.(listener) ?? (() => {});
    },

    close: () => driver.close(),

    [LOAD_AGGREGATE]: load,

    [READ_HEAD]: () =>
      driver.head !== undefined
        ? driver.head()
        : headByPaging((options) => driver.readAllPage(options)),

    async [FIND_COMMAND](streamId, commandId) {
      const found: StoredEvent[] = [];
      for (const event of await driver.findCommandEvents(streamId, commandId)) {
        const decoded = decode(event);
        if (decoded !== undefined) found.push(decoded);
      }
      return found;
    },
  };
  return store;
}

function prepareEvent(
  event: NewEvent,
  index: number,
  registry: EventRegistry | undefined,
  newId: IdGenerator,
  recordedAt: string,
): PreparedEvent {
  if (typeof event !== 'object' || event === null) {
    throw new ValidationError(`event ${index} is not an object`, [
      { index, type: 'undefined', path: '', message: 'an event object is required' },
    ]);
  }
  const typeProblem = identifierProblem(event.type, STORE_LIMITS.eventTypeLength);
  if (typeProblem !== undefined) {
    throw new ValidationError(
      `event ${index} has type ${quoteId(event.type)}, which ${typeProblem}`,
      [{ index, type: String(event.type).slice(0, 60), path: 'type', message: typeProblem }],
    );
  }
  const { data, schemaVersion } =
    registry === undefined
      ? { data: event.data, schemaVersion: checkedSchemaVersion(event, index) }
      : registry.validate(
          {
            type: event.type,
            data: event.data,
            ...(event.schemaVersion === undefined ? {} : { schemaVersion: event.schemaVersion }),
          },
          index,
        );
  // Most appends carry no metadata of their own; they skip the schema walk.
  const metadataResult =
    event.metadata === undefined
      ? { success: true as const, data: {} as EventMetadata }
      : EventMetadataSchema.safeParse(event.metadata);
  if (!metadataResult.success) {
    const issues = metadataResult.error.issues.map((issue) => ({
      index,
      type: event.type,
      path: ['metadata', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new ValidationError(
      `event ${index} ("${event.type}") has invalid metadata: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
      { cause: metadataResult.error },
    );
  }
  const eventId = event.eventId ?? newId();
  // Ids the writer supplied are checked; generated ones are ULIDs by construction.
  if (event.eventId !== undefined && !isUlid(eventId)) {
    throw new ValidationError(
      `event ${index} ("${event.type}") has event id ${JSON.stringify(eventId)}, which is not a ULID`,
      [{ index, type: event.type, path: 'eventId', message: 'must be a ULID' }],
    );
  }
  if (data === undefined) {
    throw new ValidationError(`event ${index} ("${event.type}") has no data`, [
      { index, type: event.type, path: 'data', message: 'data is required (use {} for none)' },
    ]);
  }
  assertStorable(data, 'data', index, event.type);
  if (event.metadata !== undefined)
    assertStorable(metadataResult.data, 'metadata', index, event.type);
  const supplied = metadataResult.data.occurredAt !== undefined;
  return {
    eventId,
    type: event.type,
    schemaVersion,
    data,
    metadata: { ...metadataResult.data, occurredAt: metadataResult.data.occurredAt ?? recordedAt },
    occurredAtSupplied: supplied,
  };
}

async function* decodeAll(
  pages: AsyncIterable<readonly StoredEvent[]>,
  decode: (event: StoredEvent) => StoredEvent | undefined,
): AsyncIterable<StoredEvent> {
  for await (const page of pages) {
    for (const event of page) {
      const decoded = decode(event);
      if (decoded !== undefined) yield decoded;
    }
  }
}

function assertStreamId(streamId: unknown): asserts streamId is string {
  const problem = identifierProblem(streamId, STORE_LIMITS.streamIdLength);
  if (problem !== undefined) {
    throw new ValidationError(`streamId ${quoteId(streamId)} ${problem}`, []);
  }
}

function checkedSchemaVersion(event: NewEvent, index: number): number {
  const version: unknown = event.schemaVersion ?? 1;
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > STORE_LIMITS.maxSchemaVersion
  ) {
    const message = `must be an integer from 1 to ${STORE_LIMITS.maxSchemaVersion}`;
    throw new ValidationError(
      `event ${index} ("${event.type}") has schemaVersion ${JSON.stringify(version) ?? String(version)}, which ${message}`,
      [{ index, type: event.type, path: 'schemaVersion', message }],
    );
  }
  return version;
}

/** Rejects what some store could not keep exactly (R4); nothing is written. */
function assertStorable(value: unknown, field: string, index: number, type: string): void {
  const problem = findUnstorable(value);
  if (problem === undefined) return;
  const path = problem.path === '' ? field : `${field}.${problem.path}`;
  throw new ValidationError(`event ${index} ("${type}") has ${path} that ${problem.message}`, [
    { index, type, path, message: problem.message },
  ]);
}

function assertLogFilter(options: {
  readonly after?: unknown;
  readonly types?: unknown;
  readonly categories?: unknown;
}): void {
  if (options.after !== undefined && typeof options.after !== 'string') {
    throw new ValidationError(`after ${quoteId(options.after)} must be a position string`, []);
  }
  for (const name of ['types', 'categories'] as const) {
    const list = options[name];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      throw new ValidationError(`${name} must be an array of strings`, []);
    }
  }
}

function assertNonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(`${name} ${String(value)} must be an integer ≥ 0`, []);
  }
}

function assertPageSize(maxCount: number): void {
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw new ValidationError(`maxCount ${String(maxCount)} must be an integer ≥ 1`, []);
  }
}
