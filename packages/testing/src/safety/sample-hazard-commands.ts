import type {
  CompleteRectification,
  HazardCommand,
  InMemoryDirectory,
  RegisterHazard,
  ReportMajorHazard,
  SafetyActor,
  SubmitRectificationPlan,
} from '@safeledger/core';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

/** The recording time the sample commands are written for: 2024-03-01 10:00 in Asia/Shanghai. */
export const sampleNow = new Date('2024-03-01T02:00:00.000Z');

/** Ready-made commands on the sample directory, for specs and demos; override any field. */
export interface SampleHazardCommands {
  readonly directory: InMemoryDirectory;
  /** Actors of the sample directory by part they play. */
  readonly actors: {
    readonly worker: SafetyActor;
    readonly safetyOfficer: SafetyActor;
    readonly safetyOfficer2: SafetyActor;
    readonly principal: SafetyActor;
    readonly officers: readonly [SafetyActor, SafetyActor, SafetyActor];
    readonly head: SafetyActor;
    readonly legalReviewer: SafetyActor;
    readonly industryOfficer: SafetyActor;
    readonly industryHead: SafetyActor;
    readonly territorialOfficer: SafetyActor;
    readonly gridPatroller: SafetyActor;
    readonly territorialHead: SafetyActor;
    readonly fireAdvisor: SafetyActor;
    readonly venueOperator: SafetyActor;
    readonly landlordSafetyOfficer: SafetyActor;
    readonly landlordPrincipal: SafetyActor;
    readonly districtOffice: SafetyActor;
    readonly cityOffice: SafetyActor;
    readonly farOfficer: SafetyActor;
    readonly farHead: SafetyActor;
    readonly farPrincipal: SafetyActor;
    readonly expert: SafetyActor;
  };
  /** A general hazard the chemical works found itself, due 2024-03-31. */
  registerGeneral(overrides?: Partial<RegisterHazard>): RegisterHazard;
  /** A major hazard the chemical works found itself, due 2024-04-30. */
  registerMajor(overrides?: Partial<RegisterHazard>): RegisterHazard;
  /** The Principal's complete report to the district safety bureau (H-12). */
  report(overrides?: Partial<ReportMajorHazard>): ReportMajorHazard;
  /** A plan with the five elements (H-13), due 2024-04-20. */
  plan(overrides?: Partial<SubmitRectificationPlan>): SubmitRectificationPlan;
  /** Completion reported by the second safety officer, with evidence. */
  complete(overrides?: Partial<CompleteRectification>): CompleteRectification;
  /** Report, workforce disclosure and plan: what a self-found major needs before closure. */
  majorPrerequisites(): HazardCommand[];
  /** A passing regulator verification by two officers of the district safety bureau. */
  regulatorVerification(outcome?: 'passed' | 'failed'): HazardCommand;
}

/** Builds the sample command kit over `createSampleSafetyDirectory()` (or an equal directory). */
export function sampleHazardCommands(
  directory: InMemoryDirectory = createSampleSafetyDirectory(),
): SampleHazardCommands {
  const a = (id: string) => actorFor(directory, id);
  const actors = {
    worker: a('p-worker'),
    safetyOfficer: a('p-so-1'),
    safetyOfficer2: a('p-so-2'),
    principal: a('p-principal'),
    officers: [a('p-enf-1'), a('p-enf-2'), a('p-enf-3')] as const,
    head: a('p-safety-head'),
    legalReviewer: a('p-legal'),
    industryOfficer: a('p-ind-1'),
    industryHead: a('p-ind-head'),
    territorialOfficer: a('p-terr-1'),
    gridPatroller: a('p-grid-1'),
    territorialHead: a('p-terr-head'),
    fireAdvisor: a('p-fire-adv'),
    venueOperator: a('p-venue-op'),
    landlordSafetyOfficer: a('p-ll-so'),
    landlordPrincipal: a('p-ll-principal'),
    districtOffice: a('p-cmo-district'),
    cityOffice: a('p-cmo-city'),
    farOfficer: a('p-far-enf-1'),
    farHead: a('p-far-head'),
    farPrincipal: a('p-far-principal'),
    expert: a('p-expert-1'),
  };
  const registerGeneral = (overrides: Partial<RegisterHazard> = {}): RegisterHazard => ({
    type: 'RegisterHazard',
    actor: actors.safetyOfficer,
    hazardId: 'h-1',
    subject: { kind: 'enterprise', id: 'ent-chem' },
    description: 'Fire exit blocked by pallets',
    location: 'Warehouse B',
    nature: 'unsafe_condition',
    grade: 'general',
    source: 'self_inspection',
    campaignIds: ['ROOT'],
    deadline: '2024-03-31',
    ...overrides,
  });
  const plan = (overrides: Partial<SubmitRectificationPlan> = {}): SubmitRectificationPlan => ({
    type: 'SubmitRectificationPlan',
    actor: actors.principal,
    objectives: 'replace the corroded line',
    measures: ['isolate', 'replace', 'pressure-test'],
    funding: { amountCny: 180_000, source: 'capital budget' },
    responsibleOrgUnit: 'maintenance',
    responsiblePersonId: 'p-so-1',
    deadline: '2024-04-20',
    safetyMeasures: 'cordon and gas monitoring',
    contingencyPlanRef: 'EP-CL-3',
    ...overrides,
  });
  const report = (overrides: Partial<ReportMajorHazard> = {}): ReportMajorHazard => ({
    type: 'ReportMajorHazard',
    actor: actors.principal,
    recipientOrgIds: ['org-safety'],
    statusAndCause: 'wall thinning from corrosion',
    severityAndDifficulty: 'toxic release risk; needs a shutdown',
    planSummary: 'replace the line during a shutdown',
    ...overrides,
  });
  return {
    directory,
    actors,
    registerGeneral,
    registerMajor: (overrides = {}) =>
      registerGeneral({
        description: 'Corroded chlorine line',
        grade: 'major',
        majorBasis: { standardId: 'AJ-2017-121', clause: '8' },
        deadline: '2024-04-30',
        campaignIds: ['ROOT', 'MAJOR24'],
        ...overrides,
      }),
    report,
    plan,
    complete: (overrides = {}) => ({
      type: 'CompleteRectification',
      actor: actors.safetyOfficer2,
      actionsTaken: 'line replaced',
      evidenceRefs: ['ndt-report-1'],
      ...overrides,
    }),
    majorPrerequisites: () => [
      report(),
      {
        type: 'DiscloseMajorHazardToWorkforce',
        actor: actors.safetyOfficer,
        forum: 'workers_congress',
      },
      plan(),
    ],
    regulatorVerification: (outcome = 'passed') => ({
      type: 'VerifyRectification',
      actor: actors.officers[0],
      outcome,
      kind: 'regulator_review',
      verifierIds: ['p-enf-1', 'p-enf-2'],
    }),
  };
}
