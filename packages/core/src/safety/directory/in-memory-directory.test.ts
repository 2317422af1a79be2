import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../eventsourcing/errors.js';
import { createInMemoryDirectory, type DirectoryData } from './in-memory-directory.js';

const base = {
  areas: [{ id: 'park', name: 'Park', kind: 'park' }],
  organizations: [
    { id: 'bureau', name: 'Safety bureau', kind: 'safety', level: 'district', areaIds: ['park'] },
  ],
  enterprises: [
    { id: 'works', name: 'Works', areaId: 'park', sectorCode: 'C26', supervisingOrgId: 'bureau' },
  ],
} satisfies DirectoryData;

function rejection(data: DirectoryData): ValidationError {
  try {
    createInMemoryDirectory(data);
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('createInMemoryDirectory', () => {
  it('accepts persons of listed enterprises and organisations', () => {
    const directory = createInMemoryDirectory({
      ...base,
      persons: [
        { id: 'li', name: 'Li', roles: ['SafetyOfficer'], enterpriseId: 'works' },
        { id: 'zhao', name: 'Zhao', roles: ['EnforcementOfficer'], orgId: 'bureau' },
      ],
    });
    expect(directory.person('li')?.enterpriseId).toBe('works');
  });

  it('rejects a person whose enterprise is not in the directory, naming both', () => {
    const error = rejection({
      ...base,
      persons: [{ id: 'li', name: 'Li', roles: ['SafetyOfficer'], enterpriseId: 'wroks' }],
    });
    expect(error.message).toBe(
      'invalid DirectoryData: persons.enterpriseId: person "li" belongs to enterprise "wroks", which is not in the directory',
    );
    expect(error.issues).toEqual([
      {
        type: 'DirectoryData',
        path: 'persons.enterpriseId',
        message: 'person "li" belongs to enterprise "wroks", which is not in the directory',
      },
    ]);
  });

  it('rejects a person whose organisation is not in the directory, naming both', () => {
    const error = rejection({
      ...base,
      persons: [{ id: 'zhao', name: 'Zhao', roles: ['EnforcementOfficer'], orgId: 'nobody' }],
    });
    expect(error.message).toContain(
      'person "zhao" belongs to organisation "nobody", which is not in the directory',
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['persons.orgId']);
  });
});
