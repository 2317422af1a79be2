import type { Decider } from '../../eventsourcing/decider.js';
import type { Directory } from '../directory/directory.js';
import { directoryDecision } from '../directory/directory-decision.js';
import type { DirectorySource } from '../directory/directory-source.js';
import { commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { assertBusinessTime } from '../general/business-time.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import { type ActivityCommand, ActivityCommandSchema } from './commands.js';
import { decideCorrectActivity } from './decide-correct.js';
import { decideRecordActivity } from './decide-record.js';
import type { ActivityDecisionContext } from './decision-context.js';
import type { ActivityEvent } from './events.js';
import { violateActivity } from './rules.js';
import {
  type ActivityState,
  evolveActivity,
  initialActivityState,
  isRecordedActivity,
} from './state.js';

/** Options of `createActivityDecider`. */
export interface ActivityDeciderOptions {
  /**
   * Persons, organisations and enterprises for G-5 and A-0: a synchronous `Directory`, or a
   * `DirectorySource` from which `prepare` loads the records a command reads.
   */
  readonly directory: Directory | DirectorySource;
  /** `timezone` (A-0's recording date); defaults to the §3 defaults. */
  readonly policy?: SupervisionPolicy;
}

/** The activity decider (§4.9). */
export type ActivityDecider = Decider<
  ActivityState,
  ActivityCommand,
  ActivityEvent,
  Directory | undefined
>;

/**
 * Creates the activity decider (domain spec §4.9, 宣传培训活动): trainings, lectures, meetings,
 * drills, competitions, outreach and materials distribution are recorded once they took place
 * with counts that are not negative, a drill may reference the plan it exercises
 * and recorded facts are corrected by new events (G-1). Drill frequency is derived
 * by `drillObligationStatus`, never decided here.
 *
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`A-1 NegativeCount: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a malformed command.
 */
export function createActivityDecider(options: ActivityDeciderOptions): ActivityDecider {
  const policy = options.policy ?? createSupervisionPolicy();
  const decision = directoryDecision<ActivityState, ActivityCommand, ActivityEvent>(
    options.directory,
    (input, state, context, directory) => {
      const command = parseOrThrow(ActivityCommandSchema, input, 'ActivityCommand');
      const ctx: ActivityDecisionContext = {
        policy,
        directory,
        now: context.now,
        occurredAt: command.occurredAt ?? context.now.toISOString(),
        actor: command.actor,
      };
      if (command.type === 'RecordActivity') {
        if (isRecordedActivity(state)) {
          throw violateActivity('A-0', 'AlreadyRecorded', { activityId: state.activityId });
        }
        assertBusinessTime({
          occurredAt: ctx.occurredAt,
          recordedAt: ctx.now,
          streamStartedAt: undefined,
        });
        return decideRecordActivity(ctx, command, context.streamId);
      }
      if (!isRecordedActivity(state)) {
        throw violateActivity('A-0', 'ActivityNotRecorded', { command: command.type });
      }
      assertBusinessTime({
        occurredAt: ctx.occurredAt,
        recordedAt: ctx.now,
        streamStartedAt: state.recordedAt,
      });
      return decideCorrectActivity(ctx, state, command);
    },
    'activity',
  );
  return {
    name: 'activity',
    initialState: initialActivityState,
    evolve: evolveActivity,
    ...decision,
    metadataFor: commandMetadata,
  };
}
