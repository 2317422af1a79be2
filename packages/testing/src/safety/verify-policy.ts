import {
  createDutyRosterDecider,
  createEnforcementCaseDecider,
  createEnterpriseDecider,
  createHazardDecider,
  createInspectionDecider,
  type DutyRosterDecider,
  type EnforcementCaseDecider,
  type EnterpriseDecider,
  type HazardDecider,
  type InMemoryDirectory,
  type InspectionDecider,
  type SupervisionPolicy,
} from '@safeledger/core';
import fc from 'fast-check';
import { casePolicySubject } from './case-policy-subject.js';
import { dutyPolicySubject } from './duty-policy-subject.js';
import { createSampleRegistryDirectory } from './enterprise-arbitraries.js';
import { enterprisePolicySubject } from './enterprise-policy-subject.js';
import { hazardPolicySubject } from './hazard-policy-subject.js';
import { inspectionPolicySubject } from './inspection-policy-subject.js';
import {
  type BrokenInvariant,
  createPolicyLifecycle,
  invariantKey,
  minimisePolicyFailure,
  type PolicyStep,
  type PolicySubject,
  type PolicyTally,
} from './policy-lifecycle.js';
import { sampleCaseCommands } from './sample-case-commands.js';
import { createSampleSafetyDirectory } from './sample-directory.js';
import { staticSubjectStatus } from './sample-inspection-commands.js';

export type { PolicyStep } from './policy-lifecycle.js';

/** The built-in aggregates `verifyPolicy` re-checks, in the order it runs them. */
export const policyAggregates = [
  'hazard',
  'enforcementCase',
  'dutyRoster',
  'enterprise',
  'inspection',
] as const;
/** One of `policyAggregates`. */
export type PolicyAggregate = (typeof policyAggregates)[number];

/** The deciders to verify, one per aggregate; each defaults to the library's under the policy. */
export interface PolicyDeciders {
  /** Default `createHazardDecider({ directory, policy })`. */
  readonly hazard?: HazardDecider;
  /**
   * Default `createEnforcementCaseDecider({ directory, policy, … })` on the sample case kit
   * (`sampleCaseCommands`): the case commands name its people, hazards and inspections, so
   * yours should be built on `sampleCaseCommands().directory` too.
   */
  readonly enforcementCase?: EnforcementCaseDecider;
  /** Default `createDutyRosterDecider({ directory, policy })` on the sample directory. */
  readonly dutyRoster?: DutyRosterDecider;
  /**
   * Default `createEnterpriseDecider({ directory, policy })` on the sample registry directory
   * (`createSampleRegistryDirectory`): the award commands name its grading authorities.
   */
  readonly enterprise?: EnterpriseDecider;
  /**
   * Default `createInspectionDecider({ directory, subjects, policy })` on the sample directory,
   * every subject active; the subject status reaches `decide` as facts, so `subjects` is never
   * read here.
   */
  readonly inspection?: InspectionDecider;
}

/** Options of `verifyPolicy`. */
export interface VerifyPolicyOptions {
  /**
   * Lifecycles to try per aggregate (default 100); duty rosters, each a whole month of shifts,
   * run a fifth of it.
   */
  readonly numRuns?: number;
  /** Seed to replay a failure. */
  readonly seed?: number;
  /** Longest command sequence per lifecycle (default 25). */
  readonly maxCommands?: number;
  /** People and subjects the hazard commands are drawn from (default: the sample directory). */
  readonly directory?: InMemoryDirectory;
  /** Business clock before the first command (default 2024-01-01T00:00:00Z). */
  readonly startTime?: Date;
  /** The aggregates to re-check (default all of `policyAggregates`). */
  readonly aggregates?: readonly PolicyAggregate[];
  /**
   * The hazard decider to verify, when yours wraps or extends the library's (a local rule, a
   * different directory); default `createHazardDecider({ directory, policy })`. Kept for
   * compatibility: the same as `deciders.hazard`, and an error if both are given.
   */
  readonly decider?: HazardDecider;
  /** The decider to verify per aggregate, when yours wraps or extends the library's. */
  readonly deciders?: PolicyDeciders;
}

/** What one aggregate's verification exercised. */
export interface AggregatePolicySummary {
  /** Lifecycles run (at the top level: the `numRuns` asked for). */
  readonly runs: number;
  /** Commands sent to the decider. */
  readonly commands: number;
  /** Commands the decider accepted; the invariants were checked after each. */
  readonly accepted: number;
  /** Commands the decider refused with a rule violation or a validation error. */
  readonly rejected: number;
  /** Rejections per rule id. */
  readonly rejectedBy: Readonly<Record<string, number>>;
  /** How often each invariant had something to check, keyed `rule: name`. */
  readonly checked: Readonly<Record<string, number>>;
  /** Invariants that never had anything to check in this run: raise `numRuns` if any matter. */
  readonly unexercised: readonly string[];
  /**
   * Invariants the policy gives nothing to check at all, so they are not counted unexercised
   * (DR-3 while `reinforcedDutyDates` is empty).
   */
  readonly notApplicable: readonly string[];
}

/**
 * What a successful `verifyPolicy` exercised: assert on it so a vacuous run fails. The top-level
 * counts add up every aggregate's (`runs` is the `numRuns` asked for); `aggregates` has each one's own.
 */
export interface PolicyVerificationSummary extends AggregatePolicySummary {
  /** The seed the run used: pass it back as `seed` to replay it. */
  readonly seed: number;
  /** Per verified aggregate, what its lifecycles exercised. */
  readonly aggregates: Readonly<Partial<Record<PolicyAggregate, AggregatePolicySummary>>>;
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
    /** The aggregate whose lifecycle broke it. */
    readonly aggregate: PolicyAggregate = 'hazard',
  ) {
    super(
      [
        `verifyPolicy(${aggregate}) failed: ${rule} (${invariant}): ${problem}`,
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

// The runner treats every subject alike; each subject's own types are checked where it is built.
type AnySubject = PolicySubject<any, any, any>;

/** The subject of each requested aggregate, with the decider the options give or the library's. */
function subjectsFor(policy: SupervisionPolicy, options: VerifyPolicyOptions) {
  if (
    options.decider !== undefined &&
    options.deciders?.hazard !== undefined &&
    options.decider !== options.deciders.hazard
  ) {
    throw new TypeError(
      'verifyPolicy: give the hazard decider as `decider` or as `deciders.hazard`, not two different ones',
    );
  }
  const unknown = (options.aggregates ?? []).filter(
    (name) => !(policyAggregates as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw new TypeError(
      `verifyPolicy: unknown aggregate(s) ${unknown.map((n) => JSON.stringify(n)).join(', ')}; expected some of ${policyAggregates.join(', ')}`,
    );
  }
  const build: Record<PolicyAggregate, () => AnySubject> = {
    hazard: () => {
      const directory = options.directory ?? createSampleSafetyDirectory();
      const decider =
        options.deciders?.hazard ?? options.decider ?? createHazardDecider({ directory, policy });
      return hazardPolicySubject(decider, directory, policy) as unknown as AnySubject;
    },
    enforcementCase: () => {
      const kit = sampleCaseCommands();
      const decider =
        options.deciders?.enforcementCase ??
        createEnforcementCaseDecider({
          directory: kit.directory,
          policy,
          // `decide` receives the facts from the kit directly; the ports are never read here.
          hazards: { hazard: async (id) => kit.hazards[id] },
          inspections: { inspection: async (id) => kit.inspections[id] },
        });
      return casePolicySubject(decider, kit, policy) as unknown as AnySubject;
    },
    dutyRoster: () => {
      const directory = createSampleSafetyDirectory();
      const decider =
        options.deciders?.dutyRoster ?? createDutyRosterDecider({ directory, policy });
      return dutyPolicySubject(decider, directory, policy) as unknown as AnySubject;
    },
    enterprise: () => {
      const decider =
        options.deciders?.enterprise ??
        createEnterpriseDecider({ directory: createSampleRegistryDirectory(), policy });
      return enterprisePolicySubject(decider) as unknown as AnySubject;
    },
    inspection: () => {
      const directory = createSampleSafetyDirectory();
      const decider =
        options.deciders?.inspection ??
        createInspectionDecider({ directory, subjects: staticSubjectStatus(), policy });
      return inspectionPolicySubject(decider, directory) as unknown as AnySubject;
    },
  };
  const names = policyAggregates.filter((name) => options.aggregates?.includes(name) ?? true);
  return names.map((name) => ({ name, subject: build[name]() }));
}

/**
 * Re-checks the built-in aggregates' core invariants under a user's policy. For each aggregate
 * (Hazard, EnforcementCase, DutyRoster, Enterprise, Inspection; pick with `aggregates`) random
 * lifecycles of plausible, broken and policy-probing commands run through its decider (the
 * library's built with `policy`, or yours from `deciders`) while the clock moves by hours and
 * days; after every accepted command each invariant of `hazardPolicyInvariants`,
 * `casePolicyInvariants`, `dutyPolicyInvariants`, `enterprisePolicyInvariants` and
 * `inspectionPolicyInvariants` is checked in the policy's own terms (verifier and officer counts,
 * back-dating, procedure windows, fine thresholds, the decision deadline, grade validity, …). Throws a `PolicyVerificationError` with the shrunk lifecycle when one
 * breaks; otherwise returns what it exercised, per aggregate and in total.
 *
 * @example
 * const summary = verifyPolicy(createSupervisionPolicy({ minVerifiersMajor: 3 }));
 * expect(summary.unexercised).toEqual([]);
 * @throws PolicyVerificationError when an invariant breaks (or a decider crashes).
 * @throws TypeError for an unknown aggregate name, or two different hazard deciders.
 */
export function verifyPolicy(
  policy: SupervisionPolicy,
  options: VerifyPolicyOptions = {},
): PolicyVerificationSummary {
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const runs = options.numRuns ?? 100;
  const aggregates: Partial<Record<PolicyAggregate, AggregatePolicySummary>> = {};
  for (const { name, subject } of subjectsFor(policy, options)) {
    const share = Math.max(1, Math.ceil(runs * (subject.runsShare ?? 1)));
    aggregates[name] = verifySubject(name, subject, policy, options, seed, share);
  }
  const all = Object.values(aggregates);
  const sum = (pick: (s: AggregatePolicySummary) => number) =>
    all.reduce((total, s) => total + pick(s), 0);
  const merge = (pick: (s: AggregatePolicySummary) => Readonly<Record<string, number>>) => {
    const merged: Record<string, number> = {};
    for (const s of all)
      for (const [key, count] of Object.entries(pick(s))) merged[key] = (merged[key] ?? 0) + count;
    return merged;
  };
  return {
    seed,
    runs,
    commands: sum((s) => s.commands),
    accepted: sum((s) => s.accepted),
    rejected: sum((s) => s.rejected),
    rejectedBy: merge((s) => s.rejectedBy),
    checked: merge((s) => s.checked),
    unexercised: all.flatMap((s) => s.unexercised),
    notApplicable: all.flatMap((s) => s.notApplicable),
    aggregates,
  };
}

/** The distinct keys of some invariants (EC-5 has two invariants under one rule). */
const unique = (invariants: readonly { rule: string; name: string }[]) => [
  ...new Set(invariants.map(invariantKey)),
];

/** Runs one aggregate's lifecycles; throws the shrunk failure. */
function verifySubject(
  name: PolicyAggregate,
  subject: AnySubject,
  policy: SupervisionPolicy,
  options: VerifyPolicyOptions,
  seed: number,
  runs: number,
): AggregatePolicySummary {
  const maxCommands = Math.min(options.maxCommands ?? 25, subject.maxCommands ?? Infinity);
  const start = (options.startTime ?? new Date('2024-01-01T00:00:00Z')).getTime();
  const tally: PolicyTally = {
    counts: { commands: 0, accepted: 0, rejected: 0 },
    rejectedBy: {},
    checked: {},
  };
  let broken: BrokenInvariant | undefined;
  const next = subject.next;
  const property = fc.property(fc.gen(), fc.integer({ min: 1, max: maxCommands }), (g, length) => {
    const run = createPolicyLifecycle(subject, policy, tally);
    let now = start;
    for (let step = 0; step < length && !run.ended(); step += 1) {
      now += g(fc.integer, { min: 0, max: 10 }) * DAY + g(fc.integer, { min: 0, max: 23 }) * HOUR;
      const command = g(next, ...subject.nextArgs(run.state(), now, run.events()));
      const failure = run.step(now, command);
      if (failure !== undefined) {
        broken = failure;
        return false;
      }
    }
    return true;
  });
  const details = fc.check(property, { numRuns: runs, seed, endOnFailure: true });
  if (details.failed) {
    if (broken !== undefined) {
      const short = minimisePolicyFailure(broken, () => createPolicyLifecycle(subject, policy));
      throw new PolicyVerificationError(
        short.rule,
        short.invariant,
        short.problem,
        short.steps,
        seed,
        name,
      );
    }
    throw details.errorInstance instanceof Error
      ? details.errorInstance
      : new Error(String(details.errorInstance));
  }
  return {
    runs,
    ...tally.counts,
    rejectedBy: tally.rejectedBy,
    checked: tally.checked,
    unexercised: unique(
      subject.invariants.filter((invariant) => invariant.relevant?.(policy) ?? true),
    ).filter((key) => tally.checked[key] === undefined),
    notApplicable: unique(
      subject.invariants.filter((invariant) => !(invariant.relevant?.(policy) ?? true)),
    ),
  };
}
