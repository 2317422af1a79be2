import type { SubjectRef } from '../directory/subject.js';
import type { ReadModelAnswer } from '../ports/fresh-answer.js';

/** Whether a subject may be inspected: `active`, or `inactive` (deregistered, closed), or `unknown`. */
export type SubjectStatus = 'active' | 'inactive' | 'unknown';

/**
 * The port I-7 reads at `StartInspection`: the registry status of a subject as a read model
 * knows it, with the versions G-9 compares. Applications back it with their registry projections
 * (`createSubjectStatusReader` does so for venues from the venue registry).
 */
export interface SubjectStatusPort {
  /** The read model's name, for `ProjectionLaggingError`. */
  readonly name: string;
  /** The subject's status with the stream versions G-9 compares. */
  subjectStatus(subject: SubjectRef): Promise<ReadModelAnswer<SubjectStatus>>;
}

/** What the inspection decider's `prepare` loads: the subject's status for `StartInspection`. */
export interface InspectionFacts {
  readonly subjectStatus?: SubjectStatus;
}
