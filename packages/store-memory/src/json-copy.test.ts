import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { frozenJsonCopy } from './json-copy.js';

const deepFrozen = (value: unknown): boolean =>
  value === null ||
  typeof value !== 'object' ||
  (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

test.prop([fc.jsonValue()])('equals a JSON round trip and is deeply frozen', (value) => {
  const copied = frozenJsonCopy(value);
  expect(JSON.stringify(copied)).toBe(JSON.stringify(value));
  expect(deepFrozen(copied)).toBe(true);
});

test.prop([fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true })])(
  'keeps what JSON keeps, for any value JSON can take',
  (value) => {
    let expected: string | undefined;
    try {
      expected = JSON.stringify(value);
    } catch {
      return;
    }
    if (expected === undefined) return;
    expect(JSON.stringify(frozenJsonCopy(value))).toBe(expected);
  },
);

it('keeps a "__proto__" key as data and rejects what JSON cannot hold', () => {
  const copied = frozenJsonCopy(JSON.parse('{"__proto__": {"a": 1}, "b": [1, null, 2]}'));
  expect(Object.keys(copied)).toEqual(['__proto__', 'b']);
  expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
  expect(() => frozenJsonCopy({ n: 1n })).toThrow('BigInt');
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  expect(() => frozenJsonCopy(circular)).toThrow('circular');
  expect(
    frozenJsonCopy({ when: new Date('2024-01-01T00:00:00Z'), skip: undefined, f: () => 1 }),
  ).toEqual({
    when: '2024-01-01T00:00:00.000Z',
  });
});
