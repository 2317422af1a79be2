import {
  createInMemoryDirectory,
  type DraftAssignment,
  type DutyInput,
  type InMemoryDirectory,
  type ResponsibilityCommand,
  type SafetyActor,
} from '@safeledger/core';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

/**
 * The sample district of `createSampleSafetyDirectory` plus what responsibility lists need: the
 * district government (`org-gov`) with its party secretary and district head (primary leaders)
 * and a deputy head, all with the `Leader` role.
 */
export function createSampleResponsibilityDirectory(): InMemoryDirectory {
  const base = createSampleSafetyDirectory();
  return createInMemoryDirectory({
    areas: [...base.areas()],
    organizations: [
      ...base.organizations(),
      {
        id: 'org-gov',
        name: 'District government',
        kind: 'government',
        level: 'district',
        areaIds: ['area-park', 'area-town'],
      },
    ],
    enterprises: [...base.enterprises()],
    venues: [...base.venues()],
    sites: [...base.sites()],
    persons: [
      ...base.persons(),
      { id: 'p-secretary', name: 'Party secretary', roles: ['Leader'], orgId: 'org-gov' },
      { id: 'p-mayor', name: 'District head', roles: ['Leader'], orgId: 'org-gov' },
      { id: 'p-deputy', name: 'Deputy head', roles: ['Leader'], orgId: 'org-gov' },
    ],
  });
}

/** Ready-made responsibility commands on the sample directory; override any field. */
export interface SampleResponsibilityCommands {
  readonly directory: InMemoryDirectory;
  /** Actors by the part they play. */
  readonly actors: {
    /** The district committee office: issuer of the sample lists. */
    readonly office: SafetyActor;
    /** The city committee office: not the issuer. */
    readonly otherOffice: SafetyActor;
    readonly secretary: SafetyActor;
    readonly mayor: SafetyActor;
    readonly deputy: SafetyActor;
    /** Head and officer of the industry bureau (a department assignee). */
    readonly industryHead: SafetyActor;
    readonly industryOfficer: SafetyActor;
    /** Head of the park office (an area assignee). */
    readonly parkHead: SafetyActor;
    readonly principal: SafetyActor;
  };
  /** A duty; by default a lead key task `T1` in domain `D1`. */
  duty(overrides?: Partial<DutyInput>): DutyInput;
  /** The deputy head's draft in the 2024 leadership list `list-2024`, portfolio `D1`, one duty covering it. */
  draft(overrides?: Partial<DraftAssignment>): DraftAssignment;
  /** The office issues the draft, approving it itself. */
  issue(): ResponsibilityCommand;
}

/** Builds the sample responsibility kit over `createSampleResponsibilityDirectory()`. */
export function sampleResponsibilityCommands(
  directory: InMemoryDirectory = createSampleResponsibilityDirectory(),
): SampleResponsibilityCommands {
  const actors = {
    office: actorFor(directory, 'p-cmo-district'),
    otherOffice: actorFor(directory, 'p-cmo-city'),
    secretary: actorFor(directory, 'p-secretary'),
    mayor: actorFor(directory, 'p-mayor'),
    deputy: actorFor(directory, 'p-deputy'),
    industryHead: actorFor(directory, 'p-ind-head'),
    industryOfficer: actorFor(directory, 'p-ind-1'),
    parkHead: actorFor(directory, 'p-terr-head'),
    principal: actorFor(directory, 'p-principal'),
  };
  const duty = (overrides: Partial<DutyInput> = {}): DutyInput => ({
    dutyId: 'd-1',
    code: 'T1',
    text: 'Lead the hazardous-chemicals safety campaign',
    kind: 'key_task',
    domainCodes: ['D1'],
    role: 'lead',
    ...overrides,
  });
  return {
    directory,
    actors,
    duty,
    draft: (overrides = {}) => ({
      type: 'DraftAssignment',
      actor: actors.office,
      assignmentId: 'ra-1',
      listId: 'list-2024',
      listTitle: '2024 leadership key safety tasks',
      listKind: 'leadership_key_tasks',
      issuerOrgId: 'org-committee-district',
      period: { year: 2024 },
      assignee: { kind: 'leader', id: 'p-deputy' },
      portfolio: ['D1'],
      duties: [duty()],
      ...overrides,
    }),
    issue: () => ({ type: 'IssueAssignment', actor: actors.office }),
  };
}
