import { randomUUID } from 'node:crypto';
import {
  CheckpointConflictError,
  type ProjectionCheckpoint,
  type ProjectionCommit,
  type ProjectionFailure,
  type ProjectionFieldSchema,
  type ProjectionLease,
  type ProjectionStore,
  ValidationError,
} from '@safeledger/core';
import type BetterSqlite3 from 'better-sqlite3';
import { createSqliteFieldTables } from './sqlite-field-tables.js';
import type { StoreAccess } from './store-access.js';

type CheckpointRow = [
  version: number,
  position: string | null,
  status: 'active' | 'failed',
  failure: string | null,
  updatedAt: string,
];

/**
 * Projection documents, checkpoints and leases next to the events. A commit writes documents
 * and checkpoint in one IMMEDIATE transaction fenced on the checkpoint it was read after (S1).
 */
export function createSqliteProjectionStore(
  db: BetterSqlite3.Database,
  access: StoreAccess,
): ProjectionStore {
  const { projections, documents, leases } = access.tables;
  const fieldTables = createSqliteFieldTables(db, access.tables);
  const selectCheckpoint = db
    .prepare(
      `SELECT version, position, status, failure, updated_at FROM ${projections} WHERE name = ?`,
    )
    .raw();
  const writeCheckpoint = db.prepare(
    `INSERT INTO ${projections} (name, version, position, status, failure, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET
       version = excluded.version, position = excluded.position, status = excluded.status,
       failure = excluded.failure, updated_at = excluded.updated_at`,
  );
  const selectDocument = db
    .prepare(`SELECT document FROM ${documents} WHERE name = ? AND id = ?`)
    .pluck();
  const selectDocuments = db
    .prepare(
      `SELECT id, document FROM ${documents}
       WHERE name = ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .raw();
  const listFrom = db
    .prepare(`SELECT id, document FROM ${documents} WHERE name = ? AND id > ? ORDER BY id LIMIT ?`)
    .raw();
  const listAll = db
    .prepare(`SELECT id, document FROM ${documents} WHERE name = ? ORDER BY id LIMIT ?`)
    .raw();
  const upsertDocument = db.prepare(
    `INSERT INTO ${documents} (name, id, document) VALUES (?, ?, ?)
     ON CONFLICT (name, id) DO UPDATE SET document = excluded.document`,
  );
  const deleteDocument = db.prepare(`DELETE FROM ${documents} WHERE name = ? AND id = ?`);
  const deleteDocuments = db.prepare(`DELETE FROM ${documents} WHERE name = ?`);
  // One statement decides and takes the lease, so two instances can never both win it; a live
  // lease is never taken again, whatever owner name asks (S4).
  const acquireLease = db.prepare(
    `INSERT INTO ${leases} (name, owner, token, expires_at)
     VALUES (@name, @owner, @token, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET
       owner = excluded.owner, token = excluded.token, expires_at = excluded.expires_at
     WHERE ${leases}.expires_at <= @now`,
  );
  const renewLease = db.prepare(`UPDATE ${leases} SET expires_at = ? WHERE name = ? AND token = ?`);
  const releaseLease = db.prepare(`DELETE FROM ${leases} WHERE name = ? AND token = ?`);

  const checkpointOf = (name: string): ProjectionCheckpoint | undefined => {
    const row = selectCheckpoint.get(name) as CheckpointRow | undefined;
    if (row === undefined) return undefined;
    const [version, position, status, failure, updatedAt] = row;
    return {
      name,
      version,
      position: position ?? undefined,
      status,
      failure: failure === null ? undefined : (JSON.parse(failure) as ProjectionFailure),
      updatedAt,
    };
  };

  const commitTransaction = db.transaction(
    (commit: ProjectionCommit, writes: ReadonlyArray<readonly [string, string | null]>) => {
      const current = checkpointOf(commit.name);
      if (
        current === undefined ||
        current.version !== commit.version ||
        current.position !== commit.expectedPosition
      ) {
        throw new CheckpointConflictError(commit.name, commit.expectedPosition, current?.position);
      }
      for (const [id, text] of writes) {
        if (text === null) deleteDocument.run(commit.name, id);
        else upsertDocument.run(commit.name, id, text);
      }
      // Indexed fields in the same transaction as documents and checkpoint (S7).
      if (commit.schema !== undefined) {
        fieldTables.write(commit.schema, commit.documents);
        // A rebuild that reached the head builds the indexes it left out (see `create`).
        if (commit.atHead === true) fieldTables.buildIndexes(commit.schema);
      }
      writeCheckpoint.run(
        commit.name,
        commit.version,
        commit.position ?? null,
        commit.failure === undefined ? 'active' : 'failed',
        commit.failure === undefined ? null : JSON.stringify(commit.failure),
        commit.committedAt,
      );
    },
  );

  const resetTransaction = db.transaction(
    (name: string, version: number, at: string, schema: ProjectionFieldSchema | undefined) => {
      fieldTables.clear(name);
      if (schema !== undefined) fieldTables.create(schema);
      deleteDocuments.run(name);
      writeCheckpoint.run(name, version, null, 'active', null, at);
    },
  );

  const lease = (name: string, owner: string, token: string, ttlMs: number): ProjectionLease => ({
    name,
    owner,
    renew() {
      return access.run(
        'lease renewal',
        () => renewLease.run(access.now() + ttlMs, name, token).changes === 1,
      );
    },
    async release() {
      await access.run('lease release', () => {
        releaseLease.run(name, token);
      });
    },
  });

  return {
    getCheckpoint(name) {
      return access.run('checkpoint read', () => checkpointOf(name));
    },

    loadDocuments(name, ids) {
      return access.run('document load', () => {
        const found = new Map<string, unknown>();
        if (ids.length === 0) return found;
        const rows = selectDocuments.all(name, JSON.stringify(ids)) as Array<[string, string]>;
        for (const [id, text] of rows) found.set(id, JSON.parse(text));
        return found;
      });
    },

    async commit(commit) {
      // Serialised first: a document that cannot be stored must leave nothing written.
      const writes = commit.documents.map(({ id, document }) => {
        if (document === null || document === undefined) return [id, null] as const;
        const text = JSON.stringify(document);
        if (typeof text !== 'string') {
          throw new ValidationError(
            `projection "${commit.name}" document "${id}" cannot be stored as JSON`,
            [],
          );
        }
        return [id, text] as const;
      });
      await access.run('projection commit', () => {
        commitTransaction.immediate(commit, writes);
      });
    },

    reset(name, version, schema) {
      return access.run('projection reset', () => {
        resetTransaction.immediate(name, version, new Date(access.now()).toISOString(), schema);
      });
    },

    query(request) {
      return access.run('projection query', () => fieldTables.query(request));
    },

    getDocument(name, id) {
      return access.run('document read', () => {
        const text = selectDocument.get(name, id) as string | undefined;
        return text === undefined ? undefined : (JSON.parse(text) as unknown);
      });
    },

    listDocuments(name, options = {}) {
      const limit = options.limit ?? -1; // SQLite reads a negative LIMIT as "no limit".
      return access.run('document list', () => {
        const rows = (
          options.afterId === undefined
            ? listAll.all(name, limit)
            : listFrom.all(name, options.afterId, limit)
        ) as Array<[string, string]>;
        return rows.map(([id, text]) => ({ id, document: JSON.parse(text) as unknown }));
      });
    },

    tryAcquireLease(name, owner, ttlMs) {
      return access.run('lease acquisition', () => {
        const now = access.now();
        const token = randomUUID();
        const taken =
          acquireLease.run({ name, owner, token, expiresAt: now + ttlMs, now }).changes === 1;
        return taken ? lease(name, owner, token, ttlMs) : undefined;
      });
    },
  };
}
