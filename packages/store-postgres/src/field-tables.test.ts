import {
  createProjectionQuery,
  createProjectionRunner,
  defineProjection,
  type EventStore,
  fieldSchemaOf,
  indexed,
  type ProjectionFieldSchema,
} from '@safeledger/core';
import { afterEach, expect, it } from 'vitest';
import { encodePosition } from './position.js';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';

interface Row {
  area: string;
  source: string;
  due: string;
  tags: string[];
}

let db: TestDatabase;
afterEach(() => db.close());

/** A commit that reaches the head of the log: it builds the indexes a new table was left without. */
function commitAtHead(
  store: EventStore,
  schema: ProjectionFieldSchema,
  position: string | undefined,
  documents: ReadonlyArray<{ id: string; fields: Record<string, unknown> }> = [],
  atHead = true,
  after: string | undefined = undefined,
) {
  return store.projections.commit({
    name: schema.projection,
    version: schema.version,
    expectedPosition: after,
    position,
    documents: documents.map(({ id, fields }) => ({
      id,
      document: { id },
      fields: fields as never,
    })),
    schema,
    atHead,
    committedAt: new Date().toISOString(),
  });
}

/** The key columns of every index of `table`, as the catalog defines them. */
async function indexKeys(table: string): Promise<string[]> {
  const indexes = await admin<{ indexdef: string }>(
    'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname',
    [db.schema, table],
  );
  // Only what the definitions after `USING` say: the access method and the key columns.
  return indexes.map(({ indexdef }) => indexdef.slice(indexdef.indexOf(' USING ') + 7));
}

it('S7 a field with ownIndex false is a column without an index of its own; the others keep theirs', async () => {
  db = testDatabase('fieldindex');
  const store = db.open();
  await store.migrate();
  const schema = fieldSchemaOf(
    'rows',
    1,
    {
      area: indexed.text((row: Row) => row.area),
      source: indexed.text((row: Row) => row.source, { ownIndex: false }),
      due: indexed.date((row: Row) => row.due, { ownIndex: false }),
      tags: indexed.textArray((row: Row) => row.tags),
    },
    [['area', 'due']],
  );
  await store.projections.reset('rows', 1, schema);
  await commitAtHead(store, schema, undefined);
  const table = `pf_${schema.key}`;
  const columns = await admin<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [db.schema, table],
  );
  expect(columns.map((c) => c.column_name)).toEqual([
    'tenant_id',
    'id',
    'area',
    'due',
    'source',
    'tags',
  ]);
  const keys = await indexKeys(table);
  expect(keys).toHaveLength(4);
  expect(keys).toContainEqual('btree (tenant_id, id)');
  expect(keys).toContainEqual('btree (tenant_id, area NULLS FIRST, id)');
  expect(keys).toContainEqual('btree (tenant_id, area NULLS FIRST, due NULLS FIRST, id)');
  expect(keys).toContainEqual('gin (tags)');
});

/** Rows keyed by the event's `id`, with two scalar fields, a composite index and a tag list. */
const rows = defineProjection<Row>({
  name: 'rows',
  version: 1,
  handles: ['RowAdded'],
  documentId: (event) => (event.data as { id: string }).id,
  init: () => ({ area: '', source: '', due: '2024-01-01', tags: [] }),
  apply: (row, event) => {
    row.area = (event.data as { area: string }).area;
  },
  fields: {
    area: indexed.text((row: Row) => row.area),
    due: indexed.date((row: Row) => row.due),
    tags: indexed.textArray((row: Row) => row.tags),
  },
  indexes: [['area', 'due']],
});
const rowsSchema = () => fieldSchemaOf('rows', 1, rows.fields!, rows.indexes);
const built = [
  'btree (tenant_id, area NULLS FIRST, due NULLS FIRST, id)',
  'btree (tenant_id, area NULLS FIRST, id)',
  'btree (tenant_id, due NULLS FIRST, id)',
  'btree (tenant_id, id)',
  'gin (tags)',
];

it('S7 a new field table is filled without its secondary indexes and gets them at the commit that reaches the head', async () => {
  db = testDatabase('fielddefer');
  const store = db.open();
  await store.migrate();
  const schema = rowsSchema();
  const table = `pf_${schema.key}`;
  const row = (id: string) => ({ id, fields: { area: `a-${id}`, due: '2024-03-01', tags: [id] } });
  const countInArea = () => createProjectionQuery(store, rows).count({ where: { area: 'a-2' } });
  await store.projections.reset('rows', 1, schema);
  const at = (n: number) => encodePosition(1, '100', n);
  await commitAtHead(store, schema, at(1), [row('1')], false, undefined);
  await commitAtHead(store, schema, at(2), [row('2')], false, at(1));
  // Mid-replay: the primary key only, yet queries answer the same.
  expect(await indexKeys(table)).toEqual(['btree (tenant_id, id)']);
  expect(await countInArea()).toBe(1);
  await commitAtHead(store, schema, at(3), [row('3')], true, at(2));
  expect((await indexKeys(table)).sort()).toEqual(built);
  expect(await countInArea()).toBe(1);
  // The table is shared by the schema's tenants: a later reset keeps the indexes.
  await store.projections.reset('rows', 1, schema);
  expect((await indexKeys(table)).sort()).toEqual(built);
  expect(await countInArea()).toBe(0);
});

it('S7 a projection runner that catches up from zero leaves the field indexes built', async () => {
  db = testDatabase('fieldcatchup');
  const store = db.open();
  await store.migrate();
  for (let i = 0; i < 30; i++) {
    await store.appendToStream(`row-${i}`, [
      { type: 'RowAdded', data: { id: `r${i}`, area: `a${i % 3}` } },
    ]);
  }
  // Pages of 7 events: four commits in the middle of the log, one at its head.
  const runner = createProjectionRunner({ store, projections: [rows], batchSize: 7 });
  await runner.catchUp();
  await runner.stop();
  expect((await indexKeys(`pf_${rowsSchema().key}`)).sort()).toEqual(built);
  expect(await createProjectionQuery(store, rows).count({ where: { area: 'a1' } })).toBe(10);
});
