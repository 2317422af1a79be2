import type { Snapshot, SnapshotCommand, SnapshotStore } from '@safeledger/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { StoreAccess } from './store-access.js';

type SnapshotRow = [version: number, state: string, commands: string, takenAt: string];

/** Snapshots in the same database as the events, one row per (stream, key). */
export function createSqliteSnapshotStore(
  db: BetterSqlite3.Database,
  access: StoreAccess,
): SnapshotStore {
  const table = access.tables.snapshots;
  const select = db
    .prepare(
      `SELECT version, state, commands, taken_at FROM ${table} WHERE stream_id = ? AND key = ?`,
    )
    .raw();
  // The WHERE on the update keeps the highest version when two savers race (SN1).
  const upsert = db.prepare(
    `INSERT INTO ${table} (stream_id, key, version, state, commands, taken_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (stream_id, key) DO UPDATE SET
       version = excluded.version, state = excluded.state,
       commands = excluded.commands, taken_at = excluded.taken_at
     WHERE excluded.version > ${table}.version`,
  );

  return {
    load(streamId, key) {
      return access.run('snapshot load', () => {
        const row = select.get(streamId, key) as SnapshotRow | undefined;
        if (row === undefined) return undefined;
        const [version, state, commands, takenAt] = row;
        try {
          const snapshot: Snapshot = {
            streamId,
            key,
            version,
            state: JSON.parse(state) as unknown,
            commands: JSON.parse(commands) as SnapshotCommand[],
            takenAt,
          };
          return snapshot;
        } catch {
          // A snapshot is only a starting point (SN1): an unreadable one is folded from scratch.
          return undefined;
        }
      });
    },

    save(snapshot) {
      // Serialised before the write: a state JSON cannot hold fails without touching the table.
      const state = JSON.stringify(snapshot.state) ?? 'null';
      const commands = JSON.stringify(snapshot.commands);
      return access.run('snapshot save', () => {
        upsert.run(
          snapshot.streamId,
          snapshot.key,
          snapshot.version,
          state,
          commands,
          snapshot.takenAt,
        );
      });
    },
  };
}
