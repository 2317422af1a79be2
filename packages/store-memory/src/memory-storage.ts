import type { ProjectionCheckpoint, Snapshot, StoredEvent, StoredFields } from '@safeledger/core';

/** One projection's state: its checkpoint and its documents as JSON text. */
export interface MemoryProjection {
  checkpoint: ProjectionCheckpoint;
  readonly documents: Map<string, string>;
}

/** Indexed field values of one projection field schema, by document id. */
export interface MemoryFieldTable {
  readonly projection: string;
  readonly rows: Map<string, StoredFields>;
}

/** The in-memory "database": several store instances may share one, like connections to a file. */
export interface MemoryStorage {
  /** The global log in position order; `log[i]` has sequence `i + 1`. */
  readonly log: StoredEvent[];
  readonly streams: Map<string, StoredEvent[]>;
  readonly eventIds: Map<string, StoredEvent>;
  /** Events by stream and `metadata.commandId` (see `commandKey`), in version order. */
  readonly commands: Map<string, StoredEvent[]>;
  readonly snapshots: Map<string, Snapshot>;
  readonly projections: Map<string, MemoryProjection>;
  /**
   * Indexed field values by field-schema signature, like the SQL stores' field tables: one per
   * projection version and field set, kept across resets of other versions.
   */
  readonly fieldTables: Map<string, MemoryFieldTable>;
  /** Held leases; `token` tells two holders with the same owner name apart. */
  readonly leases: Map<string, { owner: string; token: string; expiresAt: number }>;
  /** Wake-up listeners of every store on this storage, called after each append. */
  readonly listeners: Set<() => void>;
}

/** Creates an empty in-memory database. */
export function createMemoryStorage(): MemoryStorage {
  return {
    log: [],
    streams: new Map(),
    eventIds: new Map(),
    commands: new Map(),
    snapshots: new Map(),
    projections: new Map(),
    fieldTables: new Map(),
    leases: new Map(),
    listeners: new Set(),
  };
}

/** The key of a stream's command in `MemoryStorage.commands`; stream ids never contain NUL. */
export function commandKey(streamId: string, commandId: string): string {
  return `${streamId}\u0000${commandId}`;
}
