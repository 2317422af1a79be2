import { type EventStore, fieldSchemaOf, indexed } from '@safeledger/core';
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
