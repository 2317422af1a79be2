import {
  activityCommandArbitrary,
  actorsOf,
  createSampleSafetyDirectory,
} from '@safeledger/testing';
import { expect, it } from 'vitest';
import type { ActivityCommand } from './activity/commands.js';
import { createActivityDecider } from './activity/decide.js';
import type { ActivityState } from './activity/state.js';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  localDate,
  regulatorOfficers,
} from './authorisation-resend.test-helper.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) for Activity: at every step of random activity histories while
 * time passes, the command is re-sent by every genuine actor of the sample directory. §4.9 gives
 * the secondary aggregates no "Who" column, so the table below reads §2 and G-5: an activity is
 * recorded by its organiser's own people; on the government side the organisation's officers,
 * head, committee office and field staff (grid patrollers, fire advisors, who patrol and guide);
 * on the enterprise side its Principal ("all enterprise commands") and SafetyOfficer, never a
 * Worker (§2 gives a worker no duty but registering hazards), and an enterprise records only its
 * own participation (G-5: enterprise roles act on their own enterprise). It is written from the
 * spec, not from the library's permissions.
 */

const organisationSide: Role[] = [
  ...regulatorOfficers,
  'SafetyCommitteeOffice',
  'GridPatroller',
  'FireAdvisor',
];
const enterpriseSide: Role[] = ['Principal', 'SafetyOfficer'];

const directory = createSampleSafetyDirectory();

function organiserOf(command: ActivityCommand, state: ActivityState) {
  if (state.activityId !== null)
    return { orgId: state.organizerOrgId, enterpriseId: state.organizerEnterpriseId };
  if (command.type !== 'RecordActivity') return { orgId: null, enterpriseId: null };
  return {
    orgId: command.organizerOrgId ?? null,
    enterpriseId: command.organizerEnterpriseId ?? null,
  };
}

function allowed(command: ActivityCommand, actor: SafetyActor, state: ActivityState) {
  const side = organiserOf(command, state).orgId === null ? enterpriseSide : organisationSide;
  return side.includes(actor.role);
}

function inScope(command: ActivityCommand, actor: SafetyActor, state: ActivityState) {
  const organiser = organiserOf(command, state);
  if (organiser.orgId !== null) return actor.orgId === organiser.orgId;
  const participants =
    command.enterpriseIds ?? (state.activityId === null ? [] : state.facts.enterpriseIds);
  return (
    organiser.enterpriseId !== null &&
    actor.enterpriseId === organiser.enterpriseId &&
    participants.every((id) => id === organiser.enterpriseId)
  );
}

/** Roles the property must see each of these commands accepted from (both sides got through). */
const acceptedFrom = {
  RecordActivity: ['Principal', 'SafetyOfficer', 'EnforcementOfficer', 'AuthorityHead'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no activity is recorded or corrected by a role the spec does not give the duty, or from outside its organiser', async () => {
  const summary = await checkResentCommands<ActivityState, ActivityCommand>({
    decider: createActivityDecider({ directory }),
    actors: actorsOf(directory),
    streamId: () => 'act-a-1',
    next: (state, now) =>
      activityCommandArbitrary({ directory, today: localDate(now) }).filter(
        (command) => state.activityId !== null || command.type === 'RecordActivity',
      ),
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 30,
    maxSteps: 8,
    allowed,
    inScope,
    types: ['RecordActivity', 'CorrectActivity'],
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 60),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, ['RecordActivity', 'CorrectActivity']);
}, 60_000);
