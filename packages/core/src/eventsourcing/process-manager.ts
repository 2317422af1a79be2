import type { DomainEvent, StoredEvent } from './envelope.js';

/** A command a process manager issues through one of the application's command handlers. */
export interface IssuedCommand {
  /** Which handler takes it: the decider name of the target aggregate (`hazard`). */
  readonly target: string;
  readonly streamId: string;
  readonly command: unknown;
  /**
   * Deterministic id (see `reactionCommandId`): a replay, a restart or a second instance issuing
   * the same reaction is then a retried command that appends nothing (G-3).
   */
  readonly commandId: string;
}

/** What `react` may know besides the event. */
export interface ReactContext {
  /** The runner's clock reading. */
  readonly now: Date;
}

/**
 * A process manager (domain spec §4.10 "policies"): on each event it handles, it names the
 * commands the event calls for. It holds no state of its own; what it needs beyond the event it
 * reads through ports given at construction, so `react` may be async.
 */
export interface ProcessManager<E extends DomainEvent = DomainEvent> {
  /** Stable name; its checkpoint and recorded failures are stored under it. */
  readonly name: string;
  /** Event types it reacts to; its checkpoint still advances past everything else. */
  readonly handles: readonly E['type'][];
  /** The commands `event` calls for (none is fine); ids from `reactionCommandId`. */
  react(
    event: StoredEvent<E>,
    context: ReactContext,
  ): readonly IssuedCommand[] | Promise<readonly IssuedCommand[]>;
}

/**
 * Defines a process manager, checking its name and handled types up front.
 *
 * @throws TypeError for a malformed name or an empty `handles`.
 */
export function defineProcessManager<E extends DomainEvent>(
  manager: ProcessManager<E>,
): ProcessManager<E> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(manager.name)) {
    throw new TypeError(
      `process manager name "${manager.name}" must be letters, digits, ".", "_" or "-"`,
    );
  }
  if (manager.handles.length === 0) {
    throw new TypeError(`process manager "${manager.name}" handles no event types`);
  }
  return manager;
}

/**
 * The command id of one reaction: the manager, the causing event and what distinguishes the
 * commands one event causes (the target hazard id, say). Equal inputs give equal ids, so
 * re-running a reaction is idempotent.
 */
export function reactionCommandId(
  manager: string,
  event: Pick<StoredEvent, 'eventId'>,
  discriminator = '',
): string {
  return discriminator === ''
    ? `${manager}:${event.eventId}`
    : `${manager}:${event.eventId}:${discriminator}`;
}
