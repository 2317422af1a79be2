import type { RateFormat, RateMetricId, SupervisionPolicy } from '../policy/supervision-policy.js';
import { rateFormatFor } from '../policy/supervision-policy.js';
import { type Rate, rateOf } from './rate.js';

/** What a zero-denominator rate displays (§6). */
export const NO_RATE = '—';

/**
 * Formats a rate as a percentage with `decimals` decimals, rounding exactly (integer arithmetic
 * on the rational, no float ever): `half_up` rounds ties away from zero, `half_even` to the even
 * digit, `truncate` drops the extra digits. A zero denominator gives "—".
 * @throws RangeError for counts that are not non-negative safe integers, or bad decimals.
 * @example formatRate({ numerator: 6257, denominator: 6692 }, { mode: 'truncate', decimals: 2 }) // "93.49%"
 */
export function formatRate(rate: Rate, format: RateFormat): string {
  const { numerator, denominator } = rateOf(rate.numerator, rate.denominator);
  const { decimals, mode } = format;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`rate decimals must be an integer from 0 to 10, got ${decimals}`);
  }
  if (denominator === 0) return NO_RATE;
  const scaled = BigInt(numerator) * 100n * 10n ** BigInt(decimals);
  const den = BigInt(denominator);
  let units = scaled / den;
  const twice = (scaled % den) * 2n;
  if (mode === 'half_up' && twice >= den) units += 1n;
  if (mode === 'half_even' && (twice > den || (twice === den && units % 2n === 1n))) units += 1n;
  const digits = units.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  return decimals === 0 ? `${whole}%` : `${whole}.${digits.slice(digits.length - decimals)}%`;
}

/**
 * Formats a metric's rate with the policy's format for that metric: its `rate.overrides` entry,
 * else the policy default (§6: the reference report truncates one rate and rounds another).
 */
export function formatMetricRate(
  rate: Rate,
  policy: SupervisionPolicy,
  metricId: RateMetricId,
): string {
  return formatRate(rate, rateFormatFor(policy, metricId));
}
