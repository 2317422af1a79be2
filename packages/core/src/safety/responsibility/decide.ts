import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import { localDateOf } from '../calendar/time-zone.js';
import type { Directory } from '../directory/directory.js';
import { admitCommand, commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import {
  type ParsedResponsibilityCommand,
  type ResponsibilityCommand,
  ResponsibilityCommandSchema,
} from './commands.js';
import {
  decideAddDuty,
  decideDraftAssignment,
  decideIssueAssignment,
  decideRemoveDuty,
} from './decide-drafting.js';
import {
  decideCompleteDuty,
  decideDesignateSafetyStaff,
  decideReportDutyProgress,
  decideReviewPerformance,
  decideRevokeSafetyStaff,
} from './decide-performance.js';
import {
  decideAcknowledgeAssignment,
  decideReviseAssignment,
  decideSupersedeAssignment,
} from './decide-revision.js';
import type { ResponsibilityDecisionContext } from './decision-context.js';
import type { ResponsibilityEvent } from './events.js';
import { assertCommandState } from './lifecycle.js';
import { violate } from './rules.js';
import {
  evolveResponsibility,
  initialResponsibilityState,
  isStartedAssignment,
  type ResponsibilityState,
  type StartedAssignment,
} from './state.js';
import { isAfterPeriod } from './time-facts.js';

/** Options of `createResponsibilityDecider`. */
export interface ResponsibilityDeciderOptions {
  /** Reference data for authorisation (G-5, RA-9) and the assignee and issuer checks (RA-0). */
  readonly directory: Directory;
  /** Defaults to `createSupervisionPolicy()` (the §3 defaults). */
  readonly policy?: SupervisionPolicy;
}

/** The responsibility-assignment decider: state, the 12 commands of §4.3 and their events. */
export type ResponsibilityDecider = Decider<
  ResponsibilityState,
  ResponsibilityCommand,
  ResponsibilityEvent
>;

/**
 * Creates the responsibility-assignment decider (domain spec §4.3, 职责任务清单 / 一岗双责): every
 * command is validated, authorised against the directory (G-5, RA-9), bounded in business time
 * (G-4) and checked against RA-0…RA-11 within its stream. Uniqueness across the streams of a list
 * (RA-4 one lead per task code, RA-5 one live assignment per assignee) needs the unique keys of
 * `createResponsibilityAssignmentService`, which wraps a command handler of this decider.
 *
 * @example
 * const decider = createResponsibilityDecider({ directory });
 * const service = createResponsibilityAssignmentService({ store, decider });
 * await service.handle({ type: 'DraftAssignment', actor, assignmentId: 'ra-1', … });
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`RA-2 DualDutyGap: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 */
export function createResponsibilityDecider(
  options: ResponsibilityDeciderOptions,
): ResponsibilityDecider {
  const directory = options.directory;
  const policy = options.policy ?? createSupervisionPolicy();
  return {
    name: 'responsibility_assignment',
    initialState: initialResponsibilityState,
    evolve: evolveResponsibility,
    decide(input, state, context) {
      const command = parseOrThrow(ResponsibilityCommandSchema, input, 'ResponsibilityCommand');
      return decideResponsibility(command, state, context, policy, directory);
    },
    metadataFor: commandMetadata,
  };
}

function decideResponsibility(
  command: ParsedResponsibilityCommand,
  state: ResponsibilityState,
  context: DecideContext,
  policy: SupervisionPolicy,
  directory: Directory,
): ResponsibilityEvent[] {
  if (command.type === 'DraftAssignment' && isStartedAssignment(state)) {
    throw violate('RA-0', 'AlreadyDrafted', { assignmentId: state.assignmentId });
  }
  if (command.type !== 'DraftAssignment' && !isStartedAssignment(state)) {
    throw violate('RA-0', 'NotDrafted', { command: command.type, streamId: context.streamId });
  }
  const occurredAt = admitCommand({
    directory: directory,
    command,
    now: context.now,
    streamStartedAt: isStartedAssignment(state) ? state.draftedAt : undefined,
  });
  const ctx: ResponsibilityDecisionContext = {
    policy,
    directory,
    now: context.now,
    occurredAt,
    actor: command.actor,
    person: directory.person(command.actor.personId),
  };
  // RA-11: once the period is over, only the review of performance remains.
  const period =
    command.type === 'DraftAssignment' ? command.period : (state as StartedAssignment).period;
  if (command.type !== 'ReviewPerformance' && isAfterPeriod(period, occurredAt, policy)) {
    throw violate('RA-11', 'PeriodEnded', {
      year: period.year,
      date: localDateOf(occurredAt, policy.timezone),
      command: command.type,
    });
  }
  if (command.type === 'DraftAssignment') return decideDraftAssignment(ctx, command);
  const assignment = state as StartedAssignment;
  assertCommandState(command.type, assignment);
  return decideStarted(ctx, assignment, command);
}

function decideStarted(
  ctx: ResponsibilityDecisionContext,
  state: StartedAssignment,
  command: Exclude<ParsedResponsibilityCommand, { type: 'DraftAssignment' }>,
): ResponsibilityEvent[] {
  switch (command.type) {
    case 'AddDuty':
      return decideAddDuty(ctx, state, command);
    case 'RemoveDuty':
      return decideRemoveDuty(ctx, state, command);
    case 'IssueAssignment':
      return decideIssueAssignment(ctx, state, command);
    case 'AcknowledgeAssignment':
      return decideAcknowledgeAssignment(ctx, state, command);
    case 'ReviseAssignment':
      return decideReviseAssignment(ctx, state, command);
    case 'DesignateSafetyStaff':
      return decideDesignateSafetyStaff(ctx, state, command);
    case 'RevokeSafetyStaff':
      return decideRevokeSafetyStaff(ctx, state, command);
    case 'ReportDutyProgress':
      return decideReportDutyProgress(ctx, state, command);
    case 'CompleteDuty':
      return decideCompleteDuty(ctx, state, command);
    case 'ReviewPerformance':
      return decideReviewPerformance(ctx, state, command);
    case 'SupersedeAssignment':
      return decideSupersedeAssignment(ctx, state, command);
  }
}
