import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import { streamCategory } from '../../eventsourcing/envelope.js';
import type { Directory } from '../directory/directory.js';
import { type DirectorySource, isDirectorySource } from '../directory/directory-source.js';
import { loadDirectoryFacts } from '../directory/load-directory-facts.js';
import { admitCommand, commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import { closureBlockers } from './closure.js';
import { type HazardCommand, HazardCommandSchema, type ParsedHazardCommand } from './commands.js';
import {
  decideCorrectHazardDetails,
  decideExtendRectificationDeadline,
  decideReferHazard,
  decideRegradeHazard,
  decideVoidHazard,
} from './decide-details.js';
import {
  decideDelistHazard,
  decideDiscloseMajorHazard,
  decideListForSupervision,
  decideReportMajorHazard,
  decideSubmitRectificationPlan,
} from './decide-major.js';
import {
  decideApproveResumption,
  decideCompleteRectification,
  decideRecordAssessment,
  decideRecordInterimControls,
  decideRequestVerification,
  decideSuspendOperations,
} from './decide-rectification.js';
import { decideRegisterHazard } from './decide-registration.js';
import { decideCloseHazard, decideVerifyRectification } from './decide-verification.js';
import { eventBase, type HazardDecisionContext } from './decision-context.js';
import type { HazardEvent } from './events.js';
import { hazardStreamId } from './hazard-stream.js';
import { lateEntryOf } from './late-entry.js';
import { assertCommandState } from './lifecycle.js';
import { violate } from './rules.js';
import {
  evolveHazard,
  type HazardState,
  initialHazardState,
  isRegisteredHazard,
  isTerminalHazard,
  type RegisteredHazard,
} from './state.js';

/** Options of `createHazardDecider`. */
export interface HazardDeciderOptions {
  /**
   * Reference data for authorisation (G-5) and classification snapshots (G-8): a synchronous
   * `Directory` held in memory, or a `DirectorySource` (the registry's read models, a database)
   * from which `prepare` loads the records each command reads before `decide`.
   */
  readonly directory: Directory | DirectorySource;
  /** Defaults to `createSupervisionPolicy()` (the §3 defaults). */
  readonly policy?: SupervisionPolicy;
}

/**
 * The hazard decider: state, the 19 commands of §4.1 and their events. Its facts are the
 * directory records `prepare` loaded; a decider built on a synchronous directory has no `prepare`
 * and reads that directory.
 */
export type HazardDecider = Decider<HazardState, HazardCommand, HazardEvent, Directory | undefined>;

// Commands whose event can satisfy the last closure prerequisite of a verified hazard (H-20).
const mayCompleteClosure: ReadonlySet<ParsedHazardCommand['type']> = new Set([
  'VerifyRectification',
  'ApproveResumption',
  'DelistHazard',
  'DiscloseMajorHazardToWorkforce',
  'ReportMajorHazard',
  'SubmitRectificationPlan',
  'RegradeHazard',
]);

/**
 * Creates the hazard decider (domain spec §4.1): every command is validated, authorised against
 * the directory (G-5), bounded in business time (G-4) and checked against rules H-0…H-29; a
 * rejection is a `RuleViolationError` citing the rule. Follow-up events come in the same
 * decision: `RectificationCompleted` for an on-the-spot fix (H-4), `RectificationDeadlineExtended`
 * for a failed verification with a new deadline (H-21), and `HazardClosed` when a verification,
 * delisting, resumption, disclosure, report, plan or downgrade meets the last prerequisite (H-20).
 *
 * @example
 * const decider = createHazardDecider({ directory, policy: createSupervisionPolicy() });
 * const handle = createCommandHandler({ store, decider });
 * await handle(hazardStreamId('h-1'), { type: 'RegisterHazard', actor, hazardId: 'h-1', … });
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`H-13 IncompletePlan: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 */
export function createHazardDecider(options: HazardDeciderOptions): HazardDecider {
  const policy = options.policy ?? createSupervisionPolicy();
  const source = isDirectorySource(options.directory) ? options.directory : undefined;
  const fixed = isDirectorySource(options.directory) ? undefined : options.directory;
  const decide: HazardDecider['decide'] = (input, state, context) => {
    const directory = context.facts ?? fixed;
    if (directory === undefined) {
      throw new TypeError(
        'this hazard decider reads a DirectorySource: run it through a command handler (which calls prepare) or pass the loaded directory as facts',
      );
    }
    const command = parseOrThrow(HazardCommandSchema, input, 'HazardCommand');
    return decideHazard(command, state, context, policy, directory);
  };
  return {
    name: 'hazard',
    initialState: initialHazardState,
    evolve: evolveHazard,
    // Only a source needs loading: the records a command reads are found by running the pure
    // decision against what is loaded so far (see loadDirectoryFacts).
    ...(source === undefined
      ? {}
      : {
          prepare: (input, state, context) =>
            loadDirectoryFacts(source, (directory) => {
              decide(input, state, { ...context, facts: directory });
            }),
        }),
    decide,
    // The envelope carries the acting person and the business time too, so read models and
    // audits need not open payloads; `decide` has validated the command by the time this runs.
    metadataFor: commandMetadata,
  };
}

function decideHazard(
  command: ParsedHazardCommand,
  state: HazardState,
  context: DecideContext<Directory | undefined>,
  policy: SupervisionPolicy,
  directory: Directory,
): HazardEvent[] {
  assertStream(context.streamId, command, state);
  // H-7: nothing happens to a voided hazard; H-27: a closed one is never reopened, a recurrence
  // is a new hazard.
  if (isTerminalHazard(state)) {
    throw violate(state.status === 'closed' ? 'H-27' : 'H-7', 'HazardTerminal', {
      state: state.status,
      command: command.type,
    });
  }
  if (command.type === 'RegisterHazard' && isRegisteredHazard(state)) {
    throw violate('H-1', 'AlreadyRegistered', { hazardId: state.hazardId });
  }
  if (command.type !== 'RegisterHazard' && !isRegisteredHazard(state)) {
    throw violate('H-0', 'HazardNotRegistered', {
      streamId: context.streamId,
      command: command.type,
    });
  }
  const occurredAt = admitCommand({
    directory: directory,
    command,
    now: context.now,
    streamStartedAt: isRegisteredHazard(state) ? state.registeredAt : undefined,
    systemMayAct: command.type === 'RegisterHazard',
  });
  const lateEntry = lateEntryOf({
    policy,
    occurredAt,
    recordedAt: context.now,
    actor: command.actor,
    reason: command.lateEntryReason,
  });
  const ctx: HazardDecisionContext = {
    policy,
    directory,
    now: context.now,
    occurredAt,
    actor: command.actor,
    person: directory.person(command.actor.personId),
    version: context.version,
    lateEntry,
    judgedAt: lateEntry === undefined ? occurredAt : lateEntry.recordedAt,
  };
  if (command.type === 'RegisterHazard') return decideRegisterHazard(ctx, command);

  const hazard = state as RegisteredHazard;
  assertCommandState(command.type, hazard);
  const events = decideRegistered(ctx, hazard, command);
  return mayCompleteClosure.has(command.type) ? withAutoClosure(ctx, hazard, events) : events;
}

/**
 * H-1: one hazard, one stream. A hazard lives in the stream `hazard-{hazardId}`; any other stream
 * (another category, another id) would let the same hazard be registered twice.
 *
 * @throws RuleViolationError (`H-1`, `StreamMismatch`) naming the stream and the hazard id.
 */
function assertStream(streamId: string, command: ParsedHazardCommand, state: HazardState): void {
  const hazardId =
    command.type === 'RegisterHazard'
      ? command.hazardId
      : isRegisteredHazard(state)
        ? state.hazardId
        : undefined;
  const expected = hazardId === undefined ? undefined : hazardStreamId(hazardId);
  if (streamCategory(streamId) === 'hazard' && (expected === undefined || streamId === expected))
    return;
  throw violate('H-1', 'StreamMismatch', {
    streamId,
    hazardId: hazardId ?? null,
    expectedStreamId: expected ?? null,
    // Which of the two messages applies: a stream of another category, or another hazard's.
    wrongCategory: expected === undefined,
  });
}

function decideRegistered(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  command: Exclude<ParsedHazardCommand, { type: 'RegisterHazard' }>,
): HazardEvent[] {
  switch (command.type) {
    case 'CorrectHazardDetails':
      return decideCorrectHazardDetails(ctx, state, command);
    case 'RegradeHazard':
      return decideRegradeHazard(ctx, state, command);
    case 'ExtendRectificationDeadline':
      return decideExtendRectificationDeadline(ctx, state, command);
    case 'ReportMajorHazard':
      return decideReportMajorHazard(ctx, state, command);
    case 'DiscloseMajorHazardToWorkforce':
      return decideDiscloseMajorHazard(ctx, state, command);
    case 'SubmitRectificationPlan':
      return decideSubmitRectificationPlan(ctx, state, command);
    case 'ListForSupervision':
      return decideListForSupervision(ctx, state, command);
    case 'SuspendOperations':
      return decideSuspendOperations(ctx, state, command);
    case 'RecordInterimControls':
      return decideRecordInterimControls(ctx, state, command);
    case 'CompleteRectification':
      return decideCompleteRectification(ctx, state, command);
    case 'RecordRectificationAssessment':
      return decideRecordAssessment(ctx, state, command);
    case 'RequestVerification':
      return decideRequestVerification(ctx, state, command);
    case 'VerifyRectification':
      return decideVerifyRectification(ctx, state, command);
    case 'ApproveResumption':
      return decideApproveResumption(ctx, state, command);
    case 'DelistHazard':
      return decideDelistHazard(ctx, state, command);
    case 'CloseHazard':
      return decideCloseHazard(ctx, state);
    case 'VoidHazard':
      return decideVoidHazard(ctx, state, command);
    case 'ReferHazard':
      return decideReferHazard(ctx, state, command);
  }
}

/** H-20: when the decided events leave a verified hazard with nothing missing, close it in the same commit. */
function withAutoClosure(
  ctx: HazardDecisionContext,
  state: RegisteredHazard,
  events: HazardEvent[],
): HazardEvent[] {
  const after = events.reduce<HazardState>(evolveHazard, state);
  if (!isRegisteredHazard(after) || after.status !== 'verified' || after.lastVerification === null)
    return events;
  if (closureBlockers(after, ctx.policy).length > 0) return events;
  return [
    ...events,
    {
      type: 'HazardClosed',
      data: {
        ...eventBase(ctx, state.hazardId),
        basisVerificationVersion: after.lastVerification.atVersion,
      },
    },
  ];
}
