import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { formatMetricRate, formatRate, NO_RATE } from './format-rate.js';
import { rateOf, rateValue } from './rate.js';

describe('formatRate (§6)', () => {
  it('reproduces the published overall rate: 6257/6692 is 93.49% truncated, 93.50% half up', () => {
    const rate = rateOf(6257, 6692);
    expect(formatRate(rate, { mode: 'truncate', decimals: 2 })).toBe('93.49%');
    expect(formatRate(rate, { mode: 'half_up', decimals: 2 })).toBe('93.50%');
    expect(formatRate(rate, { mode: 'half_even', decimals: 2 })).toBe('93.50%');
  });

  it('reproduces the published major rate: 115/116 is 99.14% half up, 99.13% truncated', () => {
    const rate = rateOf(115, 116);
    expect(formatRate(rate, { mode: 'half_up', decimals: 2 })).toBe('99.14%');
    expect(formatRate(rate, { mode: 'truncate', decimals: 2 })).toBe('99.13%');
  });

  it('shows "—" for a zero denominator, in every mode', () => {
    for (const mode of ['half_up', 'half_even', 'truncate'] as const) {
      expect(formatRate(rateOf(0, 0), { mode, decimals: 2 })).toBe(NO_RATE);
    }
    expect(rateValue(rateOf(0, 0))).toBeNull();
  });

  it('rounds exact ties half up away from zero and half even to the even digit', () => {
    // 1/8 = 12.5%, 3/8 = 37.5%: exact ties at 0 decimals.
    expect(formatRate(rateOf(1, 8), { mode: 'half_up', decimals: 0 })).toBe('13%');
    expect(formatRate(rateOf(1, 8), { mode: 'half_even', decimals: 0 })).toBe('12%');
    expect(formatRate(rateOf(3, 8), { mode: 'half_even', decimals: 0 })).toBe('38%');
    expect(formatRate(rateOf(1, 8), { mode: 'truncate', decimals: 0 })).toBe('12%');
    expect(formatRate(rateOf(1, 3), { mode: 'half_up', decimals: 4 })).toBe('33.3333%');
    expect(formatRate(rateOf(2, 3), { mode: 'half_up', decimals: 1 })).toBe('66.7%');
    expect(formatRate(rateOf(1, 1), { mode: 'half_up', decimals: 2 })).toBe('100.00%');
    expect(formatRate(rateOf(0, 7), { mode: 'half_up', decimals: 2 })).toBe('0.00%');
    expect(formatRate(rateOf(1, 10_000), { mode: 'truncate', decimals: 2 })).toBe('0.01%');
  });

  it('refuses counts that are not non-negative integers, naming the value', () => {
    expect(() => rateOf(1.5, 2)).toThrow(
      'rate numerator must be a non-negative safe integer, got 1.5',
    );
    expect(() => rateOf(1, -2)).toThrow(
      'rate denominator must be a non-negative safe integer, got -2',
    );
    expect(() => formatRate(rateOf(1, 2), { mode: 'half_up', decimals: 11 })).toThrow('decimals');
  });

  it('uses the policy default and per-metric overrides', () => {
    const policy = createSupervisionPolicy({
      rate: { mode: 'truncate', overrides: { 'P-3': { mode: 'half_up' } } },
    });
    expect(formatMetricRate(rateOf(6257, 6692), policy, 'P-2')).toBe('93.49%');
    expect(formatMetricRate(rateOf(115, 116), policy, 'P-3')).toBe('99.14%');
    expect(formatMetricRate(rateOf(115, 116), createSupervisionPolicy(), 'P-4')).toBe('99.14%');
  });

  // Oracle: the decimal expansion by schoolbook long division on digit strings.
  const longDivision = (n: number, d: number, digits: number): number[] => {
    const out: number[] = [];
    let remainder = n * 100;
    out.push(Math.floor(remainder / d));
    remainder %= d;
    for (let i = 0; i < digits; i++) {
      remainder *= 10;
      out.push(Math.floor(remainder / d));
      remainder %= d;
    }
    return out;
  };

  test.prop([
    fc.integer({ min: 1, max: 100_000 }),
    fc.nat(100_000),
    fc.integer({ min: 0, max: 4 }),
  ])(
    'a rate in [0, 1] prints between 0% and 100%, truncation equals long division, rounding adds at most one unit',
    (denominator, raw, decimals) => {
      const numerator = raw % (denominator + 1);
      const rate = rateOf(numerator, denominator);
      const truncated = formatRate(rate, { mode: 'truncate', decimals });
      const expansion = longDivision(numerator, denominator, decimals);
      const expected = `${expansion[0]}${decimals > 0 ? `.${expansion.slice(1).join('')}` : ''}%`;
      expect(truncated).toBe(expected);
      for (const mode of ['half_up', 'half_even'] as const) {
        const rounded = Number.parseFloat(formatRate(rate, { mode, decimals }));
        expect(rounded).toBeGreaterThanOrEqual(0);
        expect(rounded).toBeLessThanOrEqual(100);
        const unit = 10 ** -decimals;
        const diff = rounded - Number.parseFloat(truncated);
        expect(diff > -unit / 2 && diff < unit * 1.5).toBe(true);
      }
    },
  );
});
