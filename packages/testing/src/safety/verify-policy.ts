import {
  createHazardDecider,
  type HazardCommand,
  type HazardDecider,
  type HazardEvent,
  type HazardState,
  hazardStreamId,
  type InMemoryDirectory,
  isRegisteredHazard,
  RuleViolationError,
  type SafetyActor,
  type SupervisionPolicy,
  ValidationError,
} from '@safeledger/core';
import fc from 'fast-check';
import {
  hazardCommandCandidates,
  invalidHazardCommandArbitrary,
} from './hazard-command-arbitraries.js';
import { hazardPolicyInvariants } from './hazard-policy-invariants.js';
import { createSampleSafetyDirectory } from './sample-directory.js';

/** Options of `verifyPolicy`. */
export interface VerifyPolicyOptions {
  /** Hazard lifecycles to try (default 100). */
  readonly numRuns?: number;
  /** Seed to replay a failure. */
  readonly seed?: number;
  /** Longest command sequence per lifecycle (default 25). */
  readonly maxCommands?: number;
  /** People and subjects the commands are drawn from (default: the sample directory). */
  readonly directory?: InMemoryDirectory;
  /** Business clock before the first command (default 2024-01-01T00:00:00Z). */
  readonly startTime?: Date;
  /**
   * The hazard decider to verify, when yours wraps or extends the library's (a local rule, a
   * different directory); default `createHazardDecider({ directory, policy })`.
   */
  readonly decider?: HazardDecider;
}

/** What a successful `verifyPolicy` exercised: assert on it so a vacuous run fails. */
export interface PolicyVerificationSummary {
  readonly seed: number;
  readonly runs: number;
  readonly commands: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Rejections per rule id. */
  readonly rejectedBy: Readonly<Record<string, number>>;
  /** How often each invariant had something to check, keyed `rule: name`. */
  readonly checked: Readonly<Record<string, number>>;
  /** Invariants that never had anything to check in this run: raise `numRuns` if any matter. */
  readonly unexercised: readonly string[];
}

/** One command of a failing lifecycle, as the report shows it. */
export interface PolicyStep {
  readonly at: string;
  /** The command as sent: a broken one (a probe of bad input) may not be a valid command. */
  readonly command: unknown;
  /** Event types it produced, or the rule it was rejected under. */
  readonly outcome: string;
}

/** A lifecycle in which the decider, configured with the policy, broke an invariant. */
export class PolicyVerificationError extends Error {
  override readonly name = 'PolicyVerificationError';
  constructor(
    /** The rule of the broken invariant. */
    readonly rule: string,
    /** The invariant's name. */
    readonly invariant: string,
    /** What was wrong. */
    readonly problem: string,
    /** The shrunk lifecycle, up to and including the command that broke it. */
    readonly steps: readonly PolicyStep[],
    /** Seed to replay with. */
    readonly seed: number,
  ) {
    super(
      [
        `verifyPolicy(hazard) failed: ${rule} (${invariant}): ${problem}`,
        '',
        ...steps.map(
          (step, index) =>
            `  ${index + 1}. [${step.at}] ${describeCommand(step.command)} → ${step.outcome}`,
        ),
        '',
        `Replay with { seed: ${seed} }.`,
      ].join('\n'),
    );
  }
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A command as the report shows it; broken commands may lack any field. */
function describeCommand(command: unknown): string {
  const c = (typeof command === 'object' && command !== null ? command : {}) as {
    type?: unknown;
    actor?: { personId?: unknown };
  };
  const actor = typeof c.actor?.personId === 'string' ? ` by ${c.actor.personId}` : '';
  return `${typeof c.type === 'string' ? c.type : JSON.stringify(command)}${actor}`;
}

/** Who reported the latest completion, if any. */
function rectifierOf(events: readonly HazardEvent[]): SafetyActor | null {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (event?.type === 'RectificationCompleted') return event.data.actor;
  }
  return null;
}

/** A verification with the rectifier among its verifiers (and acting, if it verifies alone). */
function withRectifier(command: unknown, rectifier: SafetyActor | null): unknown {
  const c = command as HazardCommand;
  if (rectifier === null || c.type !== 'VerifyRectification') return command;
  return {
    ...c,
    actor: rectifier,
    verifierIds: [rectifier.personId, ...c.verifierIds.filter((id) => id !== rectifier.personId)],
  };
}

type Broken = { rule: string; invariant: string; problem: string; steps: PolicyStep[] };

/**
 * Re-checks the built-in Hazard aggregate's core invariants under a user's policy: random
 * lifecycles of plausible and broken commands (`hazardCommandCandidates`,
 * `invalidHazardCommandArbitrary`) run through `createHazardDecider({ policy })` while the clock
 * moves by hours and days, and after every accepted command each invariant of
 * `hazardPolicyInvariants` is checked in the policy's own terms (its verifier count, back-dating
 * window, extension and segregation switches). Throws a `PolicyVerificationError` with the
 * shrunk lifecycle when one breaks; otherwise returns what it exercised.
 *
 * @example
 * const summary = verifyPolicy(createSupervisionPolicy({ minVerifiersMajor: 3 }));
 * expect(summary.unexercised).toEqual([]);
 */
export function verifyPolicy(
  policy: SupervisionPolicy,
  options: VerifyPolicyOptions = {},
): PolicyVerificationSummary {
  const directory = options.directory ?? createSampleSafetyDirectory();
  const decider = options.decider ?? createHazardDecider({ directory, policy });
  const maxCommands = options.maxCommands ?? 25;
  const start = (options.startTime ?? new Date('2024-01-01T00:00:00Z')).getTime();
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const counts = { commands: 0, accepted: 0, rejected: 0 };
  const rejectedBy: Record<string, number> = {};
  const checked: Record<string, number> = {};
  let broken: Broken | undefined;
  // fc.gen caches arbitraries by deep-equal arguments, so the builder takes the instant as a
  // number (two Dates are deep-equal to it) along with the state.
  const next = (
    state: HazardState,
    nowMs: number,
    rectifier: SafetyActor | null,
  ): fc.Arbitrary<unknown> => {
    const arbitraryOptions = { directory, state, now: new Date(nowMs), policy };
    const candidates = hazardCommandCandidates(arbitraryOptions);
    const invalid = invalidHazardCommandArbitrary(arbitraryOptions);
    if (candidates.length === 0) return invalid;
    const plausible = fc.oneof(...candidates);
    return fc.oneof(
      { arbitrary: plausible, weight: 4 },
      { arbitrary: invalid, weight: 1 },
      // Probes at the policy's switches: the person who reported the completion joins the
      // verification (verifierMustDifferFromRectifier).
      { arbitrary: plausible.map((command) => withRectifier(command, rectifier)), weight: 1 },
    );
  };
  const lifecycle = (count: boolean) =>
    createLifecycle(decider, policy, count ? { counts, rejectedBy, checked } : undefined);

  const property = fc.property(fc.gen(), fc.integer({ min: 1, max: maxCommands }), (g, length) => {
    const run = lifecycle(true);
    let now = start;
    for (let step = 0; step < length && !run.ended(); step += 1) {
      now += g(fc.integer, { min: 0, max: 10 }) * DAY + g(fc.integer, { min: 0, max: 23 }) * HOUR;
      const command = g(next, run.state(), now, rectifierOf(run.events()));
      const failure = run.step(now, command);
      if (failure !== undefined) {
        broken = failure;
        return false;
      }
    }
    return true;
  });

  const runs = options.numRuns ?? 100;
  const details = fc.check(property, { numRuns: runs, seed });
  if (details.failed) {
    if (broken !== undefined) {
      const short = minimise(broken, () => lifecycle(false));
      throw new PolicyVerificationError(
        short.rule,
        short.invariant,
        short.problem,
        short.steps,
        seed,
      );
    }
    throw details.errorInstance instanceof Error
      ? details.errorInstance
      : new Error(String(details.errorInstance));
  }
  return {
    seed,
    runs,
    ...counts,
    rejectedBy,
    checked,
    unexercised: hazardPolicyInvariants
      .map((invariant) => `${invariant.rule}: ${invariant.name}`)
      .filter((key) => checked[key] === undefined),
  };
}

interface Tally {
  readonly counts: { commands: number; accepted: number; rejected: number };
  readonly rejectedBy: Record<string, number>;
  readonly checked: Record<string, number>;
}

/** One hazard's lifecycle under verification: decide, evolve and check, one command at a time. */
function createLifecycle(decider: HazardDecider, policy: SupervisionPolicy, tally?: Tally) {
  let state = decider.initialState();
  const events: HazardEvent[] = [];
  const steps: PolicyStep[] = [];
  return {
    state: () => state,
    events: () => events,
    ended: () =>
      isRegisteredHazard(state) && (state.status === 'closed' || state.status === 'voided'),
    /** Runs one command at `nowMs`; returns the broken invariant, if any. */
    step(nowMs: number, command: unknown): Broken | undefined {
      const at = new Date(nowMs).toISOString();
      if (tally !== undefined) tally.counts.commands += 1;
      let produced: readonly HazardEvent[];
      try {
        const hazardId = isRegisteredHazard(state)
          ? state.hazardId
          : ((command as { hazardId?: unknown }).hazardId ?? 'h-1');
        const decided = decider.decide(command as HazardCommand, state, {
          now: new Date(nowMs),
          streamId: hazardStreamId(String(hazardId)),
          version: state.version,
        });
        produced = Array.isArray(decided) ? decided : [decided as HazardEvent];
      } catch (error) {
        if (error instanceof RuleViolationError || error instanceof ValidationError) {
          const rule = error instanceof RuleViolationError ? error.rule : error.code;
          if (tally !== undefined) {
            tally.counts.rejected += 1;
            tally.rejectedBy[rule] = (tally.rejectedBy[rule] ?? 0) + 1;
          }
          steps.push({ at, command, outcome: `rejected ${rule}` });
          return undefined;
        }
        // Anything else is a crash: the decider must answer every command with events or a
        // rule violation, whatever the policy.
        steps.push({ at, command, outcome: 'crashed' });
        return {
          rule: 'crash',
          invariant: 'every command gets events or a rule violation',
          problem: `the decider threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          steps: [...steps],
        };
      }
      if (tally !== undefined) tally.counts.accepted += 1;
      for (const event of produced) state = decider.evolve(state, event);
      events.push(...produced);
      steps.push({ at, command, outcome: produced.map((event) => event.type).join(', ') });
      const view = { policy, events, lastEvents: produced, now: new Date(nowMs) };
      for (const invariant of hazardPolicyInvariants) {
        if (!invariant.applies(view)) continue;
        if (tally !== undefined) {
          const key = `${invariant.rule}: ${invariant.name}`;
          tally.checked[key] = (tally.checked[key] ?? 0) + 1;
        }
        const problem = invariant.check(view);
        if (problem !== undefined)
          return { rule: invariant.rule, invariant: invariant.name, problem, steps: [...steps] };
      }
      return undefined;
    },
  };
}

/**
 * Replays the failing lifecycle without each command in turn, keeping every removal after
 * which the same rule still breaks, so the report is the few commands the failure needs.
 */
function minimise(failure: Broken, lifecycle: () => ReturnType<typeof createLifecycle>): Broken {
  const replay = (steps: readonly PolicyStep[]): Broken | undefined => {
    const run = lifecycle();
    for (const step of steps) {
      const broken = run.step(Date.parse(step.at), step.command);
      if (broken !== undefined) return broken;
    }
    return undefined;
  };
  let best = failure;
  for (let index = best.steps.length - 2; index >= 0; index -= 1) {
    const without = best.steps.filter((_, i) => i !== index);
    const again = replay(without);
    if (again !== undefined && again.rule === failure.rule) best = again;
  }
  return best;
}
