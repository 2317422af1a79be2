import type { Organization, PersonRecord, VenueRecord } from '@safeledger/core';

/** The organisations and people venues are marked with (V-2), as reference data. */
export interface VenueParties {
  readonly organizations: readonly Organization[];
  readonly persons: readonly PersonRecord[];
}

/** The fire-safety organisation every venue's `special` marking names. */
export const FIRE_ORG_ID = 'org-fire';

/**
 * The responsible parties of the district's venues besides the park offices (the territorial
 * marking): one industry regulator leading each venue category present (RA-10: exactly one lead
 * per category, recorded in its `venueCategories`), the fire-rescue organisation as the special
 * regulator, and one fire advisor per park. Deterministic: no random choice.
 */
export function venueParties(
  parks: readonly string[],
  venues: readonly VenueRecord[],
): VenueParties {
  const categories = [...new Set(venues.map((venue) => venue.category))].sort();
  const organizations: Organization[] = [
    ...categories.map(
      (category): Organization => ({
        id: `org-industry-${category}`,
        name: `Industry regulator of ${category.replace(/_/g, ' ')}`,
        kind: 'industry',
        level: 'district',
        areaIds: [...parks],
        sectorCodes: [],
        venueCategories: [category],
        specialties: [],
      }),
    ),
    {
      id: FIRE_ORG_ID,
      name: 'Fire and rescue brigade',
      kind: 'special',
      level: 'district',
      areaIds: [...parks],
      sectorCodes: [],
      venueCategories: [],
      specialties: ['fire'],
    },
  ];
  const persons: PersonRecord[] = parks.map((_, i) => ({
    id: `p-fire-advisor-${i + 1}`,
    name: `Fire advisor of park ${i + 1}`,
    roles: ['FireAdvisor'],
    orgId: FIRE_ORG_ID,
    venueIds: [],
  }));
  return { organizations, persons };
}
