import { sampleNow } from '@safeledger/testing';
import { isRuleViolation, type RuleViolationError } from '../../eventsourcing/errors.js';
import type { Directory } from '../directory/directory.js';
import type { PersonRecord } from '../directory/person.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import {
  evolveHazard,
  type HazardState,
  initialHazardState,
  type RegisteredHazard,
} from './state.js';

/*
 * The set-up the hazard decision tests share: a command decided on a given state at the sample
 * clock on the hazard's own stream, a state folded from accepted commands, and the refusal a
 * command must meet (a rule violation, or the field of a bad input). Each test file only chooses
 * its directory and policy. This file is test support, not library code.
 */

/** Deciding hazard commands against one directory, under a default policy each call may override. */
export interface HazardDecisions {
  /** The events the decider returns for `command` on `state`. */
  readonly decide: (
    state: HazardState,
    command: HazardCommand,
    withPolicy?: SupervisionPolicy,
  ) => HazardEvent[];
  /** The registered state the commands lead to, each one decided and its events folded in. */
  readonly stateAfter: (commands: readonly HazardCommand[]) => RegisteredHazard;
  /** The rule violation `command` is refused with; fails the test when it is accepted. */
  readonly refusal: (
    state: HazardState,
    command: HazardCommand,
    withPolicy?: SupervisionPolicy,
  ) => RuleViolationError;
  /** The field path of the bad input `command` is refused for; fails the test when it is accepted. */
  readonly badInputPath: (state: HazardState, command: HazardCommand) => unknown;
}

export function hazardDecisions(
  directory: Directory,
  policy: SupervisionPolicy = createSupervisionPolicy(),
): HazardDecisions {
  const decider = createHazardDecider({ directory, policy });
  const decide = (state: HazardState, command: HazardCommand, withPolicy = policy) =>
    ([] as HazardEvent[]).concat(
      (withPolicy === policy ? decider : createHazardDecider({ directory, policy: withPolicy }))
        // The sample hazards are `h-1`; the decider refuses a command on another hazard's stream.
        .decide(command, state, {
          now: sampleNow,
          streamId: 'hazard-h-1',
          version: state.version,
          facts: undefined,
        }),
    );
  const stateAfter = (commands: readonly HazardCommand[]): RegisteredHazard => {
    let state: HazardState = initialHazardState();
    for (const command of commands) state = decide(state, command).reduce(evolveHazard, state);
    if (state.status === 'unregistered') throw new Error('expected a registered hazard');
    return state;
  };
  const refusal = (state: HazardState, command: HazardCommand, withPolicy?: SupervisionPolicy) => {
    try {
      decide(state, command, withPolicy);
    } catch (error) {
      if (isRuleViolation(error)) return error;
      throw error;
    }
    throw new Error(`expected ${command.type} to be refused`);
  };
  const badInputPath = (state: HazardState, command: HazardCommand): unknown => {
    try {
      decide(state, command);
    } catch (error) {
      if (isRuleViolation(error)) throw error;
      return (error as { issues?: readonly { path: string }[] }).issues?.[0]?.path;
    }
    throw new Error(`expected ${command.type} to be refused`);
  };
  return { decide, stateAfter, refusal, badInputPath };
}

/** The directory's record of a person the test relies on; fails the test when it is missing. */
export function personIn(directory: Directory, id: string): PersonRecord {
  const record = directory.person(id);
  if (record === undefined) throw new Error(`no person ${id}`);
  return record;
}
