import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Wraps an arbitrary so each generated value draws from a random stream of its own, seeded from
 * the shared one. `fc.gen()` keeps the random generator it was given to replay itself when
 * fast-check clones a value for shrinking; inside `fc.commands` that generator is the shared one,
 * which later commands have moved on, so every replay drew new values and nothing shrank.
 */
export class IsolatedArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly inner: fc.Arbitrary<T>) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.inner.generate(new fc.Random(xoroshiro128plus(mrng.nextInt())), biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}
