import {
  CheckpointConflictError,
  compileProjectionQuery,
  type IndexedFieldType,
  type ProjectionCommit,
  type ProjectionFieldSchema,
  ProjectionLaggingError,
  type ProjectionQueryRequest,
  type ProjectionQueryResult,
  type ScalarValue,
  type SqlQueryDialect,
  StoreFailureError,
} from '@safeledger/core';
import type { PoolClient } from 'pg';
import type { StoreContext } from './context.js';
import { bool, int, json, type RawRow, run } from './database.js';
import { translateError } from './pg-errors.js';
import { quoteIdentifier } from './schema-name.js';

const SQL_TYPES: Record<IndexedFieldType, string> = {
  text: 'text COLLATE "C"',
  integer: 'bigint',
  date: 'text COLLATE "C"',
  instant: 'text COLLATE "C"',
  boolean: 'boolean',
  text_array: 'text[]',
};

const RECORD_TYPES: Record<IndexedFieldType, string> = {
  ...SQL_TYPES,
  text: 'text',
  date: 'text',
  instant: 'text',
};

const quote = (name: string) => `"${name}"`;

/** Turns the compiler's `?` placeholders into `$1, $2, ...` (no `?` occurs in names or literals). */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/**
 * Indexed fields as real columns (S7) on PostgreSQL: one table per projection field schema
 * (`pf_<key>`), shared by the tenants of the schema and keyed `(tenant_id, id)`; one btree
 * index `(tenant_id, field NULLS FIRST, id)` per scalar field that keeps its own index
 * (`ownIndex`, the default), the declared composite indexes and a GIN index per text-array
 * field. Writes share the transaction of the documents and checkpoint. A new table is filled
 * without its secondary indexes; the first commit that reaches the head of the log builds them
 * (`buildIndexes`).
 */
export function createPostgresFieldTables(context: StoreContext) {
  const s = quoteIdentifier(context.schema);
  const registry = `${s}.projection_field_tables`;
  const known = new Map<string, string>();

  async function transaction<T>(
    action: string,
    body: (client: PoolClient) => Promise<T>,
  ): Promise<T> {
    await context.ready();
    let client: PoolClient;
    try {
      client = await context.pool.connect();
    } catch (error) {
      throw translateError(error, action, context.schema);
    }
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw translateError(error, action, context.schema);
    } finally {
      client.release();
    }
  }

  const tableOfSchema = (schema: ProjectionFieldSchema) => `${s}.${quote(`pf_${schema.key}`)}`;

  /** The table with its key only; its indexes come from `indexesOf`. */
  function create(schema: ProjectionFieldSchema): string {
    const columns = schema.fields.map(({ name, type }) => `, ${quote(name)} ${SQL_TYPES[type]}`);
    return `CREATE TABLE ${tableOfSchema(schema)} (tenant_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL${columns.join('')}, PRIMARY KEY (tenant_id, id))`;
  }

  /** The secondary indexes of a schema's table, by name. */
  function indexesOf(schema: ProjectionFieldSchema): ReadonlyArray<{ name: string; sql: string }> {
    const table = tableOfSchema(schema);
    const named = (suffix: string, definition: string) => {
      const name = `pf_${schema.key}_${suffix}`;
      return { name, sql: `CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${table} ${definition}` };
    };
    return [
      ...schema.fields
        .filter(({ ownIndex }) => ownIndex)
        .map(({ name, type }) =>
          type === 'text_array'
            ? named(`g_${name}`, `USING gin (${quote(name)})`)
            : named(`i_${name}`, `(tenant_id, ${quote(name)} NULLS FIRST, id)`),
        ),
      ...schema.indexes.map((fields, i) =>
        named(
          `c${i}`,
          `(tenant_id, ${fields.map((f) => `${quote(f)} NULLS FIRST`).join(', ')}, id)`,
        ),
      ),
    ];
  }

  /** Signatures whose indexes are known to exist; they are never dropped once built. */
  const indexed = new Set<string>();

  /**
   * Builds the indexes a new table was created without, once a commit reaches the head of the
   * log: filling a table during a replay and then sorting each index once is many times
   * cheaper than keeping a dozen indexes up to date row by row. The table is shared by the
   * tenants of the schema, so indexes, once built, stay; only a table's first fill defers them.
   */
  async function buildIndexes(client: PoolClient, schema: ProjectionFieldSchema): Promise<void> {
    const wanted = indexesOf(schema);
    const names = wanted.map(({ name }) => name);
    const present = async () => {
      const [row] = await run(
        client,
        'SELECT count(*) AS n FROM pg_indexes WHERE schemaname = $1 AND indexname = ANY ($2::text[])',
        [context.schema, names],
      );
      return int(row?.n) === names.length;
    };
    if (!(await present())) {
      // Serialised with other builders and creators of this table, then checked again.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `safeledger.pf.${schema.signature}`,
      ]);
      if (!(await present())) for (const { sql } of wanted) await client.query(sql);
    }
  }

  async function tableOf(
    schema: ProjectionFieldSchema,
    client?: PoolClient,
  ): Promise<string | undefined> {
    const cached = known.get(schema.signature);
    if (cached !== undefined) return cached;
    const [row] = await run(
      client ?? context.pool,
      `SELECT table_name FROM ${registry} WHERE signature = $1`,
      [schema.signature],
    );
    const table = row?.table_name ?? undefined;
    if (table !== undefined) known.set(schema.signature, table);
    return table;
  }

  const missing = (schema: ProjectionFieldSchema) =>
    `no indexed fields of projection "${schema.projection}" version ${schema.version} with this field set were prepared; run the projection, or give it a new version if its fields changed`;

  return {
    /** Resets a projection of this tenant: empties its field tables, prepares the new one. */
    async reset(name: string, version: number, schema: ProjectionFieldSchema | undefined) {
      await transaction(`reset projection "${name}"`, async (client) => {
        if (schema !== undefined) {
          // Serialises concurrent creators of one table (several instances, several tenants).
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
            `safeledger.pf.${schema.signature}`,
          ]);
          const [row] = await run(
            client,
            `SELECT table_name FROM ${registry} WHERE signature = $1`,
            [schema.signature],
          );
          if (row === undefined) {
            const tableName = `pf_${schema.key}`;
            const [taken] = await run(
              client,
              `SELECT signature FROM ${registry} WHERE table_name = $1`,
              [tableName],
            );
            if (taken !== undefined) {
              throw new StoreFailureError(
                `field table ${tableName} of projection "${name}" collides with another field schema; rename the projection or change its version`,
              );
            }
            await client.query(create(schema));
            await client.query(
              `INSERT INTO ${registry} (signature, name, table_name) VALUES ($1, $2, $3)`,
              [schema.signature, name, tableName],
            );
          }
        }
        const tables = await run(client, `SELECT table_name FROM ${registry} WHERE name = $1`, [
          name,
        ]);
        for (const { table_name } of tables) {
          await client.query(`DELETE FROM ${s}.${quote(table_name!)} WHERE tenant_id = $1`, [
            context.tenantId,
          ]);
        }
        await client.query(`SELECT ${s}.projection_reset($1, $2, $3, $4)`, [
          context.tenantId,
          name,
          version,
          context.now().toISOString(),
        ]);
      });
    },

    /** Commits documents, field values and checkpoint in one transaction (S1, S7). */
    async commit(
      commit: ProjectionCommit & { schema: ProjectionFieldSchema },
      values: readonly unknown[],
    ) {
      const schema = commit.schema;
      const building = commit.atHead === true && !indexed.has(schema.signature);
      await transaction(`commit projection "${commit.name}"`, async (client) => {
        const table = await tableOf(schema, client);
        if (table === undefined) throw new StoreFailureError(`cannot commit: ${missing(schema)}`);
        const [row] = await run(client, context.sql.projectionCommit, values);
        if (row === undefined || !bool(row.committed)) {
          throw new CheckpointConflictError(
            commit.name,
            commit.expectedPosition,
            row?.current_position ?? undefined,
          );
        }
        if (building) await buildIndexes(client, schema);
        const target = `${s}.${quote(table)}`;
        const kept = (d: (typeof commit.documents)[number]) =>
          d.document !== null && d.document !== undefined && d.fields !== undefined;
        // Rows of removed documents go one primary-key probe each: `id = ANY (ids)` may be
        // planned, from statistics that lag a growing table, as a walk of the tenant's rows.
        for (const { id } of commit.documents.filter((d) => !kept(d))) {
          await client.query(`DELETE FROM ${target} WHERE tenant_id = $1 AND id = $2`, [
            context.tenantId,
            id,
          ]);
        }
        const records = commit.documents.filter(kept).map((d) => ({ ...d.fields, id: d.id }));
        if (records.length === 0) return;
        const names = schema.fields.map((f) => quote(f.name));
        const definitions = schema.fields.map((f) => `, ${quote(f.name)} ${RECORD_TYPES[f.type]}`);
        // An upsert through the primary key (one probe per row), not a delete by a list of ids.
        await client.query(
          `INSERT INTO ${target} (tenant_id, id${names.map((n) => `, ${n}`).join('')})
           SELECT $1, r.id${names.map((n) => `, r.${n}`).join('')}
           FROM jsonb_to_recordset($2::jsonb) AS r(id text${definitions.join('')})
           ON CONFLICT (tenant_id, id) DO ${
             names.length === 0
               ? 'NOTHING'
               : `UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`
           }`,
          [context.tenantId, JSON.stringify(records)],
        );
      });
      // Remembered only once committed: a rolled-back build leaves the indexes to the next one.
      if (building) indexed.add(schema.signature);
    },

    /** Runs a checked query as one statement. */
    async query<R extends ProjectionQueryRequest>(
      request: R,
    ): Promise<ProjectionQueryResult[R['kind']]> {
      const schema = request.schema;
      await context.ready();
      const table = await tableOf(schema).catch((error: unknown) => {
        throw translateError(error, `query projection "${schema.projection}"`, context.schema);
      });
      if (table === undefined) throw new ProjectionLaggingError(schema.projection, missing(schema));
      const target = `${s}.${quote(table)} t`;
      const dialect: SqlQueryDialect = {
        explicitNullOrder: true,
        fieldsFrom: target,
        fieldsFromParams: [],
        documentsFrom: `${target} JOIN ${s}.projection_documents d ON d.tenant_id = t.tenant_id AND d.projection = ? AND d.id = t.id`,
        documentsFromParams: [schema.projection],
        documentColumn: 'd.document',
        scope: { sql: 't.tenant_id = ?', params: [context.tenantId] },
        arrayContains: (field) => `(t.${quote(field)} @> ARRAY[?]::text[])`,
        bind: (_type, value) => value,
      };
      const { sql, params } = compileProjectionQuery(request, dialect);
      const types = new Map(schema.fields.map((f) => [f.name, f.type]));
      const read = (field: string, value: string | null | undefined): ScalarValue | null => {
        if (value === null || value === undefined) return null;
        const type = types.get(field);
        if (type === 'integer') return Number(value);
        if (type === 'boolean') return bool(value);
        return value;
      };
      let rows: RawRow[];
      try {
        rows = await context.exec({ name: undefined, text: numbered(sql) }, params);
      } catch (error) {
        throw translateError(error, `query projection "${schema.projection}"`, context.schema);
      }
      switch (request.kind) {
        case 'count':
          return int(rows[0]?.n) as never;
        case 'find':
          return rows.map((row) => ({
            id: row.id!,
            document: json(row.document),
            sortValues: request.orderBy.map(({ field }, i) => read(field, row[`s${i}`])),
          })) as never;
        case 'group':
          return rows.map((row) => ({
            key: request.groupBy.map((field, i) => read(field, row[`k${i}`])),
            measures: Object.fromEntries(
              request.measures.map(([name], i) => [name, int(row[`m${i}`])]),
            ),
          })) as never;
      }
      throw new TypeError('unknown query kind');
    },
  };
}
