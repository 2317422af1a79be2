import { fc, test } from '@fast-check/vitest';
import { isValidationError } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { decodePosition, encodePosition, MAX_EPOCH, START } from './position.js';

const xid = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
const parts = fc.record({
  epoch: fc.integer({ min: 0, max: MAX_EPOCH }),
  xid,
  seq: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('positions', () => {
  test.prop([parts])('decode inverts encode', (p) => {
    expect(decodePosition(encodePosition(p.epoch, p.xid, p.seq))).toEqual(p);
  });

  test.prop([parts, parts])(
    'compare as plain strings exactly as (epoch, xid, seq) tuples',
    (a, b) => {
      const tuple = (p: typeof a) => [BigInt(p.epoch), BigInt(p.xid), BigInt(p.seq)];
      const [x, y] = [tuple(a), tuple(b)];
      const byTuple =
        x[0]! !== y[0]! ? x[0]! < y[0]! : x[1]! !== y[1]! ? x[1]! < y[1]! : x[2]! < y[2]!;
      const byString =
        encodePosition(a.epoch, a.xid, a.seq) < encodePosition(b.epoch, b.xid, b.seq);
      expect(byString).toBe(byTuple);
    },
  );

  it('reads undefined as the start of the log', () => {
    expect(decodePosition(undefined)).toEqual(START);
  });

  it.each(['', 'p1', '0001-1-1', '0000000000000016', `${encodePosition(1, '5', 1)} `])(
    'rejects %j, which no postgres store issued',
    (position) => {
      let error: unknown;
      try {
        decodePosition(position);
      } catch (caught) {
        error = caught;
      }
      expect(isValidationError(error)).toBe(true);
    },
  );
});
