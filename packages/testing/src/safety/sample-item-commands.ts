import {
  createInMemoryDirectory,
  type InMemoryDirectory,
  type ItemHazardsPort,
  type LinkedHazardStatus,
  type SafetyActor,
  type SupervisionItemCommand,
} from '@safeledger/core';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

type CommandOf<T extends SupervisionItemCommand['type']> = Extract<
  SupervisionItemCommand,
  { type: T }
>;
type Overrides<T extends SupervisionItemCommand['type']> = Partial<Omit<CommandOf<T>, 'type'>>;

/**
 * The sample directory with a city supervision team (`org-team-city`, member `p-team-1`) and a
 * second team (`org-team-province`, member `p-team-2`) that did not issue the sample items.
 */
export function createSampleItemDirectory(): InMemoryDirectory {
  const base = createSampleSafetyDirectory();
  const district = ['area-park', 'area-town'];
  return createInMemoryDirectory({
    areas: [...base.areas()],
    organizations: [
      ...base.organizations(),
      {
        id: 'org-team-city',
        name: 'City supervision team',
        kind: 'supervision_team',
        level: 'city',
        areaIds: district,
      },
      {
        id: 'org-team-province',
        name: 'Provincial supervision team',
        kind: 'supervision_team',
        level: 'province',
        areaIds: district,
      },
    ],
    persons: [
      ...base.persons(),
      { id: 'p-team-1', name: 'Team member', roles: ['SupervisionTeam'], orgId: 'org-team-city' },
      {
        id: 'p-team-2',
        name: 'Province team member',
        roles: ['SupervisionTeam'],
        orgId: 'org-team-province',
      },
    ],
    enterprises: [...base.enterprises()],
    venues: [...base.venues()],
    sites: [...base.sites()],
  });
}

/** Ready-made supervision-item commands (item `it-1`, issued by the city team, led by the safety bureau). */
export interface SampleItemCommands {
  readonly directory: InMemoryDirectory;
  readonly actors: {
    /** City supervision team member: the issuer. */
    readonly issuer: SafetyActor;
    /** A member of another team. */
    readonly otherTeam: SafetyActor;
    /** District committee office: assigns. */
    readonly office: SafetyActor;
    /** Enforcement officer of the lead organisation `org-safety`. */
    readonly officer: SafetyActor;
    /** AuthorityHead of `org-safety`: submits feedback. */
    readonly head: SafetyActor;
    /** Industry officer: not of the lead organisation. */
    readonly industryOfficer: SafetyActor;
  };
  /** A hazard list of `ent-chem` naming 2 hazards, deadline 2024-04-30 (override `kind` for others). */
  receive(overrides?: Overrides<'ReceiveHandover'>): CommandOf<'ReceiveHandover'>;
  /** Assigns to `org-safety` with `org-industry` supporting, internal deadline 2024-04-20. */
  assign(overrides?: Overrides<'AssignItem'>): CommandOf<'AssignItem'>;
  /** A substantiated investigation with no hazard listed. */
  investigate(overrides?: Overrides<'RecordInvestigation'>): CommandOf<'RecordInvestigation'>;
  /** Links hazard `h-1`. */
  linkHazard(overrides?: Overrides<'LinkHazard'>): CommandOf<'LinkHazard'>;
  /** Links case `c-1`. */
  linkCase(overrides?: Overrides<'LinkCase'>): CommandOf<'LinkCase'>;
  /** Adds measure `m-1`. */
  addMeasure(overrides?: Overrides<'AddMeasure'>): CommandOf<'AddMeasure'>;
  /** Completes measure `m-1`. */
  completeMeasure(overrides?: Overrides<'CompleteMeasure'>): CommandOf<'CompleteMeasure'>;
  /** Answers the petitioner by phone. */
  reply(overrides?: Overrides<'ReplyToPetitioner'>): CommandOf<'ReplyToPetitioner'>;
  /** Feedback by the head of the lead organisation. */
  feedback(overrides?: Overrides<'SubmitFeedback'>): CommandOf<'SubmitFeedback'>;
  /** Closure by the issuer. */
  close(overrides?: Overrides<'CloseItem'>): CommandOf<'CloseItem'>;
  /** Return by the issuer. */
  returnItem(overrides?: Overrides<'ReturnItem'>): CommandOf<'ReturnItem'>;
}

/** Builds the sample supervision-item kit over `createSampleItemDirectory()`. */
export function sampleItemCommands(
  directory: InMemoryDirectory = createSampleItemDirectory(),
): SampleItemCommands {
  const actors = {
    issuer: actorFor(directory, 'p-team-1'),
    otherTeam: actorFor(directory, 'p-team-2'),
    office: actorFor(directory, 'p-cmo-district'),
    officer: actorFor(directory, 'p-enf-1'),
    head: actorFor(directory, 'p-safety-head'),
    industryOfficer: actorFor(directory, 'p-ind-1'),
  };
  return {
    directory,
    actors,
    receive: (o = {}) => ({
      type: 'ReceiveHandover',
      actor: actors.issuer,
      itemId: 'it-1',
      batchId: 'B-2024-1',
      batchTitle: 'City team handover, first batch',
      issuer: {
        name: 'City supervision team',
        kind: 'supervision_team',
        level: 'city',
        orgId: 'org-team-city',
      },
      kind: 'hazard_list',
      deadline: '2024-04-30',
      subjectEnterpriseIds: ['ent-chem'],
      expectedHazardCount: 2,
      description: 'Hazards found by the city team at the chemical works',
      ...o,
    }),
    assign: (o = {}) => ({
      type: 'AssignItem',
      actor: actors.office,
      leadOrgId: 'org-safety',
      supportOrgIds: ['org-industry'],
      internalDeadline: '2024-04-20',
      ...o,
    }),
    investigate: (o = {}) => ({
      type: 'RecordInvestigation',
      actor: actors.officer,
      finding: 'substantiated',
      reportRef: 'INV-1',
      ...o,
    }),
    linkHazard: (o = {}) => ({ type: 'LinkHazard', actor: actors.officer, hazardId: 'h-1', ...o }),
    linkCase: (o = {}) => ({ type: 'LinkCase', actor: actors.officer, caseId: 'c-1', ...o }),
    addMeasure: (o = {}) => ({
      type: 'AddMeasure',
      actor: actors.officer,
      measureId: 'm-1',
      text: 'Train the park’s safety staff',
      ...o,
    }),
    completeMeasure: (o = {}) => ({
      type: 'CompleteMeasure',
      actor: actors.officer,
      measureId: 'm-1',
      ...o,
    }),
    reply: (o = {}) => ({
      type: 'ReplyToPetitioner',
      actor: actors.officer,
      method: 'phone',
      ...o,
    }),
    feedback: (o = {}) => ({
      type: 'SubmitFeedback',
      actor: actors.head,
      summary: 'Handled',
      ...o,
    }),
    close: (o = {}) => ({ type: 'CloseItem', actor: actors.issuer, ...o }),
    returnItem: (o = {}) => ({
      type: 'ReturnItem',
      actor: actors.issuer,
      reason: 'Evidence missing',
      ...o,
    }),
  };
}

/**
 * An `ItemHazardsPort` answering from a fixed table (a hazard not listed is `closed`; list one as
 * `unknown` to make it unregistered); hazards in `lagging` answer from a read model one version
 * behind its stream (G-9).
 */
export function staticItemHazards(
  statuses: Readonly<Record<string, LinkedHazardStatus>> = {},
  lagging: readonly string[] = [],
): ItemHazardsPort {
  return {
    name: 'static-hazards',
    async hazardStatus(hazardId: string) {
      return {
        value: statuses[hazardId] ?? 'closed',
        streamId: `hazard-${hazardId}`,
        seenVersion: lagging.includes(hazardId) ? 1 : 2,
        headVersion: 2,
      };
    },
  };
}
