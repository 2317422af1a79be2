import type { Directory, SubjectRef, SubjectStatusPort } from '@safeledger/core';

/**
 * The subject status I-7 reads at `StartInspection`, from the world's directory: a subject the
 * directory knows is active. The year records no registry events (no deregistration or closure),
 * so the directory is the registry and is never behind a stream (seen = head = 0, G-9).
 */
export function directorySubjectStatus(directory: Directory): SubjectStatusPort {
  return {
    name: 'world-directory',
    async subjectStatus(subject: SubjectRef) {
      const known =
        subject.kind === 'enterprise'
          ? directory.enterprise(subject.id) !== undefined
          : subject.kind === 'venue'
            ? directory.venue(subject.id) !== undefined
            : directory.site(subject.id) !== undefined;
      return {
        value: known ? 'active' : 'unknown',
        streamId: `${subject.kind}-${subject.id}`,
        seenVersion: 0,
        headVersion: 0,
      };
    },
  };
}
