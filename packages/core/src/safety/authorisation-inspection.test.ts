import {
  actorsOf,
  createSampleSafetyDirectory,
  inspectionCommandArbitrary,
  staticSubjectStatus,
} from '@safeledger/testing';
import { expect, it } from 'vitest';
import {
  checkResentCommands,
  expectEveryTypeAccepted,
  localDate,
  regulatorOfficers,
} from './authorisation-resend.test-helper.js';
import type { InspectionCommand } from './inspection/commands.js';
import { createInspectionDecider } from './inspection/decide.js';
import type { InspectionState } from './inspection/state.js';
import type { SafetyActor } from './roles/actor.js';
import type { Role } from './roles/role.js';

/*
 * Issue 20, authorisation (G-5) for Inspection: at every step of random inspections while time
 * passes, the command is re-sent by every genuine actor of the sample directory. Whoever the
 * decider accepts must hold a role the spec's §4.4 table ("Who") names and act inside the
 * inspection's scope: scheduling and cancelling by an officer of an organisation covering the
 * subject (the inspecting one, once scheduled), the rest by a member of the inspection team
 * (its lead to complete) acting for the inspecting organisation. The table is written from the
 * spec, not from the library's permissions.
 */

/** "Org officer" / "inspector" of the table. */
const officers = regulatorOfficers;
/** §4.4 "Who" as role sets (a supervision team's own check is run by its members). */
const who: Record<InspectionCommand['type'], readonly Role[]> = {
  ScheduleInspection: officers,
  StartInspection: officers,
  RecordFinding: officers,
  IssueRectificationOrder: officers,
  ImposeOnSiteMeasure: officers,
  CompleteInspection: officers,
  CancelInspection: officers,
};
/** Commands of the team; the lead alone completes. */
const teamCommands: readonly InspectionCommand['type'][] = [
  'StartInspection',
  'RecordFinding',
  'IssueRectificationOrder',
  'ImposeOnSiteMeasure',
];

const directory = createSampleSafetyDirectory();
const farSide = (id: string) => id.startsWith('p-far-') || id.endsWith('-far');

function inScope(command: InspectionCommand, actor: SafetyActor, state: InspectionState) {
  if (state.status === 'unscheduled') {
    // Only the sample district's organisations cover `ent-chem`, only the far bureau `ent-far`.
    if (command.type !== 'ScheduleInspection') return false;
    return farSide(actor.orgId ?? 'none') === farSide(command.subject.id);
  }
  if (actor.orgId !== state.orgId) return false;
  if (command.type === 'CompleteInspection') return state.inspectorIds[0] === actor.personId;
  if (teamCommands.includes(command.type)) return state.inspectorIds.includes(actor.personId);
  return true;
}

/**
 * What a step draws: the commands that move an inspection on from where it is (the rest are
 * refused for the state whoever sends them), so runs reach orders and measures.
 */
function early(state: InspectionState): InspectionCommand['type'][] | undefined {
  if (state.status === 'unscheduled') return ['ScheduleInspection'];
  if (state.status === 'scheduled')
    return ['StartInspection', 'StartInspection', 'CancelInspection'];
  if (state.status !== 'in_progress') return undefined;
  if (state.findings.length < 2) return ['RecordFinding'];
  return [
    'RecordFinding',
    'IssueRectificationOrder',
    'ImposeOnSiteMeasure',
    'CompleteInspection',
    'CancelInspection',
  ];
}

/**
 * Roles the property must see each of these commands accepted from. Officers and the head
 * schedule; the team's findings come from officers.
 */
const acceptedFrom = {
  ScheduleInspection: ['EnforcementOfficer', 'AuthorityHead'],
  RecordFinding: ['EnforcementOfficer'],
} satisfies Record<string, readonly Role[]>;

it('G-5: no inspection command is accepted from a role §4.4 does not allow, or from outside the inspecting organisation and team', async () => {
  const summary = await checkResentCommands<InspectionState, InspectionCommand>({
    decider: createInspectionDecider({ directory, subjects: staticSubjectStatus() }),
    actors: actorsOf(directory),
    streamId: () => 'insp-i-1',
    next: (state, now) => {
      const types = early(state);
      return inspectionCommandArbitrary({
        today: localDate(now),
        ...(types === undefined ? {} : { types }),
      });
    },
    start: '2024-03-01T02:00:00Z',
    maxDaysPerStep: 3,
    maxSteps: 16,
    allowed: (command, actor) => who[command.type].includes(actor.role),
    inScope,
    types: Object.keys(who),
    roles: acceptedFrom,
    numRuns: Number(process.env.FC_NUM_RUNS ?? 100),
  });
  expect(summary.checked).toBeGreaterThan(1_000);
  expectEveryTypeAccepted(summary, Object.keys(who));
}, 60_000);
