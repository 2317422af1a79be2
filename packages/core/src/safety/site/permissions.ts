import type { Directory } from '../directory/directory.js';
import { orgCoversArea } from '../directory/scope.js';
import { forbidden } from '../general/forbidden.js';
import type { SafetyActor } from '../roles/actor.js';
import type { Role } from '../roles/role.js';
import type { SiteCommandType } from './commands.js';

/** Who may act on a site: the landlord in some roles, or a territorial officer of its area. */
export interface SiteActors {
  readonly landlordRoles: readonly Role[];
  readonly territorialOfficer: boolean;
}

/** The command-by-command table of §4.7 (`EndTenancy` and checks: the landlord only). */
export const siteCommandActors = {
  RegisterSite: { landlordRoles: ['Principal'], territorialOfficer: true },
  RegisterTenancy: { landlordRoles: ['Principal', 'SafetyOfficer'], territorialOfficer: true },
  RecordLandlordCheck: { landlordRoles: ['Principal', 'SafetyOfficer'], territorialOfficer: false },
  RecordDeviceInstallation: {
    landlordRoles: ['Principal', 'SafetyOfficer'],
    territorialOfficer: true,
  },
  EndTenancy: { landlordRoles: ['Principal', 'SafetyOfficer'], territorialOfficer: false },
} as const satisfies Record<string, SiteActors>;

/**
 * Rejects (G-5) unless the actor acts for the landlord in an allowed role, or is a
 * `TerritorialOfficer` whose organisation's jurisdiction includes the site's area.
 *
 * @throws RuleViolationError (`G-5`, `Forbidden`).
 */
export function requireSiteActor(
  directory: Directory,
  actor: SafetyActor,
  site: { readonly landlordEnterpriseId: string; readonly areaId: string },
  allowed: SiteActors,
  command: SiteCommandType,
): void {
  if (
    actor.enterpriseId === site.landlordEnterpriseId &&
    allowed.landlordRoles.includes(actor.role)
  )
    return;
  if (
    allowed.territorialOfficer &&
    actor.role === 'TerritorialOfficer' &&
    actor.orgId !== undefined
  ) {
    const org = directory.organization(actor.orgId);
    if (org !== undefined && orgCoversArea(org, site.areaId)) return;
    throw forbidden('G-5', actor, 'area_outside_org', {
      command,
      areaId: site.areaId,
      actingOrgId: actor.orgId,
    });
  }
  throw forbidden('G-5', actor, 'not_site_party', {
    command,
    landlordRoles: allowed.landlordRoles,
    landlordId: site.landlordEnterpriseId,
    territorial: allowed.territorialOfficer,
  });
}
