import {
  createProjectionRunner,
  defineProjection,
  type StoredEvent,
  StoreFailureError,
} from '@safeledger/core';
import { eventually } from '@safeledger/store-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresEventStore,
  type PostgresEventStore,
} from './create-postgres-event-store.js';
import { uniqueSchema } from './test-support/database.js';
import { type OwnedPostgresServer, startOwnedPostgres } from './test-support/postgres-server.js';

// These tests stop and start the server under the store, so they run on a throwaway server of
// their own, never on the shared one in PG_URL.
let server: OwnedPostgresServer;
beforeAll(async () => {
  server = await startOwnedPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const open = (): PostgresEventStore =>
  createPostgresEventStore(
    { connectionString: server.url },
    { schema: uniqueSchema('restart'), poolSize: 4 },
  );

/** Restarts the server: fast shutdown (open transactions roll back), a pause, a start. */
async function restart(pauseMs = 500): Promise<void> {
  await server.halt();
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  await server.resume();
}

const perStream = defineProjection<{ events: number; lastVersion: number }>({
  name: 'per-stream',
  version: 1,
  handles: ['Appended'],
  documentId: (event) => event.streamId,
  init: () => ({ events: 0, lastVersion: 0 }),
  apply: (document, event) => {
    document.events += 1;
    document.lastVersion = event.version;
  },
});

describe('PostgreSQL restarted under the store', { timeout: 120_000 }, () => {
  it('appends while it is down fail with retryable errors, and every acknowledged append survives', async () => {
    const store = open();
    const acknowledged: string[] = [];
    const failures: unknown[] = [];
    let attempt = 0;
    const append = async () => {
      const streamId = `order-${attempt++}`;
      try {
        await store.appendToStream(streamId, [{ type: 'Appended', data: { n: attempt } }]);
        acknowledged.push(streamId);
      } catch (error) {
        failures.push(error);
      }
    };
    try {
      for (let i = 0; i < 20; i++) await append();
      const down = server.halt();
      // Appends while the server shuts down and while it is gone.
      const during = (async () => {
        const until = Date.now() + 1_500;
        while (Date.now() < until) {
          await append();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      await down;
      await during;
      await server.resume();
      // The same store object works again: no reconnect call, no new store.
      await eventually(
        async () => {
          await append();
          return (
            acknowledged.length >= 40 ||
            (acknowledged.length > 20 && failures.length > 0 && attempt > 200)
          );
        },
        'appends after the restart',
        30_000,
      );
      for (let i = 0; i < 10; i++) await append();
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(StoreFailureError);
        expect((failure as StoreFailureError).transient, String(failure)).toBe(true);
      }
      // Nothing acknowledged is lost, and every stream holds one event at version 1.
      for (const streamId of acknowledged) {
        const versions: number[] = [];
        for await (const event of store.readStream(streamId)) versions.push(event.version);
        expect(versions).toEqual([1]);
      }
    } finally {
      await store.close();
    }
  });

  it('a subscription and a projection runner resume from where they were, with no manual step', async () => {
    const store = open();
    const received: StoredEvent[] = [];
    const subscriptionErrors: unknown[] = [];
    const runnerErrors: unknown[] = [];
    const subscription = store.subscribe(
      { pollIntervalMs: 50, onError: (error) => subscriptionErrors.push(error) },
      (event) => {
        received.push(event);
      },
    );
    const runner = createProjectionRunner({
      store,
      projections: [perStream],
      pollIntervalMs: 50,
      onError: (_name, error) => runnerErrors.push(error),
    });
    runner.start();
    try {
      for (let i = 0; i < 10; i++)
        await store.appendToStream(`cart-${i % 3}`, [{ type: 'Appended', data: { i } }]);
      await eventually(() => received.length === 10, 'the first ten events', 10_000);
      await runner.catchUp({ timeoutMs: 10_000 });
      await restart();
      // Appends right after the restart may still meet connections the shutdown closed.
      for (let i = 10; i < 20; i++) {
        await eventually(
          async () => {
            try {
              await store.appendToStream(`cart-${i % 3}`, [{ type: 'Appended', data: { i } }]);
              return true;
            } catch (error) {
              if (error instanceof StoreFailureError && error.transient) return false;
              throw error;
            }
          },
          `append ${i} after the restart`,
          20_000,
        );
      }
      await eventually(() => received.length === 20, 'all twenty events', 30_000);
      expect(subscriptionErrors).toEqual([]);
      // In order, once each: the subscription resumed from its own position.
      expect(received.map((event) => event.data)).toEqual(
        Array.from({ length: 20 }, (_, i) => ({ i })),
      );
      await eventually(
        async () => {
          const documents = await Promise.all(
            [0, 1, 2].map((n) => store.projections.getDocument('per-stream', `cart-${n}`)),
          );
          return (
            JSON.stringify(documents.map((d) => (d as { events?: number } | undefined)?.events)) ===
            JSON.stringify([7, 7, 6])
          );
        },
        'the projection caught up after the restart',
        30_000,
      );
      // The runner needed no retry call: no failure is recorded, it is still active.
      expect(runner.status().map((status) => [status.state, status.failure])).toEqual([
        ['active', undefined],
      ]);
    } finally {
      await subscription.stop();
      await runner.stop();
      await store.close();
    }
  });
});
