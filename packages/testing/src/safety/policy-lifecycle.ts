import {
  type Decider,
  type DomainEvent,
  RuleViolationError,
  type SupervisionPolicy,
  ValidationError,
} from '@safeledger/core';
import type fc from 'fast-check';

/** One command of a failing lifecycle, as the report shows it. */
export interface PolicyStep {
  readonly at: string;
  /** The command as sent: a broken one (a probe of bad input) may not be a valid command. */
  readonly command: unknown;
  /** Event types it produced, or the rule it was rejected under. */
  readonly outcome: string;
}

/** What every aggregate's invariants see: the stream's events, the new ones, the clock. */
export interface PolicyEventView<Event> {
  readonly policy: SupervisionPolicy;
  readonly events: readonly Event[];
  readonly lastEvents: readonly Event[];
  readonly now: Date;
}

/** An invariant of one aggregate, as the runner uses it (the per-aggregate types fit it). */
export interface PolicyInvariantOf<View> {
  readonly rule: string;
  readonly name: string;
  readonly relevant?: (policy: SupervisionPolicy) => boolean;
  readonly applies: (view: View) => boolean;
  readonly check: (view: View) => string | undefined;
}

/**
 * One built-in aggregate as `verifyPolicy` drives it: its decider, the commands to draw next,
 * its invariants and how to show them a view. Internal to the package: users pick aggregates
 * and deciders through `VerifyPolicyOptions`.
 */
export interface PolicySubject<State, Event extends DomainEvent, View> {
  readonly decider: Decider<State, never, Event, unknown>;
  readonly invariants: readonly PolicyInvariantOf<View>[];
  /**
   * The commands to draw from next, built from `nextArgs`. fc.gen caches arbitraries by
   * deep-equal arguments, so `nextArgs` hands over only what the choice depends on (comparing a
   * month's hundred shifts at every step would dominate the run).
   */
  readonly next: (...args: any[]) => fc.Arbitrary<unknown>;
  /** The arguments of `next` at this point of the lifecycle. */
  readonly nextArgs: (state: State, nowMs: number, events: readonly Event[]) => readonly unknown[];
  readonly streamId: (state: State, command: unknown) => string;
  /**
   * Share of `numRuns` this aggregate runs, and the longest lifecycle worth drawing, when its
   * commands are costly (a duty roster schedules a whole month at once); default 1 and no cap.
   */
  readonly runsShare?: number;
  readonly maxCommands?: number;
  readonly ended: (state: State) => boolean;
  /** The facts `prepare` would load, fixed for the run (the sample hazards, inspections…). */
  readonly facts?: (command: unknown) => unknown;
  readonly view: (base: PolicyEventView<Event>) => View;
}

/** An invariant broken at the last of `steps`. */
export interface BrokenInvariant {
  readonly rule: string;
  readonly invariant: string;
  readonly problem: string;
  readonly steps: readonly PolicyStep[];
}

/** Counts one run accumulates. */
export interface PolicyTally {
  readonly counts: { commands: number; accepted: number; rejected: number };
  readonly rejectedBy: Record<string, number>;
  readonly checked: Record<string, number>;
}

/** The key an invariant is reported under: `rule: name`. */
export const invariantKey = (invariant: { rule: string; name: string }) =>
  `${invariant.rule}: ${invariant.name}`;

/** A stream's lifecycle under verification: decide, evolve and check, one command at a time. */
export function createPolicyLifecycle<State, Event extends DomainEvent, View>(
  subject: PolicySubject<State, Event, View>,
  policy: SupervisionPolicy,
  tally?: PolicyTally,
) {
  const { decider } = subject;
  let state = decider.initialState();
  const events: Event[] = [];
  const steps: PolicyStep[] = [];
  return {
    state: () => state,
    events: () => events,
    ended: () => subject.ended(state),
    /** Runs one command at `nowMs`; returns the broken invariant, if any. */
    step(nowMs: number, command: unknown): BrokenInvariant | undefined {
      const at = new Date(nowMs).toISOString();
      if (tally !== undefined) tally.counts.commands += 1;
      let produced: readonly Event[];
      try {
        const facts = subject.facts?.(command);
        const decided = decider.decide(command as never, state, {
          now: new Date(nowMs),
          streamId: subject.streamId(state, command),
          version: events.length,
          ...(facts === undefined ? {} : { facts }),
        });
        produced = Array.isArray(decided) ? decided : [decided as Event];
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
      const view = subject.view({ policy, events, lastEvents: produced, now: new Date(nowMs) });
      for (const invariant of subject.invariants) {
        if (!invariant.applies(view)) continue;
        if (tally !== undefined) {
          const key = invariantKey(invariant);
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
export function minimisePolicyFailure(
  failure: BrokenInvariant,
  lifecycle: () => ReturnType<typeof createPolicyLifecycle>,
): BrokenInvariant {
  const replay = (steps: readonly PolicyStep[]): BrokenInvariant | undefined => {
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
