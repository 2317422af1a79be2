import type { ProjectionFieldSchema } from './projection-fields.js';
import type {
  ProjectionQueryRequest,
  ProjectionQueryResult,
  StoredFields,
} from './projection-query-request.js';

/** Why a projection stopped (S6): the failing event and the handler's message. */
export interface ProjectionFailure {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly message: string;
  readonly failedAt: string;
}

/** A projection's checkpoint row. */
export interface ProjectionCheckpoint {
  readonly name: string;
  /** The projection version whose documents are stored. */
  readonly version: number;
  /** Last position fully applied; `undefined` before the first event. */
  readonly position: string | undefined;
  readonly status: 'active' | 'failed';
  readonly failure: ProjectionFailure | undefined;
  readonly updatedAt: string;
}

/** One document write of a commit; `document: null` deletes it. */
export interface DocumentWrite {
  readonly id: string;
  readonly document: unknown;
  /** Stored values of the indexed fields (see `extractFields`); absent when deleting. */
  readonly fields?: StoredFields;
}

/** Documents and checkpoint written together, atomically (S1). */
export interface ProjectionCommit {
  readonly name: string;
  readonly version: number;
  /** The checkpoint this batch was read after; the commit is fenced on it. */
  readonly expectedPosition: string | undefined;
  readonly position: string | undefined;
  readonly documents: readonly DocumentWrite[];
  /**
   * The projection's indexed-field schema; present exactly when it declares fields. The store
   * writes the field values to their columns in the same transaction.
   */
  readonly schema?: ProjectionFieldSchema;
  /** Stops the projection at this event (S6). */
  readonly failure?: ProjectionFailure;
  /**
   * True when the batch ends at the head of the log as it was read (`ReadAllPage.caughtUp`).
   * A store that left the field indexes out while a reset projection is rebuilt builds them in
   * this commit; until then queries are answered the same, only without those indexes.
   */
  readonly atHead?: boolean;
  readonly committedAt: string;
}

/**
 * An exclusive right to run one projection (S4). It belongs to this one acquisition: the store
 * tells holders apart by a random part of its own, so a holder whose lease lapsed cannot renew
 * or release the lease of a newer holder with the same owner name.
 */
export interface ProjectionLease {
  readonly name: string;
  /** The name the holder gave, for logs. */
  readonly owner: string;
  /** Extends the lease; false means it was lost and the holder must stop writing. */
  renew(): Promise<boolean>;
  /** Gives the lease up at once so another instance can take over without waiting for expiry. */
  release(): Promise<void>;
}

/** Documents, checkpoints and leases of projections; every adapter provides one. */
export interface ProjectionStore {
  /** The projection's checkpoint; undefined before its first commit. */
  getCheckpoint(name: string): Promise<ProjectionCheckpoint | undefined>;
  /** The stored documents among `ids`; absent ids are missing from the map. */
  loadDocuments(name: string, ids: readonly string[]): Promise<Map<string, unknown>>;
  /**
   * Writes documents and the new checkpoint in one transaction.
   * @throws CheckpointConflictError (`CONCURRENCY_CONFLICT`) when the stored checkpoint is not
   * `expectedPosition` at `version`: another runner got there first; nothing is written.
   */
  commit(commit: ProjectionCommit): Promise<void>;
  /**
   * Drops a projection's documents (and indexed field values) and restarts its checkpoint at
   * `version` (S5); with a field schema, prepares the columns it needs. The SQL stores build the
   * field indexes at the first commit `atHead` after it, so a replay fills tables without them.
   */
  reset(name: string, version: number, schema?: ProjectionFieldSchema): Promise<void>;
  /**
   * Runs a checked query over a projection's indexed fields (S7), in the database.
   * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) when no documents of that projection
   * version and field schema were ever prepared in this store (the projection has not run yet,
   * or its fields changed without a new version).
   */
  query<R extends ProjectionQueryRequest>(request: R): Promise<ProjectionQueryResult[R['kind']]>;
  /** One document; undefined when it does not exist. */
  getDocument(name: string, id: string): Promise<unknown | undefined>;
  /** Documents in id order, paged by `afterId`. */
  listDocuments(
    name: string,
    options?: { afterId?: string; limit?: number },
  ): Promise<Array<{ id: string; document: unknown }>>;
  /** Takes the lease if nobody live holds it, whatever owner name they gave. */
  tryAcquireLease(name: string, owner: string, ttlMs: number): Promise<ProjectionLease | undefined>;
}
