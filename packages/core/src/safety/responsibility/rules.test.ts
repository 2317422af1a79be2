import { createMemoryEventStore } from '@safeledger/store-memory';
import { deciderSpec, sampleNow, sampleResponsibilityCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { uniqueKeyEvents } from '../../eventsourcing/unique-keys.js';
import type { ResponsibilityCommand } from './commands.js';
import { createResponsibilityDecider } from './decide.js';
import { responsibilityEvents } from './events.js';
import { isStartedAssignment } from './state.js';
import { createResponsibilityAssignmentService } from './uniqueness.js';

const kit = sampleResponsibilityCommands();
const { actors } = kit;
const decider = createResponsibilityDecider({ directory: kit.directory });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'resp-ra-1' });
const issued = () => spec.givenCommands([kit.draft(), kit.issue()]);

function service() {
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: [...responsibilityEvents, ...uniqueKeyEvents] }),
  });
  return createResponsibilityAssignmentService({ store, decider, clock: () => sampleNow });
}

describe('responsibility assignment rules', () => {
  it('RA-0 commands follow the state table, need a drafted assignment and name existing duties', () => {
    spec.given([]).when(kit.issue()).thenViolates('RA-0', 'NotDrafted');
    spec.givenCommands([kit.draft()]).when(kit.draft()).thenViolates('RA-0', 'AlreadyDrafted');
    const error = spec
      .givenCommands([kit.draft()])
      .when({ type: 'CompleteDuty', actor: actors.deputy, dutyId: 'd-1' })
      .thenViolates('RA-0', 'InvalidState');
    expect(error.details).toMatchObject({ state: 'draft', allowed: ['issued'] });
    spec
      .givenCommands([
        kit.draft(),
        kit.issue(),
        { type: 'SupersedeAssignment', actor: actors.office, byAssignmentId: 'ra-2' },
      ])
      .when({ type: 'ReviewPerformance', actor: actors.office, rating: 'good' })
      .thenViolates('RA-0', 'InvalidState');
    spec
      .given([])
      .when(kit.draft({ assignee: { kind: 'leader', id: 'p-ind-1' } }))
      .thenViolates('RA-0', 'UnknownAssignee');
    spec
      .given([])
      .when(kit.draft({ issuerOrgId: 'org-ghost' }))
      .thenViolates('RA-0', 'UnknownIssuer');
    spec
      .given([])
      .when(kit.draft({ duties: [kit.duty(), kit.duty({ role: 'support' })] }))
      .thenViolates('RA-0', 'DuplicateDutyId');
    issued()
      .when({ type: 'CompleteDuty', actor: actors.deputy, dutyId: 'd-9' })
      .thenViolates('RA-0', 'UnknownDuty');
    spec
      .givenCommands([
        kit.draft(),
        kit.issue(),
        { type: 'AcknowledgeAssignment', actor: actors.deputy },
      ])
      .when({ type: 'AcknowledgeAssignment', actor: actors.deputy })
      .thenViolates('RA-0', 'AlreadyAcknowledged');
    spec
      .givenCommands([
        kit.draft(),
        kit.issue(),
        { type: 'CompleteDuty', actor: actors.deputy, dutyId: 'd-1' },
      ])
      .when({ type: 'CompleteDuty', actor: actors.deputy, dutyId: 'd-1' })
      .thenViolates('RA-0', 'AlreadyCompleted');
    issued()
      .when({ type: 'SupersedeAssignment', actor: actors.office, byAssignmentId: 'ra-1' })
      .thenViolates('RA-0', 'SelfSupersede');
  });

  it('RA-1 an assignment is issued with at least one duty, each with text', () => {
    spec
      .givenCommands([kit.draft({ duties: [], portfolio: [] })])
      .when(kit.issue())
      .thenViolates('RA-1', 'EmptyAssignment');
    const error = spec
      .givenCommands([kit.draft({ duties: [kit.duty({ text: '  ' })] })])
      .when(kit.issue())
      .thenViolates('RA-1', 'EmptyAssignment');
    expect(error.details).toMatchObject({ reason: 'blank', dutyIds: ['d-1'] });
    issued()
      .when({
        type: 'ReviseAssignment',
        actor: actors.office,
        reason: 'merged into another list',
        changes: [{ op: 'remove', dutyId: 'd-1' }],
      })
      .thenViolates('RA-1', 'EmptyAssignment');
  });

  it('RA-2 every portfolio domain of a leader is covered by a statutory duty or key task', () => {
    const error = spec
      .givenCommands([
        kit.draft({ portfolio: ['D1', 'D2'], duties: [kit.duty({ kind: 'measure' })] }),
      ])
      .when(kit.issue())
      .thenViolates('RA-2', 'DualDutyGap');
    expect(error.details).toMatchObject({ domains: ['D1', 'D2'] });
    spec
      .givenCommands([kit.draft({ portfolio: ['D1', 'D2'] })])
      .when(kit.issue())
      .thenViolates('RA-2', 'DualDutyGap');
    issued()
      .when({
        type: 'ReviseAssignment',
        actor: actors.office,
        reason: 'portfolio moved',
        changes: [{ op: 'replace', duty: kit.duty({ domainCodes: ['D9'] }) }],
      })
      .thenViolates('RA-2', 'DualDutyGap');
    // A department has no portfolio duty to match: RA-2 concerns leaders only.
    spec
      .givenCommands([
        kit.draft({
          assignee: { kind: 'department', id: 'org-industry' },
          portfolio: ['D2'],
        }),
      ])
      .when(kit.issue())
      .thenState((state) => expect(state.status).toBe('issued'));
  });

  it('RA-3 a primary leader in a leadership list holds LEAD.OVERALL; only leaders are primary', () => {
    const primary = { kind: 'leader', id: 'p-secretary', isPrimaryLeader: true } as const;
    spec
      .givenCommands([kit.draft({ assignee: primary })])
      .when(kit.issue())
      .thenViolates('RA-3', 'JointAccountabilityGap');
    const overall = kit.duty({ dutyId: 'd-0', code: 'LEAD.OVERALL', domainCodes: [] });
    spec
      .givenCommands([kit.draft({ assignee: primary, duties: [overall, kit.duty()] })])
      .when(kit.issue())
      .thenState((state) => expect(state.status).toBe('issued'));
    spec
      .givenCommands([kit.draft({ assignee: primary, duties: [overall, kit.duty()] }), kit.issue()])
      .when({
        type: 'ReviseAssignment',
        actor: actors.office,
        reason: 'tidy',
        changes: [{ op: 'remove', dutyId: 'd-0' }],
      })
      .thenViolates('RA-3', 'JointAccountabilityGap');
    spec
      .givenCommands([kit.draft({ assignee: primary, listKind: 'task_division' })])
      .when(kit.issue())
      .thenState((state) => expect(state.status).toBe('issued'));
    spec
      .given([])
      .when(
        kit.draft({ assignee: { kind: 'department', id: 'org-industry', isPrimaryLeader: true } }),
      )
      .thenViolates('RA-3', 'PrimaryLeaderNotALeader');
  });

  it('RA-4 one lead per task code in a list, within an assignment and across assignments', async () => {
    spec
      .given([])
      .when(kit.draft({ duties: [kit.duty(), kit.duty({ dutyId: 'd-2', domainCodes: [] })] }))
      .thenViolates('RA-4', 'DuplicateLead');
    const ra = service();
    await ra.handle('ra-1', kit.draft());
    await ra.handle('ra-1', kit.issue());
    const other = kit.draft({
      assignmentId: 'ra-2',
      assignee: { kind: 'department', id: 'org-industry' },
      portfolio: [],
    });
    await ra.handle('ra-2', other);
    await expect(ra.handle('ra-2', kit.issue())).rejects.toMatchObject({
      rule: 'RA-4',
      violation: 'DuplicateLead',
      details: { code: 'T1', holder: 'ra-1' },
    });
    // Support on the same code is unlimited, and a rejected issue left no claim behind.
    expect(await ra.keys.ownerOf('assignee:list-2024:department:org-industry')).toBeUndefined();
    await ra.handle('ra-2', {
      type: 'RemoveDuty',
      actor: actors.office,
      dutyId: 'd-1',
    });
    await ra.handle('ra-2', {
      type: 'AddDuty',
      actor: actors.office,
      duty: kit.duty({ role: 'support' }),
    });
    await ra.handle('ra-2', kit.issue());
    // A revision taking the lead is refused while ra-1 leads; after ra-1 gives it up, accepted.
    const takeLead: ResponsibilityCommand = {
      type: 'ReviseAssignment',
      actor: actors.office,
      reason: 'industry bureau leads',
      changes: [{ op: 'replace', duty: kit.duty() }],
    };
    await expect(ra.handle('ra-2', takeLead)).rejects.toMatchObject({ rule: 'RA-4' });
    await ra.handle('ra-1', {
      type: 'ReviseAssignment',
      actor: actors.office,
      reason: 'hand the lead over',
      changes: [{ op: 'replace', duty: kit.duty({ role: 'support' }) }],
    });
    expect(await ra.keys.ownerOf('lead:list-2024:T1')).toBeUndefined();
    const result = await ra.handle('ra-2', takeLead);
    expect(result.state.status).toBe('issued');
    expect(await ra.keys.ownerOf('lead:list-2024:T1')).toBe('resp-ra-2');
  });

  it('RA-4 and RA-5 of racing issues exactly one wins', async () => {
    const ra = service();
    const assignees = [
      { kind: 'leader', id: 'p-deputy' },
      { kind: 'department', id: 'org-industry' },
      { kind: 'area', id: 'org-territorial' },
    ] as const;
    for (const [n, assignee] of assignees.entries()) {
      await ra.handle(`ra-${n}`, kit.draft({ assignmentId: `ra-${n}`, assignee }));
    }
    const outcomes = await Promise.allSettled(
      assignees.map((_, n) => ra.handle(`ra-${n}`, kit.issue())),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ rule: 'RA-4' });
    }
  });

  it('RA-5 one live assignment per assignee in a list; supersession frees the assignee', async () => {
    const ra = service();
    await ra.handle('ra-1', kit.draft());
    await ra.handle('ra-1', kit.issue());
    const second = kit.draft({
      assignmentId: 'ra-2',
      duties: [kit.duty({ code: 'T2' })],
    });
    await ra.handle('ra-2', second);
    await expect(ra.handle('ra-2', kit.issue())).rejects.toMatchObject({
      rule: 'RA-5',
      violation: 'DuplicateAssignment',
      details: { assigneeId: 'p-deputy', holder: 'ra-1' },
    });
    expect(await ra.keys.ownerOf('lead:list-2024:T2')).toBeUndefined();
    await ra.handle('ra-1', {
      type: 'SupersedeAssignment',
      actor: actors.office,
      byAssignmentId: 'ra-2',
    });
    const result = await ra.handle('ra-2', kit.issue());
    expect(isStartedAssignment(result.state) && result.state.status).toBe('issued');
    // Another list is another scope.
    await ra.handle('ra-3', kit.draft({ assignmentId: 'ra-3', listId: 'list-2025-draft' }));
    await ra.handle('ra-3', kit.issue());
  });

  it('RA-6 issued duties change only by a revision with a reason, which increments the version', () => {
    issued()
      .when({ type: 'AddDuty', actor: actors.office, duty: kit.duty({ dutyId: 'd-2' }) })
      .thenViolates('RA-6', 'DutiesFixed');
    issued()
      .when({ type: 'RemoveDuty', actor: actors.office, dutyId: 'd-1' })
      .thenViolates('RA-6', 'DutiesFixed');
    issued()
      .when({
        type: 'ReviseAssignment',
        actor: actors.office,
        reason: ' ',
        changes: [{ op: 'add', duty: kit.duty({ dutyId: 'd-2', code: 'T2' }) }],
      })
      .thenViolates('RA-6', 'ReasonRequired');
    issued()
      .when({
        type: 'ReviseAssignment',
        actor: actors.office,
        reason: 'new campaign',
        changes: [{ op: 'add', duty: kit.duty({ dutyId: 'd-2', code: 'T2' }) }],
      })
      .thenState((state) =>
        expect(state).toMatchObject({
          documentVersion: 2,
          revisions: [{ version: 2, reason: 'new campaign' }],
        }),
      );
  });

  it('RA-7 a due date lies within the period', () => {
    const error = spec
      .given([])
      .when(kit.draft({ duties: [kit.duty({ dueDate: '2025-01-15' })] }))
      .thenViolates('RA-7', 'DueDateOutsidePeriod');
    expect(error.details).toMatchObject({ dutyId: 'd-1', dueDate: '2025-01-15', year: 2024 });
    spec
      .givenCommands([kit.draft()])
      .when({
        type: 'AddDuty',
        actor: actors.office,
        duty: kit.duty({ dutyId: 'd-2', code: 'T2', dueDate: '2023-12-31' }),
      })
      .thenViolates('RA-7', 'DueDateOutsidePeriod');
    spec
      .given([])
      .when(kit.draft({ duties: [kit.duty({ dueDate: '2024-12-31' })] }))
      .thenState((state) => expect(state.status).toBe('draft'));
  });

  it('RA-8 staffing duties need a headcount; staff come from the assignee, once, and revocations name them', () => {
    const staffing = kit.duty({
      dutyId: 'd-s',
      code: 'S1',
      kind: 'staffing',
      domainCodes: [],
      requiredHeadcount: 2,
      fullTimeRequired: true,
    });
    const park = kit.draft({ assignee: { kind: 'area', id: 'org-territorial' }, portfolio: [] });
    spec
      .given([])
      .when({ ...park, duties: [{ ...staffing, requiredHeadcount: 0 }] })
      .thenViolates('RA-8', 'HeadcountRequired');
    const { requiredHeadcount: _omitted, ...noHeadcount } = staffing;
    spec
      .given([])
      .when({ ...park, duties: [noHeadcount] })
      .thenViolates('RA-8', 'HeadcountRequired');
    const parkIssued = () =>
      spec.givenCommands([{ ...park, duties: [kit.duty(), staffing] }, kit.issue()]);
    const designate = (personId: string, dutyId = 'd-s') =>
      ({
        type: 'DesignateSafetyStaff',
        actor: actors.parkHead,
        dutyId,
        personId,
        fullTime: true,
      }) as const;
    parkIssued().when(designate('p-terr-1', 'd-1')).thenViolates('RA-8', 'NotAStaffingDuty');
    parkIssued().when(designate('p-ind-1')).thenViolates('RA-8', 'NotAssigneeStaff');
    spec
      .givenCommands([
        { ...park, duties: [kit.duty(), staffing] },
        kit.issue(),
        designate('p-terr-1'),
      ])
      .when(designate('p-terr-1'))
      .thenViolates('RA-8', 'AlreadyDesignated');
    parkIssued()
      .when({
        type: 'RevokeSafetyStaff',
        actor: actors.parkHead,
        dutyId: 'd-s',
        personId: 'p-grid-1',
      })
      .thenViolates('RA-8', 'NotDesignated');
  });

  it('RA-9 only the assignee reports and completes, only the issuer edits and reviews', () => {
    issued()
      .when({ type: 'ReportDutyProgress', actor: actors.mayor, dutyId: 'd-1', note: 'done half' })
      .thenViolates('RA-9', 'Forbidden');
    issued()
      .when({ type: 'CompleteDuty', actor: actors.office, dutyId: 'd-1' })
      .thenViolates('RA-9', 'Forbidden');
    issued()
      .when({ type: 'ReviewPerformance', actor: actors.deputy, rating: 'excellent' })
      .thenViolates('RA-9', 'Forbidden');
    issued()
      .when({ type: 'ReviewPerformance', actor: actors.otherOffice, rating: 'good' })
      .thenViolates('RA-9', 'Forbidden');
    spec
      .given([])
      .when(kit.draft({ actor: actors.otherOffice }))
      .thenViolates('RA-9', 'Forbidden');
    spec
      .givenCommands([kit.draft()])
      .when({ type: 'IssueAssignment', actor: actors.office, approvedBy: 'p-ind-head' })
      .thenViolates('RA-9', 'Forbidden');
    const department = kit.draft({ assignee: { kind: 'department', id: 'org-industry' } });
    spec
      .givenCommands([department, kit.issue()])
      .when({ type: 'AcknowledgeAssignment', actor: actors.industryOfficer })
      .thenViolates('RA-9', 'Forbidden');
    spec
      .givenCommands([department, kit.issue()])
      .when({ type: 'CompleteDuty', actor: actors.industryOfficer, dutyId: 'd-1' })
      .thenState((state) => expect(state.status).toBe('issued'));
  });

  it('RA-11 after the period only ReviewPerformance is accepted', () => {
    const late = '2025-01-01T00:30:00+08:00';
    const next = deciderSpec(decider, {
      now: new Date('2025-01-02T00:00:00Z'),
      streamId: 'resp-ra-1',
    });
    const december = '2024-12-01T10:00:00+08:00';
    const inForce: ResponsibilityCommand[] = [
      kit.draft({ occurredAt: december }),
      { ...kit.issue(), occurredAt: december },
    ];
    const error = next
      .givenCommands(inForce)
      .when({ type: 'CompleteDuty', actor: actors.deputy, dutyId: 'd-1', occurredAt: late })
      .thenViolates('RA-11', 'PeriodEnded');
    expect(error.details).toMatchObject({ year: 2024, date: '2025-01-01' });
    next
      .givenCommands(inForce)
      .when({ type: 'ReviewPerformance', actor: actors.office, rating: 'pass', occurredAt: late })
      .thenState((state) => expect(state).toMatchObject({ rating: 'pass' }));
    // 23:30 on 31 December in Shanghai is still within the period.
    next
      .givenCommands(inForce)
      .when({
        type: 'CompleteDuty',
        actor: actors.deputy,
        dutyId: 'd-1',
        occurredAt: '2024-12-31T23:30:00+08:00',
      })
      .thenState((state) =>
        expect(state).toMatchObject({ completedDuties: { 'd-1': '2024-12-31T23:30:00+08:00' } }),
      );
    next
      .given([])
      .when(kit.draft({ occurredAt: late }))
      .thenViolates('RA-11', 'PeriodEnded');
  });
});
