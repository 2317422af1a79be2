/**
 * @safeledger/core: the event-sourcing kernel (stores, deciders, command handling, upcasting,
 * snapshots, projections) and the work-safety supervision domain built on it.
 * Every public name is listed here; anything not exported from this file is internal.
 */

// ── Kernel ────────────────────────────────────────────────────────────────────────────────
export { toArray } from './eventsourcing/async-iterable.js';
export { canonicalJson } from './eventsourcing/canonical-json.js';
export {
  type CommandHandler,
  type CommandHandlerOptions,
  createCommandHandler,
  type HandledEvent,
  type HandleOptions,
  type HandleResult,
} from './eventsourcing/command-handler.js';
export type {
  CommandOf,
  DecideContext,
  Decider,
  EventOfDecider,
  SnapshotPolicy,
  StateOf,
} from './eventsourcing/decider.js';
export {
  type Clock,
  createUlidGenerator,
  type IdGenerator,
  isUlid,
  systemClock,
} from './eventsourcing/defaults.js';
export type {
  AppendRequest,
  EventStoreDriver,
  PreparedEvent,
  ReadAllPage,
  ReadAllPageOptions,
  StreamReadRange,
} from './eventsourcing/driver.js';
export {
  type Actor,
  ActorSchema,
  type AppendOptions,
  type AppendResult,
  type DomainEvent,
  type EventEnvelope,
  type EventMetadata,
  EventMetadataSchema,
  type ExpectedVersion,
  type NewEvent,
  type NewEventOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StoredEventMetadata,
  streamCategory,
  toStreamId,
} from './eventsourcing/envelope.js';
export {
  CheckpointConflictError,
  ConcurrencyError,
  type ErrorCode,
  IdempotencyConflictError,
  isConcurrencyError,
  isIdempotencyError,
  isProjectionLaggingError,
  isRuleViolation,
  isSafeledgerError,
  isStoreFailure,
  isUnknownEventTypeError,
  isUnreadableEventError,
  isValidationError,
  ProjectionLaggingError,
  RuleViolationError,
  SafeledgerError,
  StoreFailureError,
  UnknownEventTypeError,
  UnreadableEventError,
  ValidationError,
  type ValidationIssue,
} from './eventsourcing/errors.js';
export {
  defineEvent,
  defineUpcaster,
  type EventDefinition,
  type EventOf,
  type Upcaster,
} from './eventsourcing/event-definition.js';
export {
  createEventRegistry,
  type EventRegistry,
  type EventRegistryOptions,
  type UnknownEventTypePolicy,
} from './eventsourcing/event-registry.js';
export {
  type AggregateStreamOptions,
  createEventStore,
  type EventStore,
  type EventStoreOptions,
} from './eventsourcing/event-store.js';
export {
  assertExpectedVersion,
  assertValidExpectedVersion,
  matchesExpectedVersion,
} from './eventsourcing/expected-version.js';
export { resolveDuplicateAppend } from './eventsourcing/idempotency.js';
export { SNAPSHOT_COMMAND_WINDOW, snapshotKey } from './eventsourcing/load-aggregate.js';
export {
  DELETE_DOCUMENT,
  defineProjection,
  type Projection,
  SINGLE_DOCUMENT_ID,
} from './eventsourcing/projection.js';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './eventsourcing/projection-runner.js';
export type {
  DocumentWrite,
  ProjectionCheckpoint,
  ProjectionCommit,
  ProjectionFailure,
  ProjectionLease,
  ProjectionStore,
} from './eventsourcing/projection-store.js';
export { type RetryPolicy, withRetry } from './eventsourcing/retry.js';
export type { Snapshot, SnapshotCommand, SnapshotStore } from './eventsourcing/snapshot-store.js';
export type {
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from './eventsourcing/subscription.js';
export { type Alarm, createAlarm, sleep } from './eventsourcing/timers.js';
