import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import type { Directory } from '../directory/directory.js';
import { admitCommand, commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import { freshValue } from '../ports/fresh-answer.js';
import {
  type InspectionCommand,
  InspectionCommandSchema,
  type ParsedInspectionCommand,
} from './commands.js';
import {
  decideImposeOnSiteMeasure,
  decideIssueRectificationOrder,
  decideRecordFinding,
} from './decide-findings.js';
import {
  decideCancelInspection,
  decideCompleteInspection,
  decideScheduleInspection,
  decideStartInspection,
} from './decide-planning.js';
import type { InspectionDecisionContext } from './decision-context.js';
import type { InspectionEvent } from './events.js';
import type { InspectionFacts, SubjectStatusPort } from './ports.js';
import { violate } from './rules.js';
import {
  evolveInspection,
  type InspectionState,
  initialInspectionState,
  isScheduledInspection,
} from './state.js';

/** Options of `createInspectionDecider`. */
export interface InspectionDeciderOptions {
  /** Reference data for authorisation (G-5), teams (I-0, I-1) and snapshots (G-8). */
  readonly directory: Directory;
  /** The read model I-7 consults at `StartInspection` (G-9). */
  readonly subjects: SubjectStatusPort;
  /** Defaults to `createSupervisionPolicy()`. */
  readonly policy?: SupervisionPolicy;
}

/** The inspection decider: state, the 7 commands of §4.4 and their events. */
export type InspectionDecider = Decider<
  InspectionState,
  InspectionCommand,
  InspectionEvent,
  InspectionFacts
>;

/**
 * Creates the inspection decider (domain spec §4.4): each command is validated, authorised (G-5),
 * bounded in business time (G-4) and checked against I-0…I-7. `prepare` reads the subject's
 * status through `subjects` for `StartInspection` (I-7) and fails with the retryable
 * `ProjectionLaggingError` while that read model is behind the subject's stream (G-9).
 *
 * @example
 * const decider = createInspectionDecider({ directory, subjects });
 * const handle = createCommandHandler({ store, decider });
 * await handle(inspectionStreamId('i-1'), { type: 'ScheduleInspection', actor, inspectionId: 'i-1', … });
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`I-3 MajorFindingWithoutOrder: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) from `prepare` while the subject read model lags.
 */
export function createInspectionDecider(options: InspectionDeciderOptions): InspectionDecider {
  const { directory, subjects } = options;
  const policy = options.policy ?? createSupervisionPolicy();
  return {
    name: 'inspection',
    initialState: initialInspectionState,
    evolve: evolveInspection,
    async prepare(input, state) {
      if (
        (input as { type?: unknown }).type !== 'StartInspection' ||
        !isScheduledInspection(state)
      ) {
        return {};
      }
      const answer = await subjects.subjectStatus(state.subject);
      return { subjectStatus: freshValue(subjects.name, answer) };
    },
    decide(input, state, context) {
      const command = parseOrThrow(InspectionCommandSchema, input, 'InspectionCommand');
      return decideInspection(command, state, context, policy, directory);
    },
    metadataFor: commandMetadata,
  };
}

function decideInspection(
  command: ParsedInspectionCommand,
  state: InspectionState,
  context: DecideContext<InspectionFacts>,
  policy: SupervisionPolicy,
  directory: Directory,
): InspectionEvent[] {
  if (command.type === 'ScheduleInspection' && isScheduledInspection(state)) {
    throw violate('I-0', 'AlreadyScheduled', { inspectionId: state.inspectionId });
  }
  if (command.type !== 'ScheduleInspection' && !isScheduledInspection(state)) {
    throw violate('I-0', 'NotScheduled', { command: command.type });
  }
  if (
    isScheduledInspection(state) &&
    (state.status === 'completed' || state.status === 'cancelled')
  ) {
    throw violate('I-2', 'InspectionClosed', { state: state.status });
  }
  const occurredAt = admitCommand({
    directory: directory,
    command,
    now: context.now,
    streamStartedAt: isScheduledInspection(state) ? state.scheduledAt : undefined,
  });
  const ctx: InspectionDecisionContext = {
    policy,
    directory,
    now: context.now,
    occurredAt,
    actor: command.actor,
    person: directory.person(command.actor.personId),
    facts: context.facts ?? {},
  };
  if (command.type === 'ScheduleInspection') return decideScheduleInspection(ctx, command);
  if (!isScheduledInspection(state)) return [];
  switch (command.type) {
    case 'StartInspection':
      return decideStartInspection(ctx, state);
    case 'RecordFinding':
      return decideRecordFinding(ctx, state, command);
    case 'IssueRectificationOrder':
      return decideIssueRectificationOrder(ctx, state, command);
    case 'ImposeOnSiteMeasure':
      return decideImposeOnSiteMeasure(ctx, state, command);
    case 'CompleteInspection':
      return decideCompleteInspection(ctx, state, command);
    case 'CancelInspection':
      return decideCancelInspection(ctx, state, command);
  }
}
