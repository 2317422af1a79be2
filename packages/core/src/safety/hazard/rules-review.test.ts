import { createMemoryEventStore } from '@safeledger/store-memory';
import { deciderSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../eventsourcing/command-handler.js';
import { isRuleViolation } from '../../eventsourcing/errors.js';
import { createEventRegistry } from '../../eventsourcing/event-registry.js';
import {
  createSupervisionPolicy,
  type SupervisionPolicyInput,
} from '../policy/supervision-policy.js';
import { closureBlockers } from './closure.js';
import type { HazardCommand, SubmitRectificationPlan } from './commands.js';
import { createHazardDecider } from './decide.js';
import { type HazardEvent, hazardEvents } from './events.js';
import { hazardStreamId } from './hazard-stream.js';
import {
  evolveHazard,
  type HazardState,
  initialHazardState,
  type RegisteredHazard,
} from './state.js';
import { isDeadlineMet, isMajorReportLate, isOverdue } from './time-facts.js';

// Loopholes found by reviewing the hazard rules as an auditor would; each test reproduces one.
const kit = sampleHazardCommands();
const { actors } = kit;
const policy = createSupervisionPolicy();
const decider = createHazardDecider({ directory: kit.directory, policy });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'hazard-h-1' });
const day = 86_400_000;

/** Runs commands at successive recording times (each `[command, iso]`), as a clerk would over weeks. */
function runAt(steps: readonly (readonly [HazardCommand, string])[]): {
  state: HazardState;
  events: HazardEvent[];
} {
  let state = initialHazardState();
  const events: HazardEvent[] = [];
  for (const [command, at] of steps) {
    const decided = decider.decide(command, state, {
      now: new Date(at),
      streamId: 'hazard-h-1',
      version: events.length,
      facts: undefined,
    });
    for (const event of ([] as HazardEvent[]).concat(decided)) {
      events.push(event);
      state = evolveHazard(state, event);
    }
  }
  return { state, events };
}

const suspendByOrder: HazardCommand = {
  type: 'SuspendOperations',
  actor: actors.officers[0],
  scope: 'whole',
  approvedBy: 'p-safety-head',
};
const resume: HazardCommand = {
  type: 'ApproveResumption',
  actor: actors.head,
  decisionRef: 'R-1',
};
const verifyBy = (
  actor: (typeof actors)['worker'],
  verifierIds: string[],
  extra: Partial<Extract<HazardCommand, { type: 'VerifyRectification' }>> = {},
): HazardCommand => ({
  type: 'VerifyRectification',
  actor,
  outcome: 'passed',
  kind: 'regulator_review',
  verifierIds,
  ...extra,
});

describe('review findings', () => {
  it('H-17 a suspended major is not resumed, nor closed, without an assessment that meets', () => {
    const verifiedNoAssessment = [
      kit.registerMajor(),
      ...kit.majorPrerequisites(),
      suspendByOrder,
      kit.complete(),
      kit.regulatorVerification(),
    ];
    spec
      .givenCommands(verifiedNoAssessment)
      .when(resume)
      .thenViolates('H-17', 'AssessmentRequired');
    spec
      .givenCommands([
        kit.registerMajor(),
        ...kit.majorPrerequisites(),
        suspendByOrder,
        kit.complete(),
        {
          type: 'RecordRectificationAssessment',
          actor: actors.principal,
          assessorKind: 'internal_experts',
          reportRef: 'AR-1',
          conclusion: 'meets',
        },
        kit.regulatorVerification(),
      ])
      .when(resume)
      .thenState((state) => expect(state.status).toBe('closed'));
    // A stream recorded before the rule (resumed without assessment) still cannot close.
    const history = historyWithResumptionButNoAssessment();
    const state = history.reduce<HazardState>(evolveHazard, initialHazardState());
    expect(closureBlockers(state as RegisteredHazard, policy)).toContain('assessment');
  });

  it('H-16 a hazard whose safety is not assured cannot be registered as fixed on the spot', () => {
    spec
      .given([])
      .when(
        kit.registerGeneral({ safetyNotAssured: true, rectifiedOnSpot: { actionsTaken: 'moved' } }),
      )
      .thenViolates('H-16', 'SafetyNotAssured');
  });

  it('H-28 G-5 a hazard is referred only to a regulator covering its area, sector or specialty', () => {
    const error = spec
      .givenCommands([kit.registerGeneral({ actor: actors.officers[0], source: 'spot_check' })])
      .when({
        type: 'ReferHazard',
        actor: actors.officers[0],
        toOrgId: 'org-safety-far',
        reason: 'remit',
      })
      .thenViolates('H-28', 'OrgOutOfScope');
    expect(error.details).toMatchObject({ orgId: 'org-safety-far', areaId: 'area-park' });
  });

  it('H-24 G-5 a listing names a supervising regulator covering the hazard', () => {
    spec
      .givenCommands([kit.registerMajor()])
      .when({
        type: 'ListForSupervision',
        actor: actors.cityOffice,
        level: 'city',
        authorityOrgId: 'org-committee-city',
        supervisingOrgId: 'org-safety-far',
        listingRef: 'C-1',
      })
      .thenViolates('H-24', 'OrgOutOfScope');
  });

  it('H-8 G-5 a registration names a supervising or ordering regulator covering the subject', () => {
    spec
      .given([])
      .when(kit.registerGeneral({ supervisingOrgId: 'org-safety-far' }))
      .thenViolates('H-8', 'OrgOutOfScope');
    spec
      .given([])
      .when(
        kit.registerGeneral({
          actor: actors.officers[0],
          source: 'regulator_inspection',
          rectificationOrder: { orderNo: 'O-1', orgId: 'org-safety-far' },
        }),
      )
      .thenViolates('H-8', 'OrgOutOfScope');
  });

  it('H-11 after a downgrade and a re-upgrade, a timely second report is not late', () => {
    const t0 = Date.parse('2024-03-01T02:00:00Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const { state } = runAt([
      [kit.registerMajor(), iso(t0)],
      [kit.report(), iso(t0 + 3_600_000)],
      [
        { type: 'RegradeHazard', actor: actors.head, to: 'general', reason: 'reassessed' },
        iso(t0 + day),
      ],
      [
        {
          type: 'RegradeHazard',
          actor: actors.principal,
          to: 'major',
          basis: { standardId: 'AJ-2017-121', clause: '8' },
          reason: 'worse',
        },
        iso(t0 + 10 * day),
      ],
      [kit.report(), iso(t0 + 10 * day + 2 * 3_600_000)],
    ]);
    expect(isMajorReportLate(state, iso(t0 + 20 * day), policy)).toBe(false);
    // Without the second report the re-upgraded major is late once the 24 hours pass.
    const unreported = runAt([
      [kit.registerMajor(), iso(t0)],
      [kit.report(), iso(t0 + 3_600_000)],
      [
        { type: 'RegradeHazard', actor: actors.head, to: 'general', reason: 'reassessed' },
        iso(t0 + day),
      ],
      [
        {
          type: 'RegradeHazard',
          actor: actors.principal,
          to: 'major',
          basis: { standardId: 'AJ-2017-121', clause: '8' },
          reason: 'worse',
        },
        iso(t0 + 10 * day),
      ],
    ]);
    expect(isMajorReportLate(unreported.state, iso(t0 + 20 * day), policy)).toBe(true);
  });

  it('H-20 an upgraded major closes only once a complete plan is submitted', () => {
    const upgraded: HazardCommand[] = [
      kit.registerGeneral(),
      kit.complete(),
      {
        type: 'RegradeHazard',
        actor: actors.principal,
        to: 'major',
        basis: { standardId: 'AJ-2017-121', clause: '8' },
        reason: 'worse than thought',
      },
      kit.report(),
      {
        type: 'DiscloseMajorHazardToWorkforce',
        actor: actors.safetyOfficer,
        forum: 'notice_board',
      },
      kit.regulatorVerification(),
    ];
    spec
      .givenCommands(upgraded)
      .when({ type: 'CloseHazard', actor: actors.officers[0] })
      .thenViolates('H-20', 'ClosureBlocked');
    const blocked = spec
      .givenCommands(upgraded)
      .when({ type: 'CloseHazard', actor: actors.officers[0] })
      .thenViolates('H-20', 'ClosureBlocked');
    expect(blocked.details).toEqual({ missing: ['plan'] });
    spec
      .givenCommands(upgraded)
      .when(kit.plan({ deadline: '2024-03-30' }))
      .thenState((state) => expect(state.status).toBe('closed'));
  });

  it('H-0 each command runs only in the states of the state table', () => {
    const open = [kit.registerGeneral()];
    const awaiting = [kit.registerGeneral(), kit.complete()];
    const verified = [
      kit.registerGeneral(),
      suspendByOrder,
      kit.complete(),
      verifyBy(actors.safetyOfficer, ['p-so-1'], { kind: 'internal_check' }),
    ];
    spec
      .givenCommands(verified)
      .when(resume)
      .thenState((s) => expect(s.status).toBe('closed'));
    const rejected: [HazardCommand[], HazardCommand][] = [
      [awaiting, kit.complete()],
      [open, { type: 'RequestVerification', actor: actors.safetyOfficer, purpose: 'closure' }],
      [open, verifyBy(actors.safetyOfficer, ['p-so-1'], { kind: 'internal_check' })],
      [
        open,
        {
          type: 'RecordRectificationAssessment',
          actor: actors.principal,
          assessorKind: 'internal_experts',
          reportRef: 'AR-1',
          conclusion: 'meets',
        },
      ],
      [verified, kit.complete()],
      [verified, suspendByOrder],
      [
        verified,
        { type: 'RecordInterimControls', actor: actors.safetyOfficer, measures: ['signage'] },
      ],
      [verified, { type: 'RequestVerification', actor: actors.safetyOfficer, purpose: 'closure' }],
      [verified, verifyBy(actors.safetyOfficer, ['p-so-1'], { kind: 'internal_check' })],
    ];
    for (const [given, command] of rejected) {
      spec.givenCommands(given).when(command).thenViolates('H-0', 'InvalidState');
    }
  });

  it('H-19 the verification kind fits who verifies', () => {
    const completed = [kit.registerGeneral(), kit.complete()];
    const error = spec
      .givenCommands(completed)
      .when(verifyBy(actors.safetyOfficer, ['p-so-1'], { kind: 'resumption_review' }))
      .thenViolates('H-19', 'VerificationKindMismatch');
    expect(error.details).toMatchObject({ kind: 'resumption_review', side: 'enterprise' });
    spec
      .givenCommands(completed)
      .when(verifyBy(actors.safetyOfficer, ['p-so-1'], { kind: 'regulator_review' }))
      .thenViolates('H-19', 'VerificationKindMismatch');
    const regulatorFound = [
      kit.registerGeneral({ actor: actors.officers[0], source: 'regulator_inspection' }),
      kit.complete(),
    ];
    spec
      .givenCommands(regulatorFound)
      .when(verifyBy(actors.officers[0], ['p-enf-1'], { kind: 'internal_check' }))
      .thenViolates('H-19', 'VerificationKindMismatch');
    // A resumption review needs a suspension to resume from.
    spec
      .givenCommands(regulatorFound)
      .when(verifyBy(actors.officers[0], ['p-enf-1'], { kind: 'resumption_review' }))
      .thenViolates('H-19', 'VerificationKindMismatch');
    spec
      .givenCommands(completed)
      .when(verifyBy(actors.safetyOfficer, ['p-so-1'], { kind: 'acceptance' }))
      .thenState((state) => expect(state.status).toBe('closed'));
    spec
      .givenCommands(regulatorFound)
      .when(verifyBy(actors.officers[0], ['p-enf-1'], { kind: 'regulator_review' }))
      .thenState((state) => expect(state.status).toBe('closed'));
  });

  it('H-19 an expert who joins a verification must hold the Expert role (NotAnExpert)', () => {
    const regulatorFound = [
      kit.registerGeneral({ actor: actors.officers[0], source: 'regulator_inspection' }),
      kit.complete(),
    ];
    const error = spec
      .givenCommands(regulatorFound)
      .when(verifyBy(actors.officers[0], ['p-enf-1'], { expertIds: ['p-so-1'] }))
      .thenViolates('H-19', 'NotAnExpert');
    expect(error.details).toEqual({ expertId: 'p-so-1' });
  });

  it('H-13 the person responsible for a plan exists and works for the responsible party', () => {
    for (const responsiblePersonId of ['p-nobody', 'p-far-so']) {
      const error = spec
        .givenCommands([kit.registerMajor()])
        .when(kit.plan({ responsiblePersonId }))
        .thenViolates('H-13', 'UnknownResponsiblePerson');
      expect(error.details).toMatchObject({ responsiblePersonId });
    }
    // General plans are optional, but a named person is still checked.
    spec
      .givenCommands([kit.registerGeneral()])
      .when(kit.plan({ deadline: '2024-03-30', responsiblePersonId: 'p-nobody' }))
      .thenViolates('H-13', 'UnknownResponsiblePerson');
  });

  it('H-27 a closed hazard is never reopened, reported under H-27; a voided one under H-7', () => {
    const closed: HazardCommand[] = [
      kit.registerGeneral({ rectifiedOnSpot: { actionsTaken: 'moved' } }),
      verifyBy(actors.safetyOfficer2, ['p-so-2'], { kind: 'internal_check' }),
    ];
    const error = spec
      .givenCommands(closed)
      .when(kit.complete())
      .thenViolates('H-27', 'HazardTerminal');
    expect(error.details).toMatchObject({ state: 'closed', command: 'CompleteRectification' });
    spec
      .givenCommands([
        kit.registerGeneral(),
        { type: 'VoidHazard', actor: actors.principal, reason: 'entered twice' },
      ])
      .when(kit.complete())
      .thenViolates('H-7', 'HazardTerminal');
  });

  it('H-29 an on-the-spot fix without a deadline is not overdue under deadlineMetBy closure', () => {
    const byClosure = createSupervisionPolicy({ deadlineMetBy: 'closure' });
    const { state } = runAt([
      [
        kit.registerGeneral({ deadline: undefined, rectifiedOnSpot: { actionsTaken: 'moved' } }),
        sampleNow.toISOString(),
      ],
    ]);
    const nextWeek = new Date(sampleNow.getTime() + 7 * day).toISOString();
    expect(isOverdue(state, nextWeek, byClosure)).toBe(false);
    expect(isDeadlineMet(state, nextWeek, byClosure)).toBe(true);
    expect(isDeadlineMet(state, nextWeek, policy)).toBe(true);
  });

  it('H-29 isDeadlineMet is false for a completion after the deadline, which is no longer overdue', () => {
    const { state } = runAt([
      [kit.registerGeneral({ deadline: '2024-03-10' }), '2024-03-01T02:00:00Z'],
      [kit.complete(), '2024-03-15T02:00:00Z'],
    ]);
    expect(isDeadlineMet(state, '2024-03-20T00:00:00Z', policy)).toBe(false);
    expect(isOverdue(state, '2024-03-20T00:00:00Z', policy)).toBe(false);
    // Before the late completion it was overdue.
    expect(isOverdue(state, '2024-03-12T00:00:00Z', policy)).toBe(true);
    const onTime = runAt([
      [kit.registerGeneral({ deadline: '2024-03-10' }), '2024-03-01T02:00:00Z'],
      [kit.complete(), '2024-03-09T02:00:00Z'],
    ]);
    expect(isDeadlineMet(onTime.state, '2024-03-20T00:00:00Z', policy)).toBe(true);
    expect(isDeadlineMet(onTime.state, '2024-03-08T00:00:00Z', policy)).toBe(false);
  });

  it('H-1 a hazard command must match its stream: the hazard category and the same id', async () => {
    const clock = { now: sampleNow };
    const store = createMemoryEventStore({
      registry: createEventRegistry({ events: hazardEvents }),
      clock: () => clock.now,
    });
    const handle = createCommandHandler({ store, decider, clock: () => clock.now });
    const reject = async (streamId: string, command: HazardCommand) => {
      const error = await handle(streamId, command).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(isRuleViolation(error), `${streamId} accepted ${command.type}`).toBe(true);
      return error as { rule: string; violation: string; details: Record<string, unknown> };
    };
    const wrongId = await reject(
      hazardStreamId('h-bad'),
      kit.registerGeneral({ hazardId: 'other' }),
    );
    expect(wrongId).toMatchObject({ rule: 'H-1', violation: 'StreamMismatch' });
    expect(wrongId.details).toMatchObject({ streamId: 'hazard-h-bad', hazardId: 'other' });
    const noCategory = await reject('zzz', kit.registerGeneral());
    expect(noCategory).toMatchObject({ rule: 'H-1', violation: 'StreamMismatch' });
    await handle(hazardStreamId('h-1'), kit.registerGeneral());
    // The same hazard id on a second stream is refused.
    await reject(hazardStreamId('h-1-copy'), kit.registerGeneral());
  });

  it('accepts readonly arrays in command inputs (a plan written as const)', () => {
    const plan = {
      type: 'SubmitRectificationPlan',
      actor: actors.principal,
      objectives: 'o',
      measures: ['isolate', 'replace'],
      funding: { amountCny: 1, source: 'budget' },
      responsiblePersonId: 'p-so-1',
      deadline: '2024-04-20',
      safetyMeasures: 's',
      contingencyPlanRef: 'EP-1',
    } as const satisfies SubmitRectificationPlan;
    const command: HazardCommand = plan;
    spec
      .givenCommands([kit.registerMajor()])
      .when(command)
      .thenState((state) =>
        expect(state).toMatchObject({ plan: { measures: ['isolate', 'replace'] } }),
      );
  });
});

it('G-5 rate.overrides accepts only the rate metrics of §5, so a typo is not silently ignored', () => {
  expect(() =>
    createSupervisionPolicy({
      // A typo the type checker also refuses; JavaScript callers and JSON configs reach the parse.
      rate: {
        overrides: { P2: { mode: 'truncate' } },
      } as unknown as SupervisionPolicyInput['rate'],
    }),
  ).toThrow(/P2/);
  expect(
    createSupervisionPolicy({ rate: { overrides: { 'P-2': { mode: 'truncate' } } } }).rate
      .overrides,
  ).toEqual({ 'P-2': { mode: 'truncate' } });
});

function historyWithResumptionButNoAssessment(): HazardEvent[] {
  const events = ([] as HazardEvent[]).concat(
    decider.decide(kit.registerMajor(), initialHazardState(), ctx(0)),
  );
  const base = { hazardId: 'h-1', occurredAt: sampleNow.toISOString(), actor: actors.head };
  events.push({
    type: 'OperationsSuspended',
    data: {
      ...base,
      scope: 'whole',
      facilityRef: null,
      orderedBy: { kind: 'regulator', orgId: 'org-safety', approvedBy: 'p-safety-head' },
      orderRef: null,
    },
  });
  events.push({
    type: 'RectificationCompleted',
    data: {
      ...base,
      actor: actors.safetyOfficer2,
      completedAt: sampleNow.toISOString(),
      actionsTaken: 'fixed',
      evidenceRefs: ['e'],
      costCny: null,
      onSpot: false,
    },
  });
  events.push({
    type: 'RectificationVerified',
    data: {
      ...base,
      actor: actors.officers[0],
      outcome: 'passed',
      kind: 'regulator_review',
      verifierIds: ['p-enf-1', 'p-enf-2'],
      expertIds: [],
      notes: '',
      newDeadline: null,
      byRegulator: true,
    },
  });
  events.push({ type: 'OperationsResumed', data: { ...base, decisionRef: 'R-1' } });
  return events;
}

function ctx(version: number) {
  return { now: sampleNow, streamId: 'hazard-h-1', version, facts: undefined };
}
