import {
  createInMemoryDirectory,
  type InMemoryDirectory,
  type SafetyActor,
} from '@safeledger/core';

/**
 * A small district for tests and demos: two areas in the district and one outside it; a
 * comprehensive safety bureau, an industry regulator (sector C26), a territorial park office, a
 * fire (special) regulator, district and city committee offices, and a safety bureau of another
 * district; a chemical enterprise, a landlord whose multi-tenant site the chemical enterprise
 * leases, an out-of-district enterprise, a small restaurant; people in every hazard role.
 */
export function createSampleSafetyDirectory(): InMemoryDirectory {
  const district = ['area-park', 'area-town'];
  return createInMemoryDirectory({
    areas: [
      { id: 'area-park', name: 'Chemical park', kind: 'park' },
      { id: 'area-town', name: 'Old town', kind: 'town' },
      { id: 'area-far', name: 'Neighbouring town', kind: 'town' },
    ],
    organizations: [
      {
        id: 'org-safety',
        name: 'District safety bureau',
        kind: 'safety',
        level: 'district',
        areaIds: district,
      },
      {
        id: 'org-industry',
        name: 'District industry bureau',
        kind: 'industry',
        level: 'district',
        areaIds: district,
        sectorCodes: ['C26'],
        venueCategories: ['small_restaurant'],
      },
      {
        id: 'org-territorial',
        name: 'Park management office',
        kind: 'territorial',
        level: 'park_or_town',
        areaIds: ['area-park'],
      },
      {
        id: 'org-fire',
        name: 'District fire brigade',
        kind: 'special',
        level: 'district',
        areaIds: district,
        venueCategories: ['small_restaurant'],
        specialties: ['fire'],
      },
      {
        id: 'org-committee-district',
        name: 'District safety committee office',
        kind: 'committee_office',
        level: 'district',
        areaIds: district,
      },
      {
        id: 'org-committee-city',
        name: 'City safety committee office',
        kind: 'committee_office',
        level: 'city',
        areaIds: 'all',
      },
      {
        id: 'org-safety-far',
        name: 'Neighbouring safety bureau',
        kind: 'safety',
        level: 'district',
        areaIds: ['area-far'],
      },
    ],
    enterprises: [
      {
        id: 'ent-chem',
        name: 'Chemical works',
        areaId: 'area-park',
        sectorCode: 'C26',
        supervisingOrgId: 'org-safety',
      },
      {
        id: 'ent-landlord',
        name: 'Park landlord',
        areaId: 'area-park',
        sectorCode: 'C33',
        supervisingOrgId: 'org-safety',
      },
      {
        id: 'ent-far',
        name: 'Far works',
        areaId: 'area-far',
        sectorCode: 'C26',
        supervisingOrgId: 'org-safety-far',
      },
    ],
    sites: [
      {
        id: 'site-1',
        name: 'Landlord plant',
        areaId: 'area-park',
        landlordEnterpriseId: 'ent-landlord',
        tenantEnterpriseIds: ['ent-chem'],
      },
    ],
    venues: [
      {
        id: 'venue-1',
        name: 'Noodle shop',
        areaId: 'area-park',
        category: 'small_restaurant',
        supervisingOrgId: 'org-territorial',
      },
    ],
    persons: [
      { id: 'p-worker', name: 'Worker', roles: ['Worker'], enterpriseId: 'ent-chem' },
      {
        id: 'p-so-1',
        name: 'Safety officer 1',
        roles: ['SafetyOfficer'],
        enterpriseId: 'ent-chem',
      },
      {
        id: 'p-so-2',
        name: 'Safety officer 2',
        roles: ['SafetyOfficer'],
        enterpriseId: 'ent-chem',
      },
      { id: 'p-principal', name: 'Principal', roles: ['Principal'], enterpriseId: 'ent-chem' },
      {
        id: 'p-ll-so',
        name: 'Landlord safety officer',
        roles: ['SafetyOfficer'],
        enterpriseId: 'ent-landlord',
      },
      {
        id: 'p-ll-principal',
        name: 'Landlord principal',
        roles: ['Principal'],
        enterpriseId: 'ent-landlord',
      },
      {
        id: 'p-far-so',
        name: 'Far safety officer',
        roles: ['SafetyOfficer'],
        enterpriseId: 'ent-far',
      },
      {
        id: 'p-far-principal',
        name: 'Far principal',
        roles: ['Principal'],
        enterpriseId: 'ent-far',
      },
      {
        id: 'p-enf-1',
        name: 'Officer 1',
        roles: ['EnforcementOfficer'],
        orgId: 'org-safety',
        enforcementCredentialNo: 'E-1',
      },
      {
        id: 'p-enf-2',
        name: 'Officer 2',
        roles: ['EnforcementOfficer'],
        orgId: 'org-safety',
        enforcementCredentialNo: 'E-2',
      },
      {
        id: 'p-enf-3',
        name: 'Officer 3',
        roles: ['EnforcementOfficer'],
        orgId: 'org-safety',
        enforcementCredentialNo: 'E-3',
      },
      { id: 'p-safety-head', name: 'Bureau head', roles: ['AuthorityHead'], orgId: 'org-safety' },
      { id: 'p-legal', name: 'Legal reviewer', roles: ['LegalReviewer'], orgId: 'org-safety' },
      {
        id: 'p-ind-1',
        name: 'Industry officer',
        roles: ['IndustryOfficer'],
        orgId: 'org-industry',
      },
      {
        id: 'p-ind-2',
        name: 'Industry officer 2',
        roles: ['IndustryOfficer'],
        orgId: 'org-industry',
      },
      { id: 'p-ind-head', name: 'Industry head', roles: ['AuthorityHead'], orgId: 'org-industry' },
      {
        id: 'p-terr-1',
        name: 'Park officer',
        roles: ['TerritorialOfficer'],
        orgId: 'org-territorial',
      },
      {
        id: 'p-grid-1',
        name: 'Grid patroller',
        roles: ['GridPatroller'],
        orgId: 'org-territorial',
      },
      { id: 'p-terr-head', name: 'Park head', roles: ['AuthorityHead'], orgId: 'org-territorial' },
      { id: 'p-fire-adv', name: 'Fire advisor', roles: ['FireAdvisor'], orgId: 'org-fire' },
      { id: 'p-spec-1', name: 'Fire officer', roles: ['SpecialOfficer'], orgId: 'org-fire' },
      {
        id: 'p-cmo-district',
        name: 'District committee office',
        roles: ['SafetyCommitteeOffice'],
        orgId: 'org-committee-district',
      },
      {
        id: 'p-cmo-city',
        name: 'City committee office',
        roles: ['SafetyCommitteeOffice'],
        orgId: 'org-committee-city',
      },
      {
        id: 'p-far-enf-1',
        name: 'Far officer 1',
        roles: ['EnforcementOfficer'],
        orgId: 'org-safety-far',
      },
      {
        id: 'p-far-enf-2',
        name: 'Far officer 2',
        roles: ['EnforcementOfficer'],
        orgId: 'org-safety-far',
      },
      { id: 'p-far-head', name: 'Far head', roles: ['AuthorityHead'], orgId: 'org-safety-far' },
      { id: 'p-expert-1', name: 'Expert 1', roles: ['Expert'] },
      { id: 'p-expert-2', name: 'Expert 2', roles: ['Expert'] },
      {
        id: 'p-venue-op',
        name: 'Restaurant owner',
        roles: ['VenueOperator'],
        venueIds: ['venue-1'],
      },
    ],
  });
}

/**
 * The actor a person acts as in one of their roles: the directory record supplies the
 * organisation or enterprise.
 *
 * @throws RangeError when the person is unknown or does not hold the role.
 */
export function actorFor(
  directory: Pick<InMemoryDirectory, 'person'>,
  personId: string,
  role?: SafetyActor['role'],
): SafetyActor {
  const person = directory.person(personId);
  const chosen = role ?? person?.roles[0];
  if (person === undefined || chosen === undefined || !person.roles.includes(chosen)) {
    throw new RangeError(
      `no person "${personId}"${role === undefined ? '' : ` with role ${role}`} in the directory`,
    );
  }
  return {
    personId,
    role: chosen,
    ...(person.orgId === undefined ? {} : { orgId: person.orgId }),
    ...(person.enterpriseId === undefined ? {} : { enterpriseId: person.enterpriseId }),
  };
}

/** Every (person, role) pair of a directory as actors. */
export function actorsOf(directory: Pick<InMemoryDirectory, 'persons'>): SafetyActor[] {
  return directory.persons().flatMap((person) =>
    person.roles.map((role) => ({
      personId: person.id,
      role,
      ...(person.orgId === undefined ? {} : { orgId: person.orgId }),
      ...(person.enterpriseId === undefined ? {} : { enterpriseId: person.enterpriseId }),
    })),
  );
}
