import { type EventStore, isStoreFailure, toArray } from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { ensureSchema, MIGRATIONS, SCHEMA_VERSION, tableNames } from './schema.js';
import { removeDatabaseFiles, tempDatabasePath } from './test-support/temp-files.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newPath(): string {
  const path = tempDatabasePath('schema');
  cleanups.push(() => removeDatabaseFiles(path));
  return path;
}

function openStore(...args: Parameters<typeof createSqliteEventStore>): EventStore {
  const store = createSqliteEventStore(...args);
  cleanups.push(() => store.close());
  return store;
}

function inspect(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      objects: db
        .prepare(
          "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as Array<{ type: string; name: string; sql: string }>,
      migrations: db.prepare('SELECT * FROM safeledger_schema_migrations').all(),
      userVersion: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('versioned migrations', () => {
  it('a fresh file gets every table and index, recorded as the current version', () => {
    const path = newPath();
    openStore({ path }, { clock: () => new Date('2024-05-01T00:00:00.000Z') });
    const { objects, migrations, userVersion } = inspect(path);
    expect(objects.map((o) => `${o.type} ${o.name}`)).toEqual([
      'table safeledger_events',
      'index safeledger_events_category',
      'index safeledger_events_command',
      'index safeledger_events_event_id',
      'index safeledger_events_stream_version',
      'index safeledger_events_type',
      'table safeledger_projection_documents',
      'table safeledger_projection_field_tables',
      'index safeledger_projection_field_tables_name',
      'table safeledger_projection_leases',
      'table safeledger_projections',
      'table safeledger_schema_migrations',
      'table safeledger_snapshots',
    ]);
    expect(migrations).toEqual(
      MIGRATIONS.map((migration) => ({
        version: migration.version,
        description: migration.description,
        applied_at: '2024-05-01T00:00:00.000Z',
      })),
    );
    expect(migrations.at(-1)).toMatchObject({ version: SCHEMA_VERSION });
    // user_version belongs to the application sharing the file; the store never touches it.
    expect(userVersion).toBe(0);
    expect(objects.find((o) => o.name === 'safeledger_events')?.sql).toContain('AUTOINCREMENT');
  });

  it('reopening an up-to-date file changes nothing', async () => {
    const path = newPath();
    const first = openStore({ path });
    await first.appendToStream('note-1', [{ type: 'NoteWritten', data: {} }]);
    const before = inspect(path);
    const second = openStore({ path });
    expect(inspect(path)).toEqual(before);
    expect(await toArray(second.readStream('note-1'))).toHaveLength(1);

    const db = new Database(path);
    cleanups.push(() => db.close());
    const report = ensureSchema(db, tableNames('safeledger_'), {
      apply: true,
      now: () => new Date(),
      busy: { budgetMs: 1_000 },
    });
    expect(report).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
  });

  it('two stores opened on the same new file both work and see each other', async () => {
    const path = newPath();
    const a = openStore({ path });
    const b = openStore({ path });
    await a.appendToStream('note-1', [{ type: 'NoteWritten', data: { by: 'a' } }]);
    await b.appendToStream('note-1', [{ type: 'NoteWritten', data: { by: 'b' } }], {
      expectedVersion: 1,
    });
    expect((await toArray(a.readStream('note-1'))).map((e) => e.data)).toEqual([
      { by: 'a' },
      { by: 'b' },
    ]);
    expect(inspect(path).migrations).toHaveLength(MIGRATIONS.length);
  });

  it('the command id lookup is one seek of its index, already in version order', () => {
    const path = newPath();
    openStore({ path });
    const db = new Database(path, { readonly: true });
    cleanups.push(() => db.close());
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM safeledger_events
         WHERE stream_id = ? AND command_id = ? ORDER BY version`,
      )
      .all('cart-1', 'cmd-1') as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail)).toEqual([
      'SEARCH safeledger_events USING INDEX safeledger_events_command (stream_id=? AND command_id=?)',
    ]);
  });

  it('upgrading a version-1 file fills the command id column, even next to a corrupt row', async () => {
    const path = newPath();
    const tables = tableNames('safeledger_');
    const db = new Database(path);
    db.exec(MIGRATIONS[0]!.sql(tables));
    db.exec(`CREATE TABLE ${tables.migrations} (
      version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL
    ) STRICT`);
    db.prepare(
      `INSERT INTO ${tables.migrations} VALUES (1, 'v1', '2024-01-01T00:00:00.000Z')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO ${tables.events} (event_id, stream_id, version, category, type, schema_version,
         data, metadata, recorded_at)
       VALUES (?, 'cart-1', ?, 'cart', 'NoteWritten', 1, '{}', ?, '2024-01-01T00:00:00.000Z')`,
    );
    insert.run('01J00000000000000000000001', 1, '{"commandId":"cmd-1"}');
    insert.run('01J00000000000000000000002', 2, '{not json');
    insert.run('01J00000000000000000000003', 3, '{"occurredAt":"2024-01-01T00:00:00.000Z"}');
    db.close();

    openStore({ path });
    const check = new Database(path, { readonly: true });
    cleanups.push(() => check.close());
    expect(
      check.prepare('SELECT version, command_id FROM safeledger_events ORDER BY version').all(),
    ).toEqual([
      { version: 1, command_id: 'cmd-1' },
      { version: 2, command_id: null },
      { version: 3, command_id: null },
    ]);
  });

  it('migrate: false refuses a database that is not migrated, and opens one that is', () => {
    const path = newPath();
    let error: unknown;
    try {
      openStore({ path }, { migrate: false });
    } catch (caught) {
      error = caught;
    }
    expect(isStoreFailure(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('migrate: true');
    openStore({ path });
    expect(() => openStore({ path }, { migrate: false })).not.toThrow();
  });

  it('a database migrated by newer code is refused instead of misread', () => {
    const path = newPath();
    openStore({ path });
    const db = new Database(path);
    db.prepare(
      "INSERT INTO safeledger_schema_migrations VALUES (?, 'from the future', '2099-01-01T00:00:00.000Z')",
    ).run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => openStore({ path })).toThrow(/newer than the version/);
  });

  it('a migration that fails leaves the database as it was', () => {
    const path = newPath();
    const db = new Database(path);
    // An application table that happens to use one of the store's names.
    db.exec('CREATE TABLE safeledger_snapshots (id INTEGER)');
    db.close();
    let error: unknown;
    try {
      openStore({ path });
    } catch (caught) {
      error = caught;
    }
    expect(isStoreFailure(error), String(error)).toBe(true);
    expect((error as Error).cause).toMatchObject({ code: 'SQLITE_ERROR' });
    const check = new Database(path, { readonly: true });
    const names = check
      .prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
      .pluck()
      .all();
    check.close();
    expect(names).toEqual(['safeledger_snapshots']);
  });

  it('a table prefix keeps several stores in one file apart; odd prefixes are refused', async () => {
    const path = newPath();
    const one = openStore({ path }, { tablePrefix: 'one_' });
    const two = openStore({ path }, { tablePrefix: 'two_' });
    await one.appendToStream('note-1', [{ type: 'NoteWritten', data: { in: 'one' } }]);
    expect(await toArray(two.readAll())).toEqual([]);
    expect((await toArray(one.readAll())).map((e) => e.data)).toEqual([{ in: 'one' }]);
    expect(() => openStore({ path }, { tablePrefix: 'x; DROP TABLE one_events; --' })).toThrow(
      TypeError,
    );
  });
});
