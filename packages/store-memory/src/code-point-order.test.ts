import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { compareCodePoints } from './code-point-order.js';

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const byteOrder = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

test.prop([fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })])(
  'agrees with UTF-8 byte order',
  (a, b) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byteOrder(utf8(a), utf8(b))));
  },
);

test('an astral character sorts after U+FFFD, unlike UTF-16 order', () => {
  expect(['\u{1F600}', '\uFFFD'].sort(compareCodePoints)).toEqual(['\uFFFD', '\u{1F600}']);
});
