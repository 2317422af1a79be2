import {
  createCommandHandler,
  createUlidGenerator,
  type Decider,
  isValidationError,
  type StoredEvent,
  toArray,
} from '@safeledger/core';
import { eventually } from '@safeledger/store-conformance';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, type TestDatabase, testDatabase } from './test-support/database.js';

const newId = createUlidGenerator();
let db: TestDatabase;
afterEach(() => db.close());

const AWKWARD = [
  `it's "quoted"; DROP TABLE events; --`,
  `'); DELETE FROM streams; SELECT ('`,
  'back\\slash \\n \\\\ \\u0041 not escapes',
  'unicode: 隐患 整改率 ✓ 🚧 e\u0301 \u200b zero-width \u202e right-to-left',
  'line\nbreak\ttab\r\ncarriage',
  '$fn$ $$ dollar quotes $$',
  '%s %d %% format',
  '',
];

const counter: Decider<number, { n: number }, { type: 'Counted'; data: { n: number } }> = {
  name: 'counter',
  initialState: () => 0,
  evolve: (state) => state + 1,
  decide: (command) => ({ type: 'Counted', data: { n: command.n } }),
};

describe('tenant scoping', () => {
  it('a store scoped to tenant A cannot read, append to or subscribe to tenant B', async () => {
    db = testDatabase('tenant');
    const a = db.open({ tenantId: 'tenant-a' });
    const b = db.open({ tenantId: 'tenant-b' });

    const ids = [newId(), newId()];
    await b.appendToStream('cart-1', [
      { type: 'Secret', data: { owner: 'b' }, eventId: ids[0]! },
      { type: 'Secret', data: { owner: 'b' }, eventId: ids[1]! },
    ]);
    // Same stream id, same event ids, 'no_stream': a separate stream in tenant A.
    const created = await a.appendToStream(
      'cart-1',
      [
        { type: 'Public', data: { owner: 'a' }, eventId: ids[0]! },
        { type: 'Public', data: { owner: 'a' }, eventId: ids[1]! },
      ],
      { expectedVersion: 'no_stream' },
    );
    expect(created).toMatchObject({ firstVersion: 1, created: true, duplicate: false });

    const seenByA = await toArray(a.readAll());
    expect(seenByA.map((e) => e.data)).toEqual([{ owner: 'a' }, { owner: 'a' }]);
    expect((await toArray(a.readStream('cart-1'))).map((e) => e.type)).toEqual([
      'Public',
      'Public',
    ]);
    expect(await toArray(a.readAll({ types: ['Secret'] }))).toEqual([]);
    expect(await toArray(a.readAll({ categories: ['cart'], types: ['Secret'] }))).toEqual([]);

    const live: StoredEvent[] = [];
    const subscription = a.subscribe({ pollIntervalMs: 5 }, (event) => {
      live.push(event);
    });
    await b.appendToStream('cart-1', [{ type: 'Secret', data: { owner: 'b' } }]);
    await a.appendToStream('cart-2', [{ type: 'Public', data: { owner: 'a' } }]);
    await eventually(() => live.length === 3, 'tenant A to see its three events');
    await subscription.stop();
    expect(live.every((event) => (event.data as { owner: string }).owner === 'a')).toBe(true);

    // Checkpoints of one tenant say nothing about the other's log.
    const lagA = await a.subscriptionLag(undefined);
    const lagB = await b.subscriptionLag(undefined);
    expect(lagA.eventsBehind).toBe(3);
    expect(lagB.eventsBehind).toBe(3);

    // A's projections, documents and snapshots are A's only.
    await a.projections.reset('p', 1);
    await a.projections.commit({
      name: 'p',
      version: 1,
      expectedPosition: undefined,
      position: seenByA[1]!.position,
      documents: [{ id: 'doc', document: { owner: 'a' } }],
      committedAt: new Date().toISOString(),
    });
    expect(await b.projections.getCheckpoint('p')).toBeUndefined();
    expect(await b.projections.getDocument('p', 'doc')).toBeUndefined();
    expect(await b.projections.listDocuments('p')).toEqual([]);
    await a.snapshots.save({
      streamId: 'cart-1',
      key: 'k@1',
      version: 2,
      state: { owner: 'a' },
      commands: [],
      takenAt: new Date().toISOString(),
    });
    expect(await b.snapshots.load('cart-1', 'k@1')).toBeUndefined();
  });

  it('a command retried in another tenant is a new command there', async () => {
    db = testDatabase('tenant');
    const a = db.open({ tenantId: 'a' });
    const b = db.open({ tenantId: 'b' });
    const inA = await createCommandHandler({ store: a, decider: counter })(
      'counter-1',
      { n: 1 },
      { commandId: 'cmd-1' },
    );
    const inB = await createCommandHandler({ store: b, decider: counter })(
      'counter-1',
      { n: 1 },
      { commandId: 'cmd-1' },
    );
    expect(inA.duplicate).toBe(false);
    expect(inB.duplicate).toBe(false);
  });

  it("an event whose metadata names another tenant is rejected by a tenant's store", async () => {
    db = testDatabase('tenant');
    const a = db.open({ tenantId: 'a' });
    const error = await a
      .appendToStream('cart-1', [{ type: 'X', data: {}, metadata: { tenantId: 'b' } }])
      .catch((e: unknown) => e);
    expect(isValidationError(error), String(error)).toBe(true);
    await a.appendToStream('cart-1', [{ type: 'X', data: {}, metadata: { tenantId: 'a' } }]);
    expect(await toArray(a.readStream('cart-1'))).toHaveLength(1);
  });

  it('every data table carries tenant_id first in its primary key', async () => {
    db = testDatabase('tenant');
    await db.open().migrate();
    const rows = await admin<{ table_name: string; first: string }>(
      `SELECT c.relname AS table_name, a.attname AS first
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
       WHERE n.nspname = $1 AND i.indisprimary
       ORDER BY c.relname`,
      [db.schema],
    );
    // The field-table registry maps schemas to tables, shared by every tenant; the field
    // tables themselves are keyed (tenant_id, id).
    const bookkeeping = new Set(['migrations', 'store_meta', 'epochs', 'projection_field_tables']);
    const data = rows.filter((row) => !bookkeeping.has(row.table_name));
    expect(data.map((row) => row.table_name)).toEqual([
      'events',
      'projection_checkpoints',
      'projection_documents',
      'projection_leases',
      'snapshots',
      'streams',
    ]);
    for (const row of data) expect(row.first, row.table_name).toBe('tenant_id');
  });

  it('stream ids, tenant ids and payloads with quotes, semicolons, backslashes and unicode round-trip exactly', async () => {
    db = testDatabase('tenant');
    for (const [index, text] of AWKWARD.entries()) {
      const tenantId = `tenant ${text || 'empty'} ${index}`;
      const store = db.open({ tenantId });
      const streamId = `note-${text}`;
      const data = { text, nested: { [text || 'empty']: [text, index] }, number: 2 ** 31 + index };
      const metadata = { headers: { [`h-${text}`]: text }, correlationId: `c-${text || index}` };
      await store.appendToStream(streamId, [{ type: `Noted ${text}`, data, metadata }]);
      const [event] = await toArray(store.readStream(streamId));
      expect(event).toMatchObject({ streamId, type: `Noted ${text}`, data, metadata });
      const [fromLog] = await toArray(store.readAll({ categories: ['note'] }));
      expect(fromLog?.eventId).toBe(event!.eventId);
      const [byType] = await toArray(store.readAll({ types: [`Noted ${text}`] }));
      expect(byType?.eventId).toBe(event!.eventId);
      await store.projections.reset(`p-${index}`, 1);
      await store.projections.commit({
        name: `p-${index}`,
        version: 1,
        expectedPosition: undefined,
        position: event!.position,
        documents: [{ id: text, document: data }],
        committedAt: new Date().toISOString(),
      });
      expect(await store.projections.getDocument(`p-${index}`, text)).toEqual(data);
      expect(await store.projections.listDocuments(`p-${index}`)).toEqual([
        { id: text, document: data },
      ]);
    }
  });

  it('a NUL character, which PostgreSQL cannot store in text, is a validation error and writes nothing', async () => {
    db = testDatabase('tenant');
    const store = db.open();
    for (const [streamId, data] of [
      ['note-1', { text: 'nul \u0000 inside' }],
      ['note-\u0000', { text: 'fine' }],
    ] as const) {
      const error = await store.appendToStream(streamId, [{ type: 'Noted', data }]).catch((e) => e);
      expect(isValidationError(error), String(error)).toBe(true);
      expect((error as Error).message).not.toContain('inside');
    }
    expect(await toArray(store.readAll())).toEqual([]);
  });
});
