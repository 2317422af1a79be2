import { expect, it } from 'vitest';
import { createPhaseClock, timeMethods } from './phase-clock.js';

// The clock's bookkeeping, not its speed: no assertion here depends on how fast anything runs,
// only on which phases were recorded and that nested and re-entrant calls count once.

it('records a synchronous and an async phase, and a throwing call still counts', async () => {
  const clock = createPhaseClock();
  expect(clock.time('sync', () => 42)).toBe(42);
  expect(await clock.time('async', async () => 'done')).toBe('done');
  expect(() =>
    clock.time('fails', () => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect([...clock.totals.keys()].sort()).toEqual(['async', 'fails', 'sync']);
  for (const micros of clock.totals.values()) expect(micros).toBeGreaterThanOrEqual(0);
  clock.reset();
  expect(clock.totals.size).toBe(0);
});

it('an async phase lasts until its promise settles', async () => {
  const clock = createPhaseClock();
  let resolve!: () => void;
  const pending = clock.time('wait', () => new Promise<void>((r) => (resolve = r)));
  expect(clock.totals.has('wait')).toBe(false);
  resolve();
  await pending;
  expect(clock.totals.has('wait')).toBe(true);
});

it('a re-entrant phase counts its outermost call only; nested phases keep their own time', () => {
  // A hand-stepped clock: each reading is one millisecond after the previous one.
  let tick = 0;
  const clock = createPhaseClock(() => tick++);
  clock.time('decide', () => {
    clock.time('lookup', () => clock.time('lookup', () => undefined));
  });
  // Readings: decide starts at 0, lookup at 1, the inner lookup reads 2 and adds nothing, lookup
  // ends at 3, decide at 4. Adding the inner call too would make lookup more than 2000 µs.
  expect(clock.totals.get('lookup')).toBe(2000);
  expect(clock.totals.get('decide')).toBe(4000);
});

it('timeMethods times every method call and keeps the original this', () => {
  const clock = createPhaseClock();
  const directory = {
    people: new Map([['p-1', 'Ana']]),
    person(id: string) {
      return this.people.get(id);
    },
    name: 'sample',
  };
  const timed = timeMethods(directory, 'directory', clock);
  expect(timed.person('p-1')).toBe('Ana');
  expect(timed.name).toBe('sample');
  expect(clock.totals.has('directory')).toBe(true);
});
