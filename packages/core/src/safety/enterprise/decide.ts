import type { Decider } from '../../eventsourcing/decider.js';
import type { Directory } from '../directory/directory.js';
import { directoryDecision } from '../directory/directory-decision.js';
import type { DirectorySource } from '../directory/directory-source.js';
import { commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { assertBusinessTime } from '../general/business-time.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import {
  type EnterpriseCommand,
  EnterpriseCommandSchema,
  type ParsedEnterpriseCommand,
} from './commands.js';
import {
  decideAwardStandardizationGrade,
  decideEstablishEmergencyTeam,
  decideFileRiskReport,
  decideRevokeStandardizationGrade,
  decideSubmitHazardStatistics,
} from './decide-compliance.js';
import {
  decideAppointSafetyOfficer,
  decideChangePrincipal,
  decideCloseEnterprise,
  decideRegisterEnterprise,
  decideUpdateEnterpriseProfile,
} from './decide-registry.js';
import type { EnterpriseDecisionContext } from './decision-context.js';
import type { EnterpriseEvent } from './events.js';
import { violate } from './rules.js';
import {
  type EnterpriseState,
  evolveEnterprise,
  initialEnterpriseState,
  isRegisteredEnterprise,
} from './state.js';

/** Options of `createEnterpriseDecider`. */
export interface EnterpriseDeciderOptions {
  /**
   * Organisations and officers for G-5: a synchronous `Directory`, or a `DirectorySource` from
   * which `prepare` loads the records a command reads. Enterprise roles are checked against the
   * registry itself (the enterprise's state).
   */
  readonly directory: Directory | DirectorySource;
  /** Defaults to `createSupervisionPolicy()` (the §3 defaults). */
  readonly policy?: SupervisionPolicy;
}

/** The enterprise decider: registry and compliance facts of §4.8. */
export type EnterpriseDecider = Decider<
  EnterpriseState,
  EnterpriseCommand,
  EnterpriseEvent,
  Directory | undefined
>;

/**
 * Creates the enterprise decider (domain spec §4.8): validates each command, authorises it
 * (G-5), bounds its business time (G-4) and checks rules E-1…E-6, rejecting with a
 * `RuleViolationError` citing the rule. The uniqueness of the USCC across the registry (E-1)
 * needs more than one stream: register through `createEnterpriseRegistrar`, which claims the code
 * first.
 *
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule.
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a command that does not fit its schema.
 */
export function createEnterpriseDecider(options: EnterpriseDeciderOptions): EnterpriseDecider {
  const policy = options.policy ?? createSupervisionPolicy();
  const decision = directoryDecision<EnterpriseState, EnterpriseCommand, EnterpriseEvent>(
    options.directory,
    (input, state, context, directory) => {
      const command = parseOrThrow(EnterpriseCommandSchema, input, 'EnterpriseCommand');
      const occurredAt = command.occurredAt ?? context.now.toISOString();
      const ctx: EnterpriseDecisionContext = {
        policy,
        directory,
        now: context.now,
        occurredAt,
        actor: command.actor,
      };
      return decideEnterprise(ctx, command, state, context.streamId);
    },
    'enterprise',
  );
  return {
    name: 'enterprise',
    initialState: initialEnterpriseState,
    evolve: evolveEnterprise,
    ...decision,
    metadataFor: commandMetadata,
  };
}

function decideEnterprise(
  ctx: EnterpriseDecisionContext,
  command: ParsedEnterpriseCommand,
  state: EnterpriseState,
  streamId: string,
): EnterpriseEvent[] {
  if (command.type === 'RegisterEnterprise') {
    if (isRegisteredEnterprise(state)) {
      throw violate('E-1', 'AlreadyRegistered', { enterpriseId: state.enterpriseId });
    }
    assertBusinessTime({
      occurredAt: ctx.occurredAt,
      recordedAt: ctx.now,
      streamStartedAt: undefined,
    });
    return decideRegisterEnterprise(ctx, command);
  }
  if (!isRegisteredEnterprise(state)) {
    throw violate('E-6', 'EnterpriseNotRegistered', { streamId, command: command.type });
  }
  if (state.status === 'closed') {
    throw violate('E-6', 'EnterpriseClosed', {
      enterpriseId: state.enterpriseId,
      command: command.type,
    });
  }
  assertBusinessTime({
    occurredAt: ctx.occurredAt,
    recordedAt: ctx.now,
    streamStartedAt: state.registeredAt,
  });
  switch (command.type) {
    case 'UpdateEnterpriseProfile':
      return decideUpdateEnterpriseProfile(ctx, state, command);
    case 'ChangePrincipal':
      return decideChangePrincipal(ctx, state, command);
    case 'AppointSafetyOfficer':
      return decideAppointSafetyOfficer(ctx, state, command);
    case 'FileRiskReport':
      return decideFileRiskReport(ctx, state, command);
    case 'AwardStandardizationGrade':
      return decideAwardStandardizationGrade(ctx, state, command);
    case 'RevokeStandardizationGrade':
      return decideRevokeStandardizationGrade(ctx, state, command);
    case 'EstablishEmergencyTeam':
      return decideEstablishEmergencyTeam(ctx, state, command);
    case 'SubmitHazardStatistics':
      return decideSubmitHazardStatistics(ctx, state, command);
    case 'CloseEnterprise':
      return decideCloseEnterprise(ctx, state, command);
  }
}
