/** The facts of an event that V-7 and P-11 look at. */
export type PatrolEvidence =
  | { readonly type: 'VenuePatrolled' }
  | {
      readonly type: 'InspectionCompleted';
      readonly subject: { readonly kind: string };
    }
  | { readonly type: string };

/**
 * V-7: whether an event counts as a patrol of a venue for P-11: every `VenuePatrolled` (routine
 * or spot check), and a completed inspection whose subject is a venue (a spot check recorded as
 * an inspection, or any other inspection of the venue).
 */
export function countsAsVenuePatrol(event: PatrolEvidence): boolean {
  if (event.type === 'VenuePatrolled') return true;
  if (event.type !== 'InspectionCompleted' || !('subject' in event)) return false;
  return event.subject.kind === 'venue';
}
