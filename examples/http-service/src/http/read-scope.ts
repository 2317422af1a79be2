import type { InMemoryDirectory, SafetyActor, SubjectRef } from '@safeledger/core';
import { organisationAndBelow } from './org-tree.js';
import { forbidden, type Problem } from './problem.js';

/** Whose rows a reader may see in the ledgers and figures. */
export type ReadScope =
  | {
      /** A person acting for a supervising organisation. */
      readonly kind: 'organisation';
      /** Their organisation first, then every organisation below it (`org-tree.ts`). */
      readonly orgIds: readonly string[];
      /** The subjects of the enterprise the request names, when it names one. */
      readonly subjects?: readonly SubjectRef[];
    }
  | {
      /** A principal or safety officer of an enterprise. */
      readonly kind: 'enterprise';
      readonly enterpriseId: string;
      /** The enterprise, the sites it owns or leases space on, and the venues it runs. */
      readonly subjects: readonly SubjectRef[];
    };

/** Enterprise roles that read their enterprise's ledgers; a worker acts on hazards only. */
const ENTERPRISE_READERS: readonly string[] = ['Principal', 'SafetyOfficer'];

/**
 * The read scope of an authenticated person, by rule G-5 read for queries:
 *
 * - a person acting for an organisation sees the hazards that organisation supervises (the
 *   ledger's `supervisingOrgId`) and those of the organisations below it, never a sibling's;
 * - an enterprise's principal or safety officer sees the hazards of their own enterprise (its
 *   subjects), whoever supervises them; a request naming another enterprise is refused;
 * - anyone else (a worker, a venue operator without an enterprise) is refused.
 *
 * `enterpriseId`, when the request names one, narrows an organisation's scope to that
 * enterprise's subjects. Every limit becomes a condition on indexed fields, so rows outside the
 * scope are never loaded.
 */
export function readScopeOf(
  actor: SafetyActor,
  directory: InMemoryDirectory,
  enterpriseId?: string,
): ReadScope | Problem {
  const { orgId, enterpriseId: own } = actor as { orgId?: string; enterpriseId?: string };
  if (orgId !== undefined) {
    const orgIds = organisationAndBelow(orgId, directory.organizations());
    return enterpriseId === undefined
      ? { kind: 'organisation', orgIds }
      : { kind: 'organisation', orgIds, subjects: subjectsOf(enterpriseId, directory) };
  }
  if (own === undefined || !ENTERPRISE_READERS.includes(actor.role)) {
    return forbidden(
      `${actor.personId} acts as ${actor.role}; the ledgers and figures are read by a supervising organisation or by an enterprise's principal or safety officer`,
    );
  }
  if (enterpriseId !== undefined && enterpriseId !== own) {
    return forbidden(
      `${actor.personId} acts for enterprise ${own} and may not read enterprise ${enterpriseId}`,
    );
  }
  return { kind: 'enterprise', enterpriseId: own, subjects: subjectsOf(own, directory) };
}

/** The subjects whose hazards are an enterprise's: itself, its sites (as landlord or tenant), its venues. */
export function subjectsOf(enterpriseId: string, directory: InMemoryDirectory): SubjectRef[] {
  return [
    { kind: 'enterprise', id: enterpriseId },
    ...directory
      .sites()
      .filter(
        (site) =>
          site.landlordEnterpriseId === enterpriseId ||
          site.tenantEnterpriseIds.includes(enterpriseId),
      )
      .map((site) => ({ kind: 'site' as const, id: site.id })),
    ...directory
      .venues()
      .filter((venue) => venue.enterpriseId === enterpriseId)
      .map((venue) => ({ kind: 'venue' as const, id: venue.id })),
  ];
}

/** The scope as the hazard figures' filter: visible organisations and subjects. */
export function hazardScopeFilter(scope: ReadScope): {
  orgIds?: readonly string[];
  subjects?: readonly SubjectRef[];
} {
  return {
    ...(scope.kind === 'organisation' ? { orgIds: scope.orgIds } : {}),
    ...(scope.subjects !== undefined ? { subjects: scope.subjects } : {}),
  };
}

/** The scope as a condition on the hazard ledger's indexed fields. */
export function hazardScopeWhere(scope: ReadScope) {
  const parts = [];
  if (scope.kind === 'organisation') {
    parts.push({ supervisingOrgId: { in: [...scope.orgIds] } });
  }
  if (scope.subjects !== undefined) {
    parts.push({
      or: scope.subjects.map((subject) => ({ subjectKind: subject.kind, subjectId: subject.id })),
    });
  }
  return { and: parts };
}
