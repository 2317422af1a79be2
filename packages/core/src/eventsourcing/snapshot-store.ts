/** A command whose events a snapshot already folded, kept so retries stay idempotent (A6). */
export interface SnapshotCommand {
  readonly commandId: string;
  readonly firstVersion: number;
  readonly lastVersion: number;
}

/** A saved starting point for folding a stream (SN1). */
export interface Snapshot {
  readonly streamId: string;
  /** `<decider name>@<snapshot version>`: a new state shape never loads an old snapshot. */
  readonly key: string;
  /** Stream version the state was folded up to. */
  readonly version: number;
  /** JSON-safe state. */
  readonly state: unknown;
  /** The most recent commands folded into the state (bounded). */
  readonly commands: readonly SnapshotCommand[];
  readonly takenAt: string;
}

/** Where snapshots live; every adapter provides one next to its events. */
export interface SnapshotStore {
  /** The latest snapshot of a stream under a key; undefined when there is none. */
  load(streamId: string, key: string): Promise<Snapshot | undefined>;
  /** Saves a snapshot unless one at a higher version is already stored for the same key. */
  save(snapshot: Snapshot): Promise<void>;
}
