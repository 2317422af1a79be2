import {
  actorsOf,
  assigneeActors,
  createSampleResponsibilityDirectory,
  type ResponsibilitySlot,
  responsibilityCommandArbitrary,
  responsibilityDomainCodes,
  sampleAssignees,
  sampleResponsibilityCommands,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  governmentSide,
} from './authorisation-resend.test-helper.js';
import type { ResponsibilityCommand } from './responsibility/commands.js';
import { createResponsibilityDecider } from './responsibility/decide.js';
import type { ResponsibilityState } from './responsibility/state.js';
import type { Assignee } from './responsibility/values.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5, RA-9) for ResponsibilityAssignment: at every step of random
 * histories of one assignment while time passes (past the period's end in some runs), the
 * command is re-sent by every genuine actor of the sample responsibility directory. Whoever the
 * decider accepts must hold a role the spec's §4.3 table ("Who") names for that command and act
 * for the party it names: the issuing office (its committee office or head) for drafting,
 * issuing, revising, reviewing and superseding; the assignee for acknowledging, reporting and
 * completing; the assignee's head for staff designations. "The assignee" is read per kind of
 * assignee with §2: a leader in person; a department or area, its people (for "head", its
 * AuthorityHead); an enterprise, its Principal and SafetyOfficer (for "head", its Principal, who
 * "acts for all enterprise commands"). A leader assignee is a person, so he is his own "head".
 * The table is written from the spec, not from the library's permissions.
 */

type Type = ResponsibilityCommand['type'];
type Party = 'issuer' | 'assignee' | 'head';

/** §4.3 "Who", as the party each command needs. */
const party: Record<Type, Party> = {
  DraftAssignment: 'issuer',
  AddDuty: 'issuer',
  RemoveDuty: 'issuer',
  IssueAssignment: 'issuer',
  AcknowledgeAssignment: 'head',
  ReviseAssignment: 'issuer',
  DesignateSafetyStaff: 'head',
  RevokeSafetyStaff: 'head',
  ReportDutyProgress: 'assignee',
  CompleteDuty: 'assignee',
  ReviewPerformance: 'issuer',
  SupersedeAssignment: 'issuer',
};

/** The roles of each party, by kind of assignee ("SafetyCommitteeOffice / issuer office"). */
const roles: Record<Party, Record<Assignee['kind'], readonly Role[]>> = {
  issuer: {
    leader: ['SafetyCommitteeOffice', 'AuthorityHead'],
    department: ['SafetyCommitteeOffice', 'AuthorityHead'],
    area: ['SafetyCommitteeOffice', 'AuthorityHead'],
    enterprise: ['SafetyCommitteeOffice', 'AuthorityHead'],
  },
  head: {
    leader: ['Leader'],
    department: ['AuthorityHead'],
    area: ['AuthorityHead'],
    enterprise: ['Principal'],
  },
  assignee: {
    leader: ['Leader'],
    department: governmentSide,
    area: governmentSide,
    enterprise: ['Principal', 'SafetyOfficer'],
  },
};

const directory = createSampleResponsibilityDirectory();
const kit = sampleResponsibilityCommands(directory);
const LIST = 'list-2024';

/** The issuer and assignee of the assignment: from the state, or from the draft. */
function partiesOf(command: ResponsibilityCommand, state: ResponsibilityState) {
  if (state.status !== 'unstarted')
    return { issuerOrgId: state.issuerOrgId, assignee: state.assignee };
  if (command.type !== 'DraftAssignment') return undefined;
  return { issuerOrgId: command.issuerOrgId, assignee: command.assignee as Assignee };
}

function allowed(command: ResponsibilityCommand, actor: SafetyActor, state: ResponsibilityState) {
  const parties = partiesOf(command, state);
  return (
    parties !== undefined && roles[party[command.type]][parties.assignee.kind].includes(actor.role)
  );
}

function inScope(command: ResponsibilityCommand, actor: SafetyActor, state: ResponsibilityState) {
  const parties = partiesOf(command, state);
  if (parties === undefined) return false;
  if (party[command.type] === 'issuer') return actor.orgId === parties.issuerOrgId;
  const { assignee } = parties;
  switch (assignee.kind) {
    case 'leader':
      return actor.personId === assignee.id;
    case 'department':
    case 'area':
      return actor.orgId === assignee.id;
    case 'enterprise':
      return actor.enterpriseId === assignee.id;
  }
}

/**
 * A fresh stream draws an assignee and a draft that can be issued (a duty covering any portfolio,
 * `LEAD.OVERALL` for a primary leader, a staffing duty `d-3`), and a draft is mostly issued
 * next, so runs get past issue; from then on the library's arbitrary draws every type, with the
 * wrong actors it sometimes picks. The re-sending tries every actor anyway.
 */
function nextCommand(state: ResponsibilityState): fc.Arbitrary<ResponsibilityCommand> {
  const others = ['ra-2', 'ra-3'];
  if (state.status === 'unstarted') {
    return fc
      .record({
        assignee: fc.constantFrom(...sampleAssignees()),
        portfolio: fc.subarray([...responsibilityDomainCodes]),
      })
      .map(({ assignee, portfolio }) =>
        kit.draft({
          assignee,
          portfolio: assignee.kind === 'leader' ? portfolio : [],
          duties: [
            kit.duty({
              dutyId: 'd-1',
              code: assignee.isPrimaryLeader === true ? 'LEAD.OVERALL' : 'T1',
              domainCodes: ['D1', 'D2'],
            }),
            kit.duty({
              dutyId: 'd-3',
              code: 'T3',
              kind: 'staffing',
              role: 'support',
              domainCodes: [],
              requiredHeadcount: 1,
            }),
          ],
        }),
      );
  }
  const slot: ResponsibilitySlot = {
    assignmentId: state.assignmentId,
    assignee: state.assignee,
    portfolio: state.portfolio,
  };
  const any = responsibilityCommandArbitrary(kit, LIST, slot, others);
  if (state.status === 'draft') {
    // Adding a duty is the one drafting step the arbitrary rarely gets right before the issue.
    const add = fc.constantFrom('d-2', 'd-4').map(
      (dutyId): ResponsibilityCommand => ({
        type: 'AddDuty',
        actor: kit.actors.office,
        duty: kit.duty({ dutyId, code: 'T2', role: 'support' }),
      }),
    );
    return fc.oneof(
      { weight: 2, arbitrary: fc.constant(kit.issue()) },
      { weight: 1, arbitrary: add },
      { weight: 1, arbitrary: any },
    );
  }
  // Revoking needs a designation that is still active: offer one now and then.
  const active = state.staff.filter((staff) => staff.revokedAt === null);
  if (active.length === 0) return any;
  const revoke = fc.constantFrom(...active).map(
    (staff): ResponsibilityCommand => ({
      type: 'RevokeSafetyStaff',
      actor: assigneeActors(kit, slot.assignee).head,
      dutyId: staff.dutyId,
      personId: staff.personId,
    }),
  );
  return fc.oneof({ weight: 3, arbitrary: any }, { weight: 1, arbitrary: revoke });
}

it('RA-9, G-5: no responsibility command is accepted from a role §4.3 does not allow, or from outside its issuer or assignee', async () => {
  const summary = await checkResentCommands<ResponsibilityState, ResponsibilityCommand>({
    decider: createResponsibilityDecider({ directory }),
    actors: actorsOf(directory),
    streamId: () => 'resp-ra-1',
    next: (state) => nextCommand(state),
    start: '2024-01-05T02:00:00Z',
    maxDaysPerStep: 20,
    maxSteps: 12,
    allowed,
    inScope,
    types: Object.keys(party),
    numRuns: Number(process.env.FC_NUM_RUNS ?? 30),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(party));
  // Assignees of more than one kind got through on their own commands, not only the office.
  expect(summary.accepted.get('AcknowledgeAssignment')?.size ?? 0).toBeGreaterThan(1);
  expect(summary.accepted.get('ReportDutyProgress')?.size ?? 0).toBeGreaterThan(1);
}, 60_000);
