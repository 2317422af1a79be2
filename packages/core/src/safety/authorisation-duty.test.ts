import {
  actorsOf,
  createSampleSafetyDirectory,
  dutyRosterCommandArbitrary,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  governmentSide,
} from './authorisation-resend.test-helper.js';
import type { DutyRosterCommand } from './duty/commands.js';
import { createDutyRosterDecider } from './duty/decide.js';
import type { DutyRosterState } from './duty/state.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) for DutyRoster: at every step of random roster histories of one
 * month while time passes, the command is re-sent by every genuine actor of the sample directory.
 * §4.9 gives the roster no "Who" column, so the table below reads §2, G-5 and the DR rules:
 * - a month's roster is scheduled by the head of the organisation on duty (AuthorityHead), or by
 *   the committee office for its own office (SafetyCommitteeOffice): DR-2 makes the roster name
 *   a leader on call (领导带班), an arrangement only the organisation's leadership can make;
 * - a shift is handed over by its duty officer in person, or by the organisation's head;
 * - incident information received on duty is reported upward by the organisation's own people,
 *   any government-side role (DR-2 lets any person of the organisation stand duty);
 * and every act stays inside the roster's organisation (G-5: officers act only for their own
 * organisation); no enterprise, venue or external role ever acts on a roster. It is written from
 * the spec, not from the library's permissions.
 */

const who: Record<DutyRosterCommand['type'], readonly Role[]> = {
  ScheduleDutyRoster: ['AuthorityHead', 'SafetyCommitteeOffice'],
  // Besides these roles, the shift's own duty officer in person (see `allowed`).
  HandOverShift: ['AuthorityHead'],
  ReportIncidentInfo: governmentSide,
};

const directory = createSampleSafetyDirectory();
const MONTH = '2024-03';
const COMMITTEE = 'org-committee-district';

function rosterOrg(command: DutyRosterCommand, state: DutyRosterState): string | null {
  return command.type === 'ScheduleDutyRoster' ? command.orgId : state.orgId;
}

function allowed(command: DutyRosterCommand, actor: SafetyActor, state: DutyRosterState) {
  if (command.type === 'HandOverShift') {
    const shift = state.shifts.find((s) => s.shiftId === command.shiftId);
    if (shift !== undefined && shift.dutyOfficerId === actor.personId)
      return governmentSide.includes(actor.role);
  }
  return who[command.type].includes(actor.role);
}

function inScope(command: DutyRosterCommand, actor: SafetyActor, state: DutyRosterState) {
  const orgId = rosterOrg(command, state);
  return orgId !== null && actor.orgId === orgId && actor.enterpriseId === undefined;
}

/**
 * The library's arbitrary schedules `org-safety`; a third of the schedules are turned into the
 * district committee office's own roster (its only person on duty and on call), so the committee
 * office's right to schedule is exercised too.
 */
function nextCommand(state: DutyRosterState) {
  return dutyRosterCommandArbitrary({ directory, month: MONTH })
    .filter((command) => (state.month === null) === (command.type === 'ScheduleDutyRoster'))
    .chain((command) =>
      fc.integer({ min: 0, max: 2 }).map((draw): DutyRosterCommand => {
        if (command.type !== 'ScheduleDutyRoster' || draw > 0) return command;
        return {
          ...command,
          orgId: COMMITTEE,
          shifts: command.shifts.map((shift) => ({
            ...shift,
            ...(shift.dutyOfficerId === undefined ? {} : { dutyOfficerId: 'p-cmo-district' }),
            ...(shift.leaderOnCallId === undefined ? {} : { leaderOnCallId: 'p-cmo-district' }),
          })),
        };
      }),
    );
}

/**
 * Roles the property must see each of these commands accepted from. The duty officer in person,
 * not only the head, hands a shift over.
 */
const acceptedFrom = {
  ScheduleDutyRoster: ['AuthorityHead', 'SafetyCommitteeOffice'],
  HandOverShift: ['EnforcementOfficer'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no duty roster command is accepted from a role the spec does not give the duty, or from outside the roster’s organisation', async () => {
  const summary = await checkResentCommands<DutyRosterState, DutyRosterCommand>({
    decider: createDutyRosterDecider({ directory }),
    actors: actorsOf(directory),
    streamId: () => `duty-${MONTH}`,
    next: (state) => nextCommand(state),
    start: '2024-02-20T02:00:00Z',
    maxDaysPerStep: 5,
    maxSteps: 8,
    allowed,
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 40),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);
