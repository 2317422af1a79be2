import {
  createInMemoryDirectory,
  type EnterpriseCommand,
  type InMemoryDirectory,
  type SafetyActor,
  usccAlphabet,
  usccCheckCharacter,
} from '@safeledger/core';
import fc from 'fast-check';

/**
 * Organisations and officers an enterprise registry needs: a territorial office of the park, an
 * industry regulator of sector C26, and grading authorities at national, provincial and city
 * level, each with one officer (`p-terr`, `p-ind`, `p-national`, `p-province`, `p-city`).
 * Enterprise people are not listed: the registry itself records principals and safety officers.
 */
export function createSampleRegistryDirectory(): InMemoryDirectory {
  const authority = (id: string, level: 'national' | 'province' | 'city') => ({
    id,
    name: `Emergency management (${level})`,
    kind: 'safety' as const,
    level,
    areaIds: 'all' as const,
  });
  return createInMemoryDirectory({
    areas: [
      { id: 'area-park', name: 'Chemical park', kind: 'park' },
      { id: 'area-far', name: 'Far town', kind: 'town' },
    ],
    organizations: [
      {
        id: 'org-territorial',
        name: 'Park administration',
        kind: 'territorial',
        level: 'park_or_town',
        areaIds: ['area-park'],
      },
      {
        id: 'org-industry',
        name: 'Industry bureau',
        kind: 'industry',
        level: 'district',
        areaIds: ['area-park', 'area-far'],
        sectorCodes: ['C26'],
      },
      authority('org-national', 'national'),
      authority('org-province', 'province'),
      authority('org-city', 'city'),
    ],
    persons: [
      {
        id: 'p-terr',
        name: 'Territorial officer',
        roles: ['TerritorialOfficer'],
        orgId: 'org-territorial',
      },
      { id: 'p-ind', name: 'Industry officer', roles: ['IndustryOfficer'], orgId: 'org-industry' },
      {
        id: 'p-national',
        name: 'National grader',
        roles: ['EnforcementOfficer'],
        orgId: 'org-national',
      },
      {
        id: 'p-province',
        name: 'Provincial grader',
        roles: ['EnforcementOfficer'],
        orgId: 'org-province',
      },
      { id: 'p-city', name: 'City grader', roles: ['EnforcementOfficer'], orgId: 'org-city' },
    ],
  });
}

/** Valid unified social credit codes: 17 random characters of the alphabet and their check character. */
export function usccArbitrary(): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...usccAlphabet), { minLength: 17, maxLength: 17 })
    .map((chars) => {
      const body = chars.join('');
      return body + usccCheckCharacter(body);
    });
}

/** Codes that are not valid: a wrong check character, a wrong length or a foreign character. */
export function invalidUsccArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    usccArbitrary().chain((code) =>
      fc
        .constantFrom(...usccAlphabet)
        .filter((c) => c !== code[17])
        .map((c) => code.slice(0, 17) + c),
    ),
    usccArbitrary().map((code) => code.slice(0, 17)),
    usccArbitrary().chain((code) =>
      fc
        .integer({ min: 0, max: 17 })
        .chain((at) =>
          fc
            .constantFrom('I', 'O', 'S', 'V', 'Z', 'a', '-')
            .map((c) => code.slice(0, at) + c + code.slice(at + 1)),
        ),
    ),
  );
}

/** The officer of the sample registry directory who registers enterprises of the park. */
export const sampleRegistrar: SafetyActor = {
  personId: 'p-terr',
  role: 'TerritorialOfficer',
  orgId: 'org-territorial',
};

/** A `RegisterEnterprise` of the park's C26 sector with a generated code and principal. */
export function registerEnterpriseArbitrary(
  enterpriseId = 'e-1',
): fc.Arbitrary<Extract<EnterpriseCommand, { type: 'RegisterEnterprise' }>> {
  return fc
    .record({
      uscc: usccArbitrary(),
      name: fc.constantFrom('Chemical works', 'Paint plant', 'Fertiliser mill'),
      principal: fc
        .constantFrom('p-a', 'p-b', 'p-c')
        .map((personId) => ({ personId, name: personId })),
      isKey: fc.boolean(),
    })
    .map(({ uscc, name, principal, isKey }) => ({
      type: 'RegisterEnterprise' as const,
      actor: sampleRegistrar,
      enterpriseId,
      uscc,
      name,
      areaId: 'area-park',
      sectorCode: 'C26',
      industryRegulatorOrgId: 'org-industry',
      isKey,
      principal,
    }));
}
