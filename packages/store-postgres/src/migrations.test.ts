import { isStoreFailure, isValidationError, toArray } from '@safeledger/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresEventStore } from './create-postgres-event-store.js';
import { migrate } from './migrate.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { assertSchemaName, quoteIdentifier } from './schema-name.js';
import { admin, dropSchema, pgUrl, uniqueSchema } from './test-support/database.js';

const schemas: string[] = [];
afterEach(async () => {
  await Promise.all(schemas.splice(0).map(dropSchema));
});
function fresh(label: string): string {
  const schema = uniqueSchema(label);
  schemas.push(schema);
  return schema;
}

describe('migrations', () => {
  it('run concurrently from several pools on a new schema without error; re-running is a no-op', async () => {
    const schema = fresh('migrate');
    const reports = await Promise.all(
      Array.from({ length: 6 }, () => migrate({ connectionString: pgUrl() }, { schema })),
    );
    expect(reports.every((report) => report.version === LATEST_VERSION)).toBe(true);
    // Exactly one caller applied the migrations; the others found them done.
    expect(reports.filter((report) => report.applied.length > 0)).toHaveLength(1);
    expect(reports.flatMap((report) => report.applied)).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await migrate({ connectionString: pgUrl() }, { schema });
    expect(again).toEqual({ schema, applied: [], version: LATEST_VERSION });
    const rows = await admin(
      `SELECT version FROM ${quoteIdentifier(schema)}.migrations ORDER BY version`,
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('stores opened at once on an empty schema migrate it once and all work', async () => {
    const schema = fresh('auto');
    const stores = Array.from({ length: 5 }, (_, i) =>
      createPostgresEventStore({ connectionString: pgUrl() }, { schema, tenantId: `t${i}` }),
    );
    try {
      await Promise.all(
        stores.map((store, i) => store.appendToStream(`cart-${i}`, [{ type: 'X', data: { i } }])),
      );
      for (const store of stores) expect(await toArray(store.readAll())).toHaveLength(1);
      expect(await stores[0]!.migrate()).toMatchObject({ applied: [] });
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('a store with autoMigrate off refuses an unmigrated schema and names the fix', async () => {
    const schema = fresh('manual');
    const store = createPostgresEventStore(
      { connectionString: pgUrl() },
      { schema, autoMigrate: false },
    );
    try {
      const error = await toArray(store.readAll()).catch((e: unknown) => e);
      expect(isStoreFailure(error), String(error)).toBe(true);
      expect((error as Error).message).toContain('migrate()');
      await store.migrate();
      expect(await toArray(store.readAll())).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('a schema migrated by a newer release is refused', async () => {
    const schema = fresh('newer');
    await migrate({ connectionString: pgUrl() }, { schema });
    await admin(
      `INSERT INTO ${quoteIdentifier(schema)}.migrations (version, name) VALUES ($1, 'future')`,
      [LATEST_VERSION + 1],
    );
    const error = await migrate({ connectionString: pgUrl() }, { schema }).catch((e: unknown) => e);
    expect(isStoreFailure(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('newer');
  });

  it.each([
    'Uppercase',
    'has-dash',
    'has space',
    'pg_reserved',
    'information_schema',
    '1starts_with_digit',
    'quote"; DROP SCHEMA public CASCADE; --',
    'é',
    '',
    'x'.repeat(49),
  ])('an invalid schema name is rejected: %j', async (schema) => {
    expect(() => assertSchemaName(schema)).toThrow(/schema name/);
    const fromMigrate = await migrate({ connectionString: pgUrl() }, { schema }).catch(
      (e: unknown) => e,
    );
    expect(isValidationError(fromMigrate), String(fromMigrate)).toBe(true);
    let fromFactory: unknown;
    try {
      createPostgresEventStore({ connectionString: pgUrl() }, { schema });
    } catch (error) {
      fromFactory = error;
    }
    expect(isValidationError(fromFactory), String(fromFactory)).toBe(true);
  });

  it('accepts ordinary names', () => {
    for (const schema of ['safeledger', '_private', 'ledger_2024', 'x'.repeat(48)]) {
      expect(assertSchemaName(schema)).toBe(schema);
    }
    expect(() => assertSchemaName(42)).toThrow();
  });
});
