import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFingerprint, fnv1a64 } from './fingerprint.js';

describe('fingerprints', () => {
  it('match the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hash the UTF-8 bytes of any plane', () => {
    // "é" is C3 A9 and "🚧" is F0 9F 9A A7 in UTF-8: hashing those bytes by hand must agree.
    const bytes = (...values: number[]) => String.fromCharCode(...values);
    expect(fnv1a64('é')).toBe(fnv1a64Bytes([0xc3, 0xa9]));
    expect(fnv1a64('🚧')).toBe(fnv1a64Bytes([0xf0, 0x9f, 0x9a, 0xa7]));
    expect(fnv1a64(bytes(0x41))).toBe(fnv1a64('A'));
  });

  test.prop([fc.string({ unit: 'binary' })])(
    'equal a byte-wise FNV-1a of the UTF-8 encoding',
    (text) => {
      expect(fnv1a64(text)).toBe(fnv1a64Bytes([...new TextEncoder().encode(text)]));
    },
  );

  it('ignore key order but nothing else', () => {
    expect(commandFingerprint({ type: 'A', n: 1 })).toBe(commandFingerprint({ n: 1, type: 'A' }));
    expect(commandFingerprint({ type: 'A', n: 1 })).not.toBe(
      commandFingerprint({ type: 'A', n: 2 }),
    );
    expect(commandFingerprint({ type: 'A' })).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });
});

// A plain byte-wise FNV-1a 64 on BigInt, as the reference.
function fnv1a64Bytes(bytes: readonly number[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
