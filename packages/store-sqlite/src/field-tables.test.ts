import {
  createProjectionQuery,
  createProjectionRunner,
  defineProjection,
  type EventStore,
  fieldSchemaOf,
  indexed,
} from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';

interface Row {
  area: string;
  source: string;
  due: string;
  tags: string[];
}

let db: Database.Database;
let store: EventStore;

afterEach(async () => {
  await store.close();
  db.close();
});

/** The column lists of every index on `table`, as SQLite reports them. */
function indexColumns(table: string): string[][] {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name")
    .pluck()
    .all(table) as string[];
  return names.map((name) =>
    (db.pragma(`index_info("${name}")`) as Array<{ name: string }>).map((c) => c.name),
  );
}

/** A commit of nothing that reaches the head of the log: it builds the deferred indexes. */
async function commitAtHead(schema: ReturnType<typeof fieldSchemaOf>, position?: string) {
  await store.projections.commit({
    name: schema.projection,
    version: schema.version,
    expectedPosition: position,
    position,
    documents: [],
    schema,
    atHead: true,
    committedAt: new Date().toISOString(),
  });
}

it('S7 a field with ownIndex false is a column without an index of its own; the others keep theirs', async () => {
  db = new Database(':memory:');
  store = createSqliteEventStore({ database: db });
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
  await commitAtHead(schema);
  const table = `safeledger_pf_${schema.key}`;
  const columns = (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map(
    (c) => c.name,
  );
  expect(columns).toEqual(['id', 'area', 'due', 'source']);
  const indexes = indexColumns(table);
  // The primary key, `area`'s own index and the composite one; nothing leads with due or source.
  expect(indexes).toHaveLength(3);
  expect(indexes).toContainEqual(['area', 'id']);
  expect(indexes).toContainEqual(['area', 'due', 'id']);
  expect(indexes.some((columns) => columns[0] === 'due' || columns[0] === 'source')).toBe(false);
  // The text array keeps its side table: keyed (value, id), with an index on id.
  const side = `${table}_a_tags`;
  const key = (db.pragma(`table_info("${side}")`) as Array<{ name: string; pk: number }>)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  expect(key).toEqual(['value', 'id']);
  expect(indexColumns(side)).toEqual([['id']]);
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

it('S7 a rebuild fills the field table without its secondary indexes and builds them at the commit that reaches the head', async () => {
  db = new Database(':memory:');
  store = createSqliteEventStore({ database: db });
  const schema = rowsSchema();
  const table = `safeledger_pf_${schema.key}`;
  const side = `${table}_a_tags`;
  const write = (id: string, atHead: boolean, after?: string) =>
    store.projections.commit({
      name: 'rows',
      version: 1,
      expectedPosition: after,
      position: id,
      documents: [
        { id, document: { id }, fields: { area: `a-${id}`, due: '2024-03-01', tags: [id] } },
      ],
      schema,
      atHead,
      committedAt: new Date().toISOString(),
    });
  const query = createProjectionQuery(store, rows);
  const countInArea = () => query.count({ where: { area: 'a-2' } });
  await store.projections.reset('rows', 1, schema);
  await write('1', false);
  await write('2', false, '1');
  // Mid-replay: the primary key only, yet queries answer the same. The side table keeps its
  // `(id)` index throughout: each document write deletes the document's tags by id.
  expect(indexColumns(table)).toEqual([['id']]);
  expect(indexColumns(side)).toEqual([['id']]);
  expect(await countInArea()).toBe(1);
  await write('3', true, '2');
  const built = [['area', 'due', 'id'], ['area', 'id'], ['due', 'id'], ['id']];
  expect(indexColumns(table).sort()).toEqual(built);
  expect(indexColumns(side)).toEqual([['id']]);
  expect(await countInArea()).toBe(1);
  // Resetting the same version again drops them for the next replay.
  await store.projections.reset('rows', 1, schema);
  expect(indexColumns(table)).toEqual([['id']]);
  expect(await countInArea()).toBe(0);
});

it('S7 a projection runner that catches up from zero leaves the field indexes built', async () => {
  db = new Database(':memory:');
  store = createSqliteEventStore({ database: db });
  for (let i = 0; i < 30; i++) {
    await store.appendToStream(`row-${i}`, [
      { type: 'RowAdded', data: { id: `r${i}`, area: `a${i % 3}` } },
    ]);
  }
  // Pages of 7 events: four commits in the middle of the log, one at its head.
  const runner = createProjectionRunner({ store, projections: [rows], batchSize: 7 });
  await runner.catchUp();
  await runner.stop();
  const table = `safeledger_pf_${rowsSchema().key}`;
  expect(indexColumns(table).sort()).toEqual([
    ['area', 'due', 'id'],
    ['area', 'id'],
    ['due', 'id'],
    ['id'],
  ]);
  expect(indexColumns(`${table}_a_tags`)).toEqual([['id']]);
  expect(await createProjectionQuery(store, rows).count({ where: { area: 'a1' } })).toBe(10);
});
