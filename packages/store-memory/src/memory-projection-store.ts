import {
  CheckpointConflictError,
  createUlidGenerator,
  type ProjectionCheckpoint,
  type ProjectionCommit,
  type ProjectionFieldSchema,
  ProjectionLaggingError,
  type ProjectionLease,
  type ProjectionStore,
  runReferenceQuery,
  StoreFailureError,
} from '@safeledger/core';
import { compareCodePoints } from './code-point-order.js';
import type { MemoryProjection, MemoryStorage } from './memory-storage.js';

/** Projection documents, checkpoints and leases of a memory storage. */
export function createMemoryProjectionStore(
  storage: MemoryStorage,
  now: () => number,
): ProjectionStore {
  const projection = (name: string): MemoryProjection | undefined => storage.projections.get(name);
  // A lease belongs to one acquisition, never to an owner name: two runners given the same
  // name must not both hold it (S4).
  const newToken = createUlidGenerator();

  // The same checks as the SQL stores: fields go to the table prepared for exactly this schema.
  const fieldTable = (schema: ProjectionFieldSchema, action: string) => {
    const table = storage.fieldTables.get(schema.signature);
    if (table === undefined) {
      if (action === 'query') {
        throw new ProjectionLaggingError(schema.projection, missingFields(schema));
      }
      throw new StoreFailureError(`cannot ${action}: ${missingFields(schema)}`);
    }
    return table;
  };

  const lease = (name: string, owner: string, token: string, ttlMs: number): ProjectionLease => ({
    name,
    owner,
    async renew() {
      const current = storage.leases.get(name);
      if (current === undefined || current.token !== token) return false;
      current.expiresAt = now() + ttlMs;
      return true;
    },
    async release() {
      if (storage.leases.get(name)?.token === token) storage.leases.delete(name);
    },
  });

  return {
    async getCheckpoint(name) {
      const found = projection(name);
      return found === undefined ? undefined : { ...found.checkpoint };
    },

    async loadDocuments(name, ids) {
      const documents = new Map<string, unknown>();
      const found = projection(name);
      if (found === undefined) return documents;
      for (const id of ids) {
        const text = found.documents.get(id);
        if (text !== undefined) documents.set(id, JSON.parse(text));
      }
      return documents;
    },

    async commit(commit: ProjectionCommit) {
      const found = projection(commit.name);
      const current = found?.checkpoint;
      if (
        current === undefined ||
        current.version !== commit.version ||
        current.position !== commit.expectedPosition
      ) {
        throw new CheckpointConflictError(commit.name, commit.expectedPosition, current?.position);
      }
      const table = commit.schema === undefined ? undefined : fieldTable(commit.schema, 'commit');
      // Serialise first: a document that cannot be stored must leave nothing written.
      const serialised = commit.documents.map(({ id, document }) => ({
        id,
        text: document === null || document === undefined ? undefined : JSON.stringify(document),
      }));
      for (const { id, text } of serialised) {
        if (text === undefined) found!.documents.delete(id);
        else found!.documents.set(id, text);
      }
      if (table !== undefined) {
        for (const { id, document, fields } of commit.documents) {
          if (document === null || document === undefined) table.rows.delete(id);
          else table.rows.set(id, { ...(fields ?? {}) });
        }
      }
      const next: ProjectionCheckpoint = {
        name: commit.name,
        version: commit.version,
        position: commit.position,
        status: commit.failure === undefined ? 'active' : 'failed',
        failure: commit.failure,
        updatedAt: commit.committedAt,
      };
      found!.checkpoint = next;
    },

    async reset(name, version, schema) {
      for (const table of storage.fieldTables.values()) {
        if (table.projection === name) table.rows.clear();
      }
      if (schema !== undefined && !storage.fieldTables.has(schema.signature)) {
        storage.fieldTables.set(schema.signature, { projection: name, rows: new Map() });
      }
      storage.projections.set(name, {
        checkpoint: {
          name,
          version,
          position: undefined,
          status: 'active',
          failure: undefined,
          updatedAt: new Date(now()).toISOString(),
        },
        documents: new Map(),
      });
    },

    async getDocument(name, id) {
      const text = projection(name)?.documents.get(id);
      return text === undefined ? undefined : JSON.parse(text);
    },

    async listDocuments(name, options = {}) {
      const found = projection(name);
      if (found === undefined) return [];
      const ids = [...found.documents.keys()].sort(compareCodePoints);
      const start =
        options.afterId === undefined
          ? 0
          : ids.findIndex((id) => compareCodePoints(id, options.afterId!) > 0);
      const selected = start < 0 ? [] : ids.slice(start, start + (options.limit ?? ids.length));
      return selected.map((id) => ({ id, document: JSON.parse(found.documents.get(id)!) }));
    },

    async query(request) {
      const table = fieldTable(request.schema, 'query');
      const documents = projection(request.schema.projection)?.documents;
      const rows = [...table.rows].map(([id, fields]) => ({
        id,
        fields,
        document: () => JSON.parse(documents?.get(id) ?? 'null'),
      }));
      return runReferenceQuery(request, rows);
    },

    async tryAcquireLease(name, owner, ttlMs) {
      const current = storage.leases.get(name);
      if (current !== undefined && current.expiresAt > now()) return undefined;
      const token = newToken();
      storage.leases.set(name, { owner, token, expiresAt: now() + ttlMs });
      return lease(name, owner, token, ttlMs);
    },
  };
}

function missingFields(schema: ProjectionFieldSchema): string {
  return `no indexed fields of projection "${schema.projection}" version ${schema.version} with this field set were prepared; run the projection, or give it a new version if its fields changed`;
}
