import {
  compileProjectionQuery,
  type DocumentWrite,
  type IndexedFieldType,
  type ProjectionFieldSchema,
  ProjectionLaggingError,
  type ProjectionQueryRequest,
  type ProjectionQueryResult,
  type ScalarValue,
  type SqlQueryDialect,
  StoreFailureError,
} from '@safeledger/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { TableNames } from './schema.js';

/** Prepared statements of one field table. */
interface FieldTable {
  readonly schema: ProjectionFieldSchema;
  readonly table: string;
  readonly upsert: BetterSqlite3.Statement;
  readonly remove: BetterSqlite3.Statement;
  readonly arrays: ReadonlyArray<{
    readonly field: string;
    readonly insert: BetterSqlite3.Statement;
    readonly clear: BetterSqlite3.Statement;
  }>;
  readonly dialect: SqlQueryDialect;
}

const SQL_TYPES: Record<Exclude<IndexedFieldType, 'text_array'>, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  date: 'TEXT',
  instant: 'TEXT',
  boolean: 'INTEGER',
};

/** `"name"`: every part comes from validated names (prefix, field names, hex keys). */
const quote = (name: string) => `"${name}"`;

/**
 * Indexed fields as real columns (S7): one table per projection field schema, named by the
 * schema's hash (`<prefix>pf_<key>`), with an index `(field, id)` per scalar field that keeps
 * its own index (`ownIndex`, the default), the declared composite indexes, and one `(value, id)`
 * side table per text-array field. A rebuild fills the tables without the secondary indexes
 * and builds them when it reaches the head of the log (`create`, `buildIndexes`).
 */
export function createSqliteFieldTables(db: BetterSqlite3.Database, tables: TableNames) {
  const prepared = new Map<string, FieldTable>();
  const registered = db
    .prepare(`SELECT table_name FROM ${tables.fieldTables} WHERE signature = ?`)
    .pluck();
  const register = db.prepare(
    `INSERT INTO ${tables.fieldTables} (signature, name, table_name) VALUES (?, ?, ?)`,
  );
  const tablesOfName = db
    .prepare(`SELECT signature, table_name FROM ${tables.fieldTables} WHERE name = ?`)
    .raw();

  const tableName = (schema: ProjectionFieldSchema) => `${tables.prefix}pf_${schema.key}`;
  const arrayTable = (table: string, field: string) => `${table}_a_${field}`;
  const scalars = (schema: ProjectionFieldSchema) =>
    schema.fields.filter((f) => f.type !== 'text_array');
  const arrays = (schema: ProjectionFieldSchema) =>
    schema.fields.filter((f) => f.type === 'text_array');

  /**
   * The secondary indexes a query may use: `(field, id)` per scalar field that keeps its own
   * index and the declared composite indexes. (The `(id)` index of a text-array side table is
   * not among them: every document write deletes by it, so it exists from the start.)
   */
  function indexesOf(schema: ProjectionFieldSchema): ReadonlyArray<{ name: string; sql: string }> {
    const table = tableName(schema);
    return [
      ...scalars(schema)
        .filter(({ ownIndex }) => ownIndex)
        .map(({ name }) => ({
          name: `${table}_i_${name}`,
          columns: `${quote(table)} (${quote(name)}, id)`,
        })),
      ...schema.indexes.map((index, i) => ({
        name: `${table}_c${i}`,
        columns: `${quote(table)} (${index.map(quote).join(', ')}, id)`,
      })),
    ].map(({ name, columns }) => ({
      name,
      sql: `CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${columns}`,
    }));
  }

  /**
   * Prepares a schema's tables for a rebuild; runs inside the reset transaction. The tables
   * are created (or kept) with their keys only: the secondary indexes are dropped and built
   * again by `buildIndexes` once the rebuild reaches the head of the log, because filling a
   * table and then sorting each index once is many times cheaper than keeping a dozen indexes
   * up to date row by row while a whole history is replayed.
   */
  function create(schema: ProjectionFieldSchema): void {
    const table = tableName(schema);
    const existing = registered.get(schema.signature) as string | undefined;
    if (existing !== undefined) {
      for (const { name } of indexesOf(schema)) db.exec(`DROP INDEX IF EXISTS ${quote(name)}`);
      return;
    }
    const taken = db
      .prepare(`SELECT signature FROM ${tables.fieldTables} WHERE table_name = ?`)
      .pluck()
      .get(table);
    if (taken !== undefined) {
      throw new StoreFailureError(
        `field table ${table} of projection "${schema.projection}" collides with another field schema; rename the projection or change its version`,
      );
    }
    const columns = scalars(schema).map(
      ({ name, type }) => `${quote(name)} ${SQL_TYPES[type as keyof typeof SQL_TYPES]}`,
    );
    const statements = [
      `CREATE TABLE ${quote(table)} (id TEXT NOT NULL PRIMARY KEY${columns.map((c) => `, ${c}`).join('')}) STRICT`,
      ...arrays(schema).flatMap(({ name }) => {
        const side = arrayTable(table, name);
        return [
          `CREATE TABLE ${quote(side)} (value TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id)) STRICT, WITHOUT ROWID`,
          `CREATE INDEX ${quote(`${side}_id`)} ON ${quote(side)} (id)`,
        ];
      }),
    ];
    for (const sql of statements) db.exec(sql);
    register.run(schema.signature, schema.projection, table);
  }

  const presentIndexes = db
    .prepare(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))",
    )
    .pluck();

  /**
   * Builds the secondary indexes a rebuild left out; inside a commit transaction that reached
   * the head of the log. Asked of the database each time (one look-up in the schema table), not
   * remembered, since another process holding the lease may have reset the projection since.
   */
  function buildIndexes(schema: ProjectionFieldSchema): void {
    const wanted = indexesOf(schema);
    const present = presentIndexes.get(JSON.stringify(wanted.map(({ name }) => name)));
    if (present === wanted.length) return;
    for (const { sql } of wanted) db.exec(sql);
  }

  /** Empties every field table of a projection name (all versions); inside the reset. */
  function clear(name: string): void {
    const rows = tablesOfName.all(name) as Array<[string, string]>;
    for (const [, table] of rows) {
      db.exec(`DELETE FROM ${quote(table)}`);
      const sides = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE ? ESCAPE '\\'")
        .pluck()
        .all(`${table.replace(/_/g, '\\_')}\\_a\\_%`) as string[];
      for (const side of sides) db.exec(`DELETE FROM ${quote(side)}`);
    }
  }

  /** The prepared statements of a schema's table; throws when it was never created. */
  function open(schema: ProjectionFieldSchema, forQuery: boolean): FieldTable {
    const cached = prepared.get(schema.signature);
    if (cached !== undefined) return cached;
    const table = registered.get(schema.signature) as string | undefined;
    if (table === undefined) {
      const message = `no indexed fields of projection "${schema.projection}" version ${schema.version} with this field set were prepared; run the projection, or give it a new version if its fields changed`;
      if (forQuery) throw new ProjectionLaggingError(schema.projection, message);
      throw new StoreFailureError(`cannot commit: ${message}`);
    }
    const names = scalars(schema).map((f) => f.name);
    const upsert = db.prepare(
      `INSERT INTO ${quote(table)} (id${names.map((n) => `, ${quote(n)}`).join('')})
       VALUES (?${names.map(() => ', ?').join('')})
       ON CONFLICT (id) DO UPDATE SET ${names.length === 0 ? 'id = excluded.id' : names.map((n) => `${quote(n)} = excluded.${quote(n)}`).join(', ')}`,
    );
    const entry: FieldTable = {
      schema,
      table,
      upsert,
      remove: db.prepare(`DELETE FROM ${quote(table)} WHERE id = ?`),
      arrays: arrays(schema).map(({ name }) => ({
        field: name,
        insert: db.prepare(
          `INSERT INTO ${quote(arrayTable(table, name))} (value, id) VALUES (?, ?)`,
        ),
        clear: db.prepare(`DELETE FROM ${quote(arrayTable(table, name))} WHERE id = ?`),
      })),
      dialect: {
        explicitNullOrder: false,
        boundDescendingPages: true,
        fieldsFrom: `${quote(table)} t`,
        fieldsFromParams: [],
        documentsFrom: `${quote(table)} t JOIN ${tables.documents} d ON d.name = ? AND d.id = t.id`,
        documentsFromParams: [schema.projection],
        documentColumn: 'd.document',
        scope: { sql: '', params: [] },
        arrayContains: (field) =>
          `(t.id IN (SELECT c.id FROM ${quote(arrayTable(table, field))} c WHERE c.value = ?))`,
        bind: (type, value) => (type === 'boolean' ? (value ? 1 : 0) : value),
      },
    };
    prepared.set(schema.signature, entry);
    return entry;
  }

  /** Writes the field values of a commit's documents; inside the commit transaction. */
  function write(schema: ProjectionFieldSchema, writes: readonly DocumentWrite[]): void {
    const table = open(schema, false);
    for (const { id, document, fields } of writes) {
      for (const side of table.arrays) side.clear.run(id);
      if (document === null || document === undefined || fields === undefined) {
        table.remove.run(id);
        continue;
      }
      const values = scalars(schema).map(({ name, type }) => {
        const value = fields[name] ?? null;
        return type === 'boolean' && value !== null ? (value ? 1 : 0) : value;
      });
      table.upsert.run(id, ...values);
      for (const side of table.arrays) {
        for (const value of (fields[side.field] as readonly string[] | null) ?? []) {
          side.insert.run(value, id);
        }
      }
    }
  }

  /** Runs a checked query as one statement. */
  function query<R extends ProjectionQueryRequest>(request: R): ProjectionQueryResult[R['kind']] {
    const table = open(request.schema, true);
    const { sql, params } = compileProjectionQuery(request, table.dialect);
    const statement = db.prepare(sql);
    const types = new Map(request.schema.fields.map((f) => [f.name, f.type]));
    const read = (field: string, value: unknown): ScalarValue | null => {
      if (value === null || value === undefined) return null;
      return types.get(field) === 'boolean' ? value === 1 : (value as ScalarValue);
    };
    switch (request.kind) {
      case 'count':
        return (statement.get(...params) as { n: number }).n as never;
      case 'find': {
        const rows = statement.all(...params) as Array<Record<string, unknown>>;
        return rows.map((row) => ({
          id: row.id as string,
          document: JSON.parse(row.document as string),
          sortValues: request.orderBy.map(({ field }, i) => read(field, row[`s${i}`])),
        })) as never;
      }
      case 'group': {
        const rows = statement.all(...params) as Array<Record<string, unknown>>;
        return rows.map((row) => ({
          key: request.groupBy.map((field, i) => read(field, row[`k${i}`])),
          measures: Object.fromEntries(
            request.measures.map(([name], i) => [name, Number(row[`m${i}`] ?? 0)]),
          ),
        })) as never;
      }
    }
    throw new TypeError('unknown query kind');
  }

  return { create, clear, write, buildIndexes, query };
}
