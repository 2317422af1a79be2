import { createMemoryEventStore } from '@safeledger/store-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreFailureError } from './errors.js';
import type { EventStore } from './event-store.js';
import { defineProjection } from './projection.js';
import { indexed } from './projection-fields.js';
import { createProjectionRunner } from './projection-runner.js';
import type { ProjectionStore } from './projection-store.js';

const skus = defineProjection<{ sku: string }>({
  name: 'skus',
  version: 1,
  handles: ['Added'],
  documentId: (event) => (event.data as { sku: string }).sku,
  init: (sku) => ({ sku }),
  apply: () => undefined,
});

async function storeWith(count: number): Promise<EventStore> {
  const store = createMemoryEventStore();
  await store.appendToStream(
    'shelf-1',
    Array.from({ length: count }, (_, i) => ({ type: 'Added', data: { sku: `sku-${i}` } })),
  );
  return store;
}

/** The same store with some projection-store calls replaced. */
function withProjections(store: EventStore, overrides: Partial<ProjectionStore>): EventStore {
  return { ...store, projections: { ...store.projections, ...overrides } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('projection runner failures (S6)', () => {
  it('retries transient store failures and records nothing as failed', async () => {
    const store = await storeWith(3);
    let failures = 2;
    const flaky = withProjections(store, {
      async commit(commit) {
        if (failures-- > 0) throw new StoreFailureError('connection lost', { transient: true });
        return store.projections.commit(commit);
      },
    });
    const errors: unknown[] = [];
    const runner = createProjectionRunner({
      store: flaky,
      projections: [skus],
      pollIntervalMs: 1,
      onError: (_name, error) => errors.push(error),
    });
    await runner.catchUp({ timeoutMs: 10_000 });
    await runner.stop();
    expect(errors.map((error) => (error as Error).message)).toEqual([
      'connection lost',
      'connection lost',
    ]);
    expect((await store.projections.listDocuments('skus')).map((d) => d.id)).toEqual([
      'sku-0',
      'sku-1',
      'sku-2',
    ]);
    expect((await store.projections.getCheckpoint('skus'))?.status).toBe('active');
  });

  it('traces a commit the store refuses for good to its event and stops there', async () => {
    const store = await storeWith(5);
    // A store-specific refusal core cannot foresee: this store will not keep "sku-3".
    const picky = withProjections(store, {
      async commit(commit) {
        if (commit.documents.some(({ id }) => id === 'sku-3')) {
          throw new StoreFailureError('value too long for this column');
        }
        return store.projections.commit(commit);
      },
    });
    const errors: unknown[] = [];
    const runner = createProjectionRunner({
      store: picky,
      projections: [skus],
      pollIntervalMs: 1,
      onError: (_name, error) => errors.push(error),
    });
    await expect(runner.catchUp({ timeoutMs: 10_000 })).rejects.toThrow(
      /value too long for this column/,
    );
    await runner.stop();
    const events = [];
    for await (const event of store.readStream('shelf-1')) events.push(event);
    expect(await store.projections.getCheckpoint('skus')).toMatchObject({
      status: 'failed',
      position: events[2]!.position,
      failure: { eventId: events[3]!.eventId, version: 4 },
    });
    expect((await store.projections.listDocuments('skus')).map((d) => d.id)).toEqual([
      'sku-0',
      'sku-1',
      'sku-2',
    ]);
    expect(errors).toHaveLength(1);
  });

  it('backs off exponentially from failures no event can be blamed for; stop() ends the wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = await storeWith(1);
    const broken = withProjections(store, {
      getCheckpoint: async () => {
        throw new StoreFailureError('relation "projection_checkpoints" does not exist');
      },
    });
    let errors = 0;
    const runner = createProjectionRunner({
      store: broken,
      projections: [skus],
      pollIntervalMs: 5,
      onError: () => {
        errors++;
      },
    });
    runner.start();
    // Pauses of 20, 40, 80 and 160 ms: tries at 0, 20, 60, 140 and 300 ms.
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toBe(1);
    await vi.advanceTimersByTimeAsync(139);
    expect(errors).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toBe(4);
    await vi.advanceTimersByTimeAsync(160);
    expect(errors).toBe(5);
    // In the middle of a 320 ms pause, stop() returns without waiting it out.
    await vi.advanceTimersByTimeAsync(10);
    await runner.stop();
    expect(errors).toBe(5);
    expect(runner.status()[0]!.state).toBe('stopped');
  });
});

describe('projection runner at the head of the log (S7 field indexes)', () => {
  const indexedSkus = defineProjection<{ sku: string }>({
    ...skus,
    name: 'indexed-skus',
    fields: { sku: indexed.text((row: { sku: string }) => row.sku) },
  });

  /** Runs to the head in pages of `batchSize`; returns each commit's document count and atHead. */
  async function commitsOf(events: number, batchSize: number, fullPageSeesHead = true) {
    const memory = await storeWith(events);
    // Like the SQL stores, a full page may not look past its last event to see the head.
    const store: EventStore = fullPageSeesHead
      ? memory
      : {
          ...memory,
          async readAllPage(options) {
            const page = await memory.readAllPage(options);
            return { ...page, caughtUp: page.events.length < options.maxCount };
          },
        };
    const commits: Array<[documents: number, atHead: boolean | undefined]> = [];
    const watched = withProjections(store, {
      async commit(commit) {
        commits.push([commit.documents.length, commit.atHead]);
        return memory.projections.commit(commit);
      },
    });
    const runner = createProjectionRunner({
      store: watched,
      projections: [indexedSkus],
      batchSize,
      pollIntervalMs: 1,
    });
    await runner.catchUp({ timeoutMs: 10_000 });
    await runner.stop();
    return commits;
  }

  it('marks the commit of the page that reaches the head atHead, and no other', async () => {
    expect(await commitsOf(5, 2)).toEqual([
      [2, false],
      [2, false],
      [1, true],
    ]);
  });

  it('commits nothing at the head once when the last page was full, so the store can finish a rebuild', async () => {
    // A full last page that cannot tell it reached the head; the empty read after it can.
    expect(await commitsOf(4, 2, false)).toEqual([
      [2, false],
      [2, false],
      [0, true],
    ]);
    // Where the last page itself sees the head, there is nothing more to commit.
    expect(await commitsOf(4, 2)).toEqual([
      [2, false],
      [2, true],
    ]);
  });
});
