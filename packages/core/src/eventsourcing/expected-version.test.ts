import { describe, expect, it } from 'vitest';
import { assertValidExpectedVersion } from './expected-version.js';

describe('assertValidExpectedVersion', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [-1, '-1'],
    [1.5, '1.5'],
    ['latest', '"latest"'],
    [undefined, 'undefined'],
    [null, 'null'],
  ])('names the rejected value %s as %s', (value, shown) => {
    expect(() => assertValidExpectedVersion(value)).toThrow(
      `expectedVersion ${shown} is not 'any', 'no_stream', 'stream_exists' or an integer ≥ 0`,
    );
  });

  it('accepts the four forms', () => {
    for (const value of ['any', 'no_stream', 'stream_exists', 0, 7]) {
      expect(() => assertValidExpectedVersion(value)).not.toThrow();
    }
  });
});
