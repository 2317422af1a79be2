import { type DomainEvent, isRuleViolation, isSafeledgerError } from '@safeledger/core';
import fc from 'fast-check';
import type { Prediction } from './decider-model.js';
import type { VerificationFailure, VerifiedStep } from './verification-trace.js';

/** Everything a failure report is written from. */
export interface VerificationReportInput<State, Command, Event extends DomainEvent, Model> {
  readonly deciderName: string;
  readonly seed: number;
  readonly numShrinks: number;
  /** Commands removed from fast-check's counterexample by replaying it without them. */
  readonly removedAfterShrinking: number;
  readonly steps: readonly VerifiedStep<Command, Event, Model>[];
  readonly failure: VerificationFailure<State, Model>;
  readonly describeCommand: (command: Command) => string;
}

// Decider states can be large (a hazard carries its whole history of facts); the model is the
// tester's own small state and is always shown in full.
const MAX_STATE_CHARS = 4000;

/**
 * Writes the readable report of a failed verification: the failing sequence, numbered, with the
 * clock, each command, what the decider did and what the model expected, then the states at the
 * failure and how to replay it.
 */
export function formatVerificationReport<State, Command, Event extends DomainEvent, Model>(
  input: VerificationReportInput<State, Command, Event, Model>,
): string {
  const { failure, steps } = input;
  const where = failure.step === 0 ? 'before any command' : `at step ${failure.step}`;
  const lines = [`verifyDecider(${input.deciderName}) failed ${where}: ${failure.reason}`, ''];
  if (steps.length === 0) {
    lines.push('The failing sequence is empty.');
  } else {
    const shrunk = [
      input.numShrinks === 0
        ? 'not shrunk'
        : `shrunk ${plural(input.numShrinks, 'time')} by fast-check`,
      ...(input.removedAfterShrinking === 0
        ? []
        : [`then ${plural(input.removedAfterShrinking, 'needless command')} removed`]),
    ].join(', ');
    lines.push(
      `Failing sequence (${plural(steps.length, 'command')}, ${shrunk}):`,
      ...steps.flatMap((step) => formatStep(step, input.describeCommand)),
    );
  }
  lines.push('');
  const failing = steps.find((step) => step.step === failure.step);
  if (failing?.outcome?.accepted === true && failing.outcome.events.length > 0) {
    lines.push(
      `Events of step ${failure.step}:`,
      ...failing.outcome.events.map((event) => `  ${event.type} ${show(event.data)}`),
    );
  }
  const at = failure.step === 0 ? 'initially' : `${failure.when} step ${failure.step}`;
  lines.push(
    `Model ${at}: ${show(failure.model)}`,
    `Decider state ${at}: ${truncate(show(failure.state), MAX_STATE_CHARS)}`,
    '',
    `Replay with { seed: ${input.seed} } and the same numRuns and maxCommands.`,
  );
  return lines.join('\n');
}

function formatStep<Command, Event extends DomainEvent, Model>(
  step: VerifiedStep<Command, Event, Model>,
  describeCommand: (command: Command) => string,
): string[] {
  const lines = [
    `  ${step.step}. [${step.at.toISOString()}, ${formatAdvance(step.advancedMs)}] ${describeCommand(step.command)}`,
  ];
  if (step.outcome !== undefined) lines.push(`       decider: ${describeOutcome(step.outcome)}`);
  if (step.prediction !== undefined)
    lines.push(`       model:   ${describePrediction(step.prediction)}`);
  return lines;
}

function describeOutcome<Event extends DomainEvent>(
  outcome: NonNullable<VerifiedStep<unknown, Event, unknown>['outcome']>,
): string {
  if (!outcome.accepted) return `rejected ${describeError(outcome.error)}`;
  return outcome.events.length === 0
    ? 'accepted, no events'
    : `accepted → ${outcome.events.map((event) => event.type).join(', ')}`;
}

/** One line for what a model predicted: `accepted`, `accepted → A, B`, `rejected H-18 TooFewVerifiers`. */
export function describePrediction<Model>(prediction: Prediction<Model>): string {
  if (prediction.outcome === 'rejected') {
    return `rejected ${prediction.rule}${prediction.violation === undefined ? '' : ` ${prediction.violation}`}`;
  }
  return prediction.events === undefined
    ? 'accepted'
    : `accepted → ${prediction.events.join(', ') || 'no events'}`;
}

/** One line for an error a decider threw: a rule violation's own message starts with its rule id. */
export function describeError(error: unknown): string {
  if (isRuleViolation(error)) return error.message;
  if (isSafeledgerError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The default command description: its `type`, then the rest of it. */
export function describeCommandDefault(command: unknown): string {
  if (typeof command === 'object' && command !== null && 'type' in command) {
    const { type, ...rest } = command as { type: unknown };
    if (typeof type === 'string') return `${type} ${show(rest)}`;
  }
  return show(command);
}

/** How far the clock moved: `+0`, `+250ms`, `+7d`, `+1d 2h`, at most the two largest units. */
export function formatAdvance(ms: number): string {
  if (ms === 0) return '+0';
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${unit}`);
  }
  return `+${parts.slice(0, 2).join(' ')}`;
}

// fast-check's stringify shows Dates, Maps, Sets and undefined faithfully, unlike JSON.
function show(value: unknown): string {
  return fc.stringify(value);
}

function truncate(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
