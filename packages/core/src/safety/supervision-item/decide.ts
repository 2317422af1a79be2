import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import type { Directory } from '../directory/directory.js';
import { admitCommand, commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import { freshValue } from '../ports/fresh-answer.js';
import {
  type ParsedSupervisionItemCommand,
  type SupervisionItemCommand,
  SupervisionItemCommandSchema,
} from './commands.js';
import { decideCloseItem, decideReturnItem, decideSubmitFeedback } from './decide-closure.js';
import {
  decideAddMeasure,
  decideCompleteMeasure,
  decideLinkCase,
  decideLinkHazard,
  decideRecordInvestigation,
  decideReplyToPetitioner,
} from './decide-handling.js';
import { decideAssignItem, decideReceiveHandover } from './decide-intake.js';
import type { ItemDecisionContext } from './decision-context.js';
import type { SupervisionItemEvent } from './events.js';
import type { ItemHazardsPort, LinkedHazardStatus, SupervisionItemFacts } from './ports.js';
import { violate } from './rules.js';
import {
  evolveSupervisionItem,
  initialSupervisionItemState,
  isReceivedItem,
  type SupervisionItemState,
} from './state.js';

/** Options of `createSupervisionItemDecider`. */
export interface SupervisionItemDeciderOptions {
  /** Reference data for authorisation (G-5) and the lead organisation (SI-1). */
  readonly directory: Directory;
  /** The read model SI-2 and SI-6 consult for linked hazards (G-9). */
  readonly hazards: ItemHazardsPort;
  /** Defaults to `createSupervisionPolicy()`. */
  readonly policy?: SupervisionPolicy;
}

/** The supervision-item decider: state, the 11 commands of §4.5 and their events. */
export type SupervisionItemDecider = Decider<
  SupervisionItemState,
  SupervisionItemCommand,
  SupervisionItemEvent,
  SupervisionItemFacts
>;

/**
 * Creates the supervision-item decider (domain spec §4.5): each command is validated, authorised
 * (G-5), bounded in business time (G-4) and checked against SI-0…SI-8. `prepare` reads the
 * statuses of the hazards a `LinkHazard` names, and of a hazard list's linked hazards before
 * `SubmitFeedback` and `CloseItem`, through `hazards`; a read model behind a hazard stream fails
 * with the retryable `ProjectionLaggingError` (G-9).
 *
 * @example
 * const decider = createSupervisionItemDecider({ directory, hazards: createItemHazardsFromStore(store) });
 * const handle = createCommandHandler({ store, decider });
 * await handle(supervisionItemStreamId('it-1'), { type: 'ReceiveHandover', actor, itemId: 'it-1', … });
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`SI-2 HazardCountMismatch: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) from `prepare` while the hazard read model lags.
 */
export function createSupervisionItemDecider(
  options: SupervisionItemDeciderOptions,
): SupervisionItemDecider {
  const { directory, hazards } = options;
  const policy = options.policy ?? createSupervisionPolicy();
  return {
    name: 'supervision-item',
    initialState: initialSupervisionItemState,
    evolve: evolveSupervisionItem,
    async prepare(input, state) {
      const command = input as { type?: unknown; hazardId?: unknown };
      let hazardIds: readonly string[] = [];
      if (command.type === 'LinkHazard' && typeof command.hazardId === 'string') {
        hazardIds = [command.hazardId];
      } else if (
        (command.type === 'SubmitFeedback' || command.type === 'CloseItem') &&
        isReceivedItem(state) &&
        state.kind === 'hazard_list'
      ) {
        hazardIds = state.hazardIds;
      }
      if (hazardIds.length === 0) return {};
      const hazardStatuses: Record<string, LinkedHazardStatus> = {};
      for (const hazardId of hazardIds) {
        hazardStatuses[hazardId] = freshValue(hazards.name, await hazards.hazardStatus(hazardId));
      }
      return { hazardStatuses };
    },
    decide(input, state, context) {
      const command = parseOrThrow(SupervisionItemCommandSchema, input, 'SupervisionItemCommand');
      return decideSupervisionItem(command, state, context, policy, directory);
    },
    metadataFor: commandMetadata,
  };
}

function decideSupervisionItem(
  command: ParsedSupervisionItemCommand,
  state: SupervisionItemState,
  context: DecideContext<SupervisionItemFacts>,
  policy: SupervisionPolicy,
  directory: Directory,
): SupervisionItemEvent[] {
  if (command.type === 'ReceiveHandover' && isReceivedItem(state)) {
    throw violate('SI-0', 'AlreadyReceived', { itemId: state.itemId });
  }
  if (command.type !== 'ReceiveHandover' && !isReceivedItem(state)) {
    throw violate('SI-0', 'NotReceived', { command: command.type });
  }
  if (isReceivedItem(state) && state.status === 'closed') {
    throw violate('SI-6', 'ItemClosed', { command: command.type });
  }
  const occurredAt = admitCommand({
    directory: directory,
    command,
    now: context.now,
    streamStartedAt: isReceivedItem(state) ? state.receivedAt : undefined,
  });
  const ctx: ItemDecisionContext = {
    policy,
    directory,
    now: context.now,
    occurredAt,
    actor: command.actor,
    facts: context.facts ?? {},
  };
  if (command.type === 'ReceiveHandover') return decideReceiveHandover(ctx, command);
  if (!isReceivedItem(state)) return [];
  switch (command.type) {
    case 'AssignItem':
      return decideAssignItem(ctx, state, command);
    case 'RecordInvestigation':
      return decideRecordInvestigation(ctx, state, command);
    case 'LinkHazard':
      return decideLinkHazard(ctx, state, command);
    case 'LinkCase':
      return decideLinkCase(ctx, state, command);
    case 'AddMeasure':
      return decideAddMeasure(ctx, state, command);
    case 'CompleteMeasure':
      return decideCompleteMeasure(ctx, state, command);
    case 'ReplyToPetitioner':
      return decideReplyToPetitioner(ctx, state, command);
    case 'SubmitFeedback':
      return decideSubmitFeedback(ctx, state, command);
    case 'CloseItem':
      return decideCloseItem(ctx, state);
    case 'ReturnItem':
      return decideReturnItem(ctx, state, command);
  }
}
