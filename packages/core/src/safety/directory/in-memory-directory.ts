import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../../eventsourcing/errors.js';
import { parseOrThrow } from '../general/bad-input.js';
import type { Directory } from './directory.js';
import { type Organization, OrganizationSchema } from './organization.js';
import { type PersonRecord, PersonRecordSchema } from './person.js';
import {
  type Area,
  AreaSchema,
  type EnterpriseRecord,
  EnterpriseRecordSchema,
  type SiteRecord,
  SiteRecordSchema,
  type VenueRecord,
  VenueRecordSchema,
} from './subject-records.js';

/** The reference data of an in-memory directory; every list is optional. */
export const DirectoryDataSchema = z
  .object({
    areas: z.array(AreaSchema).default(() => []),
    organizations: z.array(OrganizationSchema).default(() => []),
    persons: z.array(PersonRecordSchema).default(() => []),
    enterprises: z.array(EnterpriseRecordSchema).default(() => []),
    venues: z.array(VenueRecordSchema).default(() => []),
    sites: z.array(SiteRecordSchema).default(() => []),
  })
  .strict();
/** `DirectoryData` as callers write it (validated by `DirectoryDataSchema`). */
export type DirectoryData = z.input<typeof DirectoryDataSchema>;

/** A directory held in memory that can also list its records (for tests, demos and fixtures). */
export interface InMemoryDirectory extends Directory {
  /** Every area, in the order given. */
  areas(): readonly Area[];
  /** Every organisation, in the order given. */
  organizations(): readonly Organization[];
  /** Every person, in the order given. */
  persons(): readonly PersonRecord[];
  /** Every enterprise, in the order given. */
  enterprises(): readonly EnterpriseRecord[];
  /** Every venue, in the order given. */
  venues(): readonly VenueRecord[];
  /** Every multi-tenant site, in the order given. */
  sites(): readonly SiteRecord[];
}

/**
 * Creates an in-memory directory from reference data, validated and frozen.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) when a record is malformed, an id repeats
 * within its list, or a person belongs to an enterprise or organisation the data does not list;
 * the message names each offending value.
 */
export function createInMemoryDirectory(data: DirectoryData = {}): InMemoryDirectory {
  const parsed = parseOrThrow(DirectoryDataSchema, data, 'DirectoryData');
  const areas = index('areas', parsed.areas);
  const organizations = index('organizations', parsed.organizations);
  const persons = index('persons', parsed.persons);
  const enterprises = index('enterprises', parsed.enterprises);
  const venues = index('venues', parsed.venues);
  const sites = index('sites', parsed.sites);
  assertMembershipsExist(persons, organizations, enterprises);
  return Object.freeze({
    area: (id: string) => areas.get(id),
    organization: (id: string) => organizations.get(id),
    person: (id: string) => persons.get(id),
    enterprise: (id: string) => enterprises.get(id),
    venue: (id: string) => venues.get(id),
    site: (id: string) => sites.get(id),
    areas: () => [...areas.values()],
    organizations: () => [...organizations.values()],
    persons: () => [...persons.values()],
    enterprises: () => [...enterprises.values()],
    venues: () => [...venues.values()],
    sites: () => [...sites.values()],
  });
}

function index<T extends { id: string }>(list: string, records: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const record of records) {
    if (byId.has(record.id)) {
      const path = `${list}.id`;
      throw new ValidationError(`invalid DirectoryData: ${path}: id "${record.id}" appears twice`, [
        { type: 'DirectoryData', path, message: `id "${record.id}" appears twice` },
      ]);
    }
    byId.set(record.id, deepFreeze(record));
  }
  return byId;
}

// A person whose employer is missing would fail every authorisation check later with a message
// about scope; rejecting the data up front names the real mistake (usually a mistyped id).
function assertMembershipsExist(
  persons: ReadonlyMap<string, PersonRecord>,
  organizations: ReadonlyMap<string, Organization>,
  enterprises: ReadonlyMap<string, EnterpriseRecord>,
): void {
  const issues: ValidationIssue[] = [];
  for (const person of persons.values()) {
    if (person.enterpriseId !== undefined && !enterprises.has(person.enterpriseId)) {
      issues.push({
        type: 'DirectoryData',
        path: 'persons.enterpriseId',
        message: `person "${person.id}" belongs to enterprise "${person.enterpriseId}", which is not in the directory`,
      });
    }
    if (person.orgId !== undefined && !organizations.has(person.orgId)) {
      issues.push({
        type: 'DirectoryData',
        path: 'persons.orgId',
        message: `person "${person.id}" belongs to organisation "${person.orgId}", which is not in the directory`,
      });
    }
  }
  if (issues.length === 0) return;
  throw new ValidationError(
    `invalid DirectoryData: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    issues,
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
