import type { SubjectKind } from '../directory/subject.js';

/** What I-6 counts from one `InspectionCompleted`. */
export interface CompletedInspectionFact {
  readonly inspectionId: string;
  readonly subject: { readonly kind: SubjectKind; readonly id: string };
}

/** Visits (家次) and units inspected (家) over a set of completed inspections (I-6). */
export interface InspectionCoverage {
  /** Completed inspections: one visit each. */
  readonly visits: number;
  /** Distinct subjects among them. */
  readonly unitsInspected: number;
}

/**
 * Counts I-6: each completed inspection is one visit (家次), each distinct subject one unit (家).
 * A subject is identified by kind and id, so an enterprise and a venue sharing an id stay apart;
 * an inspection listed twice (a replayed event) counts once.
 */
export function inspectionCoverage(
  completed: Iterable<CompletedInspectionFact>,
): InspectionCoverage {
  const inspections = new Set<string>();
  const subjects = new Set<string>();
  for (const fact of completed) {
    inspections.add(fact.inspectionId);
    subjects.add(`${fact.subject.kind}:${fact.subject.id}`);
  }
  return { visits: inspections.size, unitsInspected: subjects.size };
}
