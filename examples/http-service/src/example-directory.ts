import { readFileSync } from 'node:fs';
import {
  createInMemoryDirectory,
  type DirectoryData,
  type InMemoryDirectory,
} from '@safeledger/core';

/**
 * The people and units of the example: a district safety bureau with two inspectors and its head, and an
 * enterprise with a principal, two safety officers and a worker in the chemical park; a harbour
 * district bureau with one inspector and a docks enterprise with one safety officer in the
 * harbour, so that ledgers and figures have two areas and two sibling organisations to tell
 * apart; a city safety bureau over both districts, whose officer reads both; and in the park a
 * street office (territorial) with an officer and a grid patroller, and a venue operator, for the
 * venue routes; a district safety committee office and a city supervision team, for
 * responsibility lists and supervision items. A deployment loads its own records
 * (`SAFELEDGER_DIRECTORY=records.json`, in the shape of `DirectoryDataSchema`).
 */
export const exampleDirectoryData: DirectoryData = {
  areas: [
    { id: 'park', name: 'Chemical park', kind: 'park' },
    { id: 'harbour', name: 'Harbour', kind: 'town' },
  ],
  organizations: [
    {
      id: 'bureau',
      name: 'District safety bureau',
      kind: 'safety',
      level: 'district',
      areaIds: ['park'],
    },
    {
      id: 'harbour-bureau',
      name: 'Harbour district safety bureau',
      kind: 'safety',
      level: 'district',
      areaIds: ['harbour'],
    },
    {
      id: 'city-bureau',
      name: 'City safety bureau',
      kind: 'safety',
      level: 'city',
      areaIds: ['park', 'harbour'],
    },
    {
      id: 'street-office',
      name: 'Park street office',
      kind: 'territorial',
      level: 'park_or_town',
      areaIds: ['park'],
    },
    {
      id: 'committee-office',
      name: 'District safety committee office',
      kind: 'committee_office',
      level: 'district',
      areaIds: ['park'],
    },
    {
      id: 'city-team',
      name: 'City supervision team',
      kind: 'supervision_team',
      level: 'city',
      areaIds: ['park', 'harbour'],
    },
  ],
  enterprises: [
    {
      id: 'works',
      name: 'Works Ltd',
      areaId: 'park',
      sectorCode: 'C26',
      supervisingOrgId: 'bureau',
    },
    {
      id: 'docks',
      name: 'Docks Ltd',
      areaId: 'harbour',
      sectorCode: 'G55',
      supervisingOrgId: 'harbour-bureau',
    },
  ],
  persons: [
    { id: 'li', name: 'Li', roles: ['SafetyOfficer'], enterpriseId: 'works' },
    { id: 'wang', name: 'Wang', roles: ['SafetyOfficer'], enterpriseId: 'works' },
    { id: 'zhao', name: 'Zhao', roles: ['Principal'], enterpriseId: 'works' },
    { id: 'wu', name: 'Wu', roles: ['Worker'], enterpriseId: 'works' },
    {
      id: 'chen',
      name: 'Chen',
      roles: ['EnforcementOfficer'],
      orgId: 'bureau',
      enforcementCredentialNo: 'E-1',
    },
    {
      id: 'sun',
      name: 'Sun',
      roles: ['EnforcementOfficer', 'AuthorityHead'],
      orgId: 'bureau',
      enforcementCredentialNo: 'E-2',
    },
    { id: 'zhou', name: 'Zhou', roles: ['AuthorityHead'], orgId: 'bureau' },
    { id: 'ma', name: 'Ma', roles: ['SafetyOfficer'], enterpriseId: 'docks' },
    {
      id: 'gao',
      name: 'Gao',
      roles: ['EnforcementOfficer'],
      orgId: 'harbour-bureau',
      enforcementCredentialNo: 'E-3',
    },
    {
      id: 'qian',
      name: 'Qian',
      roles: ['EnforcementOfficer'],
      orgId: 'city-bureau',
      enforcementCredentialNo: 'E-4',
    },
    { id: 'he', name: 'He', roles: ['TerritorialOfficer'], orgId: 'street-office' },
    { id: 'lin', name: 'Lin', roles: ['GridPatroller'], orgId: 'street-office' },
    { id: 'xu', name: 'Xu', roles: ['VenueOperator'], venueIds: ['v-1'] },
    { id: 'tang', name: 'Tang', roles: ['SafetyCommitteeOffice'], orgId: 'committee-office' },
    { id: 'fang', name: 'Fang', roles: ['SupervisionTeam'], orgId: 'city-team' },
  ],
};

/** The directory from a JSON file when given, else the example's. */
export function loadDirectory(file: string | undefined): InMemoryDirectory {
  const data = file === undefined ? exampleDirectoryData : JSON.parse(readFileSync(file, 'utf8'));
  return createInMemoryDirectory(data);
}
