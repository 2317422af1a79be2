import {
  createSampleSafetyDirectory,
  inspectionCommandArbitrary,
  sampleNow,
  staticSubjectStatus,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { clockedHandler, expectModelVerdict } from '../clocked-handler.test-helper.js';
import type { InspectionCommand } from './commands.js';
import { createInspectionDecider } from './decide.js';
import { inspectionEvents } from './events.js';
import type { InspectionState } from './state.js';

// The oracle: the §4.4 state table and rules I-0…I-5 and G-5 written out again over the sample
// directory's facts, without calling the decider's code to decide validity.
const directory = createSampleSafetyDirectory();
const orgOf: Record<string, string> = {
  'p-enf-1': 'org-safety',
  'p-enf-2': 'org-safety',
  'p-enf-3': 'org-safety',
  'p-safety-head': 'org-safety',
  'p-ind-1': 'org-industry',
  'p-ind-2': 'org-industry',
};
const credentialed = new Set(['p-enf-1', 'p-enf-2', 'p-enf-3']);
const headOf: Record<string, string> = {
  'org-safety': 'p-safety-head',
  'org-industry': 'p-ind-head',
};
// Which organisation covers which subject: the safety bureau the district's areas, the industry
// bureau sector C26 in them; ent-far lies outside both, ent-ghost is unknown.
const covers: Record<string, readonly string[]> = {
  'org-safety': ['ent-chem'],
  'org-industry': ['ent-chem'],
};
const natures = ['unsafe_condition', 'unsafe_act', 'management_deficiency'];

interface Model {
  status: 'none' | 'scheduled' | 'in_progress' | 'completed' | 'cancelled';
  kind: string;
  orgId: string;
  team: string[];
  findings: Map<string, 'general' | 'major'>;
  covered: Set<string>;
  refs: Set<string>;
  nowMs: number;
}

/** The local date in Asia/Shanghai (UTC+8, no daylight saving). */
function localToday(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function expectedAccept(model: Model, command: InspectionCommand): boolean {
  const person = command.actor.personId;
  const onTeam = model.team.includes(person) && orgOf[person] === model.orgId;
  const live = model.status === 'scheduled' || model.status === 'in_progress';
  const today = localToday(model.nowMs);
  switch (command.type) {
    case 'ScheduleInspection': {
      if (model.status !== 'none') return false;
      const org = orgOf[person];
      if (org === undefined) return false;
      if (!(covers[org] ?? []).includes(command.subject.id)) return false;
      if (!command.inspectorIds.every((id) => orgOf[id] === org)) return false;
      if (command.kind === 'enforcement') {
        return command.inspectorIds.filter((id) => credentialed.has(id)).length >= 2;
      }
      return true;
    }
    case 'StartInspection':
      return model.status === 'scheduled' && onTeam;
    case 'RecordFinding': {
      if (model.status !== 'in_progress' || !onTeam) return false;
      if (model.findings.has(command.findingId) || !natures.includes(command.nature)) return false;
      const major = command.proposedGrade === 'major';
      if (major !== (command.majorBasis !== undefined)) return false;
      if (major && command.rectifiedOnSpot !== undefined) return false;
      if (command.deadline === undefined) return command.rectifiedOnSpot !== undefined;
      return command.deadline >= today;
    }
    case 'IssueRectificationOrder':
      return (
        model.status === 'in_progress' &&
        onTeam &&
        command.findingIds.every((id) => model.findings.has(id)) &&
        !model.refs.has(command.orderNo) &&
        command.deadline >= today &&
        (command.approvedBy === undefined || command.approvedBy === headOf[model.orgId])
      );
    case 'ImposeOnSiteMeasure': {
      const needsHead = command.kind === 'suspend_operations' || command.approvedBy !== undefined;
      return (
        model.status === 'in_progress' &&
        onTeam &&
        model.kind !== 'service_guidance' &&
        command.findingIds.every((id) => model.findings.has(id)) &&
        !model.refs.has(command.measureRef) &&
        (!needsHead || command.approvedBy === headOf[model.orgId])
      );
    }
    case 'CompleteInspection': {
      if (model.status !== 'in_progress' || person !== model.team[0] || !onTeam) return false;
      if (model.kind !== 'enforcement' && model.kind !== 'routine_supervision') return true;
      return [...model.findings].every(
        ([id, grade]) => grade === 'general' || model.covered.has(id),
      );
    }
    case 'CancelInspection':
      return live && orgOf[person] === model.orgId && model.findings.size === 0;
  }
}

function applyToModel(model: Model, command: InspectionCommand): void {
  switch (command.type) {
    case 'ScheduleInspection':
      model.status = 'scheduled';
      model.kind = command.kind;
      model.orgId = orgOf[command.actor.personId]!;
      model.team = [...new Set(command.inspectorIds)];
      break;
    case 'StartInspection':
      model.status = 'in_progress';
      break;
    case 'RecordFinding':
      model.findings.set(command.findingId, command.proposedGrade);
      break;
    case 'IssueRectificationOrder':
      model.refs.add(command.orderNo);
      for (const id of command.findingIds) model.covered.add(id);
      break;
    case 'ImposeOnSiteMeasure':
      model.refs.add(command.measureRef);
      for (const id of command.findingIds) model.covered.add(id);
      break;
    case 'CompleteInspection':
      model.status = 'completed';
      break;
    case 'CancelInspection':
      model.status = 'cancelled';
      break;
  }
}

const hours = fc.constantFrom(0, 1, 5, 20, 24 * 3, 24 * 10);
const step = fc.tuple(hours, fc.gen());

it('model: random inspection commands are accepted exactly when the spec’s state table and rules allow', {
  timeout: 120_000,
}, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }),
      async (steps) => {
        const { clock, handle } = clockedHandler({
          events: inspectionEvents,
          decider: createInspectionDecider({ directory, subjects: staticSubjectStatus() }),
          now: sampleNow,
        });
        const model: Model = {
          status: 'none',
          kind: '',
          orgId: '',
          team: [],
          findings: new Map(),
          covered: new Set(),
          refs: new Set(),
          nowMs: sampleNow.getTime(),
        };
        let state: InspectionState = { status: 'unscheduled', version: 0 };
        let events = 0;
        for (const [index, [advance, gen]] of steps.entries()) {
          clock.now = new Date(clock.now.getTime() + advance * 3_600_000);
          model.nowMs = clock.now.getTime();
          // Runs open with a schedule and a start (valid or not), so most of them reach the findings.
          const types =
            index === 0
              ? ['ScheduleInspection' as const]
              : index === 1
                ? ['StartInspection' as const]
                : undefined;
          const today = localToday(model.nowMs);
          const command = gen(() =>
            inspectionCommandArbitrary({ today, ...(types ? { types } : {}) }),
          );
          const expected = expectedAccept(model, command);
          const result = await expectModelVerdict(handle, 'insp-i-1', command, expected);
          if (result !== undefined) {
            applyToModel(model, command);
            state = result.state;
            events += result.events.length;
          }
          // The state agrees with the model, and nothing half-written was left behind.
          expect(state.status).toBe(model.status === 'none' ? 'unscheduled' : model.status);
          if (state.status !== 'unscheduled')
            expect(state.findings.length).toBe(model.findings.size);
          expect(state.version).toBe(events);
        }
      },
    ),
    { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) },
  );
});
