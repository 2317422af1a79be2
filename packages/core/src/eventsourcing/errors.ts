/**
 * Every error safeledger raises on purpose carries a string `code`. Guards test the code (and a
 * global brand), never `instanceof`, so two copies of core loaded in one application still
 * recognise each other's errors.
 */

// A type-only import: errors stay free of runtime dependencies.
import type { ExpectedVersion } from './envelope.js';

/** The stable error codes of safeledger. */
export type ErrorCode =
  | 'CONCURRENCY_CONFLICT'
  | 'IDEMPOTENCY_CONFLICT'
  | 'VALIDATION_FAILED'
  | 'RULE_VIOLATION'
  | 'UNKNOWN_EVENT_TYPE'
  | 'UNREADABLE_EVENT'
  | 'PROJECTION_LAGGING'
  | 'CHECKPOINT_CONFLICT'
  | 'STORE_FAILURE';

// Symbol.for is shared across realms and module copies, unlike a module-local symbol.
const BRAND = Symbol.for('safeledger.error');

/** Base class of every error safeledger throws on purpose. */
export class SafeledgerError extends Error {
  /** Stable, machine-readable error code. */
  readonly code: ErrorCode;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }
}

/** The stream was not at the version the caller expected (A2). */
export class ConcurrencyError extends SafeledgerError {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly actual: number;

  constructor(
    streamId: string,
    expected: ExpectedVersion,
    actual: number,
    options?: { cause?: unknown },
  ) {
    super(
      'CONCURRENCY_CONFLICT',
      `expected version ${describeExpected(expected)} for stream "${streamId}" but found ${describeActual(actual)}`,
      options,
    );
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

function describeExpected(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? String(expected) : `'${expected}'`;
}

function describeActual(actual: number): string {
  return actual === 0 ? 'no stream (version 0)' : `version ${actual}`;
}

/** An append reused event ids (or a command id) with different content (A6). */
export class IdempotencyConflictError extends SafeledgerError {
  readonly streamId: string;
  readonly eventId: string | undefined;
  readonly reason: string;

  constructor(
    streamId: string,
    reason: string,
    options?: { eventId?: string | undefined; cause?: unknown },
  ) {
    super(
      'IDEMPOTENCY_CONFLICT',
      `idempotency conflict on stream "${streamId}"${options?.eventId ? ` (event ${options.eventId})` : ''}: ${reason}`,
      options,
    );
    this.streamId = streamId;
    this.eventId = options?.eventId;
    this.reason = reason;
  }
}

/** One invalid event of a batch, with the schema issues that rejected it. */
export interface ValidationIssue {
  /**
   * Index of the event in the appended batch; absent when the input was not a batch of events
   * (a command, a configuration object, an option).
   */
  readonly index?: number;
  readonly type: string;
  /** Dotted path inside `data` (empty for the whole payload). */
  readonly path: string;
  readonly message: string;
}

/** A payload or argument failed validation; nothing was written (A5). */
export class ValidationError extends SafeledgerError {
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    super('VALIDATION_FAILED', message, options);
    this.issues = issues;
  }
}

/** A domain rule rejected a command; `rule` is the rule id of the domain spec (e.g. `H-13`). */
export class RuleViolationError extends SafeledgerError {
  readonly rule: string;
  /** Short name of the violation, e.g. `IncompletePlan`. */
  readonly violation: string;
  /** The offending values, safe to show (never secrets or whole payloads). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    rule: string,
    violation: string,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super('RULE_VIOLATION', `${rule} ${violation}: ${message}`);
    this.rule = rule;
    this.violation = violation;
    this.details = details;
  }
}

/** A stored event has a type no schema is registered for, under the `error` policy (R2). */
export class UnknownEventTypeError extends SafeledgerError {
  readonly type: string;
  readonly streamId: string;
  readonly version: number;
  /** The event's id and global position, when the reader knows them (a projection stops there). */
  readonly eventId: string | undefined;
  readonly position: string | undefined;

  constructor(
    type: string,
    streamId: string,
    version: number,
    options?: { eventId?: string | undefined; position?: string | undefined },
  ) {
    super(
      'UNKNOWN_EVENT_TYPE',
      `unknown event type "${type}" at stream "${streamId}" version ${version}: register its schema or choose the 'skip' or 'raw' policy`,
    );
    this.type = type;
    this.streamId = streamId;
    this.version = version;
    this.eventId = options?.eventId;
    this.position = options?.position;
  }
}

/**
 * A stored event cannot be turned into its current shape: corrupt JSON, a schema version with no
 * upcaster, or an upcaster that failed.
 */
export class UnreadableEventError extends SafeledgerError {
  readonly streamId: string;
  readonly version: number;
  readonly reason: string;
  /** The event's id, type and global position, when the reader knows them. */
  readonly eventId: string | undefined;
  readonly type: string | undefined;
  readonly position: string | undefined;

  constructor(
    streamId: string,
    version: number,
    reason: string,
    options?: {
      cause?: unknown;
      eventId?: string | undefined;
      type?: string | undefined;
      position?: string | undefined;
    },
  ) {
    super(
      'UNREADABLE_EVENT',
      `cannot read event at stream "${streamId}" version ${version}: ${reason}`,
      options,
    );
    this.streamId = streamId;
    this.version = version;
    this.reason = reason;
    this.eventId = options?.eventId;
    this.type = options?.type;
    this.position = options?.position;
  }
}

/** A read model is behind the versions a command depends on (G-9); retryable. */
export class ProjectionLaggingError extends SafeledgerError {
  readonly projection: string;

  constructor(projection: string, detail: string) {
    super('PROJECTION_LAGGING', `projection "${projection}" is lagging: ${detail}`);
    this.projection = projection;
  }
}

/**
 * The storage layer failed (I/O, lock timeout, constraint); `cause` holds the driver error.
 * `transient` marks failures that may pass if the same call is tried again later (connection
 * lost, server restarting, lock or serialization timeouts); adapters set it, and projection
 * runners retry those with backoff instead of stopping (S6).
 */
export class StoreFailureError extends SafeledgerError {
  readonly transient: boolean;

  constructor(message: string, options?: { cause?: unknown; transient?: boolean }) {
    super('STORE_FAILURE', message, options);
    this.transient = options?.transient ?? false;
  }
}

function hasCode(error: unknown, code: ErrorCode): boolean {
  return isSafeledgerError(error) && error.code === code;
}

/** True for any error raised by safeledger, whichever copy of core created it. */
export function isSafeledgerError(error: unknown): error is SafeledgerError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[BRAND] === true &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** True when an append failed its expected-version check. */
export function isConcurrencyError(error: unknown): error is ConcurrencyError {
  return hasCode(error, 'CONCURRENCY_CONFLICT');
}

/** True when an append conflicted with an earlier one sharing its ids. */
export function isIdempotencyError(error: unknown): error is IdempotencyConflictError {
  return hasCode(error, 'IDEMPOTENCY_CONFLICT');
}

/** True when a payload or argument failed validation. */
export function isValidationError(error: unknown): error is ValidationError {
  return hasCode(error, 'VALIDATION_FAILED');
}

/** True when a domain rule rejected a command. */
export function isRuleViolation(error: unknown): error is RuleViolationError {
  return hasCode(error, 'RULE_VIOLATION');
}

/** True when a stored event's type has no registered schema. */
export function isUnknownEventTypeError(error: unknown): error is UnknownEventTypeError {
  return hasCode(error, 'UNKNOWN_EVENT_TYPE');
}

/** True when a stored event could not be decoded or upcast. */
export function isUnreadableEventError(error: unknown): error is UnreadableEventError {
  return hasCode(error, 'UNREADABLE_EVENT');
}

/** True when a read model is behind what a command needs. */
export function isProjectionLaggingError(error: unknown): error is ProjectionLaggingError {
  return hasCode(error, 'PROJECTION_LAGGING');
}

/** True when the storage layer failed. */
export function isStoreFailure(error: unknown): error is StoreFailureError {
  return hasCode(error, 'STORE_FAILURE');
}

/**
 * True for a store failure that may pass on a later try (see `StoreFailureError.transient`).
 * Reads the flag structurally, so errors of another copy of core are recognised too.
 */
export function isTransientStoreFailure(error: unknown): boolean {
  return isStoreFailure(error) && (error as { transient?: unknown }).transient === true;
}

/** True when a projection commit lost the race for its checkpoint. */
export function isCheckpointConflictError(error: unknown): error is CheckpointConflictError {
  return hasCode(error, 'CHECKPOINT_CONFLICT');
}

/**
 * A projection commit lost a race: the stored checkpoint moved since the batch was read. It has
 * its own code, not `CONCURRENCY_CONFLICT`: a command handler retrying appends on
 * `isConcurrencyError` must never mistake a projection's fence for a stream conflict.
 */
export class CheckpointConflictError extends SafeledgerError {
  readonly projection: string;

  constructor(projection: string, expected: string | undefined, actual: string | undefined) {
    super(
      'CHECKPOINT_CONFLICT',
      `projection "${projection}" checkpoint expected at ${expected ?? 'start'} but found ${actual ?? 'start'}`,
    );
    this.projection = projection;
  }
}
