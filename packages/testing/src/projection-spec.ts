import {
  canonicalJson,
  DELETE_DOCUMENT,
  type DomainEvent,
  type EventEnvelope,
  type Projection,
  type ProjectionStore,
  SINGLE_DOCUMENT_ID,
  type StoredEvent,
  type StoredEventMetadata,
} from '@safeledger/core';
import { Immer } from 'immer';

/**
 * An event given to a projection spec: the domain event and whichever envelope fields the
 * projection reads. The others get defaults: the spec's stream, contiguous versions per stream,
 * positions in the order given, `recordedAt` and `occurredAt` at the spec's `now`.
 */
export type GivenEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E &
      Partial<Omit<EventEnvelope, 'metadata'>> & {
        readonly metadata?: Partial<StoredEventMetadata>;
      }
  : never;

/** Defaults of a projection spec's envelopes. */
export interface ProjectionSpecOptions {
  /** Stream of events that name none; default `spec-1`. */
  readonly streamId?: string;
  /** `recordedAt`, and `occurredAt` when the event's metadata has none; default 2024-01-01T00:00:00Z. */
  readonly now?: Date;
}

/** Where a projection threw while folding the given events. */
export interface ProjectionSpecFailure<E extends DomainEvent = DomainEvent> {
  /** 0-based index of the failing event among the given ones. */
  readonly index: number;
  readonly event: StoredEvent<E>;
  readonly error: unknown;
}

/** The `then` half of a projection spec: assertions over the documents the events produced. */
export interface ProjectionSpecOutcome<Doc, E extends DomainEvent = DomainEvent> {
  /**
   * Asserts the document with this id exists and equals `expected` (compared as JSON, key
   * order ignored), or passes `expected` when it is a function; returns the document.
   */
  thenDocument(id: string, expected: Doc | ((document: Doc) => void)): Doc;
  /** Asserts there is no document with this id (never created, or deleted). */
  thenNoDocument(id: string): void;
  /** Asserts the projection holds exactly these documents, by id. */
  thenDocuments(expected: Readonly<Record<string, Doc>>): void;
  /** Asserts the projection threw on one of the events (and that `predicate` accepts the error). */
  thenFails(predicate?: (error: unknown) => boolean): ProjectionSpecFailure<E>;
  /** The documents, in id order (code point order, as stores list them). */
  documents(): Array<{ readonly id: string; readonly document: Doc }>;
  /**
   * Writes the documents into a projection store (after resetting the projection there), so
   * anything that reads a store answers over them. This is the seam for query-level specs: load
   * the documents into a memory store, then ask the store what a reader would ask.
   */
  writeTo(store: ProjectionStore): Promise<void>;
}

/** A given/then specification of a projection. */
export interface ProjectionSpec<Doc, E extends DomainEvent = DomainEvent> {
  /** Folds these events, in order, through the projection. */
  given(events: readonly GivenEvent<E>[]): ProjectionSpecOutcome<Doc, E>;
}

/** Thrown when a projection spec's expectation does not hold. */
export class ProjectionSpecError extends Error {
  override readonly name = 'ProjectionSpecError';
}

const DEFAULT_NOW = new Date('2024-01-01T00:00:00.000Z');
const POSITION_WIDTH = 16;
// As the projection runner folds: drafts are not frozen, so a document is plain data again.
const immer = new Immer({ autoFreeze: false });
const produce = immer.produce as (base: unknown, recipe: (draft: any) => unknown) => unknown;

/**
 * Specifies a projection by example: given events, then these documents. It folds the events
 * the way the projection runner does on a store: only `handles` types, `documentId` (a single
 * document by default; `null` skips the event), `init` for a new document, `apply` on an immer
 * draft, `DELETE_DOCUMENT` deletes. Events are frozen, as stored events are, and each document is
 * stored as JSON after every event, so a projection that keeps dates or class instances in its
 * documents sees here what it would see across batches in a real store. Pure and synchronous:
 * usable from any test runner.
 *
 * @example
 * projectionSpec(openHazards)
 *   .given([{ type: 'HazardRegistered', data: registered, streamId: 'hazard-h-1' }])
 *   .thenDocument('hazard-h-1', { hazardId: 'hazard-h-1', grade: 'major' });
 * @throws ProjectionSpecError from the `then` methods when the documents differ from the
 * expectation, or when the projection threw on an event and the spec expected documents.
 */
export function projectionSpec<Doc, E extends DomainEvent = DomainEvent>(
  projection: Projection<Doc, E>,
  options: ProjectionSpecOptions = {},
): ProjectionSpec<Doc, E> {
  const now = (options.now ?? DEFAULT_NOW).toISOString();
  const defaultStream = options.streamId ?? 'spec-1';
  return {
    given(given) {
      const events = storedEvents(given, defaultStream, now);
      const { documents, failure } = fold(projection, events);
      const settled = (): Map<string, Doc> => {
        if (failure === undefined) return documents;
        throw new ProjectionSpecError(
          `projection "${projection.name}" threw on event ${failure.index} (${failure.event.type}): ${describe(failure.error)}`,
          { cause: failure.error },
        );
      };
      const outcome: ProjectionSpecOutcome<Doc, E> = {
        thenDocument(id, expected) {
          const document = settled().get(id);
          if (document === undefined) {
            throw new ProjectionSpecError(
              `no document "${id}" in projection "${projection.name}"; it has ${describeIds(documents)}`,
            );
          }
          if (typeof expected === 'function') {
            (expected as (document: Doc) => void)(document);
          } else if (canonicalJson(document) !== canonicalJson(expected)) {
            throw new ProjectionSpecError(
              `document "${id}" differs\n  expected: ${canonicalJson(expected)}\n  actual:   ${canonicalJson(document)}`,
            );
          }
          return document;
        },
        thenNoDocument(id) {
          const document = settled().get(id);
          if (document !== undefined) {
            throw new ProjectionSpecError(
              `expected no document "${id}", found ${canonicalJson(document)}`,
            );
          }
        },
        thenDocuments(expected) {
          const actual = Object.fromEntries(settled());
          if (canonicalJson(actual) !== canonicalJson(expected)) {
            throw new ProjectionSpecError(
              `documents differ\n  expected: ${canonicalJson(expected)}\n  actual:   ${canonicalJson(actual)}`,
            );
          }
        },
        thenFails(predicate) {
          if (failure === undefined) {
            throw new ProjectionSpecError(
              `expected projection "${projection.name}" to throw, but it folded all ${events.length} events`,
            );
          }
          if (predicate !== undefined && !predicate(failure.error)) {
            throw new ProjectionSpecError(
              `the projection threw on event ${failure.index}, but the error did not match: ${describe(failure.error)}`,
              { cause: failure.error },
            );
          }
          return failure;
        },
        documents() {
          return [...settled()]
            .sort(([a], [b]) => compareCodePoints(a, b))
            .map(([id, document]) => ({ id, document }));
        },
        // A `thenQuery` step belongs next to this once projections can be queried: write the
        // documents to a memory store here, then run the query against that store.
        async writeTo(store) {
          const written = outcome.documents();
          await store.reset(projection.name, projection.version);
          await store.commit({
            name: projection.name,
            version: projection.version,
            expectedPosition: undefined,
            // The spec's positions were never issued by this store, so none is recorded.
            position: undefined,
            documents: written,
            committedAt: now,
          });
        },
      };
      return outcome;
    },
  };
}

function storedEvents<E extends DomainEvent>(
  given: readonly GivenEvent<E>[],
  defaultStream: string,
  now: string,
): StoredEvent<E>[] {
  const versions = new Map<string, number>();
  return given.map((event, index) => {
    const streamId = event.streamId ?? defaultStream;
    const version = event.version ?? (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const stored = {
      ...event,
      eventId: event.eventId ?? `spec-event-${index + 1}`,
      streamId,
      version,
      position: event.position ?? String(index + 1).padStart(POSITION_WIDTH, '0'),
      schemaVersion: event.schemaVersion ?? 1,
      recordedAt: event.recordedAt ?? now,
      metadata: { occurredAt: now, ...event.metadata },
    };
    // Stored events are immutable JSON for every reader; a projection must not change them.
    return deepFreeze(JSON.parse(JSON.stringify(stored))) as StoredEvent<E>;
  });
}

function fold<Doc, E extends DomainEvent>(
  projection: Projection<Doc, E>,
  events: readonly StoredEvent<E>[],
): { documents: Map<string, Doc>; failure: ProjectionSpecFailure<E> | undefined } {
  const handles = new Set<string>(projection.handles);
  const documents = new Map<string, Doc>();
  for (const [index, event] of events.entries()) {
    if (!handles.has(event.type)) continue;
    try {
      const id = projection.documentId ? projection.documentId(event) : SINGLE_DOCUMENT_ID;
      // A list of ids is a fan-out: the event applies to each of those documents.
      for (const one of id === null ? [] : typeof id === 'string' ? [id] : [...new Set(id)]) {
        const current = documents.get(one) ?? projection.init(one, event);
        const next = produce(current, (draft) => projection.apply(draft, event));
        if (next === DELETE_DOCUMENT || next === null || next === undefined) {
          documents.delete(one);
        } else {
          documents.set(one, JSON.parse(JSON.stringify(next)) as Doc);
        }
      }
    } catch (error) {
      return { documents, failure: { index, event, error } };
    }
  }
  return { documents, failure: undefined };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = left[index]!.codePointAt(0)! - right[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

function describeIds(documents: ReadonlyMap<string, unknown>): string {
  return documents.size === 0
    ? 'no documents'
    : `${[...documents.keys()]
        .sort(compareCodePoints)
        .map((id) => `"${id}"`)
        .join(', ')}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
