import {
  type DecideContext,
  type Decider,
  type DomainEvent,
  isRuleViolation,
  isSafeledgerError,
  type PrepareContext,
} from '@safeledger/core';
import fc from 'fast-check';
import type { DeciderModel, Prediction } from './decider-model.js';
import { IsolatedArbitrary } from './isolated-arbitrary.js';
import {
  describeCommandDefault,
  describeError,
  describePrediction,
  formatVerificationReport,
} from './verification-report.js';
import type { DecidedOutcome, VerificationFailure, VerifiedStep } from './verification-trace.js';

/** What a command arbitrary may depend on besides the model state. */
export interface CommandContext {
  /** The business clock the next command is decided at; use it for `occurredAt`. */
  readonly now: Date;
}

/** What an invariant sees after each step. */
export interface InvariantView<State, Model, Event extends DomainEvent> {
  /** The decider's state, folded by `evolve` from every accepted event. */
  readonly state: State;
  readonly model: Model;
  /** Every event accepted so far, in order. */
  readonly events: readonly Event[];
  /** The events of the last step (empty after a rejection and before any command). */
  readonly lastEvents: readonly Event[];
  readonly now: Date;
  /** The step just run (0 before any command). */
  readonly step: number;
}

/**
 * A property of the decider that must hold after every step: return `false` or throw (any
 * assertion library's error will do) when it does not.
 */
export type Invariant<State, Model, Event extends DomainEvent> = (
  view: InvariantView<State, Model, Event>,
  // biome-ignore lint/suspicious/noConfusingVoidType: `void` lets assertion-style invariants that return nothing type-check.
) => boolean | void;

/** The outside facts `decide` is given, as a value or per command (what `prepare` would load). */
export type FactsProvider<Command, State, Facts> =
  | Facts
  | ((command: Command, state: State, context: PrepareContext) => Facts);

/** The options of `verifyDecider` that do not depend on how time moves. */
export interface VerifyDeciderCommonOptions<
  State,
  Command,
  Event extends DomainEvent,
  Model,
  Facts,
> {
  /** The independent model the decider is checked against. */
  readonly model: DeciderModel<Model, Command, Facts>;
  /**
   * The commands to try next, given the model state: mix valid and invalid ones so both
   * acceptance and every rejection get exercised. Keep the model plain data: the arbitrary is
   * reused for an equal model state and time, which is what lets fast-check shrink inside it.
   */
  readonly commands: (model: Model, context: CommandContext) => fc.Arbitrary<Command>;
  /** Named properties checked before the first command and after every step. */
  readonly invariants?: Readonly<Record<string, Invariant<State, Model, Event>>>;
  /** Sequences to try; fast-check's global `numRuns` (default 100) otherwise. */
  readonly numRuns?: number;
  /** Seed of the run; fast-check's global seed (e.g. set from `FC_SEED`) or a random one otherwise. */
  readonly seed?: number;
  /** Longest sequence to try; default 20. */
  readonly maxCommands?: number;
  /** The business clock before the first command; default 2024-01-01T00:00:00Z. */
  readonly startTime?: Date;
  /**
   * How far the clock moves before each command, in whole milliseconds (≥ 0); the clock stands
   * still without it. Moving it by days and weeks is what makes deadline rules testable.
   */
  readonly advanceTime?: fc.Arbitrary<number>;
  /** The stream id given to `decide`; default `<decider name>-verify`. */
  readonly streamId?: string;
  /**
   * Also check that `decide` is pure: it leaves its state untouched and gives the same answer
   * twice for the same input. Default true.
   */
  readonly checkPurity?: boolean;
  /** How the report shows a command; default its `type` followed by the rest as data. */
  readonly describeCommand?: (command: Command) => string;
}

/**
 * Options of `verifyDecider`. `facts` is required when the decider loads outside facts with
 * `prepare`: give the facts `prepare` would load, synchronously, as a value or per command.
 */
export type VerifyDeciderOptions<
  State,
  Command,
  Event extends DomainEvent,
  Model,
  Facts = undefined,
> = VerifyDeciderCommonOptions<State, Command, Event, Model, Facts> &
  (undefined extends Facts
    ? { readonly facts?: FactsProvider<Command, State, Facts> }
    : { readonly facts: FactsProvider<Command, State, Facts> });

/** What a passing verification exercised, so a test can prove its rules were reached. */
export interface VerificationSummary {
  /** The seed used: pass it back as `seed` to rerun exactly these sequences. */
  readonly seed: number;
  /** Sequences run. */
  readonly runs: number;
  /** Commands decided, over all sequences. */
  readonly commands: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Rejections by rule id (or error code, for errors that are not rule violations). */
  readonly rejectedBy: Readonly<Record<string, number>>;
  /** Accepted events by type. */
  readonly events: Readonly<Record<string, number>>;
}

/** Thrown by `verifyDecider` when the decider and its model disagree; the message is the report. */
export class DeciderVerificationError<
  Command = unknown,
  Event extends DomainEvent = DomainEvent,
  Model = unknown,
  State = unknown,
> extends Error {
  override readonly name = 'DeciderVerificationError';
  /** The seed that reproduces the failure. */
  readonly seed: number;
  /** The commands of the shrunk failing sequence, ready to become an example test. */
  readonly commands: readonly Command[];
  /** The shrunk failing sequence, step by step. */
  readonly steps: readonly VerifiedStep<Command, Event, Model>[];
  readonly failure: VerificationFailure<State, Model>;

  constructor(
    report: string,
    details: {
      seed: number;
      steps: readonly VerifiedStep<Command, Event, Model>[];
      failure: VerificationFailure<State, Model>;
    },
  ) {
    super(
      report,
      details.failure.cause === undefined ? undefined : { cause: details.failure.cause },
    );
    this.seed = details.seed;
    this.steps = details.steps;
    this.commands = details.steps.map((step) => step.command);
    this.failure = details.failure;
  }
}

const DEFAULT_START = new Date('2024-01-01T00:00:00.000Z');
const DEFAULT_MAX_COMMANDS = 20;

/**
 * Model-based verification of any decider: runs random command sequences through `decide` and
 * `evolve`, moving the business clock between commands, and after every step checks the decider
 * against an independent model (same acceptance, same rule id and violation) and the invariants.
 * On failure, fast-check shrinks the sequence and the error's message lists the shortest failing
 * sequence found, command by command with the clock, the events or rule violation, and what the
 * model expected. Synchronous and runner-agnostic: vitest, `node:test` or any runner that
 * reports thrown errors.
 *
 * @example
 * verifyDecider(doorDecider, {
 *   model: {
 *     initial: () => ({ open: false }),
 *     next: (m, command) =>
 *       command.kind === 'close' && !m.open ? rejected('D-1', 'NotOpen') : accepted({ open: command.kind === 'open' }),
 *   },
 *   commands: () => fc.constantFrom({ kind: 'open' }, { kind: 'close' }),
 *   invariants: { 'state mirrors the model': ({ state, model }) => (state === 'open') === model.open },
 * });
 * @throws DeciderVerificationError when the decider disagrees with the model, breaks an
 * invariant or is impure; the message is the readable report.
 * @throws TypeError when an option is unusable (`numRuns`, `maxCommands`, `startTime`, a
 * decider with `prepare` but no `facts`, `facts` or an invariant giving a promise, or an
 * `advanceTime` value that is not a whole number of milliseconds ≥ 0).
 */
export function verifyDecider<State, Command, Event extends DomainEvent, Model, Facts = undefined>(
  decider: Decider<State, Command, Event, Facts>,
  options: VerifyDeciderOptions<State, Command, Event, Model, Facts>,
): VerificationSummary {
  const setup = readSetup(decider, options);
  const tally = new Tally();
  let lastFailure: FailedRun<State, Command, Event, Model> | undefined;
  let configError: TypeError | undefined;

  const step = new IsolatedArbitrary(fc.gen()).map(
    (g) => new StepCommand<State, Command, Event, Model, Facts>(g),
  );
  const property = fc.property(
    fc.commands([step], { maxCommands: setup.maxCommands }),
    (commands) => {
      const run = new SequenceRun(setup);
      try {
        run.checkInvariants([]);
        fc.modelRun(() => ({ model: run, real: run }), commands);
      } catch (error) {
        if (error instanceof OptionError) configError ??= new TypeError(error.message);
        // fast-check only moves on to a failing shrink, so the last failure is the shrunk one.
        lastFailure = { steps: run.steps, failure: run.failureFrom(error) };
        throw error;
      }
      tally.add(run);
    },
  );
  const details = fc.check(property, {
    ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  if (configError !== undefined) throw configError;
  if (!details.failed) return tally.summary(details.seed);
  if (lastFailure === undefined) {
    // Interrupted or skipped runs: nothing of ours failed, so fast-check's account is the best one.
    throw new Error(fc.defaultReportMessage(details));
  }
  const shortest = removeNeedlessSteps(setup, lastFailure);
  const report = formatVerificationReport({
    deciderName: decider.name,
    seed: details.seed,
    numShrinks: details.numShrinks,
    removedAfterShrinking: lastFailure.steps.length - shortest.steps.length,
    steps: shortest.steps,
    failure: shortest.failure,
    describeCommand: setup.describeCommand,
  });
  throw new DeciderVerificationError<Command, Event, Model, State>(report, {
    seed: details.seed,
    steps: shortest.steps,
    failure: shortest.failure,
  });
}

/**
 * Removes, one at a time, every command the failure does not need, replaying the recorded
 * commands at their recorded times. fast-check's shrinking regenerates the commands after a
 * removed one (their arbitraries depend on the model, which the removal changed), so it can stop
 * at a sequence with a needless command in the middle; replaying concrete commands cannot. A
 * removal counts only if the same last command still fails for the same reason: a model need
 * only cover the sequences its arbitraries generate, and a history they never would (a plan
 * before any registration) may fail for reasons that say nothing about the decider.
 */
function removeNeedlessSteps<State, Command, Event extends DomainEvent, Model, Facts>(
  setup: Setup<State, Command, Event, Model, Facts>,
  failed: FailedRun<State, Command, Event, Model>,
): FailedRun<State, Command, Event, Model> {
  const last = failed.steps.at(-1);
  // A failure while generating the next command has no recorded command to replay.
  if (last === undefined || failed.failure.step !== last.step) return failed;
  const lastCommand = fc.stringify(last.command);
  const sameFailure = (result: FailedRun<State, Command, Event, Model> | undefined) =>
    result !== undefined &&
    result.failure.step === result.steps.length &&
    result.failure.reason === failed.failure.reason &&
    fc.stringify(result.steps.at(-1)?.command) === lastCommand;
  let shortest = failed;
  for (let index = 0; index < shortest.steps.length - 1; ) {
    const result = replay(
      setup,
      shortest.steps.filter((_, other) => other !== index),
    );
    if (sameFailure(result)) {
      shortest = result!;
      index = 0;
    } else {
      index += 1;
    }
  }
  return shortest;
}

/** Runs recorded commands at their recorded times; the failure, if the sequence still fails. */
function replay<State, Command, Event extends DomainEvent, Model, Facts>(
  setup: Setup<State, Command, Event, Model, Facts>,
  recorded: readonly { readonly at: Date; readonly command: Command }[],
): FailedRun<State, Command, Event, Model> | undefined {
  const run = new SequenceRun(setup);
  try {
    run.checkInvariants([]);
    for (const { at, command } of recorded) {
      run.step({ advance: (now) => at.getTime() - now.getTime(), command: () => command });
    }
  } catch (error) {
    return { steps: run.steps, failure: run.failureFrom(error) };
  }
  return undefined;
}

interface Setup<State, Command, Event extends DomainEvent, Model, Facts> {
  readonly decider: Decider<State, Command, Event, Facts>;
  readonly model: DeciderModel<Model, Command, Facts>;
  readonly commands: (model: Model, context: CommandContext) => fc.Arbitrary<Command>;
  readonly invariants: ReadonlyArray<readonly [string, Invariant<State, Model, Event>]>;
  readonly maxCommands: number;
  readonly startTime: Date;
  readonly streamId: string;
  readonly checkPurity: boolean;
  readonly facts: ((command: Command, state: State, context: PrepareContext) => Facts) | undefined;
  readonly describeCommand: (command: Command) => string;
  /**
   * Stable builders for `fc.gen`, which replays (and shrinks) a drawn value only when asked
   * again with the same builder. One builder per model state and clock, found by key in a map:
   * handing `fc.gen` the key as an argument instead would make it compare every earlier
   * argument on every draw, and runs would slow down quadratically.
   */
  readonly advanceBuilder: () => fc.Arbitrary<number>;
  readonly commandBuilders: Map<string, () => fc.Arbitrary<Command>>;
}

interface FailedRun<State, Command, Event extends DomainEvent, Model> {
  readonly steps: readonly VerifiedStep<Command, Event, Model>[];
  readonly failure: VerificationFailure<State, Model>;
}

function readSetup<State, Command, Event extends DomainEvent, Model, Facts>(
  decider: Decider<State, Command, Event, Facts>,
  options: VerifyDeciderOptions<State, Command, Event, Model, Facts>,
): Setup<State, Command, Event, Model, Facts> {
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new TypeError(`verifyDecider: ${name} must be a whole number ≥ 1, got ${value}`);
    }
  };
  positive('numRuns', options.numRuns);
  positive('maxCommands', options.maxCommands);
  const startTime = options.startTime ?? DEFAULT_START;
  if (!(startTime instanceof Date) || Number.isNaN(startTime.getTime())) {
    throw new TypeError(`verifyDecider: startTime must be a valid Date, got ${String(startTime)}`);
  }
  const given = (options as { facts?: FactsProvider<Command, State, Facts> }).facts;
  if (decider.prepare !== undefined && given === undefined) {
    throw new TypeError(
      `verifyDecider: decider "${decider.name}" loads outside facts in prepare; pass the facts it would load as the facts option`,
    );
  }
  const setup: Setup<State, Command, Event, Model, Facts> = {
    decider,
    model: options.model,
    commands: options.commands,
    invariants: Object.entries(options.invariants ?? {}),
    maxCommands: options.maxCommands ?? DEFAULT_MAX_COMMANDS,
    startTime,
    streamId: options.streamId ?? `${decider.name}-verify`,
    checkPurity: options.checkPurity ?? true,
    facts:
      given === undefined
        ? undefined
        : typeof given === 'function'
          ? (given as (command: Command, state: State, context: PrepareContext) => Facts)
          : () => given,
    describeCommand: options.describeCommand ?? describeCommandDefault,
    advanceBuilder: () => options.advanceTime ?? fc.constant(0),
    commandBuilders: new Map(),
  };
  return setup;
}

/** One step of a sequence; all the work is in `SequenceRun.step`. */
class StepCommand<State, Command, Event extends DomainEvent, Model, Facts>
  implements
    fc.Command<
      SequenceRun<State, Command, Event, Model, Facts>,
      SequenceRun<State, Command, Event, Model, Facts>
    >
{
  constructor(private readonly g: fc.GeneratorValue) {}
  check(): boolean {
    return true;
  }
  run(
    _model: SequenceRun<State, Command, Event, Model, Facts>,
    run: SequenceRun<State, Command, Event, Model, Facts>,
  ): void {
    const { g } = this;
    const { setup } = run;
    run.step({
      advance: () => g(setup.advanceBuilder),
      command: (model, modelShape, at) => {
        const key = `${at.getTime()} ${modelShape}`;
        let builder = setup.commandBuilders.get(key);
        if (builder === undefined) {
          builder = () => setup.commands(model, { now: at });
          setup.commandBuilders.set(key, builder);
        }
        return g(builder);
      },
    });
  }
  toString(): string {
    return `step ${fc.stringify(this.g.values())}`;
  }
}

/** Where a step's clock move and command come from: fast-check, or a recorded sequence. */
interface StepSource<Command, Model> {
  advance(now: Date): number;
  command(model: Model, modelShape: string, at: Date): Command;
}

/** A failure of the decider (or of the user's model or invariants) at a step. */
class StepFailure extends Error {
  readonly reason: string;
  readonly when: 'before' | 'after';
  constructor(reason: string, when: 'before' | 'after', cause?: unknown) {
    super(reason, cause === undefined ? undefined : { cause });
    this.reason = reason;
    this.when = when;
  }
}

/** A bad option found while running (an `advanceTime` value): reported as such, not as a counterexample. */
class OptionError extends Error {}

/** One sequence being run: the decider's state and the model's, side by side. */
class SequenceRun<State, Command, Event extends DomainEvent, Model, Facts> {
  readonly steps: Array<{
    -readonly [K in keyof VerifiedStep<Command, Event, Model>]: VerifiedStep<
      Command,
      Event,
      Model
    >[K];
  }> = [];
  state: State;
  model: Model;
  readonly events: Event[] = [];
  now: Date;
  private stateBefore: State;
  private modelBefore: Model;
  /** The step being run (0 before the first). */
  private current = 0;
  accepted = 0;
  readonly rejectedBy = new Map<string, number>();

  constructor(readonly setup: Setup<State, Command, Event, Model, Facts>) {
    this.state = setup.decider.initialState();
    this.model = setup.model.initial();
    this.stateBefore = this.state;
    this.modelBefore = this.model;
    this.now = setup.startTime;
  }

  /** Draws the clock move and the command from `source`, then runs the command. */
  step(source: StepSource<Command, Model>): void {
    const { setup } = this;
    const index = this.steps.length + 1;
    this.current = index;
    this.stateBefore = this.state;
    this.modelBefore = this.model;
    const advancedMs = source.advance(this.now);
    if (!Number.isSafeInteger(advancedMs) || advancedMs < 0) {
      throw new OptionError(
        `verifyDecider: advanceTime must give whole milliseconds ≥ 0, got ${String(advancedMs)}`,
      );
    }
    const at = new Date(this.now.getTime() + advancedMs);
    this.now = at;
    const modelShape = fc.stringify(this.model);
    const command = this.guard('the commands arbitrary', () =>
      source.command(this.model, modelShape, at),
    );
    const entry: (typeof this.steps)[number] = {
      step: index,
      at,
      advancedMs,
      command,
      prediction: undefined,
      outcome: undefined,
    };
    this.steps.push(entry);

    const prepareContext: PrepareContext = {
      now: at,
      streamId: setup.streamId,
      version: this.events.length,
    };
    const facts = this.guard('the facts provider', () =>
      setup.facts?.(command, this.state, prepareContext),
    ) as Facts;
    if (isThenable(facts)) {
      throw new OptionError(
        'verifyDecider: facts gave a promise; give the facts prepare would load, synchronously (not prepare itself)',
      );
    }
    const prediction = this.guard('the model', () =>
      setup.model.next(this.model, command, { now: at, step: index, facts }),
    );
    assertPrediction(prediction);
    if (fc.stringify(this.model) !== modelShape) {
      throw new StepFailure(
        'the model changed its state in next; return a new state instead',
        'before',
      );
    }
    entry.prediction = prediction;

    const context = (
      setup.facts === undefined ? prepareContext : { ...prepareContext, facts }
    ) as DecideContext<Facts>;
    const stateShape = setup.checkPurity ? fc.stringify(this.state) : '';
    const outcome = this.decide(command, context);
    entry.outcome = outcome;
    if (setup.checkPurity) this.checkPurity(command, context, stateShape, outcome);
    this.compare(prediction, outcome);

    if (outcome.accepted) {
      this.state = outcome.events.reduce((state, event) => {
        try {
          return setup.decider.evolve(state, event);
        } catch (error) {
          throw new StepFailure(
            `evolve threw on ${event.type}: ${describeError(error)}`,
            'before',
            error,
          );
        }
      }, this.state);
      this.events.push(...outcome.events);
      this.model = (prediction as Extract<Prediction<Model>, { outcome: 'accepted' }>).model;
      this.accepted += 1;
    } else {
      const key = rejectionKey(outcome.error);
      this.rejectedBy.set(key, (this.rejectedBy.get(key) ?? 0) + 1);
    }
    this.checkInvariants(outcome.accepted ? outcome.events : []);
  }

  /** Checks every invariant against the current states. */
  checkInvariants(lastEvents: readonly Event[]): void {
    const view: InvariantView<State, Model, Event> = {
      state: this.state,
      model: this.model,
      events: this.events,
      lastEvents,
      now: this.now,
      step: this.current,
    };
    for (const [name, invariant] of this.setup.invariants) {
      let holds: unknown;
      try {
        holds = invariant(view);
      } catch (error) {
        throw new StepFailure(
          `invariant "${name}" does not hold: ${describeError(error)}`,
          'after',
          error,
        );
      }
      // A promise would be truthy and let every state pass unseen.
      if (isThenable(holds)) {
        throw new OptionError(
          `verifyDecider: invariant "${name}" returned a promise; invariants are synchronous`,
        );
      }
      if (holds === false) throw new StepFailure(`invariant "${name}" does not hold`, 'after');
    }
  }

  /** The failure record of an error thrown while running this sequence. */
  failureFrom(error: unknown): VerificationFailure<State, Model> {
    const failure = error instanceof StepFailure ? error : undefined;
    const when = failure?.when ?? 'before';
    const cause = failure === undefined ? error : failure.cause;
    return {
      step: this.current,
      reason: failure?.reason ?? `the run threw: ${describeError(error)}`,
      when,
      model: when === 'after' ? this.model : this.modelBefore,
      state: when === 'after' ? this.state : this.stateBefore,
      ...(cause === undefined ? {} : { cause }),
    };
  }

  private decide(command: Command, context: DecideContext<Facts>): DecidedOutcome<Event> {
    try {
      const decided = this.setup.decider.decide(command, this.state, context);
      return { accepted: true, events: Array.isArray(decided) ? decided : [decided as Event] };
    } catch (error) {
      return { accepted: false, error };
    }
  }

  private checkPurity(
    command: Command,
    context: DecideContext<Facts>,
    stateShape: string,
    outcome: DecidedOutcome<Event>,
  ): void {
    if (fc.stringify(this.state) !== stateShape) {
      throw new StepFailure(
        'decide changed the state it was given (decide must be pure)',
        'before',
      );
    }
    const again = this.decide(command, context);
    const first = outcomeShape(outcome);
    const second = outcomeShape(again);
    if (first !== second) {
      throw new StepFailure(
        `decide is not deterministic (decide must be pure): the same input gave ${first}, then ${second}`,
        'before',
      );
    }
  }

  private compare(prediction: Prediction<Model>, outcome: DecidedOutcome<Event>): void {
    if (prediction.outcome === 'accepted') {
      if (!outcome.accepted) {
        throw new StepFailure(
          `the decider rejected a command the model accepts: ${describeError(outcome.error)}`,
          'before',
          outcome.error,
        );
      }
      const types = outcome.events.map((event) => event.type);
      if (prediction.events !== undefined && types.join() !== prediction.events.join()) {
        throw new StepFailure(
          `the decider produced ${types.join(', ') || 'no events'}, the model expects ${prediction.events.join(', ') || 'no events'}`,
          'before',
        );
      }
      return;
    }
    const expected = describePrediction(prediction).replace(/^rejected /, '');
    if (outcome.accepted) {
      const types = outcome.events.map((event) => event.type).join(', ') || 'no events';
      throw new StepFailure(
        `the decider accepted a command the model rejects with ${expected} (it produced ${types})`,
        'before',
      );
    }
    const { error } = outcome;
    const cited = isRuleViolation(error)
      ? { rule: error.rule, violation: error.violation as string | undefined }
      : { rule: isSafeledgerError(error) ? error.code : undefined, violation: undefined };
    if (
      cited.rule !== prediction.rule ||
      (prediction.violation !== undefined && cited.violation !== prediction.violation)
    ) {
      throw new StepFailure(
        `the decider rejected the command with ${describeError(error)}, but the model expects ${expected}`,
        'before',
        error,
      );
    }
  }

  private guard<T>(what: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw new StepFailure(`${what} threw: ${describeError(error)}`, 'before', error);
    }
  }
}

function assertPrediction(prediction: unknown): asserts prediction is Prediction<unknown> {
  const outcome = (prediction as { outcome?: unknown } | null)?.outcome;
  if (outcome !== 'accepted' && outcome !== 'rejected') {
    throw new StepFailure(
      `the model returned ${fc.stringify(prediction)}; return accepted(model) or rejected(rule)`,
      'before',
    );
  }
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function outcomeShape<Event extends DomainEvent>(outcome: DecidedOutcome<Event>): string {
  return outcome.accepted
    ? `events ${fc.stringify(outcome.events)}`
    : `rejection ${describeError(outcome.error)}`;
}

function rejectionKey(error: unknown): string {
  if (isRuleViolation(error)) return error.rule;
  if (isSafeledgerError(error)) return error.code;
  return error instanceof Error ? error.name : 'thrown value';
}

/** Counts what passing sequences exercised. */
class Tally {
  private runs = 0;
  private commands = 0;
  private accepted = 0;
  private readonly rejectedBy = new Map<string, number>();
  private readonly events = new Map<string, number>();

  add(run: {
    readonly steps: { readonly length: number };
    readonly accepted: number;
    readonly rejectedBy: ReadonlyMap<string, number>;
    readonly events: readonly DomainEvent[];
  }): void {
    this.runs += 1;
    this.commands += run.steps.length;
    this.accepted += run.accepted;
    for (const [key, count] of run.rejectedBy)
      this.rejectedBy.set(key, (this.rejectedBy.get(key) ?? 0) + count);
    for (const event of run.events)
      this.events.set(event.type, (this.events.get(event.type) ?? 0) + 1);
  }

  summary(seed: number): VerificationSummary {
    const sorted = (map: Map<string, number>) =>
      Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      seed,
      runs: this.runs,
      commands: this.commands,
      accepted: this.accepted,
      rejected: this.commands - this.accepted,
      rejectedBy: sorted(this.rejectedBy),
      events: sorted(this.events),
    };
  }
}
