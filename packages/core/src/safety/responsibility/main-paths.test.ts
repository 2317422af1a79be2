import { deciderSpec, sampleNow, sampleResponsibilityCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { ResponsibilityCommand } from './commands.js';
import { createResponsibilityDecider } from './decide.js';
import { isStartedAssignment } from './state.js';
import { isAssignmentExpired, isDutyOverdue, isStaffingSatisfied } from './time-facts.js';

const kit = sampleResponsibilityCommands();
const { actors } = kit;
const policy = createSupervisionPolicy();
const decider = createResponsibilityDecider({ directory: kit.directory, policy });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'resp-ra-1' });
const at = sampleNow.toISOString();

describe('responsibility assignment main paths', () => {
  it('a leader’s key tasks: drafted, issued, acknowledged, worked on and completed', () => {
    const history: ResponsibilityCommand[] = [
      kit.draft({ duties: [kit.duty({ dueDate: '2024-06-30' })] }),
      kit.issue(),
      { type: 'AcknowledgeAssignment', actor: actors.deputy },
      {
        type: 'ReportDutyProgress',
        actor: actors.deputy,
        dutyId: 'd-1',
        note: 'campaign launched',
      },
    ];
    spec
      .givenCommands(history)
      .when({ type: 'CompleteDuty', actor: actors.deputy, dutyId: 'd-1', evidenceRefs: ['rep-7'] })
      .thenEmits([
        {
          type: 'DutyCompleted',
          data: {
            assignmentId: 'ra-1',
            listId: 'list-2024',
            occurredAt: at,
            actor: actors.deputy,
            dutyId: 'd-1',
            evidenceRefs: ['rep-7'],
          },
        },
      ]);
    spec.givenCommands(history).when(kit.issue()).thenViolates('RA-0', 'InvalidState');
    // Overdue is derived from asOf (G-6): due 30 June, not completed by then.
    spec
      .givenCommands(history)
      .when({ type: 'ReviewPerformance', actor: actors.office, rating: 'good' })
      .thenState((state) => {
        if (!isStartedAssignment(state)) throw new Error('not drafted');
        expect(state).toMatchObject({ status: 'issued', rating: 'good', acknowledgedVersion: 1 });
        expect(isDutyOverdue(state, 'd-1', '2024-06-30T12:00:00+08:00', policy)).toBe(false);
        expect(isDutyOverdue(state, 'd-1', '2024-07-01T00:00:00+08:00', policy)).toBe(true);
        expect(isAssignmentExpired(state, '2024-12-31T23:59:59+08:00', policy)).toBe(false);
        expect(isAssignmentExpired(state, '2025-01-01T00:00:00+08:00', policy)).toBe(true);
      });
  });

  it('a park’s staffing duty: staff designated until compliant, then one revoked', () => {
    const staffing = kit.duty({
      dutyId: 'd-s',
      code: 'STAFF',
      kind: 'staffing',
      domainCodes: [],
      requiredHeadcount: 2,
      fullTimeRequired: true,
    });
    const history: ResponsibilityCommand[] = [
      kit.draft({
        assignee: { kind: 'area', id: 'org-territorial' },
        portfolio: [],
        duties: [staffing],
        listKind: 'staffing',
      }),
      kit.issue(),
      {
        type: 'DesignateSafetyStaff',
        actor: actors.parkHead,
        dutyId: 'd-s',
        personId: 'p-terr-1',
        fullTime: true,
      },
    ];
    spec
      .givenCommands(history)
      .when({
        type: 'DesignateSafetyStaff',
        actor: actors.parkHead,
        dutyId: 'd-s',
        personId: 'p-grid-1',
        fullTime: false,
      })
      .thenState((state) => {
        if (!isStartedAssignment(state)) throw new Error('not drafted');
        // Two designated, but one is part-time: RA-8 compliance is not met.
        expect(isStaffingSatisfied(state, 'd-s')).toBe(false);
      });
    spec
      .givenCommands([
        ...history,
        {
          type: 'DesignateSafetyStaff',
          actor: actors.parkHead,
          dutyId: 'd-s',
          personId: 'p-grid-1',
          fullTime: true,
        },
      ])
      .when({
        type: 'RevokeSafetyStaff',
        actor: actors.parkHead,
        dutyId: 'd-s',
        personId: 'p-terr-1',
      })
      .thenState((state) => {
        if (!isStartedAssignment(state)) throw new Error('not drafted');
        expect(isStaffingSatisfied(state, 'd-s')).toBe(false);
        expect(state.staff.filter((entry) => entry.revokedAt === null)).toHaveLength(1);
      });
  });

  it('a revision after issue: new version, acknowledged again, then superseded', () => {
    const history: ResponsibilityCommand[] = [
      kit.draft(),
      kit.issue(),
      { type: 'AcknowledgeAssignment', actor: actors.deputy },
      {
        type: 'ReviseAssignment',
        actor: actors.office,
        reason: 'mid-year adjustment',
        changes: [{ op: 'add', duty: kit.duty({ dutyId: 'd-2', code: 'T2', role: 'support' }) }],
      },
    ];
    spec
      .givenCommands(history)
      .when({ type: 'AcknowledgeAssignment', actor: actors.deputy })
      .thenState((state) =>
        expect(state).toMatchObject({ documentVersion: 2, acknowledgedVersion: 2 }),
      );
    spec
      .givenCommands(history)
      .when({ type: 'SupersedeAssignment', actor: actors.office, byAssignmentId: 'ra-9' })
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'superseded', supersededBy: 'ra-9' }),
      );
  });
});
