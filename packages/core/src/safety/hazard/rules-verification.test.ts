import { deciderSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';

const kit = sampleHazardCommands();
const { actors } = kit;
const decider = createHazardDecider({ directory: kit.directory });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'hazard-h-1' });

const verify = (
  actor: (typeof actors)['worker'],
  verifierIds: string[],
  extra: Partial<HazardCommand> = {},
): HazardCommand =>
  ({
    type: 'VerifyRectification',
    actor,
    outcome: 'passed',
    kind: 'acceptance',
    verifierIds,
    ...extra,
  }) as HazardCommand;
const majorCompleted = [kit.registerMajor(), ...kit.majorPrerequisites(), kit.complete()];

describe('verification', () => {
  it('H-18 a major is verified by enough officers of its supervising regulator, never by experts alone', () => {
    const expertsOnly = spec
      .givenCommands(majorCompleted)
      .when(verify(actors.expert, ['p-expert-1']))
      .thenViolates('H-18', 'RegulatorVerifierRequired');
    expect(expertsOnly.details).toMatchObject({ supervisingOrgId: 'org-safety' });
    spec
      .givenCommands(majorCompleted)
      .when(verify(actors.principal, ['p-principal'], { kind: 'internal_check' }))
      .thenViolates('H-18', 'RegulatorVerifierRequired');
    spec
      .givenCommands(majorCompleted)
      .when(verify(actors.officers[0], ['p-enf-1', 'p-enf-2'], { kind: 'internal_check' }))
      .thenViolates('H-18', 'RegulatorVerifierRequired');
    const few = spec
      .givenCommands(majorCompleted)
      .when(verify(actors.officers[0], ['p-enf-1']))
      .thenViolates('H-18', 'TooFewVerifiers');
    expect(few.details).toEqual({ required: 2, actual: 1 });
    const outsider = spec
      .givenCommands(majorCompleted)
      .when(verify(actors.officers[0], ['p-enf-1', 'p-ind-1']))
      .thenViolates('H-18', 'Forbidden');
    expect(outsider.details).toMatchObject({ verifierId: 'p-ind-1' });
    spec
      .givenCommands(majorCompleted)
      .when(verify(actors.officers[0], ['p-enf-1', 'p-enf-2'], { expertIds: ['p-so-1'] }))
      .thenViolates('H-18', 'NotAnExpert');
    spec
      .givenCommands(majorCompleted)
      .when(verify(actors.officers[0], ['p-enf-1', 'p-enf-2'], { expertIds: ['p-expert-1'] }))
      .thenState((state) => expect(state.status).toBe('closed'));
    const three = createHazardDecider({
      directory: kit.directory,
      policy: createSupervisionPolicy({ minVerifiersMajor: 3 }),
    });
    deciderSpec(three, { now: sampleNow, streamId: 'hazard-h-1' })
      .givenCommands(majorCompleted)
      .when(verify(actors.officers[0], ['p-enf-1', 'p-enf-2']))
      .thenViolates('H-18', 'TooFewVerifiers');
  });

  it('H-19 (a) a self-found general is verified by a SafetyOfficer or Principal of the enterprise', () => {
    const completed = [kit.registerGeneral(), kit.complete()];
    const refused = spec
      .givenCommands(completed)
      .when(verify(actors.worker, ['p-worker']))
      .thenViolates('H-19', 'Forbidden');
    expect(refused.details).toMatchObject({ verifierId: 'p-worker' });
    spec
      .givenCommands(completed)
      .when(verify(actors.safetyOfficer, ['p-so-1', 'p-far-so']))
      .thenViolates('H-19', 'Forbidden');
    spec
      .givenCommands(completed)
      .when(verify(actors.principal, ['p-principal']))
      .thenState((s) => expect(s.status).toBe('closed'));
    // Landlord check: the tenant verifies, the landlord may co-sign but not verify alone.
    const landlordCheck = [
      kit.registerGeneral({
        actor: actors.landlordSafetyOfficer,
        subject: { kind: 'site', id: 'site-1' },
        responsibleEnterpriseId: 'ent-chem',
        source: 'landlord_check',
      }),
      kit.complete(),
    ];
    spec
      .givenCommands(landlordCheck)
      .when(verify(actors.landlordPrincipal, ['p-ll-principal']))
      .thenViolates('H-19', 'Forbidden');
    spec
      .givenCommands(landlordCheck)
      .when(verify(actors.landlordPrincipal, ['p-ll-principal', 'p-principal']))
      .thenState((s) => expect(s.status).toBe('closed'));
  });

  it('H-19 (b) a regulator-found general is verified by the finding or the supervising organisation', () => {
    const found = [
      kit.registerGeneral({
        actor: actors.industryOfficer,
        source: 'regulator_inspection',
        supervisingOrgId: 'org-safety',
      }),
      kit.complete(),
    ];
    spec
      .givenCommands(found)
      .when(verify(actors.principal, ['p-principal']))
      .thenViolates('H-19', 'Forbidden');
    spec
      .givenCommands(found)
      .when(verify(actors.territorialOfficer, ['p-terr-1']))
      .thenViolates('H-19', 'Forbidden');
    spec
      .givenCommands(found)
      .when(verify(actors.industryOfficer, ['p-ind-1']))
      .thenState((s) => expect(s.status).toBe('closed'));
    spec
      .givenCommands(found)
      .when(verify(actors.officers[2], ['p-enf-3']))
      .thenState((s) => expect(s).toMatchObject({ lastVerification: { byRegulator: true } }));
  });

  it('H-19 (c) a venue general is verified by the area’s grid patroller or territorial officer, or the finding org', () => {
    const venue = [
      kit.registerGeneral({
        actor: actors.fireAdvisor,
        subject: { kind: 'venue', id: 'venue-1' },
        source: 'patrol',
      }),
      kit.complete({ actor: actors.venueOperator }),
    ];
    spec
      .givenCommands(venue)
      .when(verify(actors.venueOperator, ['p-venue-op']))
      .thenViolates('H-19', 'Forbidden');
    spec.givenCommands(venue.slice(0, 1)).when(kit.complete()).thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands(venue)
      .when(verify(actors.industryOfficer, ['p-ind-1']))
      .thenViolates('H-19', 'Forbidden');
    spec
      .givenCommands(venue)
      .when(verify(actors.gridPatroller, ['p-grid-1']))
      .thenState((s) => expect(s.status).toBe('closed'));
    spec
      .givenCommands(venue)
      .when(verify(actors.fireAdvisor, ['p-fire-adv']))
      .thenState((s) => expect(s.status).toBe('closed'));
  });

  it('H-19 no verifier may be the person who reported the rectification (segregation of duties)', () => {
    const completed = [kit.registerGeneral(), kit.complete({ actor: actors.safetyOfficer })];
    const error = spec
      .givenCommands(completed)
      .when(verify(actors.safetyOfficer, ['p-so-1']))
      .thenViolates('H-19', 'SegregationOfDuties');
    expect(error.details).toEqual({ verifierId: 'p-so-1' });
    expect(error.message).toBe(
      'H-19 SegregationOfDuties: p-so-1 reported the rectification complete and may not verify it',
    );
    const relaxed = createHazardDecider({
      directory: kit.directory,
      policy: createSupervisionPolicy({ verifierMustDifferFromRectifier: false }),
    });
    deciderSpec(relaxed, { now: sampleNow, streamId: 'hazard-h-1' })
      .givenCommands(completed)
      .when(verify(actors.safetyOfficer, ['p-so-1']))
      .thenState((s) => expect(s.status).toBe('closed'));
    spec
      .givenCommands(completed)
      .when(verify(actors.safetyOfficer, ['p-so-2']))
      .thenViolates('H-19', 'Forbidden');
  });

  it('H-21 a failed verification reopens the hazard; only the deadline owner sets a new deadline', () => {
    const regulatorOwned = [
      kit.registerGeneral({ actor: actors.officers[0], source: 'regulator_inspection' }),
      kit.complete(),
    ];
    spec
      .givenCommands(regulatorOwned)
      .when(
        verify(actors.officers[1], ['p-enf-2'], { outcome: 'failed', newDeadline: '2024-04-15' }),
      )
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual([
          'RectificationVerified',
          'RectificationDeadlineExtended',
        ]);
        expect(events[1]?.data).toMatchObject({
          old: '2024-03-31',
          new: '2024-04-15',
          via: 'failed_verification',
        });
        expect(state).toMatchObject({
          status: 'open',
          verificationFailures: 1,
          deadline: '2024-04-15',
          originalDeadline: '2024-03-31',
        });
      });
    spec
      .givenCommands([
        kit.registerGeneral({
          actor: actors.industryOfficer,
          source: 'regulator_inspection',
          supervisingOrgId: 'org-safety',
        }),
        kit.complete(),
      ])
      .when(
        verify(actors.industryOfficer, ['p-ind-1'], {
          outcome: 'failed',
          newDeadline: '2024-04-15',
        }),
      )
      .thenViolates('H-21', 'NotDeadlineOwner');
    spec
      .givenCommands(regulatorOwned)
      .when(
        verify(actors.officers[1], ['p-enf-2'], { outcome: 'failed', newDeadline: '2024-03-31' }),
      )
      .thenViolates('H-21', 'DeadlineNotLater');
    spec
      .givenCommands(regulatorOwned)
      .when(verify(actors.officers[1], ['p-enf-2'], { newDeadline: '2024-04-15' }))
      .thenViolates('H-21', 'NewDeadlineOnFailureOnly');
    spec
      .givenCommands(regulatorOwned)
      .when(verify(actors.officers[1], ['p-enf-2'], { outcome: 'failed' }))
      .thenState((s) => expect(s).toMatchObject({ status: 'open', deadline: '2024-03-31' }));
  });
});

describe('H-21 and H-8 on an enterprise-owned deadline', () => {
  it('H-21 only the principal sets a new deadline on failure; otherwise the principal extends it (H-8 prevails)', () => {
    const enterpriseOwned = [kit.registerGeneral(), kit.complete()];
    const failed = (actor: (typeof actors)['worker'], id: string, extra: Partial<HazardCommand>) =>
      verify(actor, [id], { outcome: 'failed', kind: 'internal_check', ...extra });
    const refused = spec
      .givenCommands(enterpriseOwned)
      .when(failed(actors.safetyOfficer, 'p-so-1', { newDeadline: '2024-04-15' }))
      .thenViolates('H-21', 'NotDeadlineOwner');
    expect(refused.details).toMatchObject({ deadlineOwner: { kind: 'enterprise' } });
    spec
      .givenCommands(enterpriseOwned)
      .when(failed(actors.principal, 'p-principal', { newDeadline: '2024-04-15' }))
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'open', deadline: '2024-04-15' }),
      );
    // The safety officer sends it back under the old deadline; the principal then extends it.
    spec
      .givenCommands([...enterpriseOwned, failed(actors.safetyOfficer, 'p-so-1', {})])
      .when({
        type: 'ExtendRectificationDeadline',
        actor: actors.principal,
        newDeadline: '2024-04-15',
        reason: 'the fix failed its check',
      })
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'open', deadline: '2024-04-15' }),
      );
  });
});

describe('closure', () => {
  it('H-20 a major closes only on a regulator verification with every prerequisite met', () => {
    const passed = verify(actors.officers[0], ['p-enf-1', 'p-enf-2']);
    // Without the report (the enterprise found it), disclosure or plan the hazard stays verified.
    const bare = [kit.registerMajor(), kit.plan(), kit.complete()];
    spec
      .givenCommands(bare)
      .when(passed)
      .thenState((state) => expect(state.status).toBe('verified'));
    const blocked = spec
      .givenCommands([...bare, passed])
      .when({ type: 'CloseHazard', actor: actors.officers[0] })
      .thenViolates('H-20', 'ClosureBlocked');
    expect(blocked.details).toEqual({ missing: ['known_to_regulator', 'workforce_disclosure'] });
    // The disclosure then the report complete it: the report closes the hazard in the same commit.
    spec
      .givenCommands([
        ...bare,
        passed,
        { type: 'DiscloseMajorHazardToWorkforce', actor: actors.principal, forum: 'notice_board' },
      ])
      .when(kit.report())
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual(['MajorHazardReported', 'HazardClosed']);
        expect(state.status).toBe('closed');
      });
    // Explicit closure once a policy change lifts the last prerequisite.
    const noDisclosure = createHazardDecider({
      directory: kit.directory,
      policy: createSupervisionPolicy({ requireWorkforceDisclosureForMajor: false }),
    });
    const history = deciderSpec(decider, { now: sampleNow, streamId: 'hazard-h-1' });
    const state = [...bare, kit.report(), passed];
    history
      .givenCommands(state)
      .when({ type: 'CloseHazard', actor: actors.officers[0] })
      .thenViolates('H-20', 'ClosureBlocked');
    deciderSpec(noDisclosure, { now: sampleNow, streamId: 'hazard-h-1' })
      .given(historyEvents(state))
      .when({ type: 'CloseHazard', actor: actors.officers[1] })
      .thenState((s, events) => {
        expect(events).toEqual([
          { type: 'HazardClosed', data: expect.objectContaining({ basisVerificationVersion: 5 }) },
        ]);
        expect(s.status).toBe('closed');
      });
    deciderSpec(noDisclosure, { now: sampleNow, streamId: 'hazard-h-1' })
      .given(historyEvents(state))
      .when({ type: 'CloseHazard', actor: actors.principal })
      .thenViolates('H-19', 'Forbidden');
  });

  it('H-20 a downgrade that lifts the last blocker closes the hazard in the same decision', () => {
    const passed = verify(actors.officers[0], ['p-enf-1', 'p-enf-2']);
    spec
      .givenCommands([kit.registerMajor(), kit.plan(), kit.complete(), passed])
      .when({
        type: 'RegradeHazard',
        actor: actors.head,
        to: 'general',
        reason: 'below the major threshold',
      })
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual(['HazardRegraded', 'HazardClosed']);
        expect(state).toMatchObject({ status: 'closed', grade: 'general' });
      });
  });

  it('H-20 an active suspension keeps even a general hazard from closing', () => {
    const history = [
      kit.registerGeneral(),
      { type: 'SuspendOperations', actor: actors.principal, scope: 'partial' } as HazardCommand,
      kit.complete(),
    ];
    spec
      .givenCommands(history)
      .when(verify(actors.safetyOfficer, ['p-so-1']))
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual(['RectificationVerified']);
        expect(state.status).toBe('verified');
      });
  });
});

describe('voiding and referral', () => {
  it('H-23 void before any completion, with a reason, by the finder side; never a listed hazard', () => {
    const voidBy = (
      actor: (typeof actors)['worker'],
      reason = 'duplicate entry',
    ): HazardCommand => ({ type: 'VoidHazard', actor, reason });
    spec
      .givenCommands([kit.registerGeneral()])
      .when(voidBy(actors.principal, ''))
      .thenViolates('H-23', 'ReasonRequired');
    spec
      .givenCommands([kit.registerGeneral()])
      .when(voidBy(actors.safetyOfficer))
      .thenViolates('H-23', 'Forbidden');
    spec
      .givenCommands([kit.registerGeneral()])
      .when(voidBy(actors.principal))
      .thenState((s) =>
        expect(s).toMatchObject({ status: 'voided', voidReason: 'duplicate entry' }),
      );
    spec
      .givenCommands([kit.registerGeneral(), kit.complete()])
      .when(voidBy(actors.principal))
      .thenViolates('H-23', 'AlreadyRectified');
    spec
      .givenCommands([kit.registerMajor()])
      .when(voidBy(actors.principal))
      .thenViolates('H-23', 'Forbidden');
    spec
      .givenCommands([kit.registerMajor()])
      .when(voidBy(actors.head))
      .thenState((s) => expect(s.status).toBe('voided'));
    const listed: HazardCommand = {
      type: 'ListForSupervision',
      actor: actors.districtOffice,
      level: 'district',
      authorityOrgId: 'org-committee-district',
      listingRef: 'D-1',
    };
    spec
      .givenCommands([kit.registerMajor(), listed])
      .when(voidBy(actors.head))
      .thenViolates('H-23', 'ListedHazardCannotBeVoided');
    const regulatorFound = [
      kit.registerGeneral({ actor: actors.industryOfficer, source: 'regulator_inspection' }),
    ];
    spec.givenCommands(regulatorFound).when(voidBy(actors.head)).thenViolates('H-23', 'Forbidden');
    spec
      .givenCommands(regulatorFound)
      .when(voidBy(actors.industryHead))
      .thenState((s) => expect(s.status).toBe('voided'));
  });

  it('H-28 an officer of the supervising regulator refers an open hazard; the deadline follows', () => {
    const found = [kit.registerGeneral({ actor: actors.officers[0], source: 'spot_check' })];
    const refer = (actor = actors.officers[1], toOrgId = 'org-industry'): HazardCommand => ({
      type: 'ReferHazard',
      actor,
      toOrgId,
      reason: 'sector remit',
    });
    spec
      .givenCommands(found)
      .when(refer())
      .thenState((state) =>
        expect(state).toMatchObject({
          supervisingOrgId: 'org-industry',
          deadlineOwner: { kind: 'regulator', orgId: 'org-industry' },
          referrals: [{ fromOrgId: 'org-safety', toOrgId: 'org-industry' }],
        }),
      );
    spec.givenCommands(found).when(refer(actors.industryOfficer)).thenViolates('H-28', 'Forbidden');
    spec
      .givenCommands([...found, kit.complete()])
      .when(refer())
      .thenViolates('H-28', 'NotOpen');
    spec
      .givenCommands(found)
      .when(refer(actors.officers[1], 'org-committee-district'))
      .thenThrows();
    // An enterprise-owned deadline stays with the enterprise.
    spec
      .givenCommands([kit.registerGeneral()])
      .when(refer())
      .thenState((state) =>
        expect(state).toMatchObject({
          supervisingOrgId: 'org-industry',
          deadlineOwner: { kind: 'enterprise' },
        }),
      );
  });
});

function historyEvents(commands: readonly HazardCommand[]) {
  const events = [];
  let state = decider.initialState();
  for (const [version, command] of commands.entries()) {
    for (const event of [
      decider.decide(command, state, { now: sampleNow, streamId: 'hazard-h-1', version }),
    ].flat()) {
      events.push(event);
      state = decider.evolve(state, event);
    }
  }
  return events;
}
