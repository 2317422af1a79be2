import fc from 'fast-check';
import { Immer } from 'immer';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './envelope.js';
import { DELETE_DOCUMENT } from './projection.js';
import {
  type FoldEvent,
  type Folded,
  folds,
  NO_TAGS,
  runFolds,
} from './projection-page.test-support.js';

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
