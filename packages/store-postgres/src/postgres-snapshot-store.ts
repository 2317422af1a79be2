import type { Snapshot, SnapshotCommand, SnapshotStore } from '@safeledger/core';
import type { StoreContext } from './context.js';
import { int, json } from './database.js';

/** Snapshots in the store's `snapshots` table, one row per tenant, stream and key (SN1). */
export function createPostgresSnapshotStore(context: StoreContext): SnapshotStore {
  const { sql, tenantId } = context;
  return {
    async load(streamId, key) {
      const [row] = await context.query(
        sql.snapshotLoad,
        [tenantId, streamId, key],
        `load snapshot of "${streamId}"`,
      );
      if (row === undefined) return undefined;
      return {
        streamId,
        key,
        version: int(row.version),
        state: json(row.state),
        commands: json(row.commands) as SnapshotCommand[],
        takenAt: row.taken_at!,
      };
    },

    async save(snapshot: Snapshot) {
      await context.query(
        sql.snapshotSave,
        [
          tenantId,
          snapshot.streamId,
          snapshot.key,
          snapshot.version,
          JSON.stringify(snapshot.state ?? null),
          JSON.stringify(snapshot.commands),
          snapshot.takenAt,
        ],
        `save snapshot of "${snapshot.streamId}"`,
      );
    },
  };
}
