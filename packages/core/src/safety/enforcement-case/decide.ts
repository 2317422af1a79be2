import type { DecideContext, Decider } from '../../eventsourcing/decider.js';
import type { Directory } from '../directory/directory.js';
import { admitCommand, commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import {
  type EnforcementCaseCommand,
  EnforcementCaseCommandSchema,
  type ParsedEnforcementCaseCommand,
} from './commands.js';
import {
  decideCloseCase,
  decideCourtEnforcement,
  decideDismissCase,
  decidePenaltyPerformed,
  decideServeDecision,
  decideTransferCase,
} from './decide-execution.js';
import {
  decideAddRespondent,
  decideFileCase,
  decideLinkHazard,
  decideRecordEvidence,
} from './decide-filing.js';
import { decidePenalty } from './decide-penalty.js';
import {
  decideExtendDeadline,
  decideHearingRequest,
  decideHoldHearing,
  decideLegalReview,
  decideRecordDefence,
  decideServeNotice,
  decideWaiveHearing,
} from './decide-procedure.js';
import type { CaseDecisionContext } from './decision-context.js';
import type { EnforcementCaseEvent } from './events.js';
import type { EnforcementCaseFacts, HazardFactsPort, InspectionFactsPort } from './facts.js';
import { assertCaseCommandState } from './lifecycle.js';
import { defaultPenaltyBasisTable, type PenaltyBasisTable } from './penalty-basis.js';
import { violate } from './rules.js';
import {
  type EnforcementCaseState,
  evolveEnforcementCase,
  type FiledCase,
  initialEnforcementCaseState,
  isFiledCase,
  isTerminalCase,
} from './state.js';

/** Options of `createEnforcementCaseDecider`. */
export interface EnforcementCaseDeciderOptions {
  /** Reference data for authorisation (G-5) and respondents' enterprises (EC-1). */
  readonly directory: Directory;
  /** Defaults to `createSupervisionPolicy()` (the §3 defaults). */
  readonly policy?: SupervisionPolicy;
  /** The statutory penalty table (EC-10); defaults to the spec's table. */
  readonly penaltyBasis?: PenaltyBasisTable;
  /** Where `LinkHazardToCase` reads the hazard (EC-3, EC-15). */
  readonly hazards: HazardFactsPort;
  /** Where `FileCase` reads its source inspection (EC-18). */
  readonly inspections: InspectionFactsPort;
}

/** The enforcement-case decider: state, the commands of §4.2 and their events. */
export type EnforcementCaseDecider = Decider<
  EnforcementCaseState,
  EnforcementCaseCommand,
  EnforcementCaseEvent,
  EnforcementCaseFacts
>;

/**
 * Creates the enforcement-case decider (domain spec §4.2): every command is validated,
 * authorised against the directory and the case agency (G-5), bounded in business time (G-4)
 * and checked against rules EC-0…EC-18; a rejection is a `RuleViolationError` citing the rule.
 * `prepare` loads the facts of other aggregates through the given ports: the hazard a link
 * names (EC-15) and the inspection a filing cites (EC-18). Case numbers are made unique by
 * `createCaseFiling`, which claims them before the case is filed.
 *
 * @example
 * const decider = createEnforcementCaseDecider({ directory, hazards: createHazardFactsFromStore({ store, directory }), inspections });
 * const handle = createCommandHandler({ store, decider });
 * await handle(caseStreamId('c-1'), { type: 'LinkHazardToCase', actor, hazardId: 'h-1' });
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule (`EC-4 ExceedsNotifiedPenalty: …`).
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 */
export function createEnforcementCaseDecider(
  options: EnforcementCaseDeciderOptions,
): EnforcementCaseDecider {
  const { directory, hazards, inspections } = options;
  const policy = options.policy ?? createSupervisionPolicy();
  const penaltyBasis = options.penaltyBasis ?? defaultPenaltyBasisTable;
  return {
    name: 'enforcement-case',
    initialState: initialEnforcementCaseState,
    evolve: evolveEnforcementCase,
    async prepare(input) {
      // Only well-formed commands need facts; a malformed one is rejected by `decide`.
      const parsed = EnforcementCaseCommandSchema.safeParse(input);
      if (!parsed.success) return {};
      const command = parsed.data;
      if (command.type === 'LinkHazardToCase') {
        return { hazard: (await hazards.hazard(command.hazardId)) ?? null };
      }
      if (command.type === 'FileCase' && command.source.inspectionId !== undefined) {
        return { inspection: (await inspections.inspection(command.source.inspectionId)) ?? null };
      }
      return {};
    },
    decide(input, state, context) {
      const command = parseOrThrow(EnforcementCaseCommandSchema, input, 'EnforcementCaseCommand');
      return decideCase(command, state, context, { policy, directory, penaltyBasis });
    },
    metadataFor: commandMetadata,
  };
}

function decideCase(
  command: ParsedEnforcementCaseCommand,
  state: EnforcementCaseState,
  context: DecideContext<EnforcementCaseFacts>,
  config: Pick<CaseDecisionContext, 'policy' | 'directory' | 'penaltyBasis'>,
): EnforcementCaseEvent[] {
  if (isTerminalCase(state)) {
    throw violate('EC-0', 'CaseTerminal', { state: state.status, command: command.type });
  }
  if (command.type === 'FileCase' && isFiledCase(state)) {
    throw violate('EC-0', 'AlreadyFiled', { caseId: state.caseId });
  }
  if (command.type !== 'FileCase' && !isFiledCase(state)) {
    throw violate('EC-0', 'CaseNotFiled', { command: command.type });
  }
  const { directory } = config;
  const occurredAt = admitCommand({
    directory: directory,
    command,
    now: context.now,
    streamStartedAt: isFiledCase(state) ? state.filedAt : undefined,
  });
  const ctx: CaseDecisionContext = {
    ...config,
    now: context.now,
    occurredAt,
    actor: command.actor,
    person: directory.person(command.actor.personId),
    facts: context.facts ?? {},
  };
  if (command.type === 'FileCase') return decideFileCase(ctx, command);
  const filed = state as FiledCase;
  assertCaseCommandState(command.type, filed);
  switch (command.type) {
    case 'AddRespondent':
      return decideAddRespondent(ctx, filed, command);
    case 'LinkHazardToCase':
      return decideLinkHazard(ctx, filed, command);
    case 'RecordEvidence':
      return decideRecordEvidence(ctx, filed, command);
    case 'ServePreDecisionNotice':
      return decideServeNotice(ctx, filed, command);
    case 'RecordStatementAndDefence':
      return decideRecordDefence(ctx, filed, command);
    case 'RecordHearingRequest':
      return decideHearingRequest(ctx, filed, command);
    case 'WaiveHearing':
      return decideWaiveHearing(ctx, filed, command);
    case 'HoldHearing':
      return decideHoldHearing(ctx, filed, command);
    case 'CompleteLegalReview':
      return decideLegalReview(ctx, filed, command);
    case 'DecidePenalty':
      return decidePenalty(ctx, filed, command);
    case 'ServeDecision':
      return decideServeDecision(ctx, filed, command);
    case 'RecordPenaltyPerformed':
      return decidePenaltyPerformed(ctx, filed, command);
    case 'RequestCourtEnforcement':
      return decideCourtEnforcement(ctx, filed, command);
    case 'ExtendDecisionDeadline':
      return decideExtendDeadline(ctx, filed, command);
    case 'CloseCase':
      return decideCloseCase(ctx, filed, command);
    case 'DismissCase':
      return decideDismissCase(ctx, filed, command);
    case 'TransferCase':
      return decideTransferCase(ctx, filed, command);
  }
}
