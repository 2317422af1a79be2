import { createMemoryEventStore } from '@safeledger/store-memory';
import fc from 'fast-check';
import { Immer, isDraft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './envelope.js';
import type { EventStore } from './event-store.js';
import { DELETE_DOCUMENT, defineProjection } from './projection.js';
import { indexed } from './projection-fields.js';
import { createProjectionRunner } from './projection-runner.js';
import type { DocumentWrite, ProjectionCheckpoint } from './projection-store.js';

/** A document exercising every way `apply` can change one (see `folds` below). */
interface Folded {
  id: string;
  count: number;
  label: string | null;
  items: string[];
  /** Starts as the shared `NO_TAGS` constant: a fold must never change it. */
  tags: string[];
  box: { n: number };
  alias: { n: number } | null;
}

/** Handed out by every `init`; immer never writes to it, nor may the runner. */
const NO_TAGS: string[] = [];

type FoldEvent =
  | { type: 'Counted'; data: { ids: string[] } }
  | { type: 'Labelled'; data: { ids: string[]; label: string | null } }
  | { type: 'Listed'; data: { ids: string[]; items: string[] } }
  | { type: 'Pushed'; data: { ids: string[]; item: string } }
  | { type: 'Aliased'; data: { ids: string[] } }
  | { type: 'Bumped'; data: { ids: string[] } }
  | { type: 'Replaced'; data: { ids: string[]; label: string } }
  | { type: 'Deleted'; data: { ids: string[] } }
  | { type: 'Poisoned'; data: { ids: string[] } }
  | { type: 'Tangled'; data: { ids: string[] } }
  | { type: 'Misfiled'; data: { ids: string[] } };

const foldEventTypes = [
  'Counted',
  'Labelled',
  'Listed',
  'Pushed',
  'Aliased',
  'Bumped',
  'Replaced',
  'Deleted',
  'Poisoned',
  'Tangled',
  'Misfiled',
] as const;

/**
 * A projection using every part of the apply contract: mutating the draft, assigning an event's
 * array and later pushing to it, writing to an object reached from two places, returning a
 * replacement, deleting, throwing after a mutation, returning a value after mutating (which
 * immer rejects) and producing a bad indexed value (`Misfiled`: a fractional count).
 */
const folds = defineProjection<Folded, any>({
  name: 'folds',
  version: 1,
  handles: foldEventTypes,
  documentId: (event: StoredEvent<FoldEvent>) => event.data.ids,
  init: (id) => ({
    id,
    count: 0,
    label: null,
    items: [],
    tags: NO_TAGS,
    box: { n: 0 },
    alias: null,
  }),
  apply: (doc, event: StoredEvent<FoldEvent>) => {
    switch (event.type) {
      case 'Counted':
        doc.count += 1;
        return;
      case 'Labelled':
        doc.label = event.data.label;
        return;
      case 'Listed':
        doc.items = event.data.items;
        return;
      case 'Pushed':
        doc.items.push(event.data.item);
        doc.tags.push(event.data.item);
        return;
      case 'Aliased':
        doc.alias = doc.box;
        return;
      case 'Bumped':
        doc.box.n += 1;
        return;
      case 'Replaced':
        return {
          id: doc.id,
          count: doc.count,
          label: event.data.label,
          items: [],
          tags: NO_TAGS,
          box: { n: 0 },
          alias: null,
        };
      case 'Deleted':
        return DELETE_DOCUMENT;
      case 'Poisoned':
        doc.count += 100;
        if (doc.label !== 'immune') throw new Error(`poisoned ${doc.id}`);
        return;
      case 'Tangled':
        doc.count += 1;
        return { ...doc };
      case 'Misfiled':
        doc.count += 0.5;
        return;
    }
  },
  fields: {
    count: indexed.integer((doc: Folded) => doc.count),
    label: indexed.text((doc: Folded) => doc.label),
  },
});

/**
 * A memory store whose pages hold fresh, unfrozen events, as the SQL stores' pages do, with
 * every projection commit recorded.
 */
async function foldStore(events: readonly FoldEvent[]) {
  const store = createMemoryEventStore();
  if (events.length > 0) await store.appendToStream('folds-1', [...events]);
  const commits: DocumentWrite[][] = [];
  const thawed: EventStore = {
    ...store,
    readAllPage: async (options) => {
      const page = await store.readAllPage(options);
      return { ...page, events: page.events.map((event) => JSON.parse(JSON.stringify(event))) };
    },
    projections: {
      ...store.projections,
      commit: async (commit) => {
        commits.push([...commit.documents]);
        return store.projections.commit(commit);
      },
    },
  };
  return { store, thawed, commits };
}

/** Runs `folds` (or a wrapper of it) over the store in pages of `batchSize`; returns what it stored. */
async function runFolds(
  events: readonly FoldEvent[],
  batchSize: number,
  projection: typeof folds = folds,
) {
  const { store, thawed, commits } = await foldStore(events);
  const runner = createProjectionRunner({
    store: thawed,
    projections: [projection],
    batchSize,
    pollIntervalMs: 1,
  });
  // A projection that stops at an event rejects catchUp: the checkpoint says where and why.
  await runner.catchUp({ timeoutMs: 10_000 }).catch(() => undefined);
  await runner.stop();
  const documents = new Map(
    (await store.projections.listDocuments('folds')).map((d) => [d.id, d.document as Folded]),
  );
  const fields = new Map<string, unknown>();
  for (const write of commits.flat()) {
    if (write.document === null) fields.delete(write.id);
    else fields.set(write.id, write.fields);
  }
  const checkpoint = (await store.projections.getCheckpoint('folds')) as ProjectionCheckpoint;
  const all = (await store.readAllPage({ maxCount: 10_000 })).events;
  return { documents, fields, checkpoint, events: all };
}

const counted = (...ids: string[]): FoldEvent => ({ type: 'Counted', data: { ids } });

describe('projection runner page application (S1, S6, S7)', () => {
  it('S6 a throwing apply in the middle of a page commits the events before it, and none of its mutation', async () => {
    const { documents, checkpoint, events } = await runFolds(
      [counted('a'), counted('a'), { type: 'Poisoned', data: { ids: ['a'] } }, counted('a')],
      10,
    );
    expect(documents.get('a')?.count).toBe(2);
    expect(checkpoint.status).toBe('failed');
    expect(checkpoint.position).toBe(events[1]!.position);
    expect(checkpoint.failure?.eventId).toBe(events[2]!.eventId);
    expect(checkpoint.failure?.message).toBe('poisoned a');
  });

  it('S6 a fan-out whose second document fails changes neither document', async () => {
    const { documents, checkpoint, events } = await runFolds(
      [
        counted('a', 'b'),
        { type: 'Labelled', data: { ids: ['a'], label: 'immune' } },
        // "a" takes the event first, then "b" throws: "a" must not keep the change.
        { type: 'Poisoned', data: { ids: ['a', 'b'] } },
      ],
      10,
    );
    expect(documents.get('a')?.count).toBe(1);
    expect(documents.get('b')?.count).toBe(1);
    expect(checkpoint.position).toBe(events[1]!.position);
    expect(checkpoint.failure?.eventId).toBe(events[2]!.eventId);
  });

  it('S1 a returned replacement replaces the document, and later events change the replacement', async () => {
    const { documents, fields } = await runFolds(
      [
        counted('a'),
        { type: 'Pushed', data: { ids: ['a'], item: 'x' } },
        { type: 'Replaced', data: { ids: ['a'], label: 'fresh' } },
        counted('a'),
        { type: 'Pushed', data: { ids: ['a'], item: 'y' } },
      ],
      10,
    );
    expect(documents.get('a')).toEqual({
      id: 'a',
      count: 2,
      label: 'fresh',
      items: ['y'],
      tags: ['y'],
      box: { n: 0 },
      alias: null,
    });
    expect(fields.get('a')).toEqual({ count: 2, label: 'fresh' });
    expect(NO_TAGS).toEqual([]);
  });

  it('S1 returning a value after mutating the draft stops at that event, as immer rejects it', async () => {
    const { documents, checkpoint, events } = await runFolds(
      [counted('a'), { type: 'Tangled', data: { ids: ['a'] } }],
      10,
    );
    expect(documents.get('a')?.count).toBe(1);
    expect(checkpoint.failure?.eventId).toBe(events[1]!.eventId);
    expect(checkpoint.failure?.message).toMatch(/returned a new value \*and\* modified its draft/);
  });

  it('S1 DELETE_DOCUMENT deletes the document; a later event starts it again from init', async () => {
    const first = await runFolds(
      [counted('a'), counted('b'), { type: 'Deleted', data: { ids: ['a'] } }],
      10,
    );
    expect([...first.documents.keys()]).toEqual(['b']);
    const again = await runFolds(
      [counted('a'), { type: 'Deleted', data: { ids: ['a'] } }, counted('a')],
      10,
    );
    expect(again.documents.get('a')?.count).toBe(1);
  });

  it('S1 objects an event or init hands over, or two places share, are never changed through the document', async () => {
    const items = ['p'];
    const { documents } = await runFolds(
      [
        // Both documents are given the event's own array, then each gets its own push.
        { type: 'Listed', data: { ids: ['a', 'b'], items } },
        { type: 'Pushed', data: { ids: ['a'], item: 'q' } },
        { type: 'Aliased', data: { ids: ['a'] } },
        { type: 'Bumped', data: { ids: ['a'] } },
        { type: 'Bumped', data: { ids: ['a'] } },
      ],
      10,
    );
    expect(documents.get('a')).toMatchObject({
      items: ['p', 'q'],
      tags: ['q'],
      box: { n: 2 },
      alias: { n: 0 },
    });
    expect(documents.get('b')).toMatchObject({ items: ['p'], tags: [] });
    // `init` handed every document the same constant; pushing to a document's copy leaves it.
    expect(NO_TAGS).toEqual([]);
  });

  it('S7 a bad indexed value at an event in the middle of a page stops at that event', async () => {
    const { documents, fields, checkpoint, events } = await runFolds(
      [
        counted('a'),
        counted('b'),
        { type: 'Misfiled', data: { ids: ['a'] } },
        counted('b'),
        { type: 'Labelled', data: { ids: ['a'], label: 'later' } },
      ],
      10,
    );
    expect(checkpoint.failure?.eventId).toBe(events[2]!.eventId);
    expect(checkpoint.failure?.message).toBe(
      'indexed field "count" of document "a" must be a safe integer, got 1.5',
    );
    expect(checkpoint.position).toBe(events[1]!.position);
    expect(documents.get('a')?.count).toBe(1);
    expect(documents.get('b')?.count).toBe(1);
    expect(fields.get('a')).toEqual({ count: 1, label: null });
  });

  it('S7 indexed values are judged on the documents a page leaves, as storability is', async () => {
    // 1 + 0.5 + 0.5 = 2: the fractional count never reaches the store.
    const misfiled: FoldEvent = { type: 'Misfiled', data: { ids: ['a'] } };
    const { checkpoint, fields } = await runFolds([counted('a'), misfiled, misfiled], 10);
    expect(checkpoint.status).toBe('active');
    expect(fields.get('a')).toEqual({ count: 2, label: null });
    // One event per page stores the fractional count after the first: that page stops there.
    const narrow = await runFolds([counted('a'), misfiled, misfiled], 1);
    expect(narrow.checkpoint.failure?.eventId).toBe(narrow.events[1]!.eventId);
  });

  it('S1 documents are changed in place while apply only mutates them, and through immer once it returns values', async () => {
    const drafts: boolean[] = [];
    const watched: typeof folds = {
      ...folds,
      apply: (doc, event) => {
        drafts.push(isDraft(doc));
        return folds.apply(doc, event);
      },
    };
    const { documents } = await runFolds(
      [
        counted('a'),
        { type: 'Pushed', data: { ids: ['a'], item: 'x' } },
        counted('a'),
        { type: 'Replaced', data: { ids: ['a'], label: 'r' } },
        counted('a'),
      ],
      3,
      watched,
    );
    // Page 1 in place; page 2 tries in place, meets the replacement and is folded again with
    // immer, which the runner keeps using for this projection.
    expect(drafts).toEqual([false, false, false, false, true, true]);
    expect(documents.get('a')?.count).toBe(3);
  });
});

const produce = new Immer({ autoFreeze: false }).produce as (
  base: unknown,
  recipe: (draft: any) => unknown,
) => unknown;

/**
 * The reference: every event through its own immer draft, in order, a fan-out's documents
 * together or not at all, stopping at the first event that throws.
 */
function naiveFold(events: readonly StoredEvent[]) {
  const documents = new Map<string, Folded>();
  for (const event of events) {
    const staged = new Map<string, Folded | null>();
    try {
      for (const id of new Set((event.data as { ids: string[] }).ids)) {
        const current = documents.get(id) ?? folds.init(id, event as never);
        const next = produce(current, (draft) => folds.apply(draft, event as never));
        staged.set(id, next === DELETE_DOCUMENT ? null : (next as Folded));
      }
    } catch {
      return { documents, failedAt: event };
    }
    for (const [id, next] of staged) {
      if (next === null) documents.delete(id);
      else documents.set(id, next);
    }
  }
  return { documents, failedAt: undefined };
}

const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 });
const item = fc.constantFrom('x', 'y', 'z');
const mutating: fc.Arbitrary<FoldEvent>[] = [
  ids.map((i) => ({ type: 'Counted', data: { ids: i } })),
  fc
    .record({ ids, label: fc.constantFrom(null, 'l', 'immune') })
    .map((data) => ({ type: 'Labelled', data })),
  fc
    .record({ ids, items: fc.array(item, { maxLength: 2 }) })
    .map((data) => ({ type: 'Listed', data })),
  fc.record({ ids, item }).map((data) => ({ type: 'Pushed', data })),
  ids.map((i) => ({ type: 'Aliased', data: { ids: i } })),
  ids.map((i) => ({ type: 'Bumped', data: { ids: i } })),
];
const rare: fc.Arbitrary<FoldEvent>[] = [
  fc.record({ ids, label: fc.constantFrom('r', 's') }).map((data) => ({ type: 'Replaced', data })),
  ids.map((i) => ({ type: 'Deleted', data: { ids: i } })),
  ids.map((i) => ({ type: 'Poisoned', data: { ids: i } })),
  ids.map((i) => ({ type: 'Tangled', data: { ids: i } })),
];

describe('projection runner page application equals a naive immer fold (S1, S5, S6)', () => {
  it('S1 for random histories and page sizes, documents, fields and the stopping event match', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Histories with only mutating events keep the in-place fold in use throughout; the
        // others also return values, delete and throw.
        fc.oneof(
          fc.array(fc.oneof(...mutating), { maxLength: 30 }),
          fc.array(fc.oneof(...mutating, ...rare), { maxLength: 30 }),
        ),
        fc.integer({ min: 1, max: 8 }),
        async (history, batchSize) => {
          const { documents, fields, checkpoint, events } = await runFolds(history, batchSize);
          const expected = naiveFold(events);
          expect(Object.fromEntries(documents)).toEqual(
            // What the store keeps is JSON.
            JSON.parse(JSON.stringify(Object.fromEntries(expected.documents))),
          );
          expect(Object.fromEntries(fields)).toEqual(
            Object.fromEntries(
              [...expected.documents].map(([id, doc]) => [
                id,
                { count: doc.count, label: doc.label },
              ]),
            ),
          );
          expect(checkpoint.failure?.eventId).toBe(expected.failedAt?.eventId);
          expect(NO_TAGS).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
