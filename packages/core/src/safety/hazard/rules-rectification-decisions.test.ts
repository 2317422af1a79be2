import { sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import type { HazardCommand } from './commands.js';
import type { HazardEvent } from './events.js';
import { hazardDecisions } from './hazard-decisions.test-helper.js';
import type { HazardSuspension } from './state.js';

// The rectification decisions (G-5, H-15, H-16, H-17, H-26), each refusal with its details and
// each accepted command with the event data it records.
const kit = sampleHazardCommands();
const { actors } = kit;
const { decide, stateAfter, refusal, badInputPath } = hazardDecisions(kit.directory);
const only = (events: readonly HazardEvent[], type: HazardEvent['type']) => {
  expect(events.map((event) => event.type)).toEqual([type]);
  return events[0]?.data as unknown as Record<string, unknown>;
};

const general = stateAfter([kit.registerGeneral()]);
const major = stateAfter([kit.registerMajor(), ...kit.majorPrerequisites()]);
const suspend = (extra: Partial<Extract<HazardCommand, { type: 'SuspendOperations' }>> = {}) =>
  ({
    type: 'SuspendOperations',
    actor: actors.officers[0],
    scope: 'whole',
    ...extra,
  }) as HazardCommand;
const byRegulator: HazardSuspension = {
  active: true,
  scope: 'whole',
  facilityRef: null,
  orderedBy: { kind: 'regulator', orgId: 'org-safety', approvedBy: 'p-safety-head' },
  orderRef: null,
  suspendedAt: '2024-03-01T02:00:00Z',
  resumedAt: null,
  decisionRef: null,
};

describe('G-5 H-26 SuspendOperations', () => {
  it('G-5 a regulator order is approved by its own AuthorityHead, named or acting', () => {
    const named = only(
      decide(general, suspend({ approvedBy: 'p-safety-head' })),
      'OperationsSuspended',
    );
    expect(named).toMatchObject({
      scope: 'whole',
      facilityRef: null,
      orderRef: null,
      orderedBy: { kind: 'regulator', orgId: 'org-safety', approvedBy: 'p-safety-head' },
    });
    const acting = only(
      decide(general, suspend({ actor: actors.head, orderRef: 'S-7' })),
      'OperationsSuspended',
    );
    expect(acting).toMatchObject({
      orderRef: 'S-7',
      orderedBy: { kind: 'regulator', orgId: 'org-safety', approvedBy: 'p-safety-head' },
    });
    for (const approvedBy of [undefined, 'p-enf-2', 'p-ind-head', 'p-nobody']) {
      const error = refusal(general, suspend(approvedBy === undefined ? {} : { approvedBy }));
      expect(error, String(approvedBy)).toMatchObject({ rule: 'G-5', violation: 'Forbidden' });
      expect(error.details).toMatchObject({
        reason: 'suspension_needs_approval',
        regulatorOrgId: 'org-safety',
        approvedBy: approvedBy ?? null,
      });
    }
  });

  it('G-5 H-26 the principal suspends on its own, without an approver and not over a regulator order', () => {
    const self = only(decide(general, suspend({ actor: actors.principal })), 'OperationsSuspended');
    expect(self).toMatchObject({ orderedBy: { kind: 'self' } });
    expect(
      badInputPath(general, suspend({ actor: actors.principal, approvedBy: 'p-principal' })),
    ).toBe('approvedBy');
    const over = refusal(
      { ...general, suspension: byRegulator },
      suspend({ actor: actors.principal }),
    );
    expect(over).toMatchObject({ rule: 'H-26', violation: 'AlreadySuspended' });
    expect(over.details).toMatchObject({ orderedBy: byRegulator.orderedBy });
    // After resumption the principal may suspend again; a regulator may order over a self-suspension.
    const resumed = { ...general, suspension: { ...byRegulator, active: false } };
    expect(
      only(decide(resumed, suspend({ actor: actors.principal })), 'OperationsSuspended'),
    ).toBeDefined();
    const selfActive = {
      ...general,
      suspension: { ...byRegulator, orderedBy: { kind: 'self' as const } },
    };
    expect(
      only(decide(selfActive, suspend({ approvedBy: 'p-safety-head' })), 'OperationsSuspended'),
    ).toMatchObject({ orderedBy: { kind: 'regulator' } });
    const worker = refusal(general, suspend({ actor: actors.worker }));
    expect(worker).toMatchObject({ rule: 'G-5', violation: 'Forbidden' });
    expect(worker.details).toMatchObject({ reason: 'suspension_not_allowed' });
  });

  it('G-5 a facility suspension names the facility', () => {
    expect(badInputPath(general, suspend({ approvedBy: 'p-safety-head', scope: 'facility' }))).toBe(
      'facilityRef',
    );
    const facility = only(
      decide(
        general,
        suspend({ approvedBy: 'p-safety-head', scope: 'facility', facilityRef: 'kiln 2' }),
      ),
      'OperationsSuspended',
    );
    expect(facility).toMatchObject({ scope: 'facility', facilityRef: 'kiln 2' });
  });
});

describe('H-15 H-16 CompleteRectification and interim controls', () => {
  it('G-5 interim controls are recorded once each', () => {
    const data = only(
      decide(general, {
        type: 'RecordInterimControls',
        actor: actors.safetyOfficer,
        measures: ['evacuated', 'cordoned', 'evacuated'],
      }),
      'InterimControlsRecorded',
    );
    expect(data.measures).toEqual(['evacuated', 'cordoned']);
  });

  it('H-15 a major is completed only under a complete plan and with evidence', () => {
    const noPlan = refusal({ ...major, plan: null }, kit.complete());
    expect(noPlan).toMatchObject({ rule: 'H-15', violation: 'PlanRequired' });
    expect(noPlan.details).toEqual({ missing: ['plan'], planSubmitted: false });
    const plan = major.plan;
    if (plan === null) throw new Error('expected a plan');
    const gap = refusal({ ...major, plan: { ...plan, objectives: null } }, kit.complete());
    expect(gap.details).toEqual({ missing: ['objectives'], planSubmitted: true });
    const noEvidence = refusal(major, kit.complete({ evidenceRefs: [] }));
    expect(noEvidence).toMatchObject({ rule: 'H-15', violation: 'EvidenceRequired' });
    expect(noEvidence.details).toEqual({ evidenceRefs: [] });
    // A general hazard needs neither.
    const done = only(
      decide(general, kit.complete({ evidenceRefs: [] })),
      'RectificationCompleted',
    );
    expect(done).toMatchObject({
      evidenceRefs: [],
      costCny: null,
      onSpot: false,
      actionsTaken: 'line replaced',
    });
    const withCost = only(decide(major, kit.complete({ costCny: 1200 })), 'RectificationCompleted');
    expect(withCost).toMatchObject({
      costCny: 1200,
      evidenceRefs: ['ndt-report-1'],
      completedAt: sampleNow.toISOString(),
    });
  });

  it('H-16 where safety is not assured, work only under suspension or after evacuation', () => {
    const unsafe = { ...general, safetyNotAssured: true };
    const error = refusal(unsafe, kit.complete());
    expect(error).toMatchObject({ rule: 'H-16', violation: 'SafetyNotAssured' });
    expect(error.details).toEqual({ safetyNotAssured: true, interimControls: [] });
    const cordoned = refusal({ ...unsafe, interimControls: ['cordoned'] }, kit.complete());
    expect(cordoned.details).toEqual({ safetyNotAssured: true, interimControls: ['cordoned'] });
    const evacuated = { ...unsafe, interimControls: ['cordoned', 'evacuated'] as const };
    expect(only(decide(evacuated, kit.complete()), 'RectificationCompleted')).toBeDefined();
    expect(
      only(
        decide({ ...unsafe, suspension: byRegulator }, kit.complete()),
        'RectificationCompleted',
      ),
    ).toBeDefined();
  });
});

describe('H-17 assessment and requests for verification', () => {
  const assess = (
    extra: Partial<Extract<HazardCommand, { type: 'RecordRectificationAssessment' }>> = {},
  ) =>
    ({
      type: 'RecordRectificationAssessment',
      actor: actors.principal,
      assessorKind: 'internal_experts',
      reportRef: 'AR-1',
      conclusion: 'meets',
      ...extra,
    }) as HazardCommand;

  it('H-17 only a major is assessed; a qualified agency is named', () => {
    const completedGeneral = stateAfter([kit.registerGeneral(), kit.complete()]);
    const completedMajor = stateAfter([
      kit.registerMajor(),
      ...kit.majorPrerequisites(),
      kit.complete(),
    ]);
    const notMajor = refusal(completedGeneral, assess());
    expect(notMajor).toMatchObject({ rule: 'H-17', violation: 'NotMajor' });
    expect(notMajor.details).toEqual({ grade: 'general' });
    const unnamed = refusal(completedMajor, assess({ assessorKind: 'qualified_agency' }));
    expect(unnamed).toMatchObject({ rule: 'H-17', violation: 'AgencyNameRequired' });
    expect(unnamed.details).toEqual({ assessorKind: 'qualified_agency' });
    expect(only(decide(completedMajor, assess()), 'RectificationAssessed')).toMatchObject({
      assessorKind: 'internal_experts',
      agencyName: null,
      reportRef: 'AR-1',
      conclusion: 'meets',
    });
    expect(
      only(
        decide(completedMajor, assess({ assessorKind: 'qualified_agency', agencyName: 'Lab' })),
        'RectificationAssessed',
      ),
    ).toMatchObject({ agencyName: 'Lab' });
  });

  it('H-17 a request to resume needs an active suspension and, for a major, an assessment that meets', () => {
    const request = (purpose: 'closure' | 'resumption') =>
      ({ type: 'RequestVerification', actor: actors.safetyOfficer, purpose }) as HazardCommand;
    const completedMajor = stateAfter([
      kit.registerMajor(),
      ...kit.majorPrerequisites(),
      kit.complete(),
    ]);
    const notSuspended = refusal(completedMajor, request('resumption'));
    expect(notSuspended).toMatchObject({ rule: 'H-17', violation: 'NotSuspended' });
    expect(notSuspended.details).toEqual({ purpose: 'resumption' });
    const suspendedMajor = { ...completedMajor, suspension: byRegulator };
    const unassessed = refusal(suspendedMajor, request('resumption'));
    expect(unassessed).toMatchObject({ rule: 'H-17', violation: 'AssessmentRequired' });
    expect(unassessed.details).toEqual({ latestConclusion: null });
    const completion = completedMajor.lastCompletion;
    if (completion === null) throw new Error('expected a completion');
    const assessment = {
      atVersion: completion.atVersion + 1,
      assessedAt: '2024-03-02T02:00:00Z',
      assessorKind: 'internal_experts' as const,
      agencyName: null,
      reportRef: 'AR-1',
      conclusion: 'does_not_meet' as const,
    };
    const failing = refusal({ ...suspendedMajor, assessment }, request('resumption'));
    expect(failing.details).toEqual({ latestConclusion: 'does_not_meet' });
    const meets = {
      ...suspendedMajor,
      assessment: { ...assessment, conclusion: 'meets' as const },
    };
    expect(only(decide(meets, request('resumption')), 'VerificationRequested')).toMatchObject({
      purpose: 'resumption',
    });
    // A general hazard under suspension needs no assessment; a closure request no suspension.
    const suspendedGeneral = stateAfter([kit.registerGeneral(), kit.complete()]);
    expect(
      only(
        decide({ ...suspendedGeneral, suspension: byRegulator }, request('resumption')),
        'VerificationRequested',
      ),
    ).toBeDefined();
    expect(only(decide(completedMajor, request('closure')), 'VerificationRequested')).toMatchObject(
      {
        purpose: 'closure',
      },
    );
  });
});

describe('H-26 ApproveResumption', () => {
  const resume = (actor = actors.head) =>
    ({ type: 'ApproveResumption', actor, decisionRef: 'R-1' }) as HazardCommand;
  const verified = stateAfter([kit.registerGeneral(), kit.complete()]);
  const passed = {
    ...verified,
    version: verified.version + 1,
    lastVerification: {
      atVersion: verified.version + 1,
      verifiedAt: '2024-03-02T02:00:00Z',
      judgedAt: '2024-03-02T02:00:00Z',
      outcome: 'passed' as const,
      kind: 'internal_check' as const,
      verifierIds: ['p-so-1'],
      expertIds: [],
      byRegulator: false,
    },
  };

  it('H-26 only an active suspension is resumed', () => {
    for (const suspension of [null, { ...byRegulator, active: false }]) {
      const error = refusal({ ...passed, suspension }, resume());
      expect(error).toMatchObject({ rule: 'H-26', violation: 'NotSuspended' });
      expect(error.details).toEqual({ suspended: false });
    }
  });

  it('H-26 a regulator order is lifted by the head of that regulator; a self-suspension by the principal', () => {
    const ordered = { ...passed, suspension: byRegulator };
    for (const actor of [actors.officers[0], actors.industryHead]) {
      const error = refusal(ordered, resume(actor));
      expect(error).toMatchObject({ rule: 'H-26', violation: 'Forbidden' });
      expect(error.details).toMatchObject({
        reason: 'regulator',
        suspendedBy: 'org-safety',
        party: 'org-safety',
        personId: actor.personId,
      });
    }
    expect(only(decide(ordered, resume()), 'OperationsResumed')).toMatchObject({
      decisionRef: 'R-1',
    });
    const self = {
      ...passed,
      suspension: { ...byRegulator, orderedBy: { kind: 'self' as const } },
    };
    const error = refusal(self, resume(actors.safetyOfficer));
    expect(error).toMatchObject({ rule: 'H-26', violation: 'Forbidden' });
    expect(error.details).toMatchObject({ reason: 'self', party: 'ent-chem', personId: 'p-so-1' });
    expect(only(decide(self, resume(actors.principal)), 'OperationsResumed')).toBeDefined();
  });
});
