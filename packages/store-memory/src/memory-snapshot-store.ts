import type { Snapshot, SnapshotStore } from '@safeledger/core';
import { jsonCopy } from './json-copy.js';
import type { MemoryStorage } from './memory-storage.js';

/** Snapshots kept beside the events of a memory storage. */
export function createMemorySnapshotStore(storage: MemoryStorage): SnapshotStore {
  const keyOf = (streamId: string, key: string) => `${key}\u0000${streamId}`;
  return {
    async load(streamId, key) {
      const snapshot = storage.snapshots.get(keyOf(streamId, key));
      // A copy: a decider's state must never alias what the store keeps.
      return snapshot === undefined ? undefined : jsonCopy(snapshot);
    },
    async save(snapshot: Snapshot) {
      const id = keyOf(snapshot.streamId, snapshot.key);
      const current = storage.snapshots.get(id);
      if (current !== undefined && current.version >= snapshot.version) return;
      storage.snapshots.set(id, jsonCopy(snapshot));
    },
  };
}
