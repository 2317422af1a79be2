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

/**
 * The organisations of a figure or ledger whose read model records no enterprise: only a person
 * acting for an organisation reads it; an enterprise's staff get 403 G-5.
 */
export function organisationScope(
  scope: ReadScope,
  what: string,
): { readonly orgIds: readonly string[] } | Problem {
  if (scope.kind === 'organisation') return { orgIds: scope.orgIds };
  return forbidden(
    `${what} is read by a supervising organisation; enterprise ${scope.enterpriseId} may not read it`,
  );
}

/**
 * The one organisation a figure asks for, when its read model filters by a single organisation
 * (an organiser, a roster's owner, a list's issuer): the reader's own when absent, else one of
 * the organisations the reader may see (403 G-5 for another).
 */
export function namedOrganisation(
  scope: ReadScope,
  what: string,
  orgId: string | undefined,
): string | Problem {
  const orgs = organisationScope(scope, what);
  if ('status' in orgs) return orgs;
  const [own = ''] = orgs.orgIds;
  if (orgId === undefined) return own;
  return orgs.orgIds.includes(orgId)
    ? orgId
    : forbidden(`${own} may read ${what} of itself and the organisations below it, not ${orgId}`);
}

/**
 * The areas an organisation reader may see in a read model keyed by area (the venue register):
 * `undefined` for an organisation whose jurisdiction is everywhere, else its areas. A named area
 * outside them is refused with 403 G-5.
 */
export function areaScope(
  scope: ReadScope,
  directory: InMemoryDirectory,
  what: string,
  areaId: string | undefined,
): { readonly areaIds?: readonly string[] } | Problem {
  const orgs = organisationScope(scope, what);
  if ('status' in orgs) return orgs;
  const own = directory.organizations().find((org) => org.id === orgs.orgIds[0]);
  // Organisations below another sit inside its areas, so the reader's own areas are the scope.
  if (own === undefined) return forbidden(`organisation ${orgs.orgIds[0]} is not in the directory`);
  if (own.areaIds === 'all') return areaId === undefined ? {} : { areaIds: [areaId] };
  if (areaId === undefined) return { areaIds: own.areaIds };
  return own.areaIds.includes(areaId)
    ? { areaIds: [areaId] }
    : forbidden(
        `${own.id} may read ${what} of its areas (${own.areaIds.join(', ')}), not ${areaId}`,
      );
}

/**
 * The one enterprise a scope is limited to, for read models that record enterprises rather than
 * subjects: an enterprise reader's own, or the one an organisation's request names (none else).
 */
export function namedEnterprise(scope: ReadScope): string | undefined {
  return scope.kind === 'enterprise'
    ? scope.enterpriseId
    : scope.subjects?.find((subject) => subject.kind === 'enterprise')?.id;
}
