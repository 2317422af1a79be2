import { fieldSchemaOf, indexed } from '@safeledger/core';
import { afterEach, expect, it } from 'vitest';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';

interface Row {
  area: string;
  source: string;
  due: string;
  tags: string[];
}

let db: TestDatabase;
afterEach(() => db.close());

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
  const indexes = await admin<{ indexdef: string }>(
    'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname',
    [db.schema, table],
  );
  // Only what the definitions after `USING` say: the access method and the key columns.
  const keys = indexes.map(({ indexdef }) => indexdef.slice(indexdef.indexOf(' USING ') + 7));
  expect(keys).toHaveLength(4);
  expect(keys).toContainEqual('btree (tenant_id, id)');
  expect(keys).toContainEqual('btree (tenant_id, area NULLS FIRST, id)');
  expect(keys).toContainEqual('btree (tenant_id, area NULLS FIRST, due NULLS FIRST, id)');
  expect(keys).toContainEqual('gin (tags)');
});
