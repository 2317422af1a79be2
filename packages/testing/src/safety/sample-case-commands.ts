import {
  createInMemoryDirectory,
  type DecidePenalty,
  type EnforcementCaseCommand,
  type EnforcementCaseFacts,
  type FileCase,
  type HazardFacts,
  type InMemoryDirectory,
  type Penalty,
  type SafetyActor,
  type ServePreDecisionNotice,
  type SourceInspectionFacts,
} from '@safeledger/core';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

/**
 * The sample district of `createSampleSafetyDirectory` with the people a case needs besides:
 * `p-enf-head` holds both EnforcementOfficer (credentialed) and AuthorityHead roles (for the
 * self-approval rule), `p-enf-nocred` is an EnforcementOfficer without a credential.
 */
export function createSampleCaseDirectory(): InMemoryDirectory {
  const base = createSampleSafetyDirectory();
  return createInMemoryDirectory({
    areas: [...base.areas()],
    organizations: [...base.organizations()],
    enterprises: [...base.enterprises()],
    venues: [...base.venues()],
    sites: [...base.sites()],
    persons: [
      ...base.persons(),
      {
        id: 'p-enf-head',
        name: 'Deputy head and officer',
        roles: ['EnforcementOfficer', 'AuthorityHead'],
        orgId: 'org-safety',
        enforcementCredentialNo: 'E-9',
      },
      {
        id: 'p-enf-nocred',
        name: 'Officer without credential',
        roles: ['EnforcementOfficer'],
        orgId: 'org-safety',
      },
    ],
  });
}

/** Ready-made enforcement-case commands on the sample case directory; override any field. */
export interface SampleCaseCommands {
  readonly directory: InMemoryDirectory;
  readonly actors: {
    /** Proposers of the sample case (p-enf-1, p-enf-2). */
    readonly officers: readonly [SafetyActor, SafetyActor];
    /** A credentialed officer who did not investigate: may preside a hearing (p-enf-3). */
    readonly hearingOfficer: SafetyActor;
    readonly head: SafetyActor;
    readonly legalReviewer: SafetyActor;
    readonly uncredentialed: SafetyActor;
    readonly farHead: SafetyActor;
    readonly principal: SafetyActor;
  };
  /**
   * Case `c-1`, number `2024-001` of the district safety bureau, against the chemical works
   * (`U`, unit) and its principal (`P`, individual), filed by p-enf-1 and p-enf-2, approved by the head.
   */
  file(overrides?: Partial<FileCase>): FileCase;
  /** Evidence taken by both proposers. */
  evidence(): EnforcementCaseCommand;
  /** A notice to one respondent with the given penalties (default: a 30 000 CNY fine under WSL2021-102 on `U`). */
  notice(
    respondentRef?: string,
    penalties?: readonly Omit<Penalty, 'respondentRef'>[],
    overrides?: Partial<ServePreDecisionNotice>,
  ): ServePreDecisionNotice;
  /** A decision with the given penalties (default: the default notice's fine). */
  decide(penalties?: readonly Penalty[], overrides?: Partial<DecidePenalty>): DecidePenalty;
  /** Legal review with the given opinion (default approve). */
  review(opinion?: 'approve' | 'revise'): EnforcementCaseCommand;
  /** Serves the decision on one respondent. */
  serve(respondentRef: string): EnforcementCaseCommand;
  /** Records a penalty paid. */
  perform(penaltyRef: string): EnforcementCaseCommand;
  /** Closes the case. */
  close(): EnforcementCaseCommand;
  /** A fine of `amountCny` on a respondent under a provision (default WSL2021-102). */
  fine(respondentRef: string, amountCny: number, basisProvision?: string): Penalty;
  /**
   * Facts `prepare` would load, from a fixed set of hazards and inspections: `h-chem-major`
   * (major, ent-chem), `h-chem-general`, `h-landlord` (ent-landlord), `h-voided`; inspections
   * `insp-enf` (enforcement) and `insp-service` (service_guidance).
   */
  facts(command: EnforcementCaseCommand): EnforcementCaseFacts;
  readonly hazards: Readonly<Record<string, HazardFacts>>;
  readonly inspections: Readonly<Record<string, SourceInspectionFacts>>;
}

const hazard = (
  hazardId: string,
  enterpriseId: string,
  grade: HazardFacts['grade'],
  status: HazardFacts['status'] = 'open',
): HazardFacts => ({ hazardId, enterpriseId, grade, status, suspended: false });

/** The sample enforcement-case commands (see `SampleCaseCommands`). */
export function sampleCaseCommands(): SampleCaseCommands {
  const directory = createSampleCaseDirectory();
  const actor = (id: string, role?: SafetyActor['role']) => actorFor(directory, id, role);
  const actors = {
    officers: [actor('p-enf-1'), actor('p-enf-2')] as const,
    hearingOfficer: actor('p-enf-3'),
    head: actor('p-safety-head'),
    legalReviewer: actor('p-legal'),
    uncredentialed: actor('p-enf-nocred'),
    farHead: actor('p-far-head'),
    principal: actor('p-principal'),
  };
  const hazards: Record<string, HazardFacts> = {
    'h-chem-major': hazard('h-chem-major', 'ent-chem', 'major'),
    'h-chem-general': hazard('h-chem-general', 'ent-chem', 'general'),
    'h-landlord': hazard('h-landlord', 'ent-landlord', 'general'),
    'h-voided': hazard('h-voided', 'ent-chem', 'general', 'voided'),
  };
  const inspections: Record<string, SourceInspectionFacts> = {
    'insp-enf': { inspectionId: 'insp-enf', kind: 'enforcement' },
    'insp-service': { inspectionId: 'insp-service', kind: 'service_guidance' },
  };
  const fine = (respondentRef: string, amountCny: number, basisProvision = 'WSL2021-102') => ({
    respondentRef,
    kind: 'fine' as const,
    amountCny,
    basisProvision,
  });
  return {
    directory,
    actors,
    hazards,
    inspections,
    fine,
    file: (overrides = {}) => ({
      type: 'FileCase',
      actor: actors.officers[0],
      caseId: 'c-1',
      caseNo: '2024-001',
      agencyOrgId: 'org-safety',
      respondents: [
        { ref: 'U', kind: 'unit', enterpriseId: 'ent-chem' },
        {
          ref: 'P',
          kind: 'individual',
          personId: 'p-principal',
          enterpriseId: 'ent-chem',
          role: 'principal',
        },
      ],
      cause: 'Failure to eliminate a hazard',
      violatedProvisions: ['WSL 2021 Art. 102'],
      proposerIds: ['p-enf-1', 'p-enf-2'],
      approvedBy: 'p-safety-head',
      ...overrides,
    }),
    evidence: () => ({
      type: 'RecordEvidence',
      actor: actors.officers[0],
      kind: 'inspection_record',
      officerIds: ['p-enf-1', 'p-enf-2'],
      ref: 'EV-1',
    }),
    notice: (respondentRef = 'U', penalties, overrides = {}) => ({
      type: 'ServePreDecisionNotice',
      actor: actors.officers[0],
      respondentRef,
      proposedPenalties: (
        penalties ?? [{ kind: 'fine', amountCny: 30_000, basisProvision: 'WSL2021-102' }]
      ).map((penalty) => ({ ...penalty, respondentRef })),
      facts: 'Hazard not eliminated by the deadline',
      provisions: ['WSL 2021 Art. 102'],
      hearingRight: false,
      ...overrides,
    }),
    decide: (penalties, overrides = {}) => ({
      type: 'DecidePenalty',
      actor: actors.head,
      decisionNo: 'D-2024-001',
      penalties: [...(penalties ?? [fine('U', 30_000)])],
      ...overrides,
    }),
    review: (opinion = 'approve') => ({
      type: 'CompleteLegalReview',
      actor: actors.legalReviewer,
      opinion,
    }),
    serve: (respondentRef) => ({
      type: 'ServeDecision',
      actor: actors.officers[0],
      respondentRef,
      method: 'direct',
    }),
    perform: (penaltyRef) => ({
      type: 'RecordPenaltyPerformed',
      actor: actors.officers[0],
      penaltyRef,
      method: 'paid',
    }),
    close: () => ({ type: 'CloseCase', actor: actors.head }),
    facts: (command) => {
      if (command.type === 'LinkHazardToCase') return { hazard: hazards[command.hazardId] ?? null };
      const inspectionId = command.type === 'FileCase' ? command.source?.inspectionId : undefined;
      if (inspectionId !== undefined) return { inspection: inspections[inspectionId] ?? null };
      return {};
    },
  };
}
