import type {
  InMemoryDirectory,
  InspectionCommand,
  SafetyActor,
  SubjectRef,
  SubjectStatus,
  SubjectStatusPort,
} from '@safeledger/core';
import { actorFor, createSampleSafetyDirectory } from './sample-directory.js';

type CommandOf<T extends InspectionCommand['type']> = Extract<InspectionCommand, { type: T }>;
type Overrides<T extends InspectionCommand['type']> = Partial<Omit<CommandOf<T>, 'type'>>;

/** Ready-made inspection commands on the sample directory (inspection `i-1` of the chemical works). */
export interface SampleInspectionCommands {
  readonly directory: InMemoryDirectory;
  /** The three credentialed enforcement officers of the district safety bureau, its head, an industry officer. */
  readonly actors: {
    readonly lead: SafetyActor;
    readonly second: SafetyActor;
    readonly third: SafetyActor;
    readonly head: SafetyActor;
    readonly industryOfficer: SafetyActor;
    readonly farOfficer: SafetyActor;
    readonly principal: SafetyActor;
  };
  /** An enforcement inspection of `ent-chem` by officers 1 and 2 of `org-safety`. */
  schedule(overrides?: Overrides<'ScheduleInspection'>): CommandOf<'ScheduleInspection'>;
  /** Starts the inspection (lead inspector). */
  start(overrides?: Overrides<'StartInspection'>): CommandOf<'StartInspection'>;
  /** A general finding `f-1`, due 2024-03-31. */
  finding(overrides?: Overrides<'RecordFinding'>): CommandOf<'RecordFinding'>;
  /** A major finding `f-major` (MEM Order 10 (2023), Art. 3(1)), due 2024-04-30. */
  majorFinding(overrides?: Overrides<'RecordFinding'>): CommandOf<'RecordFinding'>;
  /** A rectification order `ORD-1` for `f-major`, due 2024-05-15, signed by the bureau head. */
  order(overrides?: Overrides<'IssueRectificationOrder'>): CommandOf<'IssueRectificationOrder'>;
  /** A suspension `M-1` for `f-major`, approved by the bureau head. */
  measure(overrides?: Overrides<'ImposeOnSiteMeasure'>): CommandOf<'ImposeOnSiteMeasure'>;
  /** Completes the inspection (lead inspector). */
  complete(overrides?: Overrides<'CompleteInspection'>): CommandOf<'CompleteInspection'>;
  /** Cancels the inspection. */
  cancel(overrides?: Overrides<'CancelInspection'>): CommandOf<'CancelInspection'>;
}

/** Builds the sample inspection kit over `createSampleSafetyDirectory()` (or an equal directory). */
export function sampleInspectionCommands(
  directory: InMemoryDirectory = createSampleSafetyDirectory(),
): SampleInspectionCommands {
  const actors = {
    lead: actorFor(directory, 'p-enf-1'),
    second: actorFor(directory, 'p-enf-2'),
    third: actorFor(directory, 'p-enf-3'),
    head: actorFor(directory, 'p-safety-head'),
    industryOfficer: actorFor(directory, 'p-ind-1'),
    farOfficer: actorFor(directory, 'p-far-enf-1'),
    principal: actorFor(directory, 'p-principal'),
  };
  return {
    directory,
    actors,
    schedule: (o = {}) => ({
      type: 'ScheduleInspection',
      actor: actors.lead,
      inspectionId: 'i-1',
      kind: 'enforcement',
      subject: { kind: 'enterprise', id: 'ent-chem' },
      inspectorIds: ['p-enf-1', 'p-enf-2'],
      campaignIds: ['ENF'],
      ...o,
    }),
    start: (o = {}) => ({ type: 'StartInspection', actor: actors.lead, ...o }),
    finding: (o = {}) => ({
      type: 'RecordFinding',
      actor: actors.lead,
      findingId: 'f-1',
      description: 'Fire exit blocked',
      location: 'Warehouse B',
      nature: 'unsafe_condition',
      proposedGrade: 'general',
      deadline: '2024-03-31',
      ...o,
    }),
    majorFinding: (o = {}) => ({
      type: 'RecordFinding',
      actor: actors.lead,
      findingId: 'f-major',
      description: 'No gas detection in the reactor hall',
      location: 'Reactor hall',
      nature: 'unsafe_condition',
      proposedGrade: 'major',
      majorBasis: { standardId: 'MEM-2023-10', clause: '3(1)' },
      deadline: '2024-04-30',
      ...o,
    }),
    order: (o = {}) => ({
      type: 'IssueRectificationOrder',
      actor: actors.lead,
      orderNo: 'ORD-1',
      findingIds: ['f-major'],
      deadline: '2024-05-15',
      approvedBy: 'p-safety-head',
      ...o,
    }),
    measure: (o = {}) => ({
      type: 'ImposeOnSiteMeasure',
      actor: actors.lead,
      measureRef: 'M-1',
      kind: 'suspend_operations',
      findingIds: ['f-major'],
      approvedBy: 'p-safety-head',
      ...o,
    }),
    complete: (o = {}) => ({
      type: 'CompleteInspection',
      actor: actors.lead,
      recordRef: 'REC-1',
      ...o,
    }),
    cancel: (o = {}) => ({
      type: 'CancelInspection',
      actor: actors.lead,
      reason: 'plant shut',
      ...o,
    }),
  };
}

/**
 * A subject-status port over a fixed table, for specs: each subject reports the status given
 * (default `active`) and, when `lagging` names it, a read model one version behind its stream.
 */
export function staticSubjectStatus(
  statuses: Readonly<Record<string, SubjectStatus>> = {},
  lagging: readonly string[] = [],
): SubjectStatusPort {
  return {
    name: 'static-subjects',
    async subjectStatus(subject: SubjectRef) {
      const key = `${subject.kind}:${subject.id}`;
      return {
        value: statuses[key] ?? 'active',
        streamId: key,
        seenVersion: lagging.includes(key) ? 1 : 2,
        headVersion: 2,
      };
    },
  };
}
