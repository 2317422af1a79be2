import { deciderSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';

const kit = sampleHazardCommands();
const { actors } = kit;
const decider = createHazardDecider({ directory: kit.directory });
const spec = deciderSpec(decider, { now: sampleNow, streamId: 'hazard-h-1' });

const listDistrict: HazardCommand = {
  type: 'ListForSupervision',
  actor: actors.districtOffice,
  level: 'district',
  authorityOrgId: 'org-committee-district',
  listingRef: 'D-1',
};
const suspendByOrder: HazardCommand = {
  type: 'SuspendOperations',
  actor: actors.officers[0],
  scope: 'whole',
  approvedBy: 'p-safety-head',
};
const assessment = (conclusion: 'meets' | 'does_not_meet'): HazardCommand => ({
  type: 'RecordRectificationAssessment',
  actor: actors.principal,
  assessorKind: 'internal_experts',
  reportRef: 'AR-1',
  conclusion,
});

describe('grade rules', () => {
  it('H-9 only a regulator AuthorityHead downgrades, and not while listed (DelistFirst)', () => {
    const downgrade = (actor = actors.head): HazardCommand => ({
      type: 'RegradeHazard',
      actor,
      to: 'general',
      reason: 'reassessed',
    });
    spec
      .givenCommands([kit.registerMajor()])
      .when(downgrade(actors.principal))
      .thenViolates('H-9', 'Forbidden');
    spec
      .givenCommands([kit.registerMajor()])
      .when(downgrade(actors.officers[0]))
      .thenViolates('H-9', 'Forbidden');
    spec
      .givenCommands([kit.registerMajor()])
      .when(downgrade(actors.farHead))
      .thenViolates('H-9', 'Forbidden');
    const error = spec
      .givenCommands([kit.registerMajor(), listDistrict])
      .when(downgrade())
      .thenViolates('H-9', 'DelistFirst');
    expect(error.details).toEqual({ levels: ['district'] });
    spec
      .givenCommands([kit.registerMajor()])
      .when(downgrade())
      .thenState((state) =>
        expect(state).toMatchObject({ grade: 'general', majorBasis: null, majorSince: null }),
      );
  });

  it('H-10 upgrade by the Principal or a regulator officer while open or awaiting verification', () => {
    const upgrade = (actor = actors.principal): HazardCommand => ({
      type: 'RegradeHazard',
      actor,
      to: 'major',
      basis: { standardId: 'MEM-2023-10', clause: '3(1)' },
      reason: 'meets the standard',
    });
    spec
      .givenCommands([kit.registerGeneral()])
      .when(upgrade(actors.safetyOfficer))
      .thenViolates('H-10', 'Forbidden');
    spec
      .givenCommands([kit.registerGeneral(), kit.complete()])
      .when(upgrade(actors.industryOfficer))
      .thenState((state) =>
        expect(state).toMatchObject({
          grade: 'major',
          status: 'awaiting_verification',
          majorSince: sampleNow.toISOString(),
        }),
      );
    const verified: HazardCommand[] = [
      kit.registerGeneral(),
      kit.complete(),
      suspendByOrder,
      {
        type: 'VerifyRectification',
        actor: actors.safetyOfficer,
        outcome: 'passed',
        kind: 'internal_check',
        verifierIds: ['p-so-1'],
      },
    ];
    spec.givenCommands(verified).when(upgrade()).thenViolates('H-10', 'UpgradeNotAllowed');
    // After an upgrade the major prerequisites apply: an enterprise check no longer verifies it.
    spec
      .givenCommands([kit.registerGeneral(), kit.complete(), upgrade()])
      .when({
        type: 'VerifyRectification',
        actor: actors.safetyOfficer,
        outcome: 'passed',
        kind: 'internal_check',
        verifierIds: ['p-so-1'],
      })
      .thenViolates('H-18', 'RegulatorVerifierRequired');
  });
});

describe('report, disclosure and plan', () => {
  it('H-11 the Principal reports a major to its supervising regulator, which makes it known', () => {
    spec.givenCommands([kit.registerGeneral()]).when(kit.report()).thenViolates('H-11', 'NotMajor');
    spec
      .givenCommands([kit.registerMajor()])
      .when(kit.report({ actor: actors.safetyOfficer }))
      .thenViolates('H-11', 'Forbidden');
    spec
      .givenCommands([kit.registerMajor()])
      .when(kit.report({ recipientOrgIds: ['org-industry'] }))
      .thenViolates('H-11', 'SupervisingOrgNotARecipient');
    spec
      .givenCommands([kit.registerMajor()])
      .when(kit.report())
      .thenState((state) =>
        expect(state).toMatchObject({
          knownToRegulator: true,
          reportedToRegulatorAt: sampleNow.toISOString(),
        }),
      );
    spec
      .given([])
      .when(kit.registerMajor({ actor: actors.officers[0], source: 'enforcement_inspection' }))
      .thenState((state) => expect(state).toMatchObject({ knownToRegulator: true }));
    spec
      .givenCommands([kit.registerMajor()])
      .when({ type: 'DiscloseMajorHazardToWorkforce', actor: actors.worker, forum: 'notice_board' })
      .thenViolates('H-11', 'Forbidden');
  });

  it('H-12 the report states status and cause, severity and difficulty, and the plan', () => {
    const error = spec
      .givenCommands([kit.registerMajor()])
      .when(kit.report({ statusAndCause: ' ', planSummary: '', recipientOrgIds: [] }))
      .thenViolates('H-12', 'IncompleteReport');
    expect(error.details).toEqual({
      missing: ['recipientOrgIds', 'statusAndCause', 'planSummary or planRef'],
    });
    spec
      .givenCommands([kit.registerMajor()])
      .when(kit.report({ planSummary: '', planRef: 'PLAN-7' }))
      .thenState((state) => expect(state).toMatchObject({ knownToRegulator: true }));
  });

  it('H-13 a major plan must contain the five elements plus objectives and safety measures', () => {
    const error = spec
      .givenCommands([kit.registerMajor()])
      .when(
        kit.plan({
          funding: { amountCny: 0, source: 'budget' },
          measures: [' '],
          contingencyPlanRef: '',
          responsiblePersonId: '',
        }),
      )
      .thenViolates('H-13', 'IncompletePlan');
    expect(error.details).toEqual({
      missing: ['responsiblePersonId', 'measures', 'funding.amountCny', 'contingencyPlanRef'],
    });
    const { deadline: _d, objectives: _o, safetyMeasures: _s, funding: _f, ...bare } = kit.plan();
    expect(
      spec.givenCommands([kit.registerMajor()]).when(bare).thenViolates('H-13', 'IncompletePlan')
        .details,
    ).toEqual({
      missing: ['funding.amountCny', 'funding.source', 'deadline', 'objectives', 'safetyMeasures'],
    });
    spec
      .givenCommands([kit.registerMajor()])
      .when(kit.plan({ actor: actors.safetyOfficer }))
      .thenViolates('H-13', 'Forbidden');
    // A general hazard's plan is optional and may be partial.
    spec
      .givenCommands([kit.registerGeneral()])
      .when({
        type: 'SubmitRectificationPlan',
        actor: actors.safetyOfficer,
        measures: ['move pallets'],
      })
      .thenState((state) =>
        expect(state).toMatchObject({
          plan: { measures: ['move pallets'], funding: { amountCny: null } },
        }),
      );
  });

  it('H-14 the plan deadline is not after the effective deadline', () => {
    const error = spec
      .givenCommands([kit.registerMajor()])
      .when(kit.plan({ deadline: '2024-05-01' }))
      .thenViolates('H-14', 'PlanExceedsDeadline');
    expect(error.details).toEqual({ planDeadline: '2024-05-01', effectiveDeadline: '2024-04-30' });
    spec
      .givenCommands([
        kit.registerMajor(),
        {
          type: 'ExtendRectificationDeadline',
          actor: actors.principal,
          newDeadline: '2024-05-15',
          reason: 'long lead item',
        },
      ])
      .when(kit.plan({ deadline: '2024-05-01' }))
      .thenState((state) => expect(state).toMatchObject({ plan: { deadline: '2024-05-01' } }));
  });
});

describe('rectification', () => {
  it('H-15 completing a major needs a complete plan and evidence', () => {
    spec
      .givenCommands([kit.registerMajor()])
      .when(kit.complete())
      .thenViolates('H-15', 'PlanRequired');
    spec
      .givenCommands([kit.registerMajor(), kit.plan()])
      .when(kit.complete({ evidenceRefs: [] }))
      .thenViolates('H-15', 'EvidenceRequired');
    spec
      .givenCommands([kit.registerMajor(), kit.plan()])
      .when(kit.complete())
      .thenState((s) => expect(s.status).toBe('awaiting_verification'));
  });

  it('H-16 if safety is not assured, completion needs a suspension or an evacuation first', () => {
    const unsafe = kit.registerGeneral({ safetyNotAssured: true });
    spec.givenCommands([unsafe]).when(kit.complete()).thenViolates('H-16', 'SafetyNotAssured');
    spec
      .givenCommands([
        unsafe,
        {
          type: 'RecordInterimControls',
          actor: actors.safetyOfficer,
          measures: ['cordoned', 'signage'],
        },
      ])
      .when(kit.complete())
      .thenViolates('H-16', 'SafetyNotAssured');
    spec
      .givenCommands([
        unsafe,
        { type: 'RecordInterimControls', actor: actors.safetyOfficer, measures: ['evacuated'] },
      ])
      .when(kit.complete())
      .thenState((s) => expect(s.status).toBe('awaiting_verification'));
    spec
      .givenCommands([unsafe, suspendByOrder])
      .when(kit.complete())
      .thenState((s) => expect(s.status).toBe('awaiting_verification'));
  });

  it('H-17 a suspended major requests resumption only after an assessment that meets', () => {
    const resume: HazardCommand = {
      type: 'RequestVerification',
      actor: actors.safetyOfficer,
      purpose: 'resumption',
    };
    const suspended = [
      kit.registerMajor(),
      ...kit.majorPrerequisites(),
      suspendByOrder,
      kit.complete(),
    ];
    spec.givenCommands(suspended).when(resume).thenViolates('H-17', 'AssessmentRequired');
    spec
      .givenCommands([...suspended, assessment('does_not_meet')])
      .when(resume)
      .thenViolates('H-17', 'AssessmentRequired');
    spec
      .givenCommands([...suspended, assessment('meets')])
      .when(resume)
      .thenState((s) =>
        expect(s).toMatchObject({ verificationRequest: { purpose: 'resumption' } }),
      );
    spec
      .givenCommands([kit.registerMajor(), kit.plan(), kit.complete()])
      .when(resume)
      .thenViolates('H-17', 'NotSuspended');
    spec
      .givenCommands([kit.registerGeneral(), kit.complete()])
      .when(assessment('meets'))
      .thenViolates('H-17', 'NotMajor');
    spec
      .givenCommands(suspended)
      .when({ ...assessment('meets'), assessorKind: 'qualified_agency' } as HazardCommand)
      .thenViolates('H-17', 'AgencyNameRequired');
  });
});

describe('listing, delisting and resumption', () => {
  it('H-24 only majors are listed, once per level, by the authority of that level', () => {
    spec.givenCommands([kit.registerGeneral()]).when(listDistrict).thenViolates('H-24', 'NotMajor');
    spec
      .givenCommands([kit.registerMajor(), listDistrict])
      .when(listDistrict)
      .thenViolates('H-24', 'AlreadyListedAtLevel');
    spec
      .givenCommands([kit.registerMajor()])
      .when({ ...listDistrict, level: 'city' })
      .thenViolates('H-24', 'Forbidden');
    spec
      .givenCommands([kit.registerMajor()])
      .when({ ...listDistrict, actor: actors.officers[0] })
      .thenViolates('H-24', 'Forbidden');
    spec
      .givenCommands([kit.registerMajor(), listDistrict])
      .when({
        type: 'ListForSupervision',
        actor: actors.cityOffice,
        level: 'city',
        authorityOrgId: 'org-committee-city',
        listingRef: 'C-1',
        supervisingOrgId: 'org-industry',
      })
      .thenState((state) => {
        expect(state).toMatchObject({ supervisingOrgId: 'org-industry' });
        expect('listings' in state && state.listings.map((listing) => listing.level)).toEqual([
          'district',
          'city',
        ]);
      });
    // The listing uses the hazard's deadline: it has no date of its own.
    spec
      .givenCommands([kit.registerMajor()])
      .when({ ...listDistrict, deadline: '2024-04-01' } as never)
      .thenThrows();
  });

  it('H-25 delisting needs a passed verification after the latest completion, by the listing authority', () => {
    const listed = [kit.registerMajor(), ...kit.majorPrerequisites(), listDistrict, kit.complete()];
    const delist: HazardCommand = {
      type: 'DelistHazard',
      actor: actors.districtOffice,
      level: 'district',
      ref: 'D-1-off',
    };
    spec.givenCommands(listed).when(delist).thenViolates('H-25', 'VerificationRequired');
    spec
      .givenCommands([
        ...listed,
        kit.regulatorVerification('failed'),
        kit.complete({ actionsTaken: 'redone' }),
      ])
      .when(delist)
      .thenViolates('H-25', 'VerificationRequired');
    const verified = [...listed, kit.regulatorVerification()];
    spec
      .givenCommands(verified)
      .when({ ...delist, actor: actors.cityOffice })
      .thenViolates('H-25', 'Forbidden');
    spec
      .givenCommands(verified)
      .when({ ...delist, level: 'city' })
      .thenViolates('H-25', 'NotListed');
    spec
      .givenCommands(verified)
      .when(delist)
      .thenState((state) => expect(state.status).toBe('closed'));
  });

  it('H-26 resumption needs a passed verification, approved by the suspending authority', () => {
    const suspended = [
      kit.registerGeneral({ actor: actors.officers[0], source: 'regulator_inspection' }),
      suspendByOrder,
      kit.complete(),
    ];
    const approve = (actor = actors.head): HazardCommand => ({
      type: 'ApproveResumption',
      actor,
      decisionRef: 'R-1',
    });
    spec.givenCommands(suspended).when(approve()).thenViolates('H-26', 'VerificationRequired');
    const verified = [
      ...suspended,
      { ...kit.regulatorVerification(), kind: 'acceptance' } as HazardCommand,
    ];
    spec.givenCommands(verified).when(approve(actors.principal)).thenViolates('H-26', 'Forbidden');
    spec
      .givenCommands(verified)
      .when(approve())
      .thenState((state) => expect(state.status).toBe('closed'));
    spec
      .givenCommands([kit.registerGeneral()])
      .when(approve())
      .thenViolates('H-26', 'NotSuspended');
    // A self-suspension is lifted by the Principal and cannot displace a regulator order.
    const self: HazardCommand = {
      type: 'SuspendOperations',
      actor: actors.principal,
      scope: 'partial',
    };
    spec
      .givenCommands([kit.registerGeneral(), suspendByOrder])
      .when(self)
      .thenViolates('H-26', 'AlreadySuspended');
    spec
      .givenCommands([
        kit.registerGeneral(),
        self,
        kit.complete(),
        {
          type: 'VerifyRectification',
          actor: actors.safetyOfficer,
          outcome: 'passed',
          kind: 'internal_check',
          verifierIds: ['p-so-1'],
        },
      ])
      .when(approve(actors.principal))
      .thenState((state) => expect(state.status).toBe('closed'));
    // An order needs the approval of the ordering regulator's head.
    spec
      .givenCommands([kit.registerGeneral()])
      .when({ ...suspendByOrder, approvedBy: 'p-enf-2' })
      .thenViolates('G-5', 'Forbidden');
  });
});
