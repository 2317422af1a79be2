import {
  CheckpointConflictError,
  type ProjectionCheckpoint,
  type ProjectionCommit,
  type ProjectionFailure,
  type ProjectionStore,
} from '@safeledger/core';
import type { StoreContext } from './context.js';
import { bool, int, json } from './database.js';
import type { LeaseManager } from './leases.js';
import { createPostgresFieldTables } from './postgres-field-tables.js';

const LIST_PAGE = 1_000;

/** Projection documents (jsonb), checkpoints and leases of one tenant (S1, S4-S6). */
export function createPostgresProjectionStore(
  context: StoreContext,
  leases: LeaseManager,
): ProjectionStore {
  const { sql, tenantId } = context;
  const fieldTables = createPostgresFieldTables(context);

  return {
    async getCheckpoint(name) {
      const [row] = await context.query(
        sql.checkpointGet,
        [tenantId, name],
        `read checkpoint of "${name}"`,
      );
      if (row === undefined) return undefined;
      const checkpoint: ProjectionCheckpoint = {
        name,
        version: int(row.version),
        position: row.position ?? undefined,
        status: row.status === 'failed' ? 'failed' : 'active',
        failure: row.failure === null ? undefined : (json(row.failure) as ProjectionFailure),
        updatedAt: row.updated_at!,
      };
      return checkpoint;
    },

    async loadDocuments(name, ids) {
      const documents = new Map<string, unknown>();
      if (ids.length === 0) return documents;
      const rows = await context.query(
        sql.documentsLoad,
        [tenantId, name, [...ids]],
        `load documents of "${name}"`,
      );
      for (const row of rows) documents.set(row.id!, json(row.document));
      return documents;
    },

    async commit(commit: ProjectionCommit) {
      // Serialise before writing: a document that cannot be stored leaves nothing written.
      const upserts: Record<string, unknown> = Object.create(null);
      const deletes: string[] = [];
      for (const { id, document } of commit.documents) {
        if (document === null || document === undefined) deletes.push(id);
        else upserts[id] = document;
      }
      const values = [
        tenantId,
        commit.name,
        commit.version,
        commit.expectedPosition ?? null,
        commit.position ?? null,
        commit.failure === undefined ? 'active' : 'failed',
        commit.failure === undefined ? null : JSON.stringify(commit.failure),
        commit.committedAt,
        JSON.stringify(upserts),
        deletes,
      ];
      if (commit.schema !== undefined) {
        await fieldTables.commit({ ...commit, schema: commit.schema }, values);
        return;
      }
      const [row] = await context.query(
        sql.projectionCommit,
        values,
        `commit projection "${commit.name}"`,
      );
      if (row === undefined || !bool(row.committed)) {
        throw new CheckpointConflictError(
          commit.name,
          commit.expectedPosition,
          row?.current_position ?? undefined,
        );
      }
    },

    async reset(name, version, schema) {
      await fieldTables.reset(name, version, schema);
    },

    query(request) {
      return fieldTables.query(request);
    },

    async getDocument(name, id) {
      const [row] = await context.query(
        sql.documentGet,
        [tenantId, name, id],
        `read document of "${name}"`,
      );
      return row === undefined ? undefined : json(row.document);
    },

    async listDocuments(name, options = {}) {
      const wanted = options.limit ?? Number.POSITIVE_INFINITY;
      const documents: Array<{ id: string; document: unknown }> = [];
      let afterId = options.afterId ?? null;
      while (documents.length < wanted) {
        const limit = Math.min(LIST_PAGE, wanted - documents.length);
        const rows = await context.query(
          sql.documentsList,
          [tenantId, name, afterId, limit],
          `list documents of "${name}"`,
        );
        for (const row of rows) documents.push({ id: row.id!, document: json(row.document) });
        if (rows.length < limit) break;
        afterId = rows[rows.length - 1]!.id!;
      }
      return documents;
    },

    tryAcquireLease: (name, owner, ttlMs) => leases.tryAcquire(name, owner, ttlMs),
  };
}
