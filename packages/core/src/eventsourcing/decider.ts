import type { DomainEvent, EventMetadata } from './envelope.js';

/** What `decide` may know besides the command and state; passed explicitly to keep it pure. */
export interface DecideContext {
  /** The handler's clock reading for this attempt. */
  readonly now: Date;
  readonly streamId: string;
  /** Stream version the state was folded from (0 for a new stream). */
  readonly version: number;
}

/** How a decider's state is snapshotted (SN1). */
export interface SnapshotPolicy<State> {
  /** Take a snapshot whenever the stream crosses a multiple of this many events. */
  readonly every: number;
  /** Bump when the state's shape changes: older snapshots are then ignored, never misread. */
  readonly version: number;
  /** JSON-safe form of the state; identity by default. */
  readonly toSnapshot?: (state: State) => unknown;
  readonly fromSnapshot?: (snapshot: unknown) => State;
}

/**
 * A decider: the pure heart of an aggregate. `decide` turns a command and the current state into
 * events (or throws a rule violation); `evolve` folds an event into the state.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  /** Stable name; part of snapshot keys. */
  readonly name: string;
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: DecideContext): Event | readonly Event[];
  readonly snapshot?: SnapshotPolicy<State>;
  /**
   * Envelope metadata the command itself carries, such as its actor and business time, so
   * callers need not repeat them. Called only after `decide` accepted the command; metadata the
   * caller passes to the handler wins over it.
   */
  metadataFor?(command: Command): Omit<EventMetadata, 'commandId' | 'commandType' | 'commandHash'>;
}

/** The state type of a decider. */
export type StateOf<D> = D extends Decider<infer S, any, any> ? S : never;
/** The command type of a decider. */
export type CommandOf<D> = D extends Decider<any, infer C, any> ? C : never;
/** The event type of a decider. */
export type EventOfDecider<D> = D extends Decider<any, any, infer E> ? E : never;
