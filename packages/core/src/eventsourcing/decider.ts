import type { DomainEvent, EventMetadata } from './envelope.js';

/** What `prepare` may know besides the command and state. */
export interface PrepareContext {
  /** The handler's clock reading for this attempt. */
  readonly now: Date;
  readonly streamId: string;
  /** Stream version the state was folded from (0 for a new stream). */
  readonly version: number;
}

/**
 * What `decide` may know besides the command and state; passed explicitly to keep it pure.
 * `facts` is what the decider's `prepare` loaded for this attempt; deciders without `prepare`
 * leave it out.
 */
export type DecideContext<Facts = undefined> = PrepareContext &
  (undefined extends Facts ? { readonly facts?: Facts } : { readonly facts: Facts });

/** How a decider's state is snapshotted (SN1). */
export interface SnapshotPolicy<State> {
  /** Take a snapshot whenever the stream crosses a multiple of this many events. */
  readonly every: number;
  /** Bump when the state's shape changes: older snapshots are then ignored, never misread. */
  readonly version: number;
  /** JSON-safe form of the state; identity by default. */
  readonly toSnapshot?: (state: State) => unknown;
  /** Rebuilds the state from `toSnapshot`'s output; identity by default. */
  readonly fromSnapshot?: (snapshot: unknown) => State;
}

/**
 * A decider: the pure heart of an aggregate. `decide` turns a command and the current state into
 * events (or throws a rule violation); `evolve` folds an event into the state.
 */
export interface Decider<State, Command, Event extends DomainEvent, Facts = undefined> {
  /** Stable name; part of snapshot keys. */
  readonly name: string;
  /** The state of a stream with no events. */
  initialState(): State;
  /** Folds one event into the state; pure, and never throws for an event it produced. */
  evolve(state: State, event: Event): State;
  /**
   * Loads, asynchronously and before `decide`, the outside facts a command needs: directory
   * records, answers of read models for cross-aggregate preconditions (G-9). `decide` then stays
   * pure and synchronous, and nothing is preloaded wholesale. The command handler calls it on
   * every attempt, after loading the state, so a retried attempt sees fresh facts; it may throw
   * `ProjectionLaggingError`, which the handler retries.
   */
  prepare?(command: Command, state: State, context: PrepareContext): Promise<Facts>;
  /**
   * The events a command produces in a state; pure. Rejects a command by throwing (a
   * `RuleViolationError` or `ValidationError`), never by returning nothing.
   */
  decide(command: Command, state: State, context: DecideContext<Facts>): Event | readonly Event[];
  readonly snapshot?: SnapshotPolicy<State>;
  /**
   * Envelope metadata the command itself carries, such as its actor and business time, so
   * callers need not repeat them. Called only after `decide` accepted the command; metadata the
   * caller passes to the handler wins over it.
   */
  metadataFor?(command: Command): Omit<EventMetadata, 'commandId' | 'commandType' | 'commandHash'>;
}

/** The state type of a decider. */
export type StateOf<D> = D extends Decider<infer S, any, any, any> ? S : never;
/** The command type of a decider. */
export type CommandOf<D> = D extends Decider<any, infer C, any, any> ? C : never;
/** The event type of a decider. */
export type EventOfDecider<D> = D extends Decider<any, any, infer E, any> ? E : never;
/** The facts type a decider's `prepare` loads. */
export type FactsOf<D> = D extends Decider<any, any, any, infer F> ? F : never;
