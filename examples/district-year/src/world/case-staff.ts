import type { PersonRecord, SafetyActor } from '@safeledger/core';

/** The person id of the bureau's legal reviewer (法制审核人员). */
export const legalReviewerId = 'p-legal';

/**
 * The people the enforcement cases need besides the officers and the head: the bureau's legal
 * reviewer, who reviews each penalty decision before it is issued (EC-8).
 */
export function caseStaff(bureauId: string): PersonRecord[] {
  return [
    {
      id: legalReviewerId,
      name: 'Legal reviewer',
      roles: ['LegalReviewer'],
      orgId: bureauId,
      venueIds: [],
    },
  ];
}

/** The legal reviewer acting for the bureau. */
export function legalReviewer(bureauId: string): SafetyActor {
  return { personId: legalReviewerId, role: 'LegalReviewer', orgId: bureauId };
}
