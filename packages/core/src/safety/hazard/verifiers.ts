import type { Directory } from '../directory/directory.js';
import { isRegulator } from '../directory/organization.js';
import type { PersonRecord } from '../directory/person.js';
import { orgCoversArea } from '../directory/scope.js';
import { type Role, regulatorOfficerRoles } from '../roles/role.js';
import type { RegisteredHazard } from './state.js';

/**
 * Who may verify and close a hazard (H-18, H-19):
 * - `major` (H-18): officers of the supervising regulator;
 * - `venue` (H-19 c): GridPatrollers and TerritorialOfficers of a territorial body covering the
 *   venue's area, or officers of the organisation that found it;
 * - `enterprise` (H-19 a): a SafetyOfficer or the Principal of the responsible enterprise (for a
 *   landlord check the landlord's may co-sign);
 * - `regulator` (H-19 b): officers of the finding organisation or of the supervising one.
 * A hazard found by the enterprise itself (its discoverer acts for an enterprise) is `enterprise`;
 * any other general hazard on an enterprise or site is `regulator`.
 */
export type VerifierSide = 'major' | 'venue' | 'enterprise' | 'regulator';

/** The verifier side of a hazard in its current grade (H-18, H-19). */
export function verifierSide(state: RegisteredHazard): VerifierSide {
  if (state.grade === 'major') return 'major';
  if (state.subject.kind === 'venue') return 'venue';
  return state.discoveredBy.enterpriseId !== undefined ? 'enterprise' : 'regulator';
}

/** Whether a person, acting in one of `roles`, may verify: as a full verifier, only as a co-signer, or not at all. */
export type VerifierStanding = 'verifier' | 'co_signer' | 'none';

const enterpriseVerifierRoles: readonly Role[] = ['SafetyOfficer', 'Principal'];
const venueAreaRoles: readonly Role[] = ['GridPatroller', 'TerritorialOfficer'];
const findingOrgRoles: readonly Role[] = [...regulatorOfficerRoles, 'GridPatroller', 'FireAdvisor'];

/** The standing of a person (in the given roles) to verify this hazard (H-18, H-19). */
export function verifierStanding(
  directory: Directory,
  state: RegisteredHazard,
  person: PersonRecord,
  roles: readonly Role[] = person.roles,
): VerifierStanding {
  const has = (allowed: readonly Role[]) => roles.some((role) => allowed.includes(role));
  const findingOrgId = state.discoveredBy.orgId;
  switch (verifierSide(state)) {
    case 'major':
      return person.orgId === state.supervisingOrgId && has(regulatorOfficerRoles)
        ? 'verifier'
        : 'none';
    case 'regulator': {
      const orgOk =
        person.orgId !== undefined && [findingOrgId, state.supervisingOrgId].includes(person.orgId);
      return orgOk && has(regulatorOfficerRoles) ? 'verifier' : 'none';
    }
    case 'venue': {
      if (findingOrgId !== undefined && person.orgId === findingOrgId && has(findingOrgRoles))
        return 'verifier';
      const org = person.orgId === undefined ? undefined : directory.organization(person.orgId);
      const territorial =
        org !== undefined && org.kind === 'territorial' && orgCoversArea(org, state.areaId);
      return territorial && has(venueAreaRoles) ? 'verifier' : 'none';
    }
    case 'enterprise': {
      if (!has(enterpriseVerifierRoles)) return 'none';
      if (person.enterpriseId === state.responsible.id) return 'verifier';
      if (state.source === 'landlord_check' && state.subject.kind === 'site') {
        const landlord = directory.site(state.subject.id)?.landlordEnterpriseId;
        if (landlord !== undefined && person.enterpriseId === landlord) return 'co_signer';
      }
      return 'none';
    }
  }
}

/** True when the verifiers of this hazard act for a regulator (H-20 requires it for majors). */
export function isRegulatorVerification(
  directory: Directory,
  verifiers: readonly PersonRecord[],
): boolean {
  return verifiers.some((person) => {
    const org = person.orgId === undefined ? undefined : directory.organization(person.orgId);
    return org !== undefined && isRegulator(org);
  });
}
