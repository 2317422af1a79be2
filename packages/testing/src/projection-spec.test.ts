import {
  createProjectionRunner,
  DELETE_DOCUMENT,
  type DomainEvent,
  defineProjection,
  type StoredEvent,
} from '@safeledger/core';
import { createMemoryEventStore } from '@safeledger/store-memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProjectionSpecError, projectionSpec } from './projection-spec.js';

// Shopping lists: one document per list, deleted when archived; `Noted` is not handled.
type ListEvent =
  | DomainEvent<'ItemAdded', { list: string; item: string; qty: number }>
  | DomainEvent<'ItemRemoved', { list: string; item: string }>
  | DomainEvent<'ListArchived', { list: string }>
  | DomainEvent<'Noted', { list: string }>;
interface ListDoc {
  list: string;
  items: Record<string, number>;
  total: number;
  lastChangedAt: string;
  streamVersions: number[];
}

const lists = defineProjection<ListDoc, ListEvent>({
  name: 'shopping-lists',
  version: 1,
  handles: ['ItemAdded', 'ItemRemoved', 'ListArchived'],
  // An empty list name is a data error the projection skips.
  documentId: (event) => (event.data.list === '' ? null : event.data.list),
  init: (list) => ({ list, items: {}, total: 0, lastChangedAt: '', streamVersions: [] }),
  apply: (draft, event) => {
    switch (event.type) {
      case 'ItemAdded':
        draft.items[event.data.item] = (draft.items[event.data.item] ?? 0) + event.data.qty;
        draft.total += event.data.qty;
        break;
      case 'ItemRemoved':
        draft.total -= draft.items[event.data.item] ?? 0;
        delete draft.items[event.data.item];
        break;
      case 'ListArchived':
        return DELETE_DOCUMENT;
    }
    draft.lastChangedAt = event.metadata.occurredAt;
    draft.streamVersions.push(event.version);
    return undefined;
  },
});

const added = (list: string, item: string, qty = 1) =>
  ({ type: 'ItemAdded', data: { list, item, qty } }) as const;

describe('projectionSpec', () => {
  const spec = projectionSpec(lists);

  it('folds the given events into documents and checks them by id', () => {
    const outcome = spec.given([
      added('home', 'milk', 2),
      added('home', 'eggs'),
      { type: 'Noted', data: { list: 'home' } },
      added('work', 'coffee'),
      { type: 'ItemRemoved', data: { list: 'home', item: 'milk' } },
    ]);
    outcome.thenDocument('home', {
      list: 'home',
      items: { eggs: 1 },
      total: 1,
      lastChangedAt: '2024-01-01T00:00:00.000Z',
      // Default versions are contiguous per stream, counting the unhandled event too.
      streamVersions: [1, 2, 5],
    });
    outcome.thenDocument('work', (doc) => expect(doc.total).toBe(1));
    expect(outcome.documents().map(({ id }) => id)).toEqual(['home', 'work']);
    expect(() =>
      outcome.thenDocument('home', { ...outcome.thenDocument('home', () => {}), total: 9 }),
    ).toThrow(/document "home" differs\n {2}expected: .*"total":9.*\n {2}actual: {3}.*"total":1/);
    expect(() => outcome.thenDocument('shed', () => {})).toThrow(
      'no document "shed" in projection "shopping-lists"; it has "home", "work"',
    );
  });

  it('deletes a document on DELETE_DOCUMENT and skips events without a document id', () => {
    const outcome = spec.given([
      added('home', 'milk'),
      added('', 'lost'),
      { type: 'ListArchived', data: { list: 'home' } },
      added('work', 'tea'),
    ]);
    outcome.thenNoDocument('home');
    outcome.thenDocuments({
      work: {
        list: 'work',
        items: { tea: 1 },
        total: 1,
        lastChangedAt: '2024-01-01T00:00:00.000Z',
        streamVersions: [4],
      },
    });
    expect(() => outcome.thenNoDocument('work')).toThrow('expected no document "work", found');
    expect(() => outcome.thenDocuments({})).toThrow('documents differ');
  });

  it('takes envelope fields from the given events and defaults the rest', () => {
    projectionSpec(lists, { now: new Date('2024-05-01T08:00:00Z'), streamId: 'list-a' })
      .given([
        { ...added('a', 'x'), version: 7, metadata: { occurredAt: '2024-04-30T23:00:00+08:00' } },
        added('a', 'y'),
      ])
      .thenDocument('a', (doc) => {
        expect(doc.streamVersions).toEqual([7, 8]);
        expect(doc.lastChangedAt).toBe('2024-05-01T08:00:00.000Z');
      });
  });

  it('reports a projection that throws, at the failing event', () => {
    const fragile = defineProjection<{ n: number }, ListEvent>({
      ...lists,
      name: 'fragile',
      init: () => ({ n: 0 }),
      apply: (draft, event) => {
        if (event.type === 'ItemRemoved') throw new Error('cannot remove');
        draft.n += 1;
      },
    });
    const outcome = projectionSpec(fragile).given([
      added('a', 'x'),
      { type: 'ItemRemoved', data: { list: 'a', item: 'x' } },
    ]);
    const failure = outcome.thenFails((error) => (error as Error).message === 'cannot remove');
    expect(failure).toMatchObject({ index: 1, event: { type: 'ItemRemoved', version: 2 } });
    expect(() => outcome.thenDocument('a', { n: 1 })).toThrow(
      'projection "fragile" threw on event 1 (ItemRemoved): Error: cannot remove',
    );
    expect(() => spec.given([added('a', 'x')]).thenFails()).toThrow(
      'expected projection "shopping-lists" to throw, but it folded all 1 events',
    );
  });

  it('gives frozen events and stores documents as JSON, as a store does', () => {
    const careless = defineProjection<{ at: unknown }, ListEvent>({
      ...lists,
      name: 'careless',
      init: () => ({ at: null }),
      apply: (draft, event) => {
        draft.at = new Date(event.metadata.occurredAt);
        if (event.data.list === 'mutate') (event.data as { list: string }).list = 'changed';
      },
    });
    // The Date the projection put in is a string once stored, as the next batch would read it.
    projectionSpec(careless)
      .given([added('a', 'x')])
      .thenDocument('a', (doc) => expect(doc.at).toBe('2024-01-01T00:00:00.000Z'));
    projectionSpec(careless)
      .given([added('mutate', 'x')])
      .thenFails((error) => error instanceof TypeError);
  });

  it('is not mistaken for a promise and fails with ProjectionSpecError', async () => {
    const outcome = spec.given([]);
    expect(await Promise.resolve(outcome)).toBe(outcome);
    expect(() => outcome.thenDocument('x', () => {})).toThrow(ProjectionSpecError);
  });
});

// The spec claims the projection runner's semantics: the same events give the same documents.
const eventArbitrary: fc.Arbitrary<ListEvent> = fc.oneof(
  fc.record({
    type: fc.constant('ItemAdded' as const),
    data: fc.record({
      list: fc.constantFrom('a', 'b', ''),
      item: fc.constantFrom('x', 'y'),
      qty: fc.integer({ min: 1, max: 5 }),
    }),
  }),
  fc.record({
    type: fc.constant('ItemRemoved' as const),
    data: fc.record({ list: fc.constantFrom('a', 'b'), item: fc.constantFrom('x', 'y') }),
  }),
  fc.record({
    type: fc.constant('ListArchived' as const),
    data: fc.record({ list: fc.constantFrom('a', 'b') }),
  }),
  fc.record({
    type: fc.constant('Noted' as const),
    data: fc.record({ list: fc.constantFrom('a', 'b') }),
  }),
);

describe('projectionSpec against the projection runner', () => {
  it('gives the documents the runner gives on the memory store, and writes them to a store', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('list-1', 'list-2'), eventArbitrary), { maxLength: 30 }),
        async (writes) => {
          const store = createMemoryEventStore();
          for (const [streamId, event] of writes) await store.appendToStream(streamId, [event]);
          const runner = createProjectionRunner({ store, projections: [lists], batchSize: 7 });
          await runner.catchUp();
          await runner.stop();
          const stored: StoredEvent<ListEvent>[] = [];
          for await (const event of store.readAll()) stored.push(event as StoredEvent<ListEvent>);

          const outcome = projectionSpec(lists).given(stored);
          const byRunner = await store.projections.listDocuments(lists.name, { limit: 100 });
          expect(outcome.documents()).toEqual(byRunner);

          const other = createMemoryEventStore();
          await outcome.writeTo(other.projections);
          expect(await other.projections.listDocuments(lists.name, { limit: 100 })).toEqual(
            byRunner,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
