import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of choices: the same seed gives the same sequence on every machine. */
export interface Random {
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** 128 random bits as a 0..1 fraction, for ULID randomness. */
  fraction(): number;
}

/**
 * Creates a seeded random source on pure-rand's xoroshiro128+ (the generator fast-check uses),
 * so a scenario's seed fixes every choice the generator makes.
 */
export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  return {
    int,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fraction: () => int(0, 0x3fffffff) / 0x40000000,
  };
}

/**
 * Spreads `total` items over `buckets` slots at random (every slot may get zero): the
 * multinomial split the generator uses to hand a pool's hazards to its units.
 */
export function spread(random: Random, total: number, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0);
  if (buckets === 0) return counts;
  for (let i = 0; i < total; i++) {
    const slot = random.int(0, buckets - 1);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}
