import { createInMemoryDirectory, type DirectoryData, type EventStore } from '@safeledger/core';
import type { ConformanceContext } from './harness.js';

/*
 * What the safety cases share: the clock every handler reads, a small district, and several
 * store instances on one database, so cross-stream rules are checked the way a deployment runs.
 */

/** The instant every safety case's handlers and runners read as "now". */
export const safetyNow = new Date('2024-03-01T02:00:00.000Z');

/**
 * A district with one park, a safety bureau with a credentialed enforcement officer (`o1`) and
 * one enterprise it supervises (`works`); each case adds the organisations and people its rule
 * needs.
 */
export function parkDistrict(extra: {
  readonly organizations: NonNullable<DirectoryData['organizations']>;
  readonly persons: NonNullable<DirectoryData['persons']>;
}) {
  return createInMemoryDirectory({
    areas: [{ id: 'park', name: 'Park', kind: 'park' }],
    organizations: [
      ...extra.organizations,
      { id: 'bureau', name: 'Safety bureau', kind: 'safety', level: 'district', areaIds: ['park'] },
    ],
    enterprises: [
      { id: 'works', name: 'Works', areaId: 'park', sectorCode: 'C26', supervisingOrgId: 'bureau' },
    ],
    persons: [
      {
        id: 'o1',
        name: 'Officer 1',
        roles: ['EnforcementOfficer'],
        orgId: 'bureau',
        enforcementCredentialNo: 'E1',
      },
      ...extra.persons,
    ],
  });
}

/** A port's answer as read at version 0 of a stream nobody wrote since: never stale. */
export const fresh = <T>(value: T) => ({ value, streamId: 'x', seenVersion: 0, headVersion: 0 });

/** As many store instances on the case's database as the scale asks for. */
export function openInstances(
  context: ConformanceContext,
  options: Parameters<ConformanceContext['open']>[0],
): Promise<EventStore[]> {
  return Promise.all(Array.from({ length: context.scale.instances }, () => context.open(options)));
}

let counter = 0;

/** A tag unique within the process and across runs on a kept database, for ids and names. */
export function uniqueTag(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}
