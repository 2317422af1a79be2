import { type Organization, OrganizationLevelSchema } from '@safeledger/core';

/** Administrative levels from the top down: a lower index is a higher level. */
const LEVELS = OrganizationLevelSchema.options;

/**
 * True when `lower` sits below `upper` in the organisation tree the directory describes: the
 * same kind of body (a city safety bureau over the district safety bureaus, not over a district
 * housing bureau), at a strictly lower administrative level, with a jurisdiction inside the
 * upper body's areas. The directory records no parent links, so the tree is read from level and
 * jurisdiction, which is what makes one body the superior of another in §2.
 */
export function isBelow(lower: Organization, upper: Organization): boolean {
  if (lower.id === upper.id || lower.kind !== upper.kind) return false;
  if (LEVELS.indexOf(lower.level) <= LEVELS.indexOf(upper.level)) return false;
  if (upper.areaIds === 'all') return true;
  if (lower.areaIds === 'all') return false;
  const covered = new Set(upper.areaIds);
  return lower.areaIds.every((areaId) => covered.has(areaId));
}

/**
 * The organisation and every organisation below it, its own id first and the others in the
 * directory's order: whose rows a person acting for `orgId` may read.
 */
export function organisationAndBelow(
  orgId: string,
  organizations: readonly Organization[],
): readonly string[] {
  const self = organizations.find((org) => org.id === orgId);
  if (self === undefined) return [orgId];
  return [orgId, ...organizations.filter((org) => isBelow(org, self)).map((org) => org.id)];
}
