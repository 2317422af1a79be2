import { createMemoryEventStore } from '@safeledger/store-memory';
import { describe, expect, it } from 'vitest';
import { createEventRegistry } from './event-registry.js';
import { createUniqueKeys, uniqueKeyEvents } from './unique-keys.js';

const store = () =>
  createMemoryEventStore({ registry: createEventRegistry({ events: [...uniqueKeyEvents] }) });

describe('unique keys', () => {
  it('lets exactly one of many racing owners claim a key', async () => {
    const keys = createUniqueKeys({
      store: store(),
      scope: 'case_number',
      retry: { baseDelayMs: 0 },
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => keys.claim('agency-1:2024:17', `case-${n}`)),
    );
    const winners = results.filter((result) => result.claimed);
    expect(winners).toHaveLength(1);
    const owner = await keys.ownerOf('agency-1:2024:17');
    for (const result of results) {
      if (!result.claimed) expect(result.owner).toBe(owner);
    }
  });

  it('treats a repeated claim by the owner as already done, and frees a released key', async () => {
    const keys = createUniqueKeys({ store: store(), scope: 'uscc' });
    expect(await keys.claim('91320900MA1XXXXX0X', 'ent-1')).toEqual({ claimed: true, fresh: true });
    expect(await keys.claim('91320900MA1XXXXX0X', 'ent-1')).toEqual({
      claimed: true,
      fresh: false,
    });
    expect(await keys.claim('91320900MA1XXXXX0X', 'ent-2')).toEqual({
      claimed: false,
      owner: 'ent-1',
    });
    expect(await keys.release('91320900MA1XXXXX0X', 'ent-2')).toBe(false);
    expect(await keys.release('91320900MA1XXXXX0X', 'ent-1')).toBe(true);
    expect(await keys.claim('91320900MA1XXXXX0X', 'ent-2')).toEqual({ claimed: true, fresh: true });
  });

  it('keeps plain keys readable in the stream id and hashes the rest', () => {
    const keys = createUniqueKeys({ store: store(), scope: 'venue' });
    expect(keys.streamIdOf('agency:2024:1')).toBe('unique-venue.agency:2024:1');
    const hashed = keys.streamIdOf('张三小吃店|盐城市开发区希望大道 1 号');
    expect(hashed).toMatch(/^unique-venue\.h[0-9a-f]{16}[0-9a-z]+$/);
    expect(keys.streamIdOf('张三小吃店|盐城市开发区希望大道 2 号')).not.toBe(hashed);
  });

  it('refuses a scope that could not be part of a stream id', () => {
    expect(() => createUniqueKeys({ store: store(), scope: 'Case-No' })).toThrow(
      'unique key scope "Case-No"',
    );
  });
});
