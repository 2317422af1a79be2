import type { DomainEvent } from '@safeledger/core';
import type { Prediction } from './decider-model.js';

/** What the decider did with one command: the events it produced, or the error it threw. */
export type DecidedOutcome<Event extends DomainEvent> =
  | { readonly accepted: true; readonly events: readonly Event[] }
  | { readonly accepted: false; readonly error: unknown };

/** One command of a verified sequence, as it ran. */
export interface VerifiedStep<Command, Event extends DomainEvent, Model> {
  /** 1-based position in the sequence. */
  readonly step: number;
  /** The business clock at this command (`now` of the decide context). */
  readonly at: Date;
  /** How far the clock moved before this command, in milliseconds. */
  readonly advancedMs: number;
  readonly command: Command;
  /** What the model predicted; undefined when the model threw. */
  readonly prediction: Prediction<Model> | undefined;
  /** What the decider did; undefined when the step failed before `decide` ran. */
  readonly outcome: DecidedOutcome<Event> | undefined;
}

/** Why a verified sequence failed, and the states it failed in. */
export interface VerificationFailure<State, Model> {
  /** The failing step (1-based); 0 when the invariants fail before any command. */
  readonly step: number;
  /** One sentence: what disagreed or which invariant broke. */
  readonly reason: string;
  /** `before` the failing command (disagreements) or `after` it (invariants). */
  readonly when: 'before' | 'after';
  readonly model: Model;
  readonly state: State;
  /** The error behind the failure (an invariant's assertion, a thrown model), if any. */
  readonly cause?: unknown;
}
