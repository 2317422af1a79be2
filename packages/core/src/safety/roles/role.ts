import { z } from 'zod';

/** The roles of domain spec §2, as the codes commands and events carry. */
export const RoleSchema = z.enum([
  'Worker',
  'SafetyOfficer',
  'Principal',
  'VenueOperator',
  'GridPatroller',
  'FireAdvisor',
  'TerritorialOfficer',
  'IndustryOfficer',
  'SpecialOfficer',
  'EnforcementOfficer',
  'AuthorityHead',
  'LegalReviewer',
  'Expert',
  'SafetyCommitteeOffice',
  'SupervisionTeam',
  'Leader',
  'System',
]);
/** A `Role`, as `RoleSchema` parses it. */
export type Role = z.infer<typeof RoleSchema>;

/** Roles a person holds for an enterprise (生产经营单位): they act on their own enterprise only. */
export const enterpriseRoles: readonly Role[] = ['Worker', 'SafetyOfficer', 'Principal'];

/**
 * Officer roles of a regulator organisation (§2): they act on subjects inside their
 * organisation's areas, sectors or specialty (G-5). `AuthorityHead` is the head of such an
 * organisation and counts as one of its officers.
 */
export const regulatorOfficerRoles: readonly Role[] = [
  'TerritorialOfficer',
  'IndustryOfficer',
  'SpecialOfficer',
  'EnforcementOfficer',
  'AuthorityHead',
];

/** Roles that act for an organisation (government side) and therefore carry an `orgId`. */
export const organizationRoles: readonly Role[] = [
  'GridPatroller',
  'FireAdvisor',
  ...regulatorOfficerRoles,
  'LegalReviewer',
  'SafetyCommitteeOffice',
  'SupervisionTeam',
  'Leader',
];

/** True when the role acts for an enterprise. */
export function isEnterpriseRole(role: Role): boolean {
  return enterpriseRoles.includes(role);
}

/** True when the role is an officer role of a regulator organisation. */
export function isRegulatorOfficerRole(role: Role): boolean {
  return regulatorOfficerRoles.includes(role);
}
