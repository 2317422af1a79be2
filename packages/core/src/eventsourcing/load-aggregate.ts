import type { Decider } from './decider.js';
import type { DomainEvent, StoredEvent } from './envelope.js';
import { StoreFailureError } from './errors.js';
import type { SnapshotCommand, SnapshotStore } from './snapshot-store.js';

/**
 * How many recent commands a snapshot remembers, so a retry of one of them is recognised
 * without asking the store; older ones are found by the store's index of command ids (A6).
 */
export const SNAPSHOT_COMMAND_WINDOW = 256;

/** A folded aggregate plus what the command handler needs for idempotency and snapshots. */
export interface LoadedAggregate<State> {
  readonly state: State;
  readonly version: number;
  /** Commands folded so far (from the snapshot window and the tail read), oldest first. */
  readonly commands: readonly SnapshotCommand[];
  readonly snapshotVersion: number;
}

interface LoadRequest<State, Event extends DomainEvent> {
  readonly streamId: string;
  readonly decider: Decider<State, any, Event, any>;
  readonly useSnapshots: boolean;
  readonly snapshots: SnapshotStore;
  /** Pages of the stream from a version on. */
  readonly read: (fromVersion: number) => AsyncIterable<readonly StoredEvent[]>;
  readonly decode: (event: StoredEvent) => StoredEvent | undefined;
}

/** The snapshot key of a decider: a new snapshot version never loads an old shape (SN1). */
export function snapshotKey(decider: Decider<any, any, any, any>): string | undefined {
  return decider.snapshot === undefined ? undefined : `${decider.name}@${decider.snapshot.version}`;
}

/**
 * Folds a stream from its latest usable snapshot (or from the start) and collects the command
 * ids it has seen. A snapshot is only a starting point: the result equals a full fold.
 */
export async function loadAggregate<State, Event extends DomainEvent>(
  request: LoadRequest<State, Event>,
): Promise<LoadedAggregate<State>> {
  const { decider, streamId } = request;
  let state = decider.initialState();
  let version = 0;
  let snapshotVersion = 0;
  const commands = new Map<string, SnapshotCommand>();

  const key = request.useSnapshots ? snapshotKey(decider) : undefined;
  if (key !== undefined) {
    const snapshot = await request.snapshots.load(streamId, key);
    if (snapshot !== undefined) {
      const policy = decider.snapshot!;
      state = policy.fromSnapshot ? policy.fromSnapshot(snapshot.state) : (snapshot.state as State);
      version = snapshot.version;
      snapshotVersion = snapshot.version;
      for (const command of snapshot.commands) commands.set(command.commandId, command);
    }
  }

  for await (const page of request.read(version + 1)) {
    for (const stored of page) {
      if (stored.version !== version + 1) {
        throw new StoreFailureError(
          `stream "${streamId}" jumps from version ${version} to ${stored.version}: versions must be contiguous`,
        );
      }
      version = stored.version;
      const commandId = stored.metadata.commandId;
      if (commandId !== undefined) {
        const known = commands.get(commandId);
        commands.set(commandId, {
          commandId,
          firstVersion: known?.firstVersion ?? version,
          lastVersion: version,
        });
      }
      const event = request.decode(stored);
      if (event !== undefined) state = decider.evolve(state, event as unknown as Event);
    }
  }

  return { state, version, commands: [...commands.values()], snapshotVersion };
}
