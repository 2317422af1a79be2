import type { Organization, PersonRecord, SafetyActor } from '@safeledger/core';

// The enterprise registry (§4.8) needs officers the rest of the world does not: territorial
// officers who enter enterprises in the registry (E-1, G-5), and the authorities that award
// standardization grades, grade 2 at provincial and grade 3 at municipal level (E-3).

/** The provincial emergency management department: it awards grade 2. */
export const PROVINCIAL_AUTHORITY_ID = 'org-province-emergency';
/** The municipal emergency management bureau: it awards grade 3. */
export const MUNICIPAL_AUTHORITY_ID = 'org-city-emergency';

/** The territorial officer of a park, who registers the park's enterprises. */
export function territorialOfficerOf(parkIndex: number): SafetyActor {
  return {
    personId: `p-territorial-${parkIndex + 1}`,
    role: 'TerritorialOfficer',
    orgId: `org-park-${parkIndex + 1}`,
  };
}

/** The officer of the grading authority of a standardization grade (2 or 3). */
export function gradingOfficer(grade: 2 | 3): SafetyActor {
  return grade === 2
    ? { personId: 'p-province-grading', role: 'IndustryOfficer', orgId: PROVINCIAL_AUTHORITY_ID }
    : { personId: 'p-city-grading', role: 'IndustryOfficer', orgId: MUNICIPAL_AUTHORITY_ID };
}

/**
 * Adds the registry's officers and the grading authorities to the world's reference data: one
 * territorial officer per park office, and the provincial and municipal authorities with one
 * grading officer each.
 */
export function addComplianceAuthorities(
  parks: readonly string[],
  organizations: Organization[],
  persons: PersonRecord[],
): void {
  const authority = (id: string, name: string, level: 'province' | 'city'): Organization => ({
    id,
    name,
    kind: 'safety',
    level,
    areaIds: [...parks],
    sectorCodes: [],
    venueCategories: [],
    specialties: [],
  });
  organizations.push(
    authority(PROVINCIAL_AUTHORITY_ID, 'Provincial emergency management department', 'province'),
    authority(MUNICIPAL_AUTHORITY_ID, 'Municipal emergency management bureau', 'city'),
  );
  parks.forEach((_, i) => {
    const actor = territorialOfficerOf(i);
    persons.push({
      id: actor.personId,
      name: `Territorial officer of park ${i + 1}`,
      roles: ['TerritorialOfficer'],
      orgId: actor.orgId!,
      venueIds: [],
    });
  });
  for (const grade of [2, 3] as const) {
    const actor = gradingOfficer(grade);
    persons.push({
      id: actor.personId,
      name: `Grading officer (grade ${grade})`,
      // Not enforcement officers: the report counts those as the service teams' officers.
      roles: ['IndustryOfficer'],
      orgId: actor.orgId!,
      venueIds: [],
    });
  }
}
