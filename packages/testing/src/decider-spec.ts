import {
  canonicalJson,
  type DecideContext,
  type Decider,
  type DomainEvent,
  isRuleViolation,
  type RuleViolationError,
} from '@safeledger/core';

/** Fixed context for a spec; `now` defaults to 2024-01-01T00:00:00Z so specs are deterministic. */
export interface DeciderSpecOptions<Command = unknown, State = unknown, Facts = undefined> {
  readonly now?: Date;
  readonly streamId?: string;
  /**
   * The outside facts a decider with `prepare` would load (directory records, read-model
   * answers), given as a value or per command; specs stay synchronous and need no store.
   */
  readonly facts?: Facts | ((command: Command, state: State) => Facts);
}

/** The `then` half of a given/when/then spec. */
export interface DeciderSpecOutcome<State, Event extends DomainEvent> {
  /**
   * Asserts the command produced exactly these events (type and data, in order). Not named
   * `then`: an object with a `then` method would be mistaken for a promise by `await`.
   */
  thenEmits(expected: readonly Event[]): void;
  /** Asserts the command produced no events. */
  thenNothing(): void;
  /** Asserts the state after folding the produced events; `check` may throw its own assertion. */
  thenState(check: State | ((state: State, events: readonly Event[]) => void)): void;
  /** Asserts the command was rejected with this rule id (and, if given, this violation name). */
  thenViolates(rule: string, violation?: string): RuleViolationError;
  /** Asserts the command threw an error accepted by `predicate`. */
  thenThrows(predicate?: (error: unknown) => boolean): unknown;
}

/** The `when` half of a given/when/then spec. */
export interface DeciderSpecWhen<State, Command, Event extends DomainEvent, Facts = undefined> {
  /** Decides the command on the given history; `context` overrides the spec's clock, stream or facts. */
  when(command: Command, context?: Partial<DecideContext<Facts>>): DeciderSpecOutcome<State, Event>;
}

/** A given/when/then specification of a decider. */
export interface DeciderSpec<State, Command, Event extends DomainEvent, Facts = undefined> {
  /** Starts from the state these events fold to. */
  given(events: readonly Event[]): DeciderSpecWhen<State, Command, Event, Facts>;
  /**
   * Like `given`, with the history produced by running these commands through the decider, so
   * long payloads need not be written by hand. A rejected command fails the spec at once.
   */
  givenCommands(commands: readonly Command[]): DeciderSpecWhen<State, Command, Event, Facts>;
}

/** Thrown when a spec's expectation does not hold. */
export class DeciderSpecError extends Error {
  override readonly name = 'DeciderSpecError';
}

/**
 * Specifies a decider by example: given past events, when a command arrives, then these events
 * (or this rule violation). Pure: no store involved; works with any test runner.
 *
 * @example
 * deciderSpec(hazardDecider)
 *   .given([registered])
 *   .when(submitPlanWithoutFunding)
 *   .thenViolates('H-13', 'IncompletePlan');
 */
export function deciderSpec<State, Command, Event extends DomainEvent, Facts = undefined>(
  decider: Decider<State, Command, Event, Facts>,
  options: DeciderSpecOptions<Command, State, Facts> = {},
): DeciderSpec<State, Command, Event, Facts> {
  const now = options.now ?? new Date('2024-01-01T00:00:00.000Z');
  const streamId = options.streamId ?? `${decider.name}-spec`;
  const spec: DeciderSpec<State, Command, Event, Facts> = {
    givenCommands(commands) {
      return spec.given(historyOf(decider, commands, { ...options, now, streamId }));
    },
    given(history) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        when(command, context = {}) {
          let events: readonly Event[] | undefined;
          let thrown: unknown;
          let threw = false;
          try {
            const decided = decider.decide(command, state, {
              now,
              streamId,
              version: history.length,
              facts: factsFor(options, command, state),
              ...context,
            } as DecideContext<Facts>);
            events = Array.isArray(decided) ? decided : [decided as Event];
          } catch (error) {
            threw = true;
            thrown = error;
          }
          const produced = (): readonly Event[] => {
            if (threw) {
              throw new DeciderSpecError(
                `expected events, but the command threw: ${describe(thrown)}`,
                {
                  cause: thrown,
                },
              );
            }
            return events!;
          };
          return {
            thenEmits(expected) {
              const actual = produced().map(({ type, data }) => ({ type, data }));
              const wanted = expected.map(({ type, data }) => ({ type, data }));
              if (canonicalJson(actual) !== canonicalJson(wanted)) {
                throw new DeciderSpecError(
                  `events differ\n  expected: ${canonicalJson(wanted)}\n  actual:   ${canonicalJson(actual)}`,
                );
              }
            },
            thenNothing() {
              const actual = produced();
              if (actual.length > 0) {
                throw new DeciderSpecError(
                  `expected no events, got ${actual.map((e) => e.type).join(', ')}`,
                );
              }
            },
            thenState(check) {
              const actual = produced();
              const after = actual.reduce(decider.evolve, state);
              if (typeof check === 'function') {
                (check as (s: State, e: readonly Event[]) => void)(after, actual);
              } else if (canonicalJson(after) !== canonicalJson(check)) {
                throw new DeciderSpecError(
                  `state differs\n  expected: ${canonicalJson(check)}\n  actual:   ${canonicalJson(after)}`,
                );
              }
            },
            thenViolates(rule, violation) {
              if (!threw) {
                throw new DeciderSpecError(
                  `expected a violation of ${rule}, but the command produced ${events!.map((e) => e.type).join(', ') || 'no events'}`,
                );
              }
              if (!isRuleViolation(thrown) || thrown.rule !== rule) {
                throw new DeciderSpecError(
                  `expected a violation of ${rule}, got ${describe(thrown)}`,
                  { cause: thrown },
                );
              }
              if (violation !== undefined && thrown.violation !== violation) {
                throw new DeciderSpecError(
                  `expected ${rule} ${violation}, got ${rule} ${thrown.violation}: ${thrown.message}`,
                  { cause: thrown },
                );
              }
              return thrown;
            },
            thenThrows(predicate) {
              if (!threw) {
                throw new DeciderSpecError(
                  `expected an error, but the command produced ${events!.map((e) => e.type).join(', ') || 'no events'}`,
                );
              }
              if (predicate !== undefined && !predicate(thrown)) {
                throw new DeciderSpecError(`the error did not match: ${describe(thrown)}`, {
                  cause: thrown,
                });
              }
              return thrown;
            },
          };
        },
      };
    },
  };
  return spec;
}

/**
 * The events a sequence of commands produces when each is decided on the state the previous
 * ones left (the stream version advancing with every event).
 *
 * @throws DeciderSpecError naming the command (by position and `type`, when it has one) that was rejected.
 */
export function historyOf<State, Command, Event extends DomainEvent, Facts = undefined>(
  decider: Decider<State, Command, Event, Facts>,
  commands: readonly Command[],
  options: DeciderSpecOptions<Command, State, Facts> = {},
): Event[] {
  const now = options.now ?? new Date('2024-01-01T00:00:00.000Z');
  const streamId = options.streamId ?? `${decider.name}-spec`;
  const history: Event[] = [];
  let state = decider.initialState();
  for (const [index, command] of commands.entries()) {
    let decided: Event | readonly Event[];
    try {
      decided = decider.decide(command, state, {
        now,
        streamId,
        version: history.length,
        facts: factsFor(options, command, state),
      } as DecideContext<Facts>);
    } catch (error) {
      const type = (command as { type?: unknown }).type;
      throw new DeciderSpecError(
        `given command ${index}${typeof type === 'string' ? ` (${type})` : ''} was rejected: ${describe(error)}`,
        { cause: error },
      );
    }
    for (const event of Array.isArray(decided) ? decided : [decided as Event]) {
      history.push(event);
      state = decider.evolve(state, event);
    }
  }
  return history;
}

function factsFor<Command, State, Facts>(
  options: DeciderSpecOptions<Command, State, Facts>,
  command: Command,
  state: State,
): Facts | undefined {
  const given = options.facts;
  return typeof given === 'function'
    ? (given as (command: Command, state: State) => Facts)(command, state)
    : given;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
