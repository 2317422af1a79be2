import { createEventStore, type EventStore, type StoredEvent, toArray } from '@safeledger/core';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteDriver } from './create-sqlite-event-store.js';
import { DEFAULT_GLOBAL_LOG_TUNING, type GlobalLogTuning } from './global-log.js';
import { encodePosition } from './position.js';

const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta'];
const TYPES = ['Opened', 'Changed', 'Closed', 'Noted'];

let db: Database.Database;
let log: StoredEvent[];
const stores = new Map<string, EventStore>();

const tunings: Record<string, GlobalLogTuning> = {
  default: DEFAULT_GLOBAL_LOG_TUNING,
  // Tiny limits push every filter through the windowed scan, across many windows.
  'small windows': { scanWindow: 7, maxSeekValues: 1 },
};

beforeAll(async () => {
  db = new Database(':memory:');
  for (const [name, tuning] of Object.entries(tunings)) {
    stores.set(name, createEventStore(openSqliteDriver({ database: db }, {}, tuning)));
  }
  const writer = stores.get('default')!;
  // A deterministic mix of batch sizes, categories and types, with some runs of one type.
  for (let i = 0; i < 120; i++) {
    const category = CATEGORIES[(i * 7) % 5 === 4 ? 0 : (i * 7) % 4]!;
    const size = 1 + ((i * 5) % 3);
    await writer.appendToStream(
      `${category}-${i % 9}`,
      Array.from({ length: size }, (_, k) => ({
        type: TYPES[(i * 3 + k * (i % 2)) % 4]!,
        data: { i, k },
      })),
    );
  }
  // Holes in the position sequence (rows removed behind the store's back) must not confuse
  // page boundaries: positions are ordered, never assumed contiguous.
  db.exec('DELETE FROM safeledger_events WHERE position % 17 = 0');
  log = await toArray(writer.readAll());
});

afterAll(async () => {
  for (const store of stores.values()) await store.close();
  db.close();
});

const filterArbitrary = fc.option(
  fc.array(fc.constantFrom(...TYPES, 'Unknown'), { maxLength: 5 }),
  { nil: undefined },
);
const categoryArbitrary = fc.option(
  fc.array(fc.constantFrom(...CATEGORIES, 'nowhere'), { maxLength: 5 }),
  { nil: undefined },
);

describe.each(Object.keys(tunings))('readAllPage with %s tuning', (tuningName) => {
  it('walking the pages yields exactly the filtered log, with sound checkpoints', async () => {
    const store = stores.get(tuningName)!;
    const head = log.at(-1)!.position;
    await fc.assert(
      fc.asyncProperty(
        filterArbitrary,
        categoryArbitrary,
        fc.integer({ min: 1, max: 15 }),
        fc.option(fc.integer({ min: 0, max: log.length + 2 }), { nil: undefined }),
        async (types, categories, maxCount, startIndex) => {
          const after =
            startIndex === undefined
              ? undefined
              : startIndex < log.length
                ? log[startIndex]!.position
                : encodePosition(Number(head) + startIndex - log.length + 1);
          const expected = log.filter(
            (event) =>
              (after === undefined || event.position > after) &&
              (types === undefined || types.includes(event.type)) &&
              (categories === undefined || categories.includes(event.streamId.split('-')[0]!)),
          );
          const seen: StoredEvent[] = [];
          let checkpoint = after;
          for (let pages = 0; ; pages++) {
            expect(pages).toBeLessThan(log.length + 10);
            const page = await store.readAllPage({
              after: checkpoint,
              maxCount,
              types,
              categories,
            });
            expect(page.events.length).toBeLessThanOrEqual(maxCount);
            for (const event of page.events) {
              expect(checkpoint === undefined || event.position > checkpoint).toBe(true);
              expect(event.position <= page.checkpoint!).toBe(true);
            }
            if (page.events.length === maxCount) {
              expect(page.checkpoint).toBe(page.events.at(-1)!.position);
            }
            if (checkpoint !== undefined) expect(page.checkpoint! >= checkpoint).toBe(true);
            seen.push(...page.events);
            if (page.caughtUp) {
              // Scanned to the head: that is where a reader may resume, matched or not (S3).
              expect(page.checkpoint).toBe(after !== undefined && after > head ? after : head);
              break;
            }
            expect(page.checkpoint).not.toBe(checkpoint);
            checkpoint = page.checkpoint;
          }
          expect(seen.map((event) => event.eventId)).toEqual(
            expected.map((event) => event.eventId),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('readAllPage edge cases', () => {
  it('an empty store: no checkpoint to give, caught up', async () => {
    const empty = new Database(':memory:');
    const store = createEventStore(openSqliteDriver({ database: empty }));
    expect(await store.readAllPage({ maxCount: 5, types: ['Opened'] })).toEqual({
      events: [],
      checkpoint: undefined,
      caughtUp: true,
    });
    await store.close();
    empty.close();
  });

  it('a position this store never issued is refused', async () => {
    const store = stores.get('default')!;
    await expect(store.readAllPage({ after: 'p-12', maxCount: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
