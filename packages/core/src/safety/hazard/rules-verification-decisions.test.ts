import { sampleHazardCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import type { Directory } from '../directory/directory.js';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import type { HazardEvent } from './events.js';
import { hazardDecisions } from './hazard-decisions.test-helper.js';
import type { HazardSuspension, RegisteredHazard } from './state.js';

// The verification and closure decisions (H-18 to H-21), each refusal with its details and each
// accepted verification with the event data it records.
const kit = sampleHazardCommands();
const { actors } = kit;
const { decide, stateAfter, refusal, badInputPath } = hazardDecisions(kit.directory);

type Verify = Extract<HazardCommand, { type: 'VerifyRectification' }>;
const verify = (actor: Verify['actor'], verifierIds: string[], extra: Partial<Verify> = {}) =>
  ({
    type: 'VerifyRectification',
    actor,
    outcome: 'passed',
    kind: 'internal_check',
    verifierIds,
    ...extra,
  }) as HazardCommand;
const dataOf = (events: readonly HazardEvent[], index = 0) =>
  events[index]?.data as unknown as Record<string, unknown>;

// Completed by p-so-2: self-found (the enterprise verifies), regulator-found, and a major.
const selfFound = stateAfter([kit.registerGeneral(), kit.complete()]);
const regulatorFound = stateAfter([
  kit.registerGeneral({ actor: actors.officers[0], source: 'regulator_inspection' }),
  kit.complete(),
]);
const major = stateAfter([kit.registerMajor(), ...kit.majorPrerequisites(), kit.complete()]);
const review = (ids: string[], extra: Partial<Verify> = {}) =>
  verify(actors.officers[0], ids, { kind: 'regulator_review', ...extra });

describe('H-18 H-19 who verifies, with the details of each refusal', () => {
  it('H-19 verifier and expert lists name each person once and never both', () => {
    expect(badInputPath(selfFound, verify(actors.safetyOfficer, ['p-so-1', 'p-so-1']))).toBe(
      'verifierIds',
    );
    expect(
      badInputPath(
        selfFound,
        verify(actors.safetyOfficer, ['p-so-1'], { expertIds: ['p-expert-1', 'p-expert-1'] }),
      ),
    ).toBe('expertIds');
    expect(
      badInputPath(
        selfFound,
        verify(actors.safetyOfficer, ['p-so-1', 'p-principal'], { expertIds: ['p-principal'] }),
      ),
    ).toBe('expertIds');
  });

  it('H-19 the actor is a listed verifier, every expert an Expert, every verifier known', () => {
    const unlisted = refusal(selfFound, verify(actors.safetyOfficer, ['p-principal']));
    expect(unlisted).toMatchObject({ rule: 'H-19', violation: 'Forbidden' });
    expect(unlisted.details).toMatchObject({
      reason: 'not_listed',
      verifierId: 'p-so-1',
      verifierIds: ['p-principal'],
      side: 'enterprise',
      supervisingOrgId: 'org-safety',
      personId: 'p-so-1',
    });
    const majorUnlisted = refusal(major, review(['p-enf-2', 'p-enf-3']));
    expect(majorUnlisted).toMatchObject({ rule: 'H-18', violation: 'Forbidden' });
    expect(majorUnlisted.details).toMatchObject({ side: 'major', reason: 'not_listed' });
    for (const expertId of ['p-so-2', 'p-nobody']) {
      const error = refusal(
        selfFound,
        verify(actors.safetyOfficer, ['p-so-1'], { expertIds: [expertId] }),
      );
      expect(error).toMatchObject({ rule: 'H-19', violation: 'NotAnExpert' });
      expect(error.details).toEqual({ expertId });
    }
    const unknown = refusal(selfFound, verify(actors.safetyOfficer, ['p-so-1', 'p-nobody']));
    expect(unknown).toMatchObject({ rule: 'H-19', violation: 'Forbidden' });
    expect(unknown.details).toMatchObject({
      verifierId: 'p-nobody',
      reason: 'unknown',
      side: 'enterprise',
    });
  });

  it('H-18 a major: a regulator review by enough officers of the supervising regulator', () => {
    const internal = refusal(major, verify(actors.officers[0], ['p-enf-1', 'p-enf-2']));
    expect(internal).toMatchObject({ rule: 'H-18', violation: 'RegulatorVerifierRequired' });
    expect(internal.details).toEqual({
      supervisingOrgId: 'org-safety',
      kind: 'internal_check',
      verifierIds: ['p-enf-1', 'p-enf-2'],
      expertIds: [],
    });
    const noOfficer = refusal(
      major,
      verify(actors.safetyOfficer, ['p-so-1'], {
        kind: 'regulator_review',
        expertIds: ['p-expert-1'],
      }),
    );
    expect(noOfficer).toMatchObject({ rule: 'H-18', violation: 'RegulatorVerifierRequired' });
    expect(noOfficer.details).toMatchObject({
      expertIds: ['p-expert-1'],
      kind: 'regulator_review',
    });
    const outsider = refusal(major, review(['p-enf-1', 'p-ind-1']));
    expect(outsider).toMatchObject({ rule: 'H-18', violation: 'Forbidden' });
    expect(outsider.details).toMatchObject({
      verifierId: 'p-ind-1',
      reason: 'not_officer',
      side: 'major',
    });
    // The acting officer lends no role to a co-verifier: the bureau's legal reviewer is no officer.
    const reviewer = refusal(major, review(['p-enf-1', 'p-legal']));
    expect(reviewer).toMatchObject({ rule: 'H-18', violation: 'Forbidden' });
    expect(reviewer.details).toMatchObject({ verifierId: 'p-legal', reason: 'not_officer' });
    const alone = refusal(major, review(['p-enf-1']));
    expect(alone).toMatchObject({ rule: 'H-18', violation: 'TooFewVerifiers' });
    expect(alone.details).toEqual({ required: 2, actual: 1 });
    const three = createSupervisionPolicy({ minVerifiersMajor: 3 });
    expect(refusal(major, review(['p-enf-1', 'p-enf-2']), three).details).toEqual({
      required: 3,
      actual: 2,
    });
    expect(decide(major, review(['p-enf-1', 'p-enf-2', 'p-enf-3']), three)[0]?.type).toBe(
      'RectificationVerified',
    );
  });

  it('H-19 a general hazard: every verifier on the side that may verify, and a tenant among them', () => {
    const wrongSide = refusal(selfFound, verify(actors.safetyOfficer, ['p-so-1', 'p-enf-1']));
    expect(wrongSide).toMatchObject({ rule: 'H-19', violation: 'Forbidden' });
    expect(wrongSide.details).toMatchObject({ verifierId: 'p-enf-1', reason: 'wrong_side' });
    // Listed first, before the acting tenant, an outsider is refused all the same.
    const listedFirst = refusal(selfFound, verify(actors.safetyOfficer, ['p-enf-1', 'p-so-1']));
    expect(listedFirst.details).toMatchObject({ verifierId: 'p-enf-1', reason: 'wrong_side' });
    // The landlord's check on its site: the landlord co-signs, the tenant verifies.
    const landlordCheck = stateAfter([
      kit.registerGeneral({
        actor: actors.landlordSafetyOfficer,
        subject: { kind: 'site', id: 'site-1' },
        source: 'landlord_check',
        responsibleEnterpriseId: 'ent-chem',
      }),
      kit.complete(),
    ]);
    const landlordOnly = refusal(landlordCheck, verify(actors.landlordSafetyOfficer, ['p-ll-so']));
    expect(landlordOnly).toMatchObject({ rule: 'H-19', violation: 'Forbidden' });
    expect(landlordOnly.details).toMatchObject({
      reason: 'tenant_must_verify',
      verifierIds: ['p-ll-so'],
      verifierId: 'p-ll-so',
    });
    const cosigned = decide(
      landlordCheck,
      verify(actors.landlordSafetyOfficer, ['p-ll-so', 'p-so-1']),
    );
    expect(dataOf(cosigned)).toMatchObject({
      verifierIds: ['p-ll-so', 'p-so-1'],
      byRegulator: false,
    });
  });

  it('H-18 H-19 the kind fits the side; a resumption review needs an active suspension', () => {
    const ownReview = refusal(
      selfFound,
      verify(actors.safetyOfficer, ['p-so-1'], { kind: 'regulator_review' }),
    );
    expect(ownReview).toMatchObject({ rule: 'H-19', violation: 'VerificationKindMismatch' });
    expect(ownReview.details).toEqual({
      kind: 'regulator_review',
      side: 'enterprise',
      allowed: ['internal_check', 'acceptance'],
      suspended: false,
      mismatch: 'wrong_kind',
    });
    expect(
      dataOf(decide(selfFound, verify(actors.safetyOfficer, ['p-so-1'], { kind: 'acceptance' }))),
    ).toMatchObject({
      kind: 'acceptance',
    });
    const regulatorCheck = refusal(regulatorFound, review(['p-enf-1'], { kind: 'internal_check' }));
    expect(regulatorCheck.details).toMatchObject({ side: 'regulator', mismatch: 'wrong_kind' });
    const notSuspended = refusal(
      regulatorFound,
      review(['p-enf-1'], { kind: 'resumption_review' }),
    );
    expect(notSuspended).toMatchObject({ rule: 'H-19', violation: 'VerificationKindMismatch' });
    expect(notSuspended.details).toEqual({
      kind: 'resumption_review',
      side: 'regulator',
      allowed: ['regulator_review', 'acceptance', 'resumption_review'],
      suspended: false,
      mismatch: 'not_suspended',
    });
    const suspension: HazardSuspension = {
      active: true,
      scope: 'whole',
      facilityRef: null,
      orderedBy: { kind: 'regulator', orgId: 'org-safety', approvedBy: 'p-safety-head' },
      orderRef: null,
      suspendedAt: '2024-03-01T02:00:00Z',
      resumedAt: null,
      decisionRef: null,
    };
    const suspended = { ...regulatorFound, suspension };
    expect(
      dataOf(decide(suspended, review(['p-enf-1'], { kind: 'resumption_review' }))),
    ).toMatchObject({
      kind: 'resumption_review',
    });
    // The enterprise never records a resumption review, suspended or not: a wrong kind, not a
    // missing suspension.
    for (const state of [selfFound, { ...selfFound, suspension }]) {
      const own = refusal(
        state,
        verify(actors.safetyOfficer, ['p-so-1'], { kind: 'resumption_review' }),
      );
      expect(own).toMatchObject({ rule: 'H-19', violation: 'VerificationKindMismatch' });
      expect(own.details).toMatchObject({
        side: 'enterprise',
        suspended: state.suspension?.active === true,
        mismatch: 'wrong_kind',
      });
    }
    const resumed = { ...regulatorFound, suspension: { ...suspension, active: false } };
    expect(
      refusal(resumed, review(['p-enf-1'], { kind: 'resumption_review' })).details,
    ).toMatchObject({
      suspended: false,
      mismatch: 'not_suspended',
    });
  });

  it('H-19 who reported the fix does not verify it, unless the policy allows', () => {
    const own = refusal(selfFound, verify(actors.safetyOfficer2, ['p-so-2']));
    expect(own).toMatchObject({ rule: 'H-19', violation: 'SegregationOfDuties' });
    expect(own.details).toEqual({ verifierId: 'p-so-2' });
    const coSigned = refusal(selfFound, verify(actors.safetyOfficer, ['p-so-1', 'p-so-2']));
    expect(coSigned.details).toEqual({ verifierId: 'p-so-2' });
    const lenient = createSupervisionPolicy({ verifierMustDifferFromRectifier: false });
    expect(decide(selfFound, verify(actors.safetyOfficer2, ['p-so-2']), lenient)[0]?.type).toBe(
      'RectificationVerified',
    );
  });
});

describe('H-20 H-21 what a verification records', () => {
  it('H-20 byRegulator: a major always, a general when a verifier acts for a regulator', () => {
    const own = decide(selfFound, verify(actors.safetyOfficer, ['p-so-1'], { notes: 'checked' }));
    expect(dataOf(own)).toMatchObject({
      outcome: 'passed',
      kind: 'internal_check',
      verifierIds: ['p-so-1'],
      expertIds: [],
      notes: 'checked',
      newDeadline: null,
      byRegulator: false,
    });
    expect(dataOf(decide(regulatorFound, review(['p-enf-1'])))).toMatchObject({
      byRegulator: true,
    });
    expect(dataOf(decide(major, review(['p-enf-1', 'p-enf-2'])))).toMatchObject({
      byRegulator: true,
    });
    // H-18 makes a major's verification the supervising regulator's, whatever the directory now
    // says of that organisation: here its record was re-filed under a kind that is no regulator.
    const refiled: Directory = {
      ...kit.directory,
      organization: (id: string) => {
        const org = kit.directory.organization(id);
        return org?.id === 'org-safety' ? { ...org, kind: 'other_department' } : org;
      },
    };
    const afterRefiling = hazardDecisions(refiled).decide(major, review(['p-enf-1', 'p-enf-2']));
    expect(dataOf(afterRefiling)).toMatchObject({ byRegulator: true });
  });

  it('H-21 a new deadline: on failure only, later than the current one, recorded as an extension', () => {
    const passedWithDeadline = refusal(
      regulatorFound,
      review(['p-enf-1'], { newDeadline: '2024-05-01' }),
    );
    expect(passedWithDeadline).toMatchObject({
      rule: 'H-21',
      violation: 'NewDeadlineOnFailureOnly',
    });
    expect(passedWithDeadline.details).toEqual({ outcome: 'passed', newDeadline: '2024-05-01' });
    const failed = (newDeadline: string) => review(['p-enf-1'], { outcome: 'failed', newDeadline });
    const same = refusal(regulatorFound, failed(regulatorFound.deadline));
    expect(same).toMatchObject({ rule: 'H-21', violation: 'DeadlineNotLater' });
    expect(same.details).toEqual({ currentDeadline: '2024-03-31', newDeadline: '2024-03-31' });
    expect(refusal(regulatorFound, failed('2024-03-30'))).toMatchObject({
      violation: 'DeadlineNotLater',
    });
    const events = decide(regulatorFound, failed('2024-04-01'));
    expect(events.map((event) => event.type)).toEqual([
      'RectificationVerified',
      'RectificationDeadlineExtended',
    ]);
    expect(dataOf(events)).toMatchObject({ outcome: 'failed', newDeadline: '2024-04-01' });
    expect(dataOf(events, 1)).toMatchObject({
      old: '2024-03-31',
      new: '2024-04-01',
      approvedBy: 'p-enf-1',
      via: 'failed_verification',
    });
    // Another regulator's deadline, or the enterprise's: this officer does not own it.
    const industryOwned = {
      ...regulatorFound,
      deadlineOwner: { kind: 'regulator' as const, orgId: 'org-industry' },
    };
    const notOwner = refusal(industryOwned, failed('2024-05-01'));
    expect(notOwner).toMatchObject({ rule: 'H-21', violation: 'NotDeadlineOwner' });
    expect(notOwner.details).toEqual({
      deadlineOwner: { kind: 'regulator', orgId: 'org-industry' },
      verifierOrgId: 'org-safety',
      ownerKind: 'regulator',
      ownerId: 'org-industry',
    });
    const enterpriseOwned = { ...regulatorFound, deadlineOwner: { kind: 'enterprise' as const } };
    expect(refusal(enterpriseOwned, failed('2024-05-01')).details).toMatchObject({
      ownerKind: 'enterprise',
      ownerId: 'ent-chem',
    });
  });
});

describe('H-19 H-20 CloseHazard', () => {
  const close = (actor = actors.safetyOfficer) => ({ type: 'CloseHazard', actor }) as HazardCommand;
  // Verified while a listing was still active: the hazard stays verified until closed.
  const verified: RegisteredHazard = {
    ...selfFound,
    status: 'verified',
    version: selfFound.version + 1,
    lastVerification: {
      atVersion: selfFound.version + 1,
      verifiedAt: '2024-03-02T02:00:00Z',
      judgedAt: '2024-03-02T02:00:00Z',
      outcome: 'passed',
      kind: 'internal_check',
      verifierIds: ['p-so-1'],
      expertIds: [],
      byRegulator: false,
    },
  };

  it('H-19 only a verifier of the hazard closes it', () => {
    for (const actor of [actors.worker, actors.officers[0]]) {
      const error = refusal(verified, close(actor));
      expect(error).toMatchObject({ rule: 'H-19', violation: 'Forbidden' });
      expect(error.details).toMatchObject({
        reason: 'close',
        verifierId: actor.personId,
        side: 'enterprise',
      });
    }
  });

  it('H-20 a hazard with a missing prerequisite is not closed; one without is, on its verification', () => {
    const blocked = refusal({ ...verified, lastVerification: null }, close());
    expect(blocked).toMatchObject({ rule: 'H-20', violation: 'ClosureBlocked' });
    expect(blocked.details).toEqual({ missing: ['passed_verification'] });
    const events = decide(verified, close());
    expect(events.map((event) => event.type)).toEqual(['HazardClosed']);
    expect(dataOf(events)).toMatchObject({ basisVerificationVersion: selfFound.version + 1 });
  });
});
