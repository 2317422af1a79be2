import { createMemoryEventStore } from '@safeledger/store-memory';
import { describe, expect, it } from 'vitest';
import { defineProjection } from './projection.js';
import { createProjectionRunner } from './projection-runner.js';

interface Tally {
  tag: string;
  count: number;
}

/** Counts events per tag: an event with several tags updates one document per tag. */
const tallies = defineProjection<Tally>({
  name: 'tallies',
  version: 1,
  handles: ['Tagged'],
  documentId: (event) => (event.data as { tags: string[] }).tags,
  init: (tag) => ({ tag, count: 0 }),
  apply: (tally) => {
    if (tally.tag === 'poison') throw new Error('poisoned tag');
    tally.count += 1;
  },
});

describe('projection fan-out (documentId returning a list)', () => {
  it('applies an event to each listed document once, repeats counted once', async () => {
    const store = createMemoryEventStore();
    await store.appendToStream('s-1', [
      { type: 'Tagged', data: { tags: ['a', 'b'] } },
      { type: 'Tagged', data: { tags: ['b', 'b', 'c'] } },
      { type: 'Tagged', data: { tags: [] } },
    ]);
    const runner = createProjectionRunner({ store, projections: [tallies], pollIntervalMs: 1 });
    await runner.catchUp();
    await runner.stop();
    const documents = await store.projections.listDocuments('tallies');
    expect(documents.map((d) => d.document)).toEqual([
      { tag: 'a', count: 1 },
      { tag: 'b', count: 2 },
      { tag: 'c', count: 1 },
    ]);
  });

  it('changes none of an event’s documents when one of them fails, and stops before the event', async () => {
    const store = createMemoryEventStore();
    await store.appendToStream('s-1', [
      { type: 'Tagged', data: { tags: ['a'] } },
      { type: 'Tagged', data: { tags: ['a', 'poison'] } },
    ]);
    const runner = createProjectionRunner({ store, projections: [tallies], pollIntervalMs: 1 });
    await expect(runner.catchUp({ timeoutMs: 5_000 })).rejects.toThrow();
    const [status] = runner.status();
    await runner.stop();
    expect(status?.state).toBe('failed');
    expect(status?.failure?.message).toContain('poisoned tag');
    const documents = await store.projections.listDocuments('tallies');
    // `a` keeps the first event only: the failing event's update of `a` was not written.
    expect(documents.map((d) => d.document)).toEqual([{ tag: 'a', count: 1 }]);
  });
});
