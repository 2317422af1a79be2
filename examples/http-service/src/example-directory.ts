import { readFileSync } from 'node:fs';
import {
  createInMemoryDirectory,
  type DirectoryData,
  type InMemoryDirectory,
} from '@safeledger/core';

/**
 * The people and units of the example: a district safety bureau with two inspectors, an
 * enterprise with a principal and two safety officers. A deployment loads its own records
 * (`SAFELEDGER_DIRECTORY=records.json`, in the shape of `DirectoryDataSchema`).
 */
export const exampleDirectoryData: DirectoryData = {
  areas: [{ id: 'park', name: 'Chemical park', kind: 'park' }],
  organizations: [
    {
      id: 'bureau',
      name: 'District safety bureau',
      kind: 'safety',
      level: 'district',
      areaIds: ['park'],
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
  ],
  persons: [
    { id: 'li', name: 'Li', roles: ['SafetyOfficer'], enterpriseId: 'works' },
    { id: 'wang', name: 'Wang', roles: ['SafetyOfficer'], enterpriseId: 'works' },
    { id: 'zhao', name: 'Zhao', roles: ['Principal'], enterpriseId: 'works' },
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
  ],
};

/** The directory from a JSON file when given, else the example's. */
export function loadDirectory(file: string | undefined): InMemoryDirectory {
  const data = file === undefined ? exampleDirectoryData : JSON.parse(readFileSync(file, 'utf8'));
  return createInMemoryDirectory(data);
}
