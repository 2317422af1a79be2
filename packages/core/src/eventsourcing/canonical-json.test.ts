import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { canonicalJson } from './canonical-json.js';

test.prop([fc.dictionary(fc.string(), fc.jsonValue())])(
  'key order never changes canonical JSON',
  (value) => {
    const reversed = Object.fromEntries(Object.entries(value).reverse());
    expect(canonicalJson(reversed)).toBe(canonicalJson(value));
    expect(canonicalJson(value).length).toBe(JSON.stringify(value).length);
  },
);

// Found by the property above: a "__proto__" key was lost, so two different payloads compared equal.
test('a "__proto__" key is kept as data', () => {
  const withKey = JSON.parse('{"__proto__": 0, "a": 1}');
  expect(canonicalJson(withKey)).toBe('{"__proto__":0,"a":1}');
  expect(canonicalJson(withKey)).not.toBe(canonicalJson({ a: 1 }));
});
