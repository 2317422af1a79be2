import type { Decider } from '../../eventsourcing/decider.js';
import { ValidationError } from '../../eventsourcing/errors.js';
import type { Directory } from '../directory/directory.js';
import { directoryDecision } from '../directory/directory-decision.js';
import type { DirectorySource } from '../directory/directory-source.js';
import { commandMetadata } from '../general/admit-command.js';
import { parseOrThrow } from '../general/bad-input.js';
import { assertBusinessTime } from '../general/business-time.js';
import type { SafetyActor } from '../roles/actor.js';
import {
  type EmergencyPlanCommand,
  EmergencyPlanCommandSchema,
  type ParsedEmergencyPlanCommand,
} from './commands.js';
import type { EmergencyPlanEvent } from './events.js';
import { assertMayActOnPlan } from './permissions.js';
import { violatePlan } from './rules.js';
import {
  type DraftedPlan,
  type EmergencyPlanState,
  evolveEmergencyPlan,
  initialEmergencyPlanState,
  isDraftedPlan,
} from './state.js';

/** Options of `createEmergencyPlanDecider`. */
export interface EmergencyPlanDeciderOptions {
  /** Persons and organisations for G-5: a synchronous `Directory`, or a `DirectorySource`. */
  readonly directory: Directory | DirectorySource;
}

/** The emergency plan decider (§4.9). */
export type EmergencyPlanDecider = Decider<
  EmergencyPlanState,
  EmergencyPlanCommand,
  EmergencyPlanEvent,
  Directory | undefined
>;

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`invalid EmergencyPlanCommand: ${path}: ${message}`, [
    { type: 'EmergencyPlanCommand', path, message },
  ]);
}

/**
 * Creates the emergency plan decider (domain spec §4.9, 应急预案): a plan is drafted, revised
 * into new versions and published; only a published version is effective (EP-1), which
 * `effectivePlanVersion` derives from `asOf`. Retirement ends the plan (EP-0).
 *
 * @throws RuleViolationError (`RULE_VIOLATION`) from `decide`, citing the rule.
 * @throws ValidationError (`VALIDATION_FAILED`) from `decide` for a malformed command.
 */
export function createEmergencyPlanDecider(
  options: EmergencyPlanDeciderOptions,
): EmergencyPlanDecider {
  const decision = directoryDecision<EmergencyPlanState, EmergencyPlanCommand, EmergencyPlanEvent>(
    options.directory,
    (input, state, context, directory) => {
      const command = parseOrThrow(EmergencyPlanCommandSchema, input, 'EmergencyPlanCommand');
      const occurredAt = command.occurredAt ?? context.now.toISOString();
      if (command.type === 'DraftPlan') {
        if (isDraftedPlan(state)) {
          throw violatePlan('EP-0', 'PlanAlreadyDrafted', { planId: state.planId });
        }
        assertBusinessTime({ occurredAt, recordedAt: context.now, streamStartedAt: undefined });
        return decideDraft(command, context.streamId, directory, occurredAt);
      }
      if (!isDraftedPlan(state)) {
        throw violatePlan('EP-0', 'PlanNotDrafted', { command: command.type });
      }
      if (state.retiredAt !== null) {
        throw violatePlan('EP-0', 'PlanIsRetired', { planId: state.planId, command: command.type });
      }
      assertBusinessTime({ occurredAt, recordedAt: context.now, streamStartedAt: state.draftedAt });
      return decideOnDraftedPlan(command, state, directory, occurredAt);
    },
    'emergency plan',
  );
  return {
    name: 'plan',
    initialState: initialEmergencyPlanState,
    evolve: evolveEmergencyPlan,
    ...decision,
    metadataFor: commandMetadata,
  };
}

function decideDraft(
  command: Extract<ParsedEmergencyPlanCommand, { type: 'DraftPlan' }>,
  streamId: string,
  directory: Directory,
  occurredAt: string,
): EmergencyPlanEvent[] {
  if (streamId !== `plan-${command.planId}`) {
    throw invalid('planId', `plan ${command.planId} does not match stream "${streamId}"`);
  }
  const ownerOrgId = command.ownerOrgId ?? null;
  const ownerEnterpriseId = command.ownerEnterpriseId ?? null;
  if ((ownerOrgId === null) === (ownerEnterpriseId === null)) {
    throw invalid('ownerOrgId', 'name exactly one owner: ownerOrgId or ownerEnterpriseId');
  }
  assertMayActOnPlan(directory, command.actor, { ownerOrgId, ownerEnterpriseId }, 'draft');
  return [
    {
      type: 'PlanDrafted',
      data: {
        planId: command.planId,
        occurredAt,
        actor: command.actor,
        kind: command.kind,
        title: command.title,
        ownerOrgId,
        ownerEnterpriseId,
        replacesPlanId: command.replacesPlanId ?? null,
        version: 1,
      },
    },
  ];
}

function decideOnDraftedPlan(
  command: Exclude<ParsedEmergencyPlanCommand, { type: 'DraftPlan' }>,
  state: DraftedPlan,
  directory: Directory,
  occurredAt: string,
): EmergencyPlanEvent[] {
  const actor: SafetyActor = command.actor;
  const base = { planId: state.planId, occurredAt, actor };
  switch (command.type) {
    case 'RevisePlan':
      assertMayActOnPlan(directory, actor, state, 'draft');
      return [
        {
          type: 'PlanRevised',
          data: { ...base, version: state.latestVersion + 1, summary: command.summary },
        },
      ];
    case 'PublishPlan': {
      assertMayActOnPlan(directory, actor, state, 'decide');
      if (command.version !== state.latestVersion) {
        throw violatePlan('EP-1', 'NotLatestVersion', {
          version: command.version,
          latest: state.latestVersion,
        });
      }
      if (state.publications.some((p) => p.version === command.version)) {
        throw violatePlan('EP-1', 'AlreadyPublished', { version: command.version });
      }
      return [{ type: 'PlanPublished', data: { ...base, version: command.version } }];
    }
    case 'RetirePlan':
      assertMayActOnPlan(directory, actor, state, 'decide');
      return [{ type: 'PlanRetired', data: { ...base, reason: command.reason } }];
  }
}
