import type { Clock, IdGenerator } from '@safeledger/core';
import { monotonicFactory } from 'ulid';
import { createRandom } from '../generator/random.js';

/**
 * The simulated time of a replayed year: every command is recorded at its business time, and
 * event ids are ULIDs of that time with seeded randomness, so the same seed writes the same
 * events, ids and recording times included.
 */
export interface Simulation {
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** Moves the clock to an instant (ISO-8601). */
  advanceTo(instant: string): void;
}

/** Creates a simulation starting at the epoch; `advanceTo` before the first command. */
export function createSimulation(seed: number): Simulation {
  const random = createRandom(seed ^ 0x1d5);
  const ulid = monotonicFactory(() => random.fraction());
  let now = new Date(0);
  return {
    clock: () => new Date(now.getTime()),
    newId: () => ulid(now.getTime()),
    advanceTo(instant) {
      now = new Date(instant);
    },
  };
}
