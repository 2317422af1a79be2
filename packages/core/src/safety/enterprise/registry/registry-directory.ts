import { ProjectionLaggingError } from '../../../eventsourcing/errors.js';
import { type EventStore, readHead } from '../../../eventsourcing/event-store.js';
import type { Directory } from '../../directory/directory.js';
import {
  type DirectoryRecordKind,
  type DirectoryRecords,
  type DirectoryRequest,
  type DirectorySource,
  directoryRecordKinds,
  directorySourceOf,
  isDirectorySource,
} from '../../directory/directory-source.js';
import type { PersonRecord } from '../../directory/person.js';
import type { Role } from '../../roles/role.js';
import { enterpriseStreamId } from '../enterprise-stream.js';
import {
  type RegistryEnterpriseDocument,
  type RegistryPersonDocument,
  registryEnterpriseProjection,
  registryPeopleProjection,
} from './registry-projections.js';

/** Options of `createRegistryDirectorySource`. */
export interface RegistryDirectorySourceOptions {
  /** The store whose projections (`registryProjections`) a runner keeps up to date. */
  readonly store: EventStore;
  /**
   * Reference data the registry does not record (areas, organisations, officers, venues, sites),
   * and enterprises or persons an application keeps elsewhere; asked for first for persons and
   * last for enterprises.
   */
  readonly base?: Directory | DirectorySource;
}

/**
 * A directory backed by the enterprise registry's read models, on any store: enterprises from
 * `registry-enterprises`, principals and safety officers from `registry-people` and the
 * enterprises that named them; everything else from `base`.
 *
 * G-9: it never answers from a read model that is behind. An enterprise's document must reflect
 * the current version of its stream `ent-{id}` (an absent one: the stream must not exist); a
 * person not in `base` is looked up only once `registry-people` has reached the head of the log
 * as of the call. Otherwise `load` throws `ProjectionLaggingError`, which a command handler
 * retries.
 */
export function createRegistryDirectorySource(
  options: RegistryDirectorySourceOptions,
): DirectorySource {
  const { store } = options;
  const base =
    options.base === undefined
      ? undefined
      : isDirectorySource(options.base)
        ? options.base
        : directorySourceOf(options.base);

  const enterprises = async (ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, RegistryEnterpriseDocument>();
    const docs = (await store.projections.loadDocuments(
      registryEnterpriseProjection.name,
      ids,
    )) as Map<string, RegistryEnterpriseDocument | null>;
    const found = new Map<string, RegistryEnterpriseDocument>();
    await Promise.all(
      ids.map(async (id) => {
        const doc = docs.get(id) ?? null;
        const seen = doc?.streamVersion ?? 0;
        const streamId = enterpriseStreamId(id);
        for await (const newer of store.readStream(streamId, {
          fromVersion: seen + 1,
          maxCount: 1,
        })) {
          throw new ProjectionLaggingError(
            registryEnterpriseProjection.name,
            `it reflects ${streamId} at version ${seen}, the stream is at ${newer.version} or later`,
          );
        }
        if (doc !== null) found.set(id, doc);
      }),
    );
    return found;
  };

  const people = async (ids: readonly string[]): Promise<PersonRecord[]> => {
    if (ids.length === 0) return [];
    const head = await readHead(store);
    const checkpoint = await store.projections.getCheckpoint(registryPeopleProjection.name);
    const position =
      checkpoint?.version === registryPeopleProjection.version ? checkpoint.position : undefined;
    if (head !== undefined && (position === undefined || position < head)) {
      throw new ProjectionLaggingError(
        registryPeopleProjection.name,
        `its checkpoint ${position ?? 'none'} is behind the head ${head}`,
      );
    }
    const docs = (await store.projections.loadDocuments(registryPeopleProjection.name, ids)) as Map<
      string,
      RegistryPersonDocument | null
    >;
    const named = [...docs.values()].filter((doc): doc is RegistryPersonDocument => doc !== null);
    const employers = await enterprises([...new Set(named.flatMap((doc) => doc.enterpriseIds))]);
    return named.flatMap((doc) => {
      // The latest enterprise that still gives the person a role (a person acts for one enterprise).
      for (const enterpriseId of [...doc.enterpriseIds].reverse()) {
        const employer = employers.get(enterpriseId);
        if (employer === undefined) continue;
        const roles: Role[] = [];
        if (employer.principal.personId === doc.personId) roles.push('Principal');
        if (employer.safetyOfficers.some((o) => o.personId === doc.personId))
          roles.push('SafetyOfficer');
        if (roles.length > 0) {
          return [{ id: doc.personId, name: doc.name, roles, enterpriseId, venueIds: [] }];
        }
      }
      return [];
    });
  };

  return {
    async load(request: DirectoryRequest): Promise<DirectoryRecords> {
      const fromBase = base === undefined ? {} : await base.load(request);
      const answer: { [K in DirectoryRecordKind]?: unknown[] } = {};
      for (const kind of directoryRecordKinds) {
        if (kind !== 'person' && kind !== 'enterprise' && fromBase[kind] !== undefined) {
          answer[kind] = [...fromBase[kind]];
        }
      }
      const basePersons = fromBase.person ?? [];
      const knownPersons = new Set(basePersons.map((p) => p.id));
      answer.person = [
        ...basePersons,
        ...(await people((request.person ?? []).filter((id) => !knownPersons.has(id)))),
      ];
      const registered = await enterprises(request.enterprise ?? []);
      answer.enterprise = [
        ...[...registered.values()].map((doc) => doc.record),
        ...(fromBase.enterprise ?? []).filter((e) => !registered.has(e.id)),
      ];
      return answer as DirectoryRecords;
    },
  };
}
