import {
  createEventRegistry,
  createProjectionRunner,
  defineEvent,
  defineProjection,
  type EventRegistry,
  type EventStore,
  isUnknownEventTypeError,
  isUnreadableEventError,
  type StoredEvent,
  toArray,
} from '@safeledger/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSqliteEventStore } from './create-sqlite-event-store.js';

const NoteWritten = defineEvent('NoteWritten', z.object({ text: z.string() }));
const ItemAddedV2 = defineEvent('ItemAdded', z.object({ sku: z.string(), quantity: z.number() }), {
  schemaVersion: 2,
});

let db: Database.Database;
const stores: EventStore[] = [];

const open = (registry?: EventRegistry) => {
  const store = createSqliteEventStore(
    { database: db },
    registry === undefined ? {} : { registry },
  );
  stores.push(store);
  return store;
};

beforeEach(() => {
  db = new Database(':memory:');
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  db.close();
});

/** Writes a row behind the store's back, as a bug, a bad restore or a manual edit would. */
function insertRaw(row: {
  streamId: string;
  version: number;
  type: string;
  schemaVersion?: number;
  data: string;
  metadata?: string;
}): void {
  db.prepare(
    `INSERT INTO safeledger_events
       (event_id, stream_id, version, category, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    `raw-${row.streamId}-${row.version}`,
    row.streamId,
    row.version,
    row.streamId.split('-')[0],
    row.type,
    row.schemaVersion ?? 1,
    row.data,
    row.metadata ?? '{"occurredAt":"2024-01-01T00:00:00.000Z"}',
    '2024-01-01T00:00:00.000Z',
  );
}

async function failure(read: Promise<unknown>): Promise<unknown> {
  return read.then(
    () => {
      throw new Error('expected the read to fail');
    },
    (error: unknown) => error,
  );
}

const SECRET = 'do-not-leak-4711';

describe('rows the store cannot read are reported, naming stream and version', () => {
  it('a projection applies the rows before a corrupt one and stops at it (S6)', async () => {
    const store = open(createEventRegistry({ events: [NoteWritten] }));
    await store.appendToStream('note-1', [{ type: 'NoteWritten', data: { text: 'one' } }]);
    insertRaw({ streamId: 'note-1', version: 2, type: 'NoteWritten', data: '{broken' });
    await store.appendToStream('note-2', [{ type: 'NoteWritten', data: { text: 'three' } }]);
    const texts = defineProjection<{ texts: string[] }>({
      name: 'texts',
      version: 1,
      handles: ['NoteWritten'],
      init: () => ({ texts: [] }),
      apply: (doc, event) => {
        doc.texts.push((event.data as { text: string }).text);
      },
    });
    const errors: unknown[] = [];
    const runner = createProjectionRunner({
      store,
      projections: [texts],
      pollIntervalMs: 5,
      onError: (_name, error) => errors.push(error),
    });
    await expect(runner.catchUp({ timeoutMs: 5_000 })).rejects.toThrow(
      /stopped at event raw-note-1-2/,
    );
    const [first] = await toArray(store.readStream('note-1', { maxCount: 1 }));
    expect(await store.projections.getCheckpoint('texts')).toMatchObject({
      status: 'failed',
      position: first!.position,
      failure: { eventId: 'raw-note-1-2', streamId: 'note-1', version: 2, type: 'NoteWritten' },
    });
    expect(await store.projections.getDocument('texts', 'singleton')).toEqual({ texts: ['one'] });
    await runner.stop();
    expect(errors).toHaveLength(1);
  });

  it('invalid JSON in data: UnreadableEventError on every read path, without the payload', async () => {
    const store = open(createEventRegistry({ events: [NoteWritten] }));
    await store.appendToStream('note-1', [{ type: 'NoteWritten', data: { text: 'fine' } }]);
    insertRaw({ streamId: 'note-1', version: 2, type: 'NoteWritten', data: `{"text": "${SECRET}` });

    const fromStream = await failure(toArray(store.readStream('note-1')));
    expect(isUnreadableEventError(fromStream), String(fromStream)).toBe(true);
    expect(fromStream).toMatchObject({ streamId: 'note-1', version: 2 });
    expect((fromStream as Error).message).toContain('data is not valid JSON');
    expect((fromStream as Error).message).not.toContain(SECRET);

    // Rows are decoded one at a time: the readable event before it is still delivered.
    const delivered: StoredEvent[] = [];
    await failure(
      (async () => {
        for await (const event of store.readStream('note-1')) delivered.push(event);
      })(),
    );
    expect(delivered.map((event) => event.version)).toEqual([1]);

    expect(await failure(toArray(store.readAll()))).toMatchObject({
      code: 'UNREADABLE_EVENT',
      streamId: 'note-1',
      version: 2,
    });
    // A page delivers the rows before the unreadable one and checkpoints there; the next page
    // starts with it and fails, naming its position, so a projection stops exactly there.
    const first = await store.readAllPage({ maxCount: 10 });
    expect(first.events.map((event) => event.version)).toEqual([1]);
    expect(first).toMatchObject({ checkpoint: first.events[0]!.position, caughtUp: false });
    expect(
      await failure(store.readAllPage({ after: first.checkpoint, maxCount: 10 })),
    ).toMatchObject({
      code: 'UNREADABLE_EVENT',
      eventId: 'raw-note-1-2',
      type: 'NoteWritten',
      position: expect.stringMatching(/^\d{19}$/),
    });
    const folded = store.aggregateStream('note-1', {
      name: 'notes',
      initialState: () => 0,
      evolve: (n: number) => n + 1,
      decide: () => [],
    });
    expect(await failure(folded)).toMatchObject({ code: 'UNREADABLE_EVENT', version: 2 });
    const subscription = store.subscribe({ pollIntervalMs: 5 }, () => {});
    expect(await failure(subscription.done)).toMatchObject({ code: 'UNREADABLE_EVENT' });
  });

  it('invalid or non-object metadata: UnreadableEventError', async () => {
    const store = open();
    insertRaw({ streamId: 'note-2', version: 1, type: 'NoteWritten', data: '{}', metadata: '{' });
    insertRaw({
      streamId: 'note-3',
      version: 1,
      type: 'NoteWritten',
      data: '{}',
      metadata: 'null',
    });
    const broken = await failure(toArray(store.readStream('note-2')));
    expect(broken).toMatchObject({ code: 'UNREADABLE_EVENT', streamId: 'note-2', version: 1 });
    expect((broken as Error).message).toContain('metadata is not valid JSON');
    const notObject = await failure(toArray(store.readStream('note-3')));
    expect(notObject).toMatchObject({ code: 'UNREADABLE_EVENT', streamId: 'note-3', version: 1 });
    expect((notObject as Error).message).toContain('metadata is not a JSON object');
  });

  it("an unknown type follows the registry's policy", async () => {
    const writer = open();
    await writer.appendToStream('note-4', [{ type: 'NoteWritten', data: { text: 'one' } }]);
    insertRaw({ streamId: 'note-4', version: 2, type: 'Mystery', data: '{"x":1}' });

    const strict = open(createEventRegistry({ events: [NoteWritten] }));
    const error = await failure(toArray(strict.readStream('note-4')));
    expect(isUnknownEventTypeError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ type: 'Mystery', streamId: 'note-4', version: 2 });
    expect(isUnknownEventTypeError(await failure(toArray(strict.readAll())))).toBe(true);

    const skipping = open(createEventRegistry({ events: [NoteWritten], unknownTypes: 'skip' }));
    expect((await toArray(skipping.readStream('note-4'))).map((e) => e.version)).toEqual([1]);

    const raw = open(createEventRegistry({ events: [NoteWritten], unknownTypes: 'raw' }));
    expect((await toArray(raw.readAll())).map((e) => [e.type, e.data])).toEqual([
      ['NoteWritten', { text: 'one' }],
      ['Mystery', { x: 1 }],
    ]);
  });

  it('an old schema version without an upcaster: UnreadableEventError naming the gap', async () => {
    const store = open(createEventRegistry({ events: [ItemAddedV2] }));
    insertRaw({
      streamId: 'cart-5',
      version: 1,
      type: 'ItemAdded',
      schemaVersion: 1,
      data: '{"sku":"a","qty":1}',
    });
    const error = await failure(toArray(store.readStream('cart-5')));
    expect(error).toMatchObject({ code: 'UNREADABLE_EVENT', streamId: 'cart-5', version: 1 });
    expect((error as Error).message).toContain(
      'no upcaster for "ItemAdded" from schema version 1 to 2',
    );
  });
});
