import { createMemoryEventStore } from '@safeledger/store-memory';
import { deciderSpec, sampleItemCommands, sampleNow, staticItemHazards } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { isProjectionLaggingError } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import type { SupervisionItemCommand } from './commands.js';
import { createSupervisionItemDecider } from './decide.js';
import { supervisionItemEvents } from './events.js';
import { supervisionItemStreamId } from './item-stream.js';
import { isItemOverdue } from './overdue.js';
import type { LinkedHazardStatus, SupervisionItemFacts } from './ports.js';
import { isReceivedItem, type SupervisionItemState } from './state.js';

const kit = sampleItemCommands();
const { actors } = kit;
const decider = createSupervisionItemDecider({
  directory: kit.directory,
  hazards: staticItemHazards(),
});

// What `prepare` would load, from a table the test sets: hazards are closed unless listed.
let hazardTable: Record<string, LinkedHazardStatus> = {};
// What the read model reports at closure, when it differs from what it reported before.
let closeTable: Record<string, LinkedHazardStatus> | undefined;
function facts(command: SupervisionItemCommand, state: SupervisionItemState): SupervisionItemFacts {
  const table = command.type === 'CloseItem' && closeTable !== undefined ? closeTable : hazardTable;
  const status = (id: string) => table[id] ?? 'closed';
  if (command.type === 'LinkHazard')
    return { hazardStatuses: { [command.hazardId]: status(command.hazardId) } };
  if (!isReceivedItem(state)) return {};
  return { hazardStatuses: Object.fromEntries(state.hazardIds.map((id) => [id, status(id)])) };
}
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'item-it-1', facts });
const assigned = [kit.receive(), kit.assign()];
const listDone = [...assigned, kit.linkHazard(), kit.linkHazard({ hazardId: 'h-2' })];
const petition = (anonymous = false) => [
  kit.receive({
    kind: 'petition',
    subjectEnterpriseIds: [],
    expectedHazardCount: undefined,
    petitioner: { anonymous },
  }),
  kit.assign(),
];
const tourIssue = [
  kit.receive({ kind: 'feedback_issue', expectedHazardCount: undefined }),
  kit.assign(),
];

describe('supervision item rules', () => {
  it('SI-0 an item is received once, assigned by the office, worked on by the lead organisation', () => {
    hazardTable = {};
    spec.given([]).when(kit.assign()).thenViolates('SI-0', 'NotReceived');
    spec.givenCommands([kit.receive()]).when(kit.receive()).thenViolates('SI-0', 'AlreadyReceived');
    spec.givenCommands([kit.receive()]).when(kit.linkHazard()).thenViolates('SI-0', 'InvalidState');
    spec.givenCommands(assigned).when(kit.assign()).thenViolates('SI-0', 'InvalidState');
    spec
      .given([])
      .when(kit.receive({ actor: actors.officer }))
      .thenViolates('SI-0', 'Forbidden');
    spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ actor: actors.issuer }))
      .thenViolates('SI-0', 'Forbidden');
    spec
      .givenCommands(assigned)
      .when(kit.linkHazard({ actor: actors.industryOfficer }))
      .thenViolates('SI-0', 'Forbidden');
    spec
      .givenCommands(listDone)
      .when(kit.feedback({ actor: actors.officer }))
      .thenViolates('SI-0', 'Forbidden');
    spec
      .givenCommands([...listDone, kit.feedback()])
      .when(kit.close({ actor: actors.otherTeam }))
      .thenViolates('SI-0', 'Forbidden');
    spec
      .givenCommands([...listDone])
      .when(kit.linkHazard())
      .thenViolates('SI-0', 'AlreadyLinked');
    hazardTable = { 'h-9': 'unknown' };
    const error = spec
      .givenCommands(assigned)
      .when(kit.linkHazard({ hazardId: 'h-9' }))
      .thenViolates('SI-0', 'UnknownHazard');
    expect(error.details).toMatchObject({ hazardId: 'h-9' });
    spec
      .givenCommands([...tourIssue, kit.addMeasure()])
      .when(kit.addMeasure())
      .thenViolates('SI-0', 'DuplicateMeasure');
    spec
      .givenCommands(tourIssue)
      .when(kit.completeMeasure())
      .thenViolates('SI-0', 'UnknownMeasure');
    spec
      .givenCommands([...tourIssue, kit.addMeasure(), kit.completeMeasure()])
      .when(kit.completeMeasure())
      .thenViolates('SI-0', 'MeasureAlreadyDone');
    // Work on an assigned item puts it in progress.
    hazardTable = {};
    spec
      .givenCommands(assigned)
      .when(kit.linkHazard())
      .thenState((s) => expect(s.status).toBe('in_progress'));
  });

  it('SI-1 exactly one lead regulator, no lead among the supporters, internal deadline ≤ deadline', () => {
    spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ leadOrgId: 'org-committee-city' }))
      .thenViolates('SI-1', 'LeadNotARegulator');
    spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ supportOrgIds: ['org-safety'] }))
      .thenViolates('SI-1', 'LeadAmongSupport');
    spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ supportOrgIds: ['org-nowhere'] }))
      .thenViolates('SI-1', 'UnknownOrganization');
    const error = spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ internalDeadline: '2024-05-01' }))
      .thenViolates('SI-1', 'InternalDeadlineAfterDeadline');
    expect(error.details).toMatchObject({ internalDeadline: '2024-05-01', deadline: '2024-04-30' });
    spec
      .givenCommands([kit.receive()])
      .when(kit.assign({ internalDeadline: '2024-04-30' }))
      .thenState((s) => expect(s.status).toBe('assigned'));
  });

  it('SI-2 a hazard list names subjects; feedback needs its hazards linked, all closed, as many as expected', () => {
    spec
      .given([])
      .when(kit.receive({ subjectEnterpriseIds: [] }))
      .thenViolates('SI-2', 'SubjectsRequired');
    hazardTable = {};
    spec
      .givenCommands([...assigned, kit.linkCase()])
      .when(kit.feedback())
      .thenViolates('SI-2', 'NoLinkedHazard');
    const mismatch = spec
      .givenCommands([...assigned, kit.linkHazard()])
      .when(kit.feedback())
      .thenViolates('SI-2', 'HazardCountMismatch');
    expect(mismatch.details).toMatchObject({ expected: 2, linked: 1 });
    hazardTable = { 'h-2': 'awaiting_verification' };
    const open = spec
      .givenCommands(listDone)
      .when(kit.feedback())
      .thenViolates('SI-2', 'HazardsNotClosed');
    expect(open.details).toMatchObject({ hazardIds: ['h-2'] });
    // A voided hazard (it always carries its reason) counts as done.
    hazardTable = { 'h-2': 'voided' };
    spec
      .givenCommands(listDone)
      .when(kit.feedback())
      .thenState((s) => expect(s.status).toBe('feedback_submitted'));
    hazardTable = {};
    spec
      .givenCommands([...listDone, kit.feedback()])
      .when(kit.close())
      .thenState((s) => expect(s.status).toBe('closed'));
  });

  it('SI-3 a petition is investigated before feedback; a substantiated one links a hazard or a case', () => {
    spec.givenCommands(petition()).when(kit.feedback()).thenViolates('SI-0', 'InvalidState');
    spec
      .givenCommands([...petition(), kit.linkCase()])
      .when(kit.feedback())
      .thenViolates('SI-3', 'NotInvestigated');
    const error = spec
      .givenCommands([...petition(), kit.investigate({ finding: 'partially_substantiated' })])
      .when(kit.feedback())
      .thenViolates('SI-3', 'NothingLinked');
    expect(error.details).toMatchObject({ finding: 'partially_substantiated' });
    spec
      .givenCommands([...petition(), kit.investigate(), kit.linkCase()])
      .when(kit.feedback())
      .thenState((s) => expect(s.status).toBe('feedback_submitted'));
    spec
      .givenCommands([...petition(), kit.investigate({ finding: 'unsubstantiated' })])
      .when(kit.feedback())
      .thenState((s) => expect(s.status).toBe('feedback_submitted'));
  });

  it('SI-4 a named petitioner is answered after the investigation and before closure', () => {
    const investigated = [...petition(), kit.investigate({ finding: 'unsubstantiated' })];
    spec
      .givenCommands([...investigated, kit.feedback()])
      .when(kit.close())
      .thenViolates('SI-4', 'PetitionerNotReplied');
    spec
      .givenCommands(petition())
      .when(kit.reply())
      .thenViolates('SI-4', 'ReplyBeforeInvestigation');
    spec
      .givenCommands([...petition(true), kit.investigate()])
      .when(kit.reply())
      .thenViolates('SI-4', 'AnonymousPetitioner');
    spec.givenCommands(assigned).when(kit.reply()).thenViolates('SI-4', 'NotAPetition');
    // A reply after the feedback is still accepted, and then the item closes.
    spec
      .givenCommands([...investigated, kit.feedback(), kit.reply()])
      .when(kit.close())
      .thenState((s) => expect(s.status).toBe('closed'));
    // An anonymous petition closes without a reply.
    spec
      .givenCommands([
        ...petition(true),
        kit.investigate({ finding: 'unsubstantiated' }),
        kit.feedback(),
      ])
      .when(kit.close())
      .thenState((s) => expect(s.status).toBe('closed'));
  });

  it('SI-5 a tour finding needs a measure before feedback and all measures done before closure', () => {
    spec
      .givenCommands([...tourIssue, kit.linkCase()])
      .when(kit.feedback())
      .thenViolates('SI-5', 'NoMeasure');
    const error = spec
      .givenCommands([
        ...tourIssue,
        kit.addMeasure(),
        kit.addMeasure({ measureId: 'm-2' }),
        kit.completeMeasure(),
        kit.feedback(),
      ])
      .when(kit.close())
      .thenViolates('SI-5', 'MeasuresOpen');
    expect(error.details).toMatchObject({ measureIds: ['m-2'] });
  });

  it('SI-6 closure and return only from feedback_submitted; closed is terminal; a returned item is worked on again', () => {
    hazardTable = {};
    spec.givenCommands(listDone).when(kit.close()).thenViolates('SI-6', 'FeedbackRequired');
    spec.givenCommands(listDone).when(kit.returnItem()).thenViolates('SI-6', 'FeedbackRequired');
    // SI-2…SI-5 are read again at closure: a hazard the read model now reports as not closed
    // (a correction after the feedback) blocks it.
    hazardTable = {};
    closeTable = { 'h-2': 'verified' };
    spec
      .givenCommands([...listDone, kit.feedback()])
      .when(kit.close())
      .thenViolates('SI-2', 'HazardsNotClosed');
    closeTable = undefined;
    const closed = [...listDone, kit.feedback(), kit.close()];
    spec.givenCommands(closed).when(kit.returnItem()).thenViolates('SI-6', 'ItemClosed');
    spec.givenCommands(closed).when(kit.linkCase()).thenViolates('SI-6', 'ItemClosed');
    spec
      .givenCommands([...listDone, kit.feedback(), kit.returnItem()])
      .when(kit.linkCase())
      .thenState((s) => expect(s.status).toBe('in_progress'));
    // Delegated closure: the committee office may close; otherwise it may not.
    spec
      .givenCommands([...listDone, kit.feedback()])
      .when(kit.close({ actor: actors.office }))
      .thenViolates('SI-0', 'Forbidden');
    spec
      .givenCommands([
        kit.receive({ closureAuthority: 'committee_office' }),
        kit.assign(),
        kit.linkHazard(),
        kit.linkHazard({ hazardId: 'h-2' }),
        kit.feedback(),
      ])
      .when(kit.close({ actor: actors.office }))
      .thenState((s) => expect(s.status).toBe('closed'));
  });

  it('SI-7 an item is overdue after the end of its deadline (local) until it is closed', () => {
    spec
      .givenCommands(listDone)
      .when(kit.feedback())
      .thenState((state) => {
        if (!isReceivedItem(state)) throw new Error('not received');
        const tz = 'Asia/Shanghai';
        // 2024-04-30 ends at 2024-04-30T15:59:59.999Z in China Standard Time.
        expect(isItemOverdue(state, new Date('2024-04-30T15:59:59.999Z'), tz)).toBe(false);
        expect(isItemOverdue(state, new Date('2024-04-30T16:00:00.000Z'), tz)).toBe(true);
        const closed = {
          ...state,
          status: 'closed' as const,
          closedAt: '2024-04-29T00:00:00.000Z',
        };
        expect(isItemOverdue(closed, new Date('2024-06-01T00:00:00Z'), tz)).toBe(false);
        // Closed after the deadline: overdue in between.
        const late = { ...state, status: 'closed' as const, closedAt: '2024-05-10T00:00:00.000Z' };
        expect(isItemOverdue(late, new Date('2024-05-05T00:00:00Z'), tz)).toBe(true);
      });
  });

  it('SI-8 an investigation lists hazards only when substantiated, each well formed; they count as linked', () => {
    const hazard = {
      hazardKey: 'k-1',
      subject: { kind: 'enterprise' as const, id: 'ent-chem' },
      description: 'Blocked exit',
      location: 'Warehouse',
      nature: 'unsafe_condition' as const,
      grade: 'general' as const,
      deadline: '2024-03-31',
    };
    spec
      .givenCommands(petition())
      .when(kit.investigate({ finding: 'unsubstantiated', hazards: [hazard] }))
      .thenViolates('SI-8', 'HazardsOnUnsubstantiated');
    spec
      .givenCommands(petition())
      .when(kit.investigate({ hazards: [hazard, hazard] }))
      .thenViolates('SI-8', 'DuplicateHazardKey');
    spec
      .givenCommands(petition())
      .when(kit.investigate({ hazards: [{ ...hazard, grade: 'major' }] }))
      .thenViolates('SI-8', 'MajorBasisMismatch');
    const past = spec
      .givenCommands(petition())
      .when(kit.investigate({ hazards: [{ ...hazard, deadline: '2024-01-01' }] }))
      .thenViolates('SI-8', 'DeadlineInPast');
    expect(past.details).toMatchObject({ deadline: '2024-01-01' });
    spec
      .givenCommands(petition())
      .when(kit.investigate({ hazards: [hazard] }))
      .thenState((state) => {
        expect(isReceivedItem(state) && state.hazardIds).toEqual(['it-1.k-1']);
      });
  });
});

describe('supervision item G-9', () => {
  it('G-9 a lagging hazard read model fails feedback with the retryable ProjectionLaggingError', async () => {
    const store = createMemoryEventStore({
      registry: createEventRegistry({ events: supervisionItemEvents }),
      clock: () => sampleNow,
    });
    const handle = createCommandHandler({
      store,
      clock: () => sampleNow,
      decider: createSupervisionItemDecider({
        directory: kit.directory,
        hazards: staticItemHazards({}, ['h-2']),
      }),
    });
    const stream = supervisionItemStreamId('it-1');
    for (const command of [...assigned, kit.linkHazard()]) await handle(stream, command);
    const linking = await handle(stream, kit.linkHazard({ hazardId: 'h-2' })).catch(
      (e: unknown) => e,
    );
    expect(isProjectionLaggingError(linking)).toBe(true);
    let count = 0;
    for await (const _ of store.readStream(stream)) count += 1;
    expect(count).toBe(3);
  });
});
