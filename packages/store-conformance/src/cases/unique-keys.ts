import { createEventRegistry, createUniqueKeys, toArray, uniqueKeyEvents } from '@safeledger/core';
import { expect } from 'vitest';
import type { ConformanceCase } from '../harness.js';

const group = 'unique keys';
let counter = 0;

/** Uniqueness across streams: a key stream appended at an exact expected version. */
export const uniqueKeyCases: ConformanceCase[] = [
  {
    group,
    name: 'unique keys: of racing claims from several instances exactly one wins, once',
    async run(context) {
      const registry = createEventRegistry({ events: [...uniqueKeyEvents] });
      const stores = await Promise.all(
        Array.from({ length: context.scale.instances }, () => context.open({ registry })),
      );
      counter += 1;
      const key = `agency:2024:${Date.now().toString(36)}${counter}`;
      const claims = stores.map((store) =>
        createUniqueKeys({
          store,
          scope: 'conformance',
          retry: { maxAttempts: 20, baseDelayMs: 1 },
        }),
      );
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, n) => claims[n % claims.length]!.claim(key, `owner-${n}`)),
      );
      expect(results.filter((result) => result.claimed)).toHaveLength(1);
      const owner = await claims[0]!.ownerOf(key);
      expect(owner).toMatch(/^owner-\d$/);
      for (const result of results) if (!result.claimed) expect(result.owner).toBe(owner);
      const events = await toArray(stores[0]!.readStream(claims[0]!.streamIdOf(key)));
      expect(events.map((event) => event.type)).toEqual(['UniqueKeyClaimed']);
    },
  },
];
