import { isDraft } from 'immer';
import { describe, expect, it } from 'vitest';
import { type FoldEvent, folds, NO_TAGS, runFolds } from './projection-page.test-support.js';

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
