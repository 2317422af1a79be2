import type { Directory } from './directory.js';
import type { Organization } from './organization.js';
import type { PersonRecord } from './person.js';
import type { Area, EnterpriseRecord, SiteRecord, VenueRecord } from './subject-records.js';

/** The record types of a directory, keyed by the name of the `Directory` lookup that returns them. */
export interface DirectoryRecordTypes {
  readonly area: Area;
  readonly organization: Organization;
  readonly person: PersonRecord;
  readonly enterprise: EnterpriseRecord;
  readonly venue: VenueRecord;
  readonly site: SiteRecord;
}

/** A kind of directory record: `area`, `organization`, `person`, `enterprise`, `venue`, `site`. */
export type DirectoryRecordKind = keyof DirectoryRecordTypes;

/** Every kind of directory record, in a fixed order. */
export const directoryRecordKinds: readonly DirectoryRecordKind[] = Object.freeze([
  'area',
  'organization',
  'person',
  'enterprise',
  'venue',
  'site',
]);

/** The ids to load, per kind of record. */
export type DirectoryRequest = { readonly [K in DirectoryRecordKind]?: readonly string[] };

/** Loaded records, per kind; an id the source does not know is simply missing. */
export type DirectoryRecords = {
  readonly [K in DirectoryRecordKind]?: readonly DirectoryRecordTypes[K][];
};

/**
 * Where deciders' reference data comes from, asynchronously and by id: the enterprise registry's
 * read models, a database of the application's own, or a hand-filled directory
 * (`directorySourceOf`). A decider's `prepare` asks for the few records one command reads (one
 * batch per kind and round, see `loadDirectoryFacts`), so nothing is preloaded wholesale and
 * `decide` stays pure.
 */
export interface DirectorySource {
  /**
   * Loads the records with the requested ids; unknown ids are left out of the answer.
   * @throws ProjectionLaggingError (`PROJECTION_LAGGING`) when the records behind an answer are
   * not yet projected (G-9); a command handler retries it.
   */
  load(request: DirectoryRequest): Promise<DirectoryRecords>;
}

/** True for a `DirectorySource`, false for a synchronous `Directory`. */
export function isDirectorySource(value: Directory | DirectorySource): value is DirectorySource {
  return typeof (value as Partial<DirectorySource>).load === 'function';
}

/**
 * Adapts a synchronous, hand-filled directory (such as `createInMemoryDirectory`'s) to a
 * `DirectorySource`, for applications that keep reference data outside the registry.
 */
export function directorySourceOf(directory: Directory): DirectorySource {
  return {
    async load(request) {
      const records: Record<string, unknown[]> = {};
      for (const kind of directoryRecordKinds) {
        const ids = request[kind];
        if (ids === undefined) continue;
        const lookup = directory[kind] as (id: string) => unknown;
        records[kind] = ids.map((id) => lookup(id)).filter((record) => record !== undefined);
      }
      return records as DirectoryRecords;
    },
  };
}
