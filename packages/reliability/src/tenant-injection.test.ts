import { createProjectionQuery, createProjectionRunner, type EventStore } from '@safeledger/core';
import fc from 'fast-check';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { collect, type Filed, HOSTILE, ledger, storableId } from './tenant-fixtures.js';
import {
  openScopedDatabase,
  type ScopedDatabase,
  type SqlKind,
  scopeName,
} from './tenant-scopes.js';

// Injection through every value a caller chooses, on both SQL stores at once: hostile stream
// ids (also document ids, query filter values and type filters) are stored verbatim or refused
// with a ValidationError naming them, identically on SQLite and PostgreSQL; hostile tenant,
// prefix and schema names are refused naming the value or kept verbatim. After every hostile
// input the database must still have every table it had: nothing was executed.

const KINDS = ['sqlite', 'postgres'] as const;
const STREAM_ID_LENGTH = 256;
// Each test opens its stores once; on a loaded machine PostgreSQL round trips dominate.
const TENANT_ID_LENGTH = 128;

let dbs: ScopedDatabase[] = [];
afterEach(async () => {
  await Promise.allSettled(dbs.map((db) => db.close()));
  dbs = [];
});

function openBoth(): Array<{ db: ScopedDatabase; a: EventStore; b: EventStore }> {
  return KINDS.map((kind) => {
    const db = openScopedDatabase(kind, inject('pgUrl'));
    dbs.push(db);
    return { db, a: db.open(scopeName(kind, 'a')), b: db.open(scopeName(kind, 'b')) };
  });
}

/** How an id shows in a message: in full up to 60 characters, else its first 40. */
function shown(id: string): string {
  const quoted = JSON.stringify(id.length > 60 ? id.slice(0, 40) : id);
  return id.length > 60 ? quoted.slice(0, -1) : quoted;
}

const fragment = fc.constantFrom(
  "'",
  '"',
  '`',
  ';',
  '--',
  '/*',
  '*/',
  '\\',
  '%',
  '_',
  '$$',
  '$1',
  '?',
  ' DROP TABLE events',
  " OR '1'='1",
  '__proto__',
  'constructor',
  '隐患',
  '🚧',
  'e\u0301',
  '\u202e',
  '\n',
  '\u0000',
  '\ud800',
  '\udc00',
  'site-',
  'x'.repeat(120),
);

/** Stream ids built to break quoting, plus arbitrary unicode and the empty string. */
const hostileId = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', minLength: 0, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
);

/** The documented prefix rule: none at all, or a plain identifier SQLite does not reserve. */
function sqlitePrefixAllowed(name: string): boolean {
  return name === '' || (/^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(name) && !/^sqlite_/i.test(name));
}

type Outcome = { accepted: true } | { accepted: false; code: string; message: string };

async function attempt(write: () => Promise<unknown>): Promise<Outcome> {
  try {
    await write();
    return { accepted: true };
  } catch (error) {
    return {
      accepted: false,
      code: String((error as { code?: unknown }).code),
      message: (error as Error).message,
    };
  }
}

describe('injection on both SQL stores', () => {
  it('hostile stream ids are stored verbatim per tenant or refused naming them, the same on both stores', async () => {
    const stores = openBoth();
    // A first append migrates each store, so the tables compared below all exist.
    for (const { a } of stores)
      await a.appendToStream('sentinel-1', [{ type: 'Sentinel', data: {} }]);
    const tablesBefore = await Promise.all(stores.map(({ db }) => db.tables()));
    const accepted = new Set<string>();

    await fc.assert(
      fc.asyncProperty(hostileId, async (id) => {
        const outcomes: Outcome[] = [];
        for (const { a, b } of stores) {
          const event = (tenant: string) => ({
            type: 'Filed',
            data: { key: id, area: id, level: 1, tenant } satisfies Filed,
          });
          const outcome = await attempt(() => a.appendToStream(id, [event('a')]));
          outcomes.push(outcome);
          if (!outcome.accepted) {
            expect(outcome.code, outcome.message).toBe('VALIDATION_FAILED');
            expect(outcome.message).toContain(shown(id));
            continue;
          }
          await b.appendToStream(id, [event('b'), event('b')]);
          const inA = await collect(a.readStream(id));
          const inB = await collect(b.readStream(id));
          expect(
            inA.map((e) => [e.streamId, (e.data as Filed).key, (e.data as Filed).tenant]),
          ).toEqual(inA.map(() => [id, id, 'a']));
          expect(inB.map((e) => [e.streamId, (e.data as Filed).tenant])).toEqual(
            inB.map(() => [id, 'b']),
          );
          // Each tenant's share of the stream grows only by its own appends.
          expect(inB.length).toBe(2 * inA.length);
        }
        // Both stores give the same answer (the kernel decides, not the database).
        expect(outcomes[1], JSON.stringify(id)).toEqual(outcomes[0]);
        expect(outcomes[0]!.accepted, JSON.stringify(id)).toBe(storableId(id, STREAM_ID_LENGTH));
        if (outcomes[0]!.accepted) accepted.add(id);
        for (const [index, { db }] of stores.entries()) {
          expect(await db.tables()).toEqual(tablesBefore[index]);
        }
      }),
      { numRuns: 40, endOnFailure: true },
    );
    expect(accepted.size).toBeGreaterThan(10);

    // The same ids as document ids and query values: each tenant's read model finds its own
    // document under exactly that id, and a type filter of that text matches nothing.
    for (const { db, a, b } of stores) {
      for (const store of [a, b]) {
        const runner = createProjectionRunner({ store, projections: [ledger], pollIntervalMs: 10 });
        try {
          await runner.catchUp({ timeoutMs: 60_000 });
        } finally {
          await runner.stop();
        }
      }
      const queryA = createProjectionQuery(a, ledger);
      const queryB = createProjectionQuery(b, ledger);
      expect(await queryA.count()).toBe(accepted.size);
      expect(await queryB.count()).toBe(accepted.size);
      for (const id of accepted) {
        for (const [query, tenant] of [
          [queryA, 'a'],
          [queryB, 'b'],
        ] as const) {
          const page = await query.find({ where: { key: id } });
          expect(
            page.items.map((item) => [item.id, item.document.key, item.document.tenant]),
            `${db.kind} ${JSON.stringify(id)}`,
          ).toEqual([[id, id, tenant]]);
          expect(await query.count({ where: { area: { in: [id] } } })).toBe(1);
          expect(
            await query.group({ where: { key: id }, measures: { n: { countDistinct: 'key' } } }),
          ).toEqual([{ key: {}, measures: { n: 1 } }]);
        }
        expect(await collect(a.readAll({ types: [id] }))).toEqual([]);
        expect(await collect(b.readAll({ categories: [id] }))).toEqual(
          (await collect(b.readAll())).filter((event) => event.streamId.split('-')[0] === id),
        );
      }
      // The runners added the read model's field tables; every earlier table is still there.
      expect(await db.tables()).toEqual(
        expect.arrayContaining(tablesBefore[stores.findIndex((s) => s.db === db)]!),
      );
    }
  }, 180_000);

  it.each(KINDS)(
    'hostile tenant names on %s are kept verbatim as a tenant of their own or refused naming them',
    async (kind: SqlKind) => {
      const db = openScopedDatabase(kind, inject('pgUrl'));
      dbs.push(db);
      const a = db.open(scopeName(kind, 'a'));
      await a.appendToStream('site-1', [{ type: 'Filed', data: { key: 'k', tenant: 'a' } }]);
      const tables = await db.tables();
      const names = [...HOSTILE, '', 'x\u0000y', '\ud800', 'x'.repeat(TENANT_ID_LENGTH + 1)];
      const kept: string[] = [];
      for (const name of names) {
        let store: EventStore | undefined;
        const outcome = await attempt(async () => {
          store = db.open(name);
          await store.appendToStream('site-1', [{ type: 'Filed', data: { key: name } }]);
        });
        // A PostgreSQL tenant id is data: anything storable is kept. A SQLite prefix is part of
        // every table name: only plain identifiers (or none) are allowed, and sqlite_ is SQLite's own.
        const allowed =
          kind === 'postgres' ? storableId(name, TENANT_ID_LENGTH) : sqlitePrefixAllowed(name);
        expect(outcome.accepted, `${JSON.stringify(name)}: ${JSON.stringify(outcome)}`).toBe(
          allowed,
        );
        if (outcome.accepted) {
          kept.push(name);
          const events = await collect(store!.readStream('site-1'));
          expect(events.map((event) => (event.data as { key: string }).key)).toEqual([name]);
          await store!.close();
        } else {
          expect(outcome.message).toContain(JSON.stringify(name));
          if (kind === 'postgres') expect(outcome.code).toBe('VALIDATION_FAILED');
        }
        expect(await db.tables(), JSON.stringify(name)).toEqual(
          kind === 'postgres' ? tables : expect.arrayContaining(tables),
        );
      }
      // Every kept name is stored exactly as given, next to tenant A, which saw none of them.
      expect((await db.scopes()).sort()).toEqual([scopeName(kind, 'a'), ...kept].sort());
      expect((await collect(a.readAll())).map((event) => event.data)).toEqual([
        { key: 'k', tenant: 'a' },
      ]);
    },
    90_000,
  );

  it.each(KINDS)(
    'hostile schema and table-prefix names on %s are refused naming them, or used verbatim',
    async (kind: SqlKind) => {
      const db = openScopedDatabase(kind, inject('pgUrl'));
      dbs.push(db);
      const a = db.open(scopeName(kind, 'a'));
      await a.appendToStream('site-1', [{ type: 'Filed', data: { key: 'k' } }]);
      const tables = await db.tables();
      const rule =
        kind === 'postgres'
          ? (name: string) =>
              /^[a-z_][a-z0-9_]{0,47}$/.test(name) &&
              !name.startsWith('pg_') &&
              name !== 'information_schema'
          : (name: string) => sqlitePrefixAllowed(name);
      for (const name of [...HOSTILE, '', 'Ledger', 'x'.repeat(49)]) {
        const existed = await db.hasNamespace(name);
        const outcome = await attempt(async () => {
          const store = db.openNamespace(name);
          await store.appendToStream('site-1', [{ type: 'Filed', data: { key: name } }]);
          expect((await collect(store.readStream('site-1'))).map((e) => e.data)).toEqual([
            { key: name },
          ]);
          await store.close();
        });
        expect(outcome.accepted, `${JSON.stringify(name)}: ${JSON.stringify(outcome)}`).toBe(
          rule(name),
        );
        if (!outcome.accepted) {
          expect(outcome.message).toContain(JSON.stringify(name));
          expect(await db.hasNamespace(name), JSON.stringify(name)).toBe(existed);
        } else {
          expect(existed, `${JSON.stringify(name)} must be a fresh name`).toBe(false);
          expect(await db.hasNamespace(name)).toBe(true);
        }
        expect(await db.tables(), JSON.stringify(name)).toEqual(
          kind === 'postgres' ? tables : expect.arrayContaining(tables),
        );
      }
      expect((await collect(a.readAll())).map((event) => event.data)).toEqual([{ key: 'k' }]);
    },
    90_000,
  );
});
