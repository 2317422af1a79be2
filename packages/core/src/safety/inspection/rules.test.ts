import { createMemoryEventStore } from '@safeledger/store-memory';
import {
  deciderSpec,
  sampleInspectionCommands,
  sampleNow,
  staticSubjectStatus,
} from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { isProjectionLaggingError } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { inspectionCoverage } from './coverage.js';
import { createInspectionDecider } from './decide.js';
import { inspectionEvents } from './events.js';
import { inspectionStreamId } from './inspection-stream.js';
import type { InspectionFacts } from './ports.js';
import { hazardSourceOfInspection } from './values.js';

const kit = sampleInspectionCommands();
const { actors } = kit;
const decider = createInspectionDecider({
  directory: kit.directory,
  subjects: staticSubjectStatus(),
});
const active: InspectionFacts = { subjectStatus: 'active' };
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'insp-i-1', facts: active });
const started = [kit.schedule(), kit.start()];

describe('inspection rules', () => {
  it('I-0 an inspection is scheduled once, started once, with a team of the inspecting organisation', () => {
    spec.given([]).when(kit.start()).thenViolates('I-0', 'NotScheduled');
    spec
      .givenCommands([kit.schedule()])
      .when(kit.schedule())
      .thenViolates('I-0', 'AlreadyScheduled');
    spec.givenCommands(started).when(kit.start()).thenViolates('I-0', 'InvalidState');
    spec.givenCommands([kit.schedule()]).when(kit.complete()).thenViolates('I-0', 'InvalidState');
    const error = spec
      .given([])
      .when(
        kit.schedule({ inspectorIds: ['p-enf-1', 'p-enf-2', 'p-ind-1'], expertIds: ['p-worker'] }),
      )
      .thenViolates('I-0', 'UnknownInspector');
    expect(error.details).toMatchObject({
      personIds: ['p-ind-1', 'p-worker'],
      orgId: 'org-safety',
    });
  });

  it('G-5 only officers of an organisation covering the subject schedule, only the team acts', () => {
    spec
      .given([])
      .when(
        kit.schedule({ actor: actors.farOfficer, inspectorIds: ['p-far-enf-1', 'p-far-enf-2'] }),
      )
      .thenViolates('G-5', 'Forbidden');
    spec
      .given([])
      .when(kit.schedule({ actor: actors.principal }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands([kit.schedule()])
      .when(kit.start({ actor: actors.third }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands(started)
      .when(kit.complete({ actor: actors.second }))
      .thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands([...started, kit.finding()])
      .when(kit.cancel({ actor: actors.industryOfficer }))
      .thenViolates('G-5', 'Forbidden');
  });

  it('I-1 an enforcement inspection needs enough credentialed inspectors', () => {
    const error = spec
      .given([])
      .when(kit.schedule({ inspectorIds: ['p-enf-1', 'p-safety-head'] }))
      .thenViolates('I-1', 'TooFewCredentialedInspectors');
    expect(error.details).toMatchObject({ required: 2, credentialed: 1 });
    // Not for a routine inspection, and the threshold follows the policy.
    spec
      .given([])
      .when(
        kit.schedule({ kind: 'routine_supervision', inspectorIds: ['p-enf-1', 'p-safety-head'] }),
      )
      .thenState((state) => expect(state.status).toBe('scheduled'));
    const strict = createInspectionDecider({
      directory: kit.directory,
      subjects: staticSubjectStatus(),
      policy: createSupervisionPolicy({ minEnforcementOfficers: 3 }),
    });
    deciderSpec(strict, { now: sampleNow, facts: active })
      .given([])
      .when(kit.schedule())
      .thenViolates('I-1', 'TooFewCredentialedInspectors');
  });

  it('I-2 findings only while in progress; completed and cancelled inspections are immutable', () => {
    spec.givenCommands([kit.schedule()]).when(kit.finding()).thenViolates('I-2', 'NotInProgress');
    const done = [...started, kit.complete()];
    spec.givenCommands(done).when(kit.finding()).thenViolates('I-2', 'InspectionClosed');
    spec.givenCommands(done).when(kit.cancel()).thenViolates('I-2', 'InspectionClosed');
    spec
      .givenCommands([kit.schedule(), kit.cancel()])
      .when(kit.start())
      .thenViolates('I-2', 'InspectionClosed');
    spec
      .givenCommands([...started, kit.finding()])
      .when(kit.cancel())
      .thenViolates('I-2', 'FindingsRecorded');
    spec
      .givenCommands(started)
      .when(kit.cancel())
      .thenState((state) => expect(state.status).toBe('cancelled'));
  });

  it('I-3 every major finding of an enforcement or routine inspection needs an order or a measure', () => {
    const withMajor = [...started, kit.majorFinding(), kit.finding()];
    const error = spec
      .givenCommands(withMajor)
      .when(kit.complete())
      .thenViolates('I-3', 'MajorFindingWithoutOrder');
    expect(error.details).toMatchObject({ findingIds: ['f-major'] });
    spec
      .givenCommands([...withMajor, kit.order()])
      .when(kit.complete())
      .thenEmits([
        {
          type: 'InspectionCompleted',
          data: {
            inspectionId: 'i-1',
            occurredAt: sampleNow.toISOString(),
            actor: actors.lead,
            kind: 'enforcement',
            subject: { kind: 'enterprise', id: 'ent-chem' },
            orgId: 'org-safety',
            areaId: 'area-park',
            campaignIds: ['ENF'],
            findingCount: 2,
            majorCount: 1,
            recordRef: 'REC-1',
          },
        },
      ]);
    spec
      .givenCommands([...withMajor, kit.measure({ kind: 'stop_equipment' })])
      .when(kit.complete())
      .thenState((state) => expect(state.status).toBe('completed'));
    // A special campaign needs no order; orders name recorded findings once, with a deadline not past.
    spec
      .givenCommands([kit.schedule({ kind: 'special_campaign' }), kit.start(), kit.majorFinding()])
      .when(kit.complete())
      .thenState((state) => expect(state.status).toBe('completed'));
    spec
      .givenCommands(withMajor)
      .when(kit.order({ findingIds: ['f-9'] }))
      .thenViolates('I-3', 'UnknownFinding');
    spec
      .givenCommands([...withMajor, kit.order()])
      .when(kit.order())
      .thenViolates('I-3', 'DuplicateOrder');
    spec
      .givenCommands(withMajor)
      .when(kit.order({ deadline: '2024-02-29' }))
      .thenViolates('I-3', 'DeadlineInPast');
    spec
      .givenCommands(withMajor)
      .when(kit.order({ approvedBy: 'p-enf-2' }))
      .thenViolates('I-3', 'ApproverNotHead');
  });

  it('I-4 a service visit imposes no on-site measure; a suspension needs the head’s approval', () => {
    spec
      .givenCommands([kit.schedule({ kind: 'service_guidance' }), kit.start(), kit.majorFinding()])
      .when(kit.measure({ kind: 'evacuate', approvedBy: undefined }))
      .thenViolates('I-4', 'NotAnEnforcementInspection');
    const withMajor = [...started, kit.majorFinding()];
    spec
      .givenCommands(withMajor)
      .when(kit.measure({ approvedBy: undefined }))
      .thenViolates('I-4', 'ApprovalRequired');
    spec
      .givenCommands(withMajor)
      .when(kit.measure({ approvedBy: 'p-ind-head' }))
      .thenViolates('I-4', 'ApprovalRequired');
    spec
      .givenCommands(withMajor)
      .when(kit.measure({ kind: 'evacuate', approvedBy: undefined }))
      .thenState((state) => expect(state.status).toBe('in_progress'));
  });

  it('I-5 a finding carries what its one hazard needs, once per finding id', () => {
    spec
      .givenCommands([...started, kit.finding()])
      .when(kit.finding())
      .thenViolates('I-5', 'DuplicateFinding');
    spec
      .givenCommands(started)
      .when(kit.finding({ nature: 'bad_luck' }))
      .thenViolates('I-5', 'UnknownHazardNature');
    spec
      .givenCommands(started)
      .when(kit.majorFinding({ majorBasis: undefined }))
      .thenViolates('I-5', 'MajorBasisRequired');
    spec
      .givenCommands(started)
      .when(kit.finding({ majorBasis: { standardId: 'MEM-2023-10', clause: '3' } }))
      .thenViolates('I-5', 'MajorBasisNotAllowed');
    spec
      .givenCommands(started)
      .when(kit.finding({ deadline: undefined }))
      .thenViolates('I-5', 'DeadlineRequired');
    spec
      .givenCommands(started)
      .when(kit.finding({ deadline: '2024-02-28' }))
      .thenViolates('I-5', 'DeadlineInPast');
    spec
      .givenCommands(started)
      .when(kit.majorFinding({ rectifiedOnSpot: { actionsTaken: 'patched' } }))
      .thenViolates('I-5', 'MajorCannotBeRectifiedOnSpot');
    spec
      .givenCommands(started)
      .when(
        kit.finding({ deadline: undefined, rectifiedOnSpot: { actionsTaken: 'moved pallets' } }),
      )
      .thenState((state) =>
        expect(state.status === 'in_progress' && state.findings).toHaveLength(1),
      );
    expect(hazardSourceOfInspection('enforcement')).toBe('enforcement_inspection');
    expect(hazardSourceOfInspection('service_guidance')).toBe('service_visit');
    expect(hazardSourceOfInspection('spot_check')).toBe('spot_check');
    expect(hazardSourceOfInspection('routine_supervision')).toBe('regulator_inspection');
    expect(hazardSourceOfInspection('supervision_team_check')).toBe('regulator_inspection');
  });

  it('I-6 a completed inspection is one visit; distinct subjects are units inspected', () => {
    const ent = (id: string) => ({ kind: 'enterprise' as const, id });
    expect(
      inspectionCoverage([
        { inspectionId: 'i-1', subject: ent('a') },
        { inspectionId: 'i-2', subject: ent('a') },
        { inspectionId: 'i-3', subject: ent('b') },
        { inspectionId: 'i-3', subject: ent('b') },
        { inspectionId: 'i-4', subject: { kind: 'venue', id: 'a' } },
      ]),
    ).toEqual({ visits: 4, unitsInspected: 3 });
    expect(inspectionCoverage([])).toEqual({ visits: 0, unitsInspected: 0 });
  });

  it('I-7 the subject must be known when scheduled and active when the inspection starts', () => {
    spec
      .given([])
      .when(kit.schedule({ subject: { kind: 'enterprise', id: 'ent-ghost' } }))
      .thenViolates('I-7', 'SubjectInactive');
    const error = spec
      .givenCommands([kit.schedule()])
      .when(kit.start(), { facts: { subjectStatus: 'inactive' } })
      .thenViolates('I-7', 'SubjectInactive');
    expect(error.details).toMatchObject({ subjectId: 'ent-chem', status: 'inactive' });
  });

  it('I-7 a stale subject read model never lets an inspection of a closed subject start (G-9)', async () => {
    const store = createMemoryEventStore({
      registry: createEventRegistry({ events: inspectionEvents }),
    });
    const stream = inspectionStreamId('i-1');
    const make = (statuses: Record<string, 'active' | 'inactive'>, lagging: string[]) =>
      createCommandHandler({
        store,
        clock: () => sampleNow,
        retry: { maxAttempts: 2, baseDelayMs: 0 },
        decider: createInspectionDecider({
          directory: kit.directory,
          subjects: staticSubjectStatus(statuses, lagging),
        }),
      });
    await make({}, [])(stream, kit.schedule());
    // The read model still says "active" but has not read the subject's latest event.
    const stale = make({ 'enterprise:ent-chem': 'active' }, ['enterprise:ent-chem']);
    const error = await stale(stream, kit.start()).catch((e: unknown) => e);
    expect(isProjectionLaggingError(error)).toBe(true);
    // Caught up, it knows the subject closed: I-7 rejects.
    const current = make({ 'enterprise:ent-chem': 'inactive' }, []);
    await expect(current(stream, kit.start())).rejects.toMatchObject({ rule: 'I-7' });
    let version = 0;
    for await (const event of store.readStream(stream)) version = event.version;
    expect(version).toBe(1);
  });
});
