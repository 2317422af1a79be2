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
  /** The area with this id. */
  area(id: string): Area | undefined;
  /** The organisation (regulator, committee office, …) with this id. */
  organization(id: string): Organization | undefined;
  /** The person with this id. */
  person(id: string): PersonRecord | undefined;
  /** The enterprise with this id. */
  enterprise(id: string): EnterpriseRecord | undefined;
  /** The small venue with this id. */
  venue(id: string): VenueRecord | undefined;
  /** The multi-tenant site with this id. */
  site(id: string): SiteRecord | undefined;
}
