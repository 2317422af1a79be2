import { createCommandHandler, isConcurrencyError, toArray } from '@safeledger/core';
import { expect } from 'vitest';
import { currentRegistry, rejection, uniqueStream } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';
import { cartDecider } from './idempotency.js';

const group = 'command handling';

/** Load, decide, append with optimistic concurrency (G-2, G-3). */
export const commandHandlerCases: ConformanceCase[] = [
  {
    group,
    name: 'handler: concurrent commands on one stream all land through retries, none lost',
    async run(context) {
      const stores = await Promise.all(
        Array.from({ length: context.scale.instances }, () =>
          context.open({ registry: currentRegistry() }),
        ),
      );
      const streamId = uniqueStream();
      const handlers = stores.map((store) =>
        createCommandHandler({
          store,
          decider: cartDecider,
          retry: { maxAttempts: 50, baseDelayMs: 2, maxDelayMs: 40 },
        }),
      );
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          handlers[i % handlers.length]!(streamId, { sku: `s${i}` }, { commandId: `c${i}` }),
        ),
      );
      const events = await toArray(stores[0]!.readStream(streamId));
      expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(events.map((e) => e.metadata.commandId)).size).toBe(8);
      expect(results.map((r) => r.nextVersion).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      for (const result of results) expect(result.state.count).toBe(result.nextVersion);
    },
  },
  {
    group,
    name: 'G-2 a pinned expected version that is stale fails at once and appends nothing',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const handle = createCommandHandler({ store, decider: cartDecider });
      const streamId = uniqueStream();
      await handle(streamId, { sku: 'a' });
      await handle(streamId, { sku: 'b' }, { expectedVersion: 1 });
      const error = await rejection(handle(streamId, { sku: 'c' }, { expectedVersion: 1 }));
      expect(isConcurrencyError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ expected: 1, actual: 2 });
      expect(await toArray(store.readStream(streamId))).toHaveLength(2);
    },
  },
  {
    group,
    name: 'handler: metadata carries actor, correlation and business time; decide sees the clock',
    async run(context) {
      const fixed = new Date('2024-06-01T08:00:00.000Z');
      const store = await context.open({ registry: currentRegistry(), clock: () => fixed });
      let seenNow: Date | undefined;
      const handle = createCommandHandler({
        store,
        clock: () => fixed,
        decider: {
          ...cartDecider,
          decide: (command, _state, context) => {
            seenNow = context.now;
            return cartDecider.decide(command as { sku: string }, { count: 0 }, context);
          },
        },
      });
      const streamId = uniqueStream();
      const actor = { personId: 'p1', role: 'Principal', enterpriseId: 'e1' };
      await handle(
        streamId,
        { sku: 'a' },
        { commandId: 'cmd-9', metadata: { actor, correlationId: 'flow-1' } },
      );
      const [event] = await toArray(store.readStream(streamId));
      expect(seenNow).toEqual(fixed);
      expect(event!.metadata).toEqual({
        actor,
        commandId: 'cmd-9',
        // A command without a `type` field is named after its decider.
        commandType: 'cart',
        commandHash: expect.stringMatching(/^fnv1a64:[0-9a-f]{16}$/),
        correlationId: 'flow-1',
        causationId: 'cmd-9',
        occurredAt: fixed.toISOString(),
      });
      expect(event!.recordedAt).toBe(fixed.toISOString());
    },
  },
];
