import { describe, expect, it } from 'vitest';
import { createCachedDirectorySource } from './cached-directory-source.js';
import type { DirectoryRequest, DirectorySource } from './directory-source.js';
import type { EnterpriseRecord } from './subject-records.js';

function registry() {
  const enterprises = new Map<string, EnterpriseRecord>([
    ['e-1', { id: 'e-1', name: 'Works', areaId: 'park', sectorCode: 'C26', specialties: [] }],
  ]);
  const requests: DirectoryRequest[] = [];
  const source: DirectorySource = {
    async load(request) {
      requests.push(request);
      return {
        enterprise: (request.enterprise ?? []).flatMap((id) => {
          const record = enterprises.get(id);
          return record === undefined ? [] : [record];
        }),
      };
    },
  };
  return { enterprises, requests, source };
}

describe('createCachedDirectorySource', () => {
  it('serves a found record from memory until maxAgeMs has passed, then loads it again', async () => {
    const { enterprises, requests, source } = registry();
    let now = 0;
    const cached = createCachedDirectorySource({
      source,
      maxAgeMs: 1000,
      clock: () => new Date(now),
    });
    expect((await cached.load({ enterprise: ['e-1'] })).enterprise?.[0]?.name).toBe('Works');
    enterprises.set('e-1', { ...enterprises.get('e-1')!, name: 'Works Ltd' });
    now = 1000;
    expect((await cached.load({ enterprise: ['e-1'] })).enterprise?.[0]?.name).toBe('Works');
    now = 1001;
    expect((await cached.load({ enterprise: ['e-1'] })).enterprise?.[0]?.name).toBe('Works Ltd');
    expect(requests).toHaveLength(2);
  });

  it('never caches an absent record, so a new registration is seen by the next command', async () => {
    const { enterprises, source } = registry();
    const cached = createCachedDirectorySource({ source, maxAgeMs: 60_000 });
    expect((await cached.load({ enterprise: ['e-2'] })).enterprise ?? []).toEqual([]);
    enterprises.set('e-2', {
      id: 'e-2',
      name: 'New',
      areaId: 'park',
      sectorCode: 'C26',
      specialties: [],
    });
    expect((await cached.load({ enterprise: ['e-2'] })).enterprise?.[0]?.name).toBe('New');
  });

  it('forgets one record or everything on request', async () => {
    const { enterprises, requests, source } = registry();
    const cached = createCachedDirectorySource({ source, maxAgeMs: 60_000 });
    await cached.load({ enterprise: ['e-1'] });
    enterprises.set('e-1', { ...enterprises.get('e-1')!, name: 'Renamed' });
    cached.forget('enterprise', 'e-1');
    expect((await cached.load({ enterprise: ['e-1'] })).enterprise?.[0]?.name).toBe('Renamed');
    cached.clear();
    await cached.load({ enterprise: ['e-1'] });
    expect(requests).toHaveLength(3);
  });

  it('keeps at most maxEntries records, dropping the oldest', async () => {
    const { enterprises, requests, source } = registry();
    enterprises.set('e-2', {
      id: 'e-2',
      name: 'B',
      areaId: 'park',
      sectorCode: 'C26',
      specialties: [],
    });
    const cached = createCachedDirectorySource({ source, maxAgeMs: 60_000, maxEntries: 1 });
    await cached.load({ enterprise: ['e-1'] });
    await cached.load({ enterprise: ['e-2'] });
    await cached.load({ enterprise: ['e-2'] });
    await cached.load({ enterprise: ['e-1'] });
    expect(requests.map((request) => request.enterprise)).toEqual([['e-1'], ['e-2'], ['e-1']]);
  });

  it('rejects a negative maxAgeMs, naming it', () => {
    expect(() => createCachedDirectorySource({ source: registry().source, maxAgeMs: -1 })).toThrow(
      'maxAgeMs must be ≥ 0, got -1',
    );
  });
});
