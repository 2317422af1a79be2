/** The model predicts the decider accepts the command and the model moves to `model`. */
export interface AcceptedPrediction<Model> {
  readonly outcome: 'accepted';
  /** The model state after the command. */
  readonly model: Model;
  /** When given, the types of the events the decider must produce, in order. */
  readonly events?: readonly string[];
}

/** The model predicts the decider rejects the command, citing `rule` (and `violation`, if given). */
export interface RejectedPrediction {
  readonly outcome: 'rejected';
  /** A rule id (`RuleViolationError.rule`, e.g. `H-18`) or another safeledger error code (`VALIDATION_FAILED`). */
  readonly rule: string;
  /** When given, the violation name the error must carry (`RuleViolationError.violation`). */
  readonly violation?: string;
}

/** What a model predicts for one command. */
export type Prediction<Model> = AcceptedPrediction<Model> | RejectedPrediction;

/**
 * Predicts acceptance: the decider must accept the command, and the model moves to `model`.
 * Pass `events` to also require these event types, in order.
 */
export function accepted<Model>(
  model: Model,
  events?: readonly string[],
): AcceptedPrediction<Model> {
  return events === undefined
    ? { outcome: 'accepted', model }
    : { outcome: 'accepted', model, events };
}

/**
 * Predicts rejection: the decider must throw a `RuleViolationError` citing `rule` (and
 * `violation`, if given), or another safeledger error whose `code` is `rule`.
 */
export function rejected(rule: string, violation?: string): RejectedPrediction {
  return violation === undefined
    ? { outcome: 'rejected', rule }
    : { outcome: 'rejected', rule, violation };
}

/** What a model's `next` knows besides its state and the command. */
export interface ModelContext<Facts = undefined> {
  /** The business clock at this command: the `now` the decider is given too. */
  readonly now: Date;
  /** 1-based position of the command in the sequence. */
  readonly step: number;
  /** The outside facts the decider is given for this command (undefined without a provider). */
  readonly facts: Facts;
}

/**
 * An independent model of a decider, written by the tester: a small state of its own and, for
 * each command, the outcome the decider must produce. It should restate the rules in the
 * simplest way possible, never by calling the decider's code, or it proves nothing.
 */
export interface DeciderModel<Model, Command, Facts = undefined> {
  /** The model state before any command. */
  initial(): Model;
  /** Predicts how the decider must answer `command` when the model is in `model`. */
  next(model: Model, command: Command, context: ModelContext<Facts>): Prediction<Model>;
}
