import type { DecideContext, Decider } from './decider.js';
import { type Clock, createUlidGenerator, type IdGenerator, systemClock } from './defaults.js';
import type {
  AppendResult,
  DomainEvent,
  EventMetadata,
  ExpectedVersion,
  StoredEvent,
  StoredEventMetadata,
} from './envelope.js';
import {
  ConcurrencyError,
  IdempotencyConflictError,
  isConcurrencyError,
  isProjectionLaggingError,
  ValidationError,
} from './errors.js';
import {
  type EventStore,
  type EventStoreInternals,
  FIND_COMMAND,
  LOAD_AGGREGATE,
} from './event-store.js';
import { assertValidExpectedVersion, matchesExpectedVersion } from './expected-version.js';
import { commandFingerprint } from './fingerprint.js';
import {
  type LoadedAggregate,
  loadAggregate,
  SNAPSHOT_COMMAND_WINDOW,
  snapshotKey,
} from './load-aggregate.js';
import { type RetryPolicy, withRetry } from './retry.js';
import { STORE_LIMITS } from './store-limits.js';

/** Options of `createCommandHandler`. */
export interface CommandHandlerOptions<
  State,
  Command,
  Event extends DomainEvent,
  Facts = undefined,
> {
  readonly store: EventStore;
  readonly decider: Decider<State, Command, Event, Facts>;
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
  /**
   * Retries on `ConcurrencyError` when the caller gave no expected version, and on
   * `ProjectionLaggingError` from the decider's `prepare` (G-9) in every case.
   */
  readonly retry?: RetryPolicy;
  /** Load from and write snapshots when the decider has a policy; default true. */
  readonly snapshots?: boolean;
  /** Called when saving a snapshot fails; the command itself has succeeded by then. */
  readonly onSnapshotError?: (error: unknown) => void;
}

/** Per-call options of a command handler. */
export interface HandleOptions {
  /**
   * Idempotency key (G-3): a retry with the same id and the same command appends nothing and
   * returns the original events, however long ago the original ran; the same id with a
   * different command is an `IdempotencyConflictError`.
   */
  readonly commandId?: string;
  /** The version the caller decided on (G-2); a mismatch fails at once, without retries. */
  readonly expectedVersion?: ExpectedVersion;
  /**
   * Envelope metadata for the produced events; `commandId`, `commandType` and `commandHash`
   * are set by the handler.
   */
  readonly metadata?: Omit<EventMetadata, 'commandId' | 'commandType' | 'commandHash'>;
}

/** An event the handler appended (or found already appended, for a retried command). */
export type HandledEvent<E extends DomainEvent> = E extends DomainEvent
  ? E & {
      readonly eventId: string;
      readonly streamId: string;
      readonly version: number;
      readonly metadata: StoredEventMetadata;
    }
  : never;

/** Outcome of handling one command. */
export interface HandleResult<State, Event extends DomainEvent> {
  /** State after the command's events. */
  readonly state: State;
  readonly events: readonly HandledEvent<Event>[];
  /** Stream version after the command. */
  readonly nextVersion: number;
  /** Position of the last appended event; undefined when nothing was appended. */
  readonly position: string | undefined;
  /** True when the command id had already been handled and nothing was appended. */
  readonly duplicate: boolean;
}

/** Handles one command against one stream. */
export type CommandHandler<State, Command, Event extends DomainEvent> = (
  streamId: string,
  command: Command,
  options?: HandleOptions,
) => Promise<HandleResult<State, Event>>;

/**
 * Creates a command handler: load (from a snapshot when possible), decide, append with
 * optimistic concurrency, retry with backoff on conflicts, idempotent by `commandId`.
 *
 * With a `commandId`, the produced events carry it with the command's type (its `type` field,
 * or the decider's name) and a fingerprint of the command's canonical JSON. A later call with
 * the same id finds those events (among the commands it folded, or by an indexed lookup for
 * commands older than its snapshot) and compares fingerprints.
 *
 * @throws RuleViolationError (`RULE_VIOLATION`) from the decider.
 * @throws ConcurrencyError (`CONCURRENCY_CONFLICT`) on a stale `expectedVersion`, or when retries run out.
 * @throws ValidationError (`VALIDATION_FAILED`) when a decided event fails its schema, or a
 * command with a `commandId` cannot be written as JSON.
 * @throws IdempotencyConflictError (`IDEMPOTENCY_CONFLICT`) when the `commandId` was used for a
 * different command on the stream.
 */
export function createCommandHandler<State, Command, Event extends DomainEvent, Facts = undefined>(
  options: CommandHandlerOptions<State, Command, Event, Facts>,
): CommandHandler<State, Command, Event> {
  const { store, decider } = options;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? createUlidGenerator();
  const useSnapshots = (options.snapshots ?? true) && decider.snapshot !== undefined;
  if (decider.snapshot !== undefined) {
    const every = decider.snapshot.every;
    if (!Number.isInteger(every) || every < 1) {
      throw new RangeError(
        `snapshot.every of decider "${decider.name}" must be an integer ≥ 1, got ${every}`,
      );
    }
  }
  const load = (streamId: string): Promise<LoadedAggregate<State>> => {
    const internal = (store as EventStore & EventStoreInternals)[LOAD_AGGREGATE];
    if (internal) return internal(streamId, decider, useSnapshots);
    // A store not built by createEventStore: fold through the public port (no snapshot window).
    return loadAggregate({
      streamId,
      decider,
      useSnapshots,
      snapshots: store.snapshots,
      read: (fromVersion) => onePerPage(store.readStream(streamId, { fromVersion })),
      decode: (event) => event,
    });
  };

  const findCommand = async (streamId: string, commandId: string): Promise<StoredEvent[]> => {
    const internal = (store as EventStore & EventStoreInternals)[FIND_COMMAND];
    if (internal) return internal(streamId, commandId);
    // A store not built by createEventStore: scan the stream through the public port.
    const found: StoredEvent[] = [];
    for await (const event of store.readStream(streamId)) {
      if (event.metadata.commandId === commandId) found.push(event);
    }
    return found;
  };

  const attempt = async (
    streamId: string,
    command: Command,
    handleOptions: HandleOptions,
    identity: CommandIdentity | undefined,
  ): Promise<HandleResult<State, Event>> => {
    const loaded = await load(streamId);

    if (identity !== undefined) {
      const seen = loaded.commands.find((known) => known.commandId === identity.commandId);
      if (seen !== undefined) {
        const original: StoredEvent[] = [];
        for await (const event of store.readStream(streamId, {
          fromVersion: seen.firstVersion,
          maxCount: seen.lastVersion - seen.firstVersion + 1,
        })) {
          original.push(event);
        }
        return replay(streamId, loaded, original, identity);
      }
      // Commands before the snapshot were not folded here: ask the store's index.
      if (loaded.snapshotVersion > 0) {
        const found = await findCommand(streamId, identity.commandId);
        if (found.length > 0) return replay(streamId, loaded, firstRun(found), identity);
      }
    }

    const expected = handleOptions.expectedVersion;
    if (expected !== undefined && !matchesExpectedVersion(expected, loaded.version)) {
      throw new ConcurrencyError(streamId, expected, loaded.version);
    }

    const now = clock();
    const context = { now, streamId, version: loaded.version };
    // Outside facts are loaded after the state and before deciding, on every attempt, so a
    // retry after a conflict or a lagging read model decides on fresh facts.
    const decided =
      decider.prepare === undefined
        ? decider.decide(command, loaded.state, context as DecideContext<Facts>)
        : decider.decide(command, loaded.state, {
            ...context,
            facts: await decider.prepare(command, loaded.state, context),
          } as DecideContext<Facts>);
    const events: readonly Event[] = isEventArray(decided) ? decided : [decided];
    if (events.length === 0) {
      return {
        state: loaded.state,
        events: [],
        nextVersion: loaded.version,
        position: undefined,
        duplicate: false,
      };
    }

    const fromCommand = decider.metadataFor?.(command) ?? {};
    const baseMetadata: EventMetadata = {
      ...fromCommand,
      ...handleOptions.metadata,
      ...(identity === undefined
        ? {}
        : {
            commandId: identity.commandId,
            commandType: identity.type,
            commandHash: identity.hash,
          }),
      occurredAt: handleOptions.metadata?.occurredAt ?? fromCommand.occurredAt ?? now.toISOString(),
    };
    if (identity !== undefined) {
      baseMetadata.correlationId ??= identity.commandId;
      baseMetadata.causationId ??= identity.commandId;
    }
    const toAppend = events.map((event) => ({
      type: event.type,
      data: event.data,
      eventId: newId(),
      metadata: baseMetadata,
    }));
    // Append at exactly the version we decided on: any interleaved write is a conflict.
    const result: AppendResult = await store.appendToStream(streamId, toAppend as never, {
      expectedVersion: loaded.version === 0 ? 'no_stream' : loaded.version,
    });

    let state = loaded.state;
    const handled = toAppend.map((event, index) => {
      const recorded = {
        ...event,
        streamId,
        version: result.firstVersion + index,
        metadata: event.metadata as StoredEventMetadata,
      } as unknown as HandledEvent<Event>;
      state = decider.evolve(state, recorded as unknown as Event);
      return recorded;
    });

    if (useSnapshots) {
      await maybeSnapshot(streamId, loaded, state, result.nextVersion, identity?.commandId);
    }
    return {
      state,
      events: handled,
      nextVersion: result.nextVersion,
      position: result.position,
      duplicate: false,
    };
  };

  const replay = (
    streamId: string,
    loaded: LoadedAggregate<State>,
    original: readonly StoredEvent[],
    identity: CommandIdentity,
  ): HandleResult<State, Event> => {
    const recorded = original[0]?.metadata;
    // Events written without a fingerprint (by hand, or by an older release) cannot be
    // compared; the command id alone then decides, as it always did.
    if (recorded?.commandHash !== undefined && recorded.commandHash !== identity.hash) {
      const before =
        recorded.commandType === undefined
          ? 'another command'
          : `a ${recorded.commandType} command`;
      throw new IdempotencyConflictError(
        streamId,
        `command id "${identity.commandId}" was already used for ${before} at version ${original[0]!.version}; this ${identity.type} command is a different one`,
        { eventId: original[0]!.eventId },
      );
    }
    return {
      state: loaded.state,
      events: original as unknown as HandledEvent<Event>[],
      nextVersion: loaded.version,
      position: original.at(-1)?.position,
      duplicate: true,
    };
  };

  const maybeSnapshot = async (
    streamId: string,
    loaded: LoadedAggregate<State>,
    state: State,
    version: number,
    commandId: string | undefined,
  ): Promise<void> => {
    const policy = decider.snapshot!;
    if (Math.floor(version / policy.every) <= Math.floor(loaded.version / policy.every)) return;
    const commands = [...loaded.commands];
    if (commandId !== undefined) {
      commands.push({ commandId, firstVersion: loaded.version + 1, lastVersion: version });
    }
    try {
      await store.snapshots.save({
        streamId,
        key: snapshotKey(decider)!,
        version,
        state: policy.toSnapshot ? policy.toSnapshot(state) : state,
        commands: commands.slice(-SNAPSHOT_COMMAND_WINDOW),
        takenAt: clock().toISOString(),
      });
    } catch (error) {
      options.onSnapshotError?.(error);
    }
  };

  return async (streamId, command, handleOptions = {}) => {
    const identity =
      handleOptions.commandId === undefined
        ? undefined
        : identify(command, handleOptions.commandId, decider.name);
    if (handleOptions.expectedVersion !== undefined) {
      assertValidExpectedVersion(handleOptions.expectedVersion);
      // The caller pinned the version: a conflict is their information, not ours to retry;
      // a lagging read model is nobody's decision, so waiting it out is still right.
      return withRetry(
        () => attempt(streamId, command, handleOptions, identity),
        isProjectionLaggingError,
        options.retry,
      );
    }
    return withRetry(
      () => attempt(streamId, command, handleOptions, identity),
      (error) => isConcurrencyError(error) || isProjectionLaggingError(error),
      options.retry,
    );
  };
}

/** What the handler records about a command with an id, to recognise its retries (A6). */
interface CommandIdentity {
  readonly commandId: string;
  /** The command's `type` field, or the decider's name for commands without one. */
  readonly type: string;
  readonly hash: string;
}

function identify(command: unknown, commandId: string, deciderName: string): CommandIdentity {
  const declared = (command as { type?: unknown } | null | undefined)?.type;
  const type = (typeof declared === 'string' && declared !== '' ? declared : deciderName).slice(
    0,
    STORE_LIMITS.eventTypeLength,
  );
  let hash: string;
  try {
    hash = commandFingerprint(command);
  } catch (error) {
    throw new ValidationError(
      `command ${type} with command id "${commandId}" cannot be written as JSON to fingerprint it: ${(error as Error).message}`,
      [],
      { cause: error },
    );
  }
  return { commandId, type, hash };
}

/** The first contiguous run of versions: one command's batch, even if the id was reused by hand. */
function firstRun(events: readonly StoredEvent[]): StoredEvent[] {
  const run: StoredEvent[] = [];
  for (const event of events) {
    if (run.length > 0 && event.version !== run[run.length - 1]!.version + 1) break;
    run.push(event);
  }
  return run;
}

function isEventArray<E>(value: E | readonly E[]): value is readonly E[] {
  return Array.isArray(value);
}

async function* onePerPage<T>(items: AsyncIterable<T>): AsyncIterable<readonly T[]> {
  for await (const item of items) yield [item];
}
