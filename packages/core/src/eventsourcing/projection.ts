import type { Draft } from 'immer';
import type { DomainEvent, StoredEvent } from './envelope.js';
import { fieldSchemaOf, type IndexedFields } from './projection-fields.js';

/** Returned by `apply` to delete the document. */
export const DELETE_DOCUMENT: unique symbol = Symbol.for('safeledger.deleteDocument');

/** Document id of projections that keep a single document. */
export const SINGLE_DOCUMENT_ID = 'singleton';

/**
 * A projection (S1): a pure fold of events into documents keyed by id. `apply` receives an immer
 * draft (mutate it) or may return a replacement document, or `DELETE_DOCUMENT`.
 */
export interface Projection<
  Doc,
  E extends DomainEvent = DomainEvent,
  F extends IndexedFields<any> = IndexedFields<any>,
> {
  /** Stable name; documents and checkpoint are stored under it. */
  readonly name: string;
  /** Bump to rebuild from the start with new code (S5). */
  readonly version: number;
  /** Event types it reads; the checkpoint still advances past everything else (S3). */
  readonly handles: readonly E['type'][];
  /**
   * Which document an event updates; `null` ignores it. A list updates each of its documents in
   * turn (a fan-out, for read models that keep one row per related fact, e.g. per subject unit of
   * a handover item). Default: a single document.
   */
  readonly documentId?: (event: StoredEvent<E>) => string | readonly string[] | null;
  /** The document before its first event. */
  readonly init: (id: string, event: StoredEvent<E>) => Doc;
  /**
   * Applies an event to the document: mutate the immer draft, return a new document, or return
   * `DELETE_DOCUMENT` to delete it.
   */
  readonly apply: (
    document: Draft<Doc>,
    event: StoredEvent<E>,
    // biome-ignore lint/suspicious/noConfusingVoidType: `void` lets block-bodied recipes that only mutate the draft type-check.
  ) => Doc | undefined | typeof DELETE_DOCUMENT | void;
  /**
   * Indexed fields (S7): values read from each document and kept by the store as real columns,
   * written in the same transaction as the document, so `createProjectionQuery` can filter, sort,
   * page and group in the database. Changing them needs a new `version` (a rebuild).
   */
  readonly fields?: F;
  /** Composite indexes over scalar fields (e.g. `[['areaId', 'deadline']]`) for common queries. */
  readonly indexes?: readonly (readonly (keyof F & string)[])[];
}

/**
 * Defines a projection, checking its name, version, handled types and indexed fields up front.
 * @throws TypeError naming the bad name, version, type list or field declaration.
 */
export function defineProjection<
  Doc,
  E extends DomainEvent = DomainEvent,
  F extends IndexedFields<Doc> = IndexedFields<any>,
>(projection: Projection<Doc, E, F>): Projection<Doc, E, F> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(projection.name)) {
    throw new TypeError(
      `projection name "${projection.name}" must be letters, digits, ".", "_" or "-"`,
    );
  }
  if (!Number.isInteger(projection.version) || projection.version < 1) {
    throw new TypeError(
      `projection "${projection.name}" version must be an integer ≥ 1, got ${projection.version}`,
    );
  }
  if (projection.handles.length === 0) {
    throw new TypeError(`projection "${projection.name}" handles no event types`);
  }
  if (projection.fields !== undefined) {
    fieldSchemaOf(projection.name, projection.version, projection.fields, projection.indexes);
  }
  return projection;
}
