import { type StoredEvent, toArray } from '@safeledger/core';
import { expect } from 'vitest';
import { currentRegistry, eventually, items, uniqueStream, visibleLog } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'gap safety';

/** Concurrent writers with live readers (R1, S2). */
export const gapSafetyCases: ConformanceCase[] = [
  {
    group,
    name: 'R1 N writers × M appends with a subscriber running: every event exactly once, in order',
    async run(context) {
      const { writers, eventsPerWriter, instances } = context.scale;
      const stores = await Promise.all(
        Array.from({ length: instances }, () => context.open({ registry: currentRegistry() })),
      );
      const reader = stores[0]!;
      const seen: StoredEvent[] = [];
      const subscription = reader.subscribe({ pollIntervalMs: 5, batchSize: 37 }, (event) => {
        seen.push(event);
      });
      const shared = uniqueStream('shared');
      const written: string[] = [];
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const store = stores[writer % stores.length]!;
          const own = uniqueStream('private');
          for (let i = 0; i < eventsPerWriter; i++) {
            // Alternate a contended stream ('any') with an uncontended one (exact versions).
            const target = i % 2 === 0 ? shared : own;
            const expectedVersion = i % 2 === 0 ? 'any' : (i - 1) / 2;
            const result = await store.appendToStream(target, items(1, `w${writer}e${i}`), {
              expectedVersion,
            });
            written.push(result.position);
          }
        }),
      );
      const total = writers * eventsPerWriter;
      // Once every event is visible, the subscriber must reach the end having seen them all; a
      // store that let it skip one fails here at once instead of keeping it waiting.
      const visible = await visibleLog(reader, total, {}, 60_000);
      const last = visible.at(-1)!.position;
      await eventually(
        () => subscription.position !== undefined && subscription.position >= last,
        `subscriber to reach the end of the log (saw ${seen.length} of ${total} events)`,
        60_000,
      );
      await subscription.stop();
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((e) => e.eventId)).size).toBe(total);
      const positions = seen.map((e) => e.position);
      for (let i = 1; i < positions.length; i++) {
        expect(
          positions[i]! > positions[i - 1]!,
          `position ${positions[i]} after ${positions[i - 1]}`,
        ).toBe(true);
      }
      expect(new Set(positions)).toEqual(new Set(written));
      const all = await toArray(reader.readAll());
      expect(all.map((e) => e.eventId)).toEqual(seen.map((e) => e.eventId));
      const sharedVersions = (await toArray(reader.readStream(shared))).map((e) => e.version);
      expect(sharedVersions).toEqual(
        Array.from({ length: sharedVersions.length }, (_, i) => i + 1),
      );
    },
  },
  {
    group,
    name: 'R1 pages read while writers run never skip an event that later becomes visible',
    async run(context) {
      const { writers, eventsPerWriter, instances } = context.scale;
      const stores = await Promise.all(
        Array.from({ length: instances }, () => context.open({ registry: currentRegistry() })),
      );
      const reader = stores[stores.length - 1]!;
      let allVisible = false;
      const collected: StoredEvent[] = [];
      // Each writer appends batches of 1, 2, 3, 1, 2, 3… events.
      const perWriter = Array.from({ length: eventsPerWriter }, (_, i) => 1 + (i % 3)).reduce(
        (a, b) => a + b,
        0,
      );
      const total = writers * perWriter;
      const deadline = Date.now() + 60_000;
      const readLoop = (async () => {
        let after: string | undefined;
        for (;;) {
          const settled = allVisible;
          const page = await reader.readAllPage({ after, maxCount: 13 });
          collected.push(...page.events);
          after = page.checkpoint;
          // A store may show committed events a little later (never out of order). Once all
          // of them are visible, a page that reaches the end ends the reading: whatever the
          // pages skipped by then is lost for good.
          if (settled && page.caughtUp) return;
          if (Date.now() > deadline) throw new Error(`read ${collected.length} of ${total} events`);
          // At the end of the log, let timers run: a store that answers from memory would
          // otherwise keep this loop in microtasks and starve the writers.
          if (page.caughtUp) await new Promise((resolve) => setTimeout(resolve, 0));
        }
      })();
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const store = stores[writer % stores.length]!;
          for (let i = 0; i < eventsPerWriter; i++) {
            await store.appendToStream(uniqueStream('race'), items(1 + (i % 3), `w${writer}e${i}`));
          }
        }),
      );
      await visibleLog(reader, total, {}, 60_000);
      allVisible = true;
      await readLoop;
      const all = await toArray(reader.readAll());
      expect(collected.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    },
  },
];
