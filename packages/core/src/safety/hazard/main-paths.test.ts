import { actorFor, createSampleSafetyDirectory, deciderSpec } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import { type HazardState, isRegisteredHazard } from './state.js';

const directory = createSampleSafetyDirectory();
const policy = createSupervisionPolicy();
const decider = createHazardDecider({ directory, policy });
// 10:00 in Asia/Shanghai on 2024-03-01.
const now = new Date('2024-03-01T02:00:00.000Z');
const spec = deciderSpec(decider, { now, streamId: 'hazard-h-1' });

const worker = actorFor(directory, 'p-worker');
const officer1 = actorFor(directory, 'p-so-1');
const officer2 = actorFor(directory, 'p-so-2');
const principal = actorFor(directory, 'p-principal');
const enf1 = actorFor(directory, 'p-enf-1');
const enf3 = actorFor(directory, 'p-enf-3');
const head = actorFor(directory, 'p-safety-head');
const districtOffice = actorFor(directory, 'p-cmo-district');
const cityOffice = actorFor(directory, 'p-cmo-city');
const at = now.toISOString();
const base = (actor: typeof worker) => ({ hazardId: 'h-1', occurredAt: at, actor });

const registerGeneral = {
  type: 'RegisterHazard',
  actor: officer1,
  hazardId: 'h-1',
  subject: { kind: 'enterprise', id: 'ent-chem' },
  description: 'Fire exit blocked by pallets',
  location: 'Warehouse B',
  nature: 'unsafe_condition',
  grade: 'general',
  source: 'self_inspection',
  campaignIds: ['ROOT'],
} satisfies HazardCommand;

const registered = (
  overrides: Partial<Extract<HazardEvent, { type: 'HazardRegistered' }>['data']>,
): HazardEvent => ({
  type: 'HazardRegistered',
  data: {
    ...base(officer1),
    subject: { kind: 'enterprise', id: 'ent-chem' },
    responsible: { kind: 'enterprise', id: 'ent-chem' },
    areaId: 'area-park',
    sectorCode: 'C26',
    venueCategory: null,
    specialties: [],
    description: 'Fire exit blocked by pallets',
    location: 'Warehouse B',
    nature: 'unsafe_condition',
    grade: 'general',
    majorBasis: null,
    source: 'self_inspection',
    discoveredBy: officer1,
    inspectionId: null,
    findingId: null,
    supervisionItemId: null,
    campaignIds: ['ROOT'],
    deadline: '2024-03-01',
    deadlineOwner: { kind: 'enterprise' },
    rectificationOrderNo: null,
    supervisingOrgId: 'org-safety',
    safetyNotAssured: false,
    recurrenceOf: null,
    rectifiedOnSpot: false,
    ...overrides,
  },
});

describe('a general hazard fixed on the spot', () => {
  it('registers and completes in one decision, then a different enterprise person verifies and closes it', () => {
    const onSpot = {
      ...registerGeneral,
      rectifiedOnSpot: { actionsTaken: 'pallets moved', evidenceRefs: ['photo-1'] },
    };
    spec
      .given([])
      .when(onSpot)
      .thenEmits([
        registered({ rectifiedOnSpot: true }),
        {
          type: 'RectificationCompleted',
          data: {
            ...base(officer1),
            completedAt: at,
            actionsTaken: 'pallets moved',
            evidenceRefs: ['photo-1'],
            costCny: null,
            onSpot: true,
          },
        },
      ]);
    spec
      .givenCommands([onSpot])
      .when({
        type: 'VerifyRectification',
        actor: officer2,
        outcome: 'passed',
        kind: 'internal_check',
        verifierIds: ['p-so-2'],
      })
      .thenEmits([
        {
          type: 'RectificationVerified',
          data: {
            ...base(officer2),
            outcome: 'passed',
            kind: 'internal_check',
            verifierIds: ['p-so-2'],
            expertIds: [],
            notes: '',
            newDeadline: null,
            byRegulator: false,
          },
        },
        { type: 'HazardClosed', data: { ...base(officer2), basisVerificationVersion: 3 } },
      ]);
  });
});

describe('a general hazard with a deadline and an extension', () => {
  const history: HazardCommand[] = [
    { ...registerGeneral, deadline: '2024-03-10' },
    {
      type: 'ExtendRectificationDeadline',
      actor: principal,
      newDeadline: '2024-03-20',
      reason: 'parts on order',
    },
    {
      type: 'CompleteRectification',
      actor: officer2,
      actionsTaken: 'racking installed',
      evidenceRefs: ['photo-2'],
    },
  ];

  it('extends the deadline by its owner, keeping the original one', () => {
    spec
      .givenCommands(history.slice(0, 1))
      .when(history[1]!)
      .thenState((state) => {
        expect(state).toMatchObject({
          deadline: '2024-03-20',
          originalDeadline: '2024-03-10',
          status: 'open',
        });
      });
  });

  it('is completed, verified by another safety officer and closed', () => {
    spec
      .givenCommands(history)
      .when({
        type: 'VerifyRectification',
        actor: officer1,
        outcome: 'passed',
        kind: 'acceptance',
        verifierIds: ['p-so-1'],
      })
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual([
          'RectificationVerified',
          'HazardClosed',
        ]);
        expect(state.status).toBe('closed');
      });
  });
});

describe('a major hazard through the whole closed loop', () => {
  const registerMajor: HazardCommand = {
    ...registerGeneral,
    description: 'Corroded chlorine line',
    grade: 'major',
    majorBasis: { standardId: 'AJ-2017-121', clause: '8' },
    deadline: '2024-04-30',
    safetyNotAssured: true,
    campaignIds: ['ROOT', 'MAJOR24'],
  };
  const plan = {
    type: 'SubmitRectificationPlan',
    actor: principal,
    objectives: 'replace the line',
    measures: ['isolate', 'replace', 'pressure-test'],
    funding: { amountCny: 180_000, source: 'capital budget' },
    responsibleOrgUnit: 'maintenance',
    responsiblePersonId: 'p-so-1',
    deadline: '2024-04-20',
    safetyMeasures: 'cordon, gas monitoring',
    contingencyPlanRef: 'EP-CL-3',
  } satisfies HazardCommand;
  const assess = {
    type: 'RecordRectificationAssessment',
    actor: principal,
    assessorKind: 'qualified_agency',
    agencyName: 'Provincial chemical safety institute',
    reportRef: 'AR-17',
    conclusion: 'meets',
  } satisfies HazardCommand;
  const steps: HazardCommand[] = [
    registerMajor,
    {
      type: 'ReportMajorHazard',
      actor: principal,
      recipientOrgIds: ['org-safety'],
      statusAndCause: 'wall thinning from corrosion',
      severityAndDifficulty: 'toxic release risk; needs shutdown',
      planSummary: 'replace line during shutdown',
    },
    { type: 'DiscloseMajorHazardToWorkforce', actor: officer1, forum: 'workers_congress' },
    plan,
    {
      type: 'ListForSupervision',
      actor: districtOffice,
      level: 'district',
      authorityOrgId: 'org-committee-district',
      listingRef: 'D-2024-3',
      publicized: true,
    },
    {
      type: 'ListForSupervision',
      actor: cityOffice,
      level: 'city',
      authorityOrgId: 'org-committee-city',
      listingRef: 'C-2024-1',
    },
    {
      type: 'SuspendOperations',
      actor: enf1,
      scope: 'facility',
      facilityRef: 'chlorine unit',
      approvedBy: 'p-safety-head',
      orderRef: 'SO-9',
    },
    {
      type: 'CompleteRectification',
      actor: officer2,
      actionsTaken: 'line replaced',
      evidenceRefs: ['ndt-report-1'],
    },
    assess,
    { type: 'RequestVerification', actor: officer1, purpose: 'resumption' },
    {
      type: 'VerifyRectification',
      actor: enf1,
      outcome: 'failed',
      kind: 'resumption_review',
      verifierIds: ['p-enf-1', 'p-enf-2'],
      notes: 'weld defect',
    },
    {
      type: 'CompleteRectification',
      actor: officer2,
      actionsTaken: 'weld redone',
      evidenceRefs: ['ndt-report-2'],
    },
    assess,
    { type: 'RequestVerification', actor: officer1, purpose: 'resumption' },
    {
      type: 'VerifyRectification',
      actor: enf3,
      outcome: 'passed',
      kind: 'resumption_review',
      verifierIds: ['p-enf-3', 'p-enf-1'],
      expertIds: ['p-expert-1'],
    },
    { type: 'DelistHazard', actor: districtOffice, level: 'district', ref: 'D-2024-3-off' },
    { type: 'ApproveResumption', actor: head, decisionRef: 'RES-4' },
  ];

  it('stays open after the failed verification and counts the failure', () => {
    spec
      .givenCommands(steps.slice(0, 10))
      .when(steps[10]!)
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'open', verificationFailures: 1 });
      });
  });

  it('is verified but not closed while a listing or the suspension remains', () => {
    spec
      .givenCommands(steps.slice(0, 14))
      .when(steps[14]!)
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual(['RectificationVerified']);
        expect(state.status).toBe('verified');
      });
    spec
      .givenCommands(steps.slice(0, 16))
      .when(steps[16]!)
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual(['OperationsResumed']);
        expect(state.status).toBe('verified');
      });
  });

  it('closes with the last delisting, in the same decision', () => {
    spec
      .givenCommands(steps)
      .when({ type: 'DelistHazard', actor: cityOffice, level: 'city', ref: 'C-2024-1-off' })
      .thenState((state: HazardState, events) => {
        expect(events.map((event) => event.type)).toEqual(['HazardDelisted', 'HazardClosed']);
        expect(events[1]?.data).toMatchObject({ basisVerificationVersion: 15 });
        if (!isRegisteredHazard(state)) throw new Error('unregistered');
        expect(state).toMatchObject({
          status: 'closed',
          grade: 'major',
          knownToRegulator: true,
          verificationFailures: 1,
          completions: 2,
          suspension: { active: false, decisionRef: 'RES-4' },
        });
        expect(state.listings.every((listing) => listing.delistedAt !== null)).toBe(true);
      });
  });

  it('closes at once when the passing verification meets the last prerequisite', () => {
    const withoutListingsOrSuspension = [
      steps[0]!,
      steps[1]!,
      steps[2]!,
      steps[3]!,
      { ...steps[7]!, actor: officer2 },
    ];
    spec
      .givenCommands([
        { ...registerMajor, safetyNotAssured: false },
        ...withoutListingsOrSuspension.slice(1),
      ])
      .when({
        type: 'VerifyRectification',
        actor: enf1,
        outcome: 'passed',
        kind: 'acceptance',
        verifierIds: ['p-enf-1', 'p-enf-2'],
      })
      .thenState((state, events) => {
        expect(events.map((event) => event.type)).toEqual([
          'RectificationVerified',
          'HazardClosed',
        ]);
        expect(state.status).toBe('closed');
      });
  });

  it('keeps the worker out of the loop: a worker registers but does not complete', () => {
    spec
      .givenCommands([{ ...registerGeneral, actor: worker, deadline: '2024-03-05' }])
      .when({
        type: 'CompleteRectification',
        actor: worker,
        actionsTaken: 'moved',
        evidenceRefs: [],
      })
      .thenViolates('G-5', 'Forbidden');
  });
});
