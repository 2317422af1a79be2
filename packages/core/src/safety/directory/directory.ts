import type { Organization } from './organization.js';
import type { PersonRecord } from './person.js';
import type { Area, EnterpriseRecord, SiteRecord, VenueRecord } from './subject-records.js';

/**
 * The reference data deciders consult for authorisation (G-5) and classification snapshots
 * (G-8). It is a pure, synchronous lookup: deciders must stay pure, so an application loads
 * what it needs (or keeps a cache) and hands a directory to the decider at construction.
 * Every lookup returns `undefined` for an unknown id.
 */
export interface Directory {
  area(id: string): Area | undefined;
  organization(id: string): Organization | undefined;
  person(id: string): PersonRecord | undefined;
  enterprise(id: string): EnterpriseRecord | undefined;
  venue(id: string): VenueRecord | undefined;
  site(id: string): SiteRecord | undefined;
}
