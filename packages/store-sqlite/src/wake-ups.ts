import type BetterSqlite3 from 'better-sqlite3';

/** Listeners of one database, shared by every store of this process that opened it. */
export type WakeUpChannel = Set<() => void>;

// Stores opened separately on one file are separate connections; keying the channel by the
// file lets an append on one wake the subscribers of the others. Other processes are not
// reached: their subscribers fall back to polling, which is correct on its own (S2).
const byFile = new Map<string, WakeUpChannel>();
const byConnection = new WeakMap<BetterSqlite3.Database, WakeUpChannel>();

/** The channel of a connection's main database: its file, or the connection itself. */
export function wakeUpKey(db: BetterSqlite3.Database): string | undefined {
  if (db.memory) return undefined;
  const list = db.pragma('database_list') as Array<{ name: string; file: string }>;
  const file = list.find((entry) => entry.name === 'main')?.file;
  return file === undefined || file === '' ? undefined : file;
}

/** Subscribes a listener; returns its unsubscribe. */
export function listen(
  db: BetterSqlite3.Database,
  key: string | undefined,
  listener: () => void,
): () => void {
  let channel = key === undefined ? byConnection.get(db) : byFile.get(key);
  if (channel === undefined) {
    channel = new Set();
    if (key === undefined) byConnection.set(db, channel);
    else byFile.set(key, channel);
  }
  // A wrapper, so the same function watched twice gets two independent subscriptions.
  const entry = () => listener();
  channel.add(entry);
  const owner = channel;
  return () => {
    owner.delete(entry);
    if (owner.size === 0 && key !== undefined && byFile.get(key) === owner) byFile.delete(key);
  };
}

/** Wakes every listener of the database after the current call stack, never inside a commit. */
export function notify(db: BetterSqlite3.Database, key: string | undefined): void {
  const channel = key === undefined ? byConnection.get(db) : byFile.get(key);
  if (channel === undefined || channel.size === 0) return;
  queueMicrotask(() => {
    for (const listener of channel) {
      try {
        listener();
      } catch {
        // A wake-up is a hint; a listener that throws must not stop the others.
      }
    }
  });
}
