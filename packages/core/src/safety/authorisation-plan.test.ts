import {
  actorFor,
  actorsOf,
  createSampleSafetyDirectory,
  emergencyPlanCommandArbitrary,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  regulatorOfficers,
} from './authorisation-resend.test-helper.js';
import type { EmergencyPlanCommand } from './emergency-plan/commands.js';
import { createEmergencyPlanDecider } from './emergency-plan/decide.js';
import type { EmergencyPlanState } from './emergency-plan/state.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) for EmergencyPlan: at every step of random plan histories while
 * time passes, the command is re-sent by every genuine actor of the sample directory. §4.9 gives
 * the secondary aggregates no "Who" column, so the table below reads §2 and G-5: a plan belongs
 * to one organisation or one enterprise and only its own people act on it; on the enterprise
 * side the Principal ("all enterprise commands") and the SafetyOfficer (its safety management
 * staff) draft, the Principal alone decides (publishes, retires); a Worker has no plan duty. On
 * the government side the organisation's officers draft, its head or committee office decides.
 * It is written from the spec, not from the library's permissions.
 */

const officers = regulatorOfficers;
const drafting = {
  enterprise: ['Principal', 'SafetyOfficer'],
  org: [...officers, 'SafetyCommitteeOffice'],
};
const deciding = { enterprise: ['Principal'], org: ['AuthorityHead', 'SafetyCommitteeOffice'] };
const who: Record<EmergencyPlanCommand['type'], 'draft' | 'decide'> = {
  DraftPlan: 'draft',
  RevisePlan: 'draft',
  PublishPlan: 'decide',
  RetirePlan: 'decide',
};

const directory = createSampleSafetyDirectory();

function ownerOf(command: EmergencyPlanCommand, state: EmergencyPlanState) {
  if (state.planId !== null)
    return { orgId: state.ownerOrgId, enterpriseId: state.ownerEnterpriseId };
  if (command.type !== 'DraftPlan') return { orgId: null, enterpriseId: null };
  return { orgId: command.ownerOrgId ?? null, enterpriseId: command.ownerEnterpriseId ?? null };
}

function allowed(command: EmergencyPlanCommand, actor: SafetyActor, state: EmergencyPlanState) {
  const side = ownerOf(command, state).orgId === null ? 'enterprise' : 'org';
  const table = who[command.type] === 'draft' ? drafting : deciding;
  return (table[side] as readonly string[]).includes(actor.role);
}

function inScope(command: EmergencyPlanCommand, actor: SafetyActor, state: EmergencyPlanState) {
  const owner = ownerOf(command, state);
  return owner.orgId !== null
    ? actor.orgId === owner.orgId
    : owner.enterpriseId !== null && actor.enterpriseId === owner.enterpriseId;
}

/**
 * The library's arbitrary drafts enterprise plans only; organisation plans (a bureau's, the
 * committee office's, the far bureau's) are drafted here so the government side is exercised.
 */
const orgDraft = fc.constantFrom('org-safety', 'org-committee-district', 'org-safety-far').map(
  (ownerOrgId): EmergencyPlanCommand => ({
    type: 'DraftPlan',
    actor: actorFor(directory, 'p-safety-head'),
    planId: 'p-1',
    kind: 'special',
    title: 'Hazardous chemicals emergency plan',
    ownerOrgId,
  }),
);

/** Roles the property must see each of these commands accepted from (both sides got through). */
const acceptedFrom = {
  DraftPlan: ['Principal', 'SafetyOfficer', 'AuthorityHead'],
  PublishPlan: ['Principal', 'SafetyCommitteeOffice'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no emergency plan command is accepted from a role the spec does not give plan duties, or from outside the owner', async () => {
  const summary = await checkResentCommands<EmergencyPlanState, EmergencyPlanCommand>({
    decider: createEmergencyPlanDecider({ directory }),
    actors: actorsOf(directory),
    streamId: () => 'plan-p-1',
    next: (state) =>
      state.planId === null
        ? fc.oneof(
            emergencyPlanCommandArbitrary({ directory }).filter((c) => c.type === 'DraftPlan'),
            orgDraft,
          )
        : emergencyPlanCommandArbitrary({ directory }),
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 30,
    maxSteps: 10,
    allowed,
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 60),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);
