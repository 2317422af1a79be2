import { describe, expect, it } from 'vitest';
import {
  findUnstorable,
  identifierProblem,
  quoteId,
  STORE_LIMITS,
  textProblem,
} from './store-limits.js';

describe('store limits', () => {
  it('finds the first unstorable part with its path', () => {
    expect(findUnstorable({ a: [1, { b: 2n }] })).toEqual({
      path: 'a.1.b',
      message: 'is a BigInt, which JSON cannot hold',
    });
    expect(findUnstorable({ ok: [null, true, 'x', 1.5, { nested: {} }], dropped: undefined })).toBe(
      undefined,
    );
    expect(findUnstorable(Object.create(null))).toBe(undefined);
    expect(findUnstorable(new (class Point {})())?.message).toContain('a Point');
  });

  it('tells a cycle from deep nesting', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(findUnstorable(cycle)?.message).toContain('cycle');
    let deep: unknown = 0;
    for (let i = 0; i <= STORE_LIMITS.jsonDepth; i++) deep = { d: deep };
    expect(findUnstorable(deep)?.message).toBe(
      `nests deeper than ${STORE_LIMITS.jsonDepth} levels`,
    );
  });

  it('refuses NUL and unpaired surrogates but accepts astral characters', () => {
    expect(textProblem('a\u0000b')).toContain('NUL');
    expect(textProblem('a\uD83D')).toBe('contains an unpaired surrogate at offset 1');
    expect(textProblem('\uDEA7x')).toBe('contains an unpaired surrogate at offset 0');
    expect(textProblem('🚧 \uD83D\uDEA7 é')).toBeUndefined();
  });

  it('bounds identifiers and quotes them briefly', () => {
    expect(identifierProblem('', 5)).toBe('must not be empty');
    expect(identifierProblem(7, 5)).toBe('must be a string, not a number');
    expect(identifierProblem('abcdef', 5)).toBe('is 6 characters long; the limit is 5');
    expect(identifierProblem('abcde', 5)).toBeUndefined();
    expect(quoteId('x'.repeat(100))).toBe(`"${'x'.repeat(40)}…"`);
  });
});
