/**
 * A rate as an exact rational (§6): never a float, so a figure such as 6257/6692 keeps every
 * digit until it is displayed. `denominator = 0` means "no cohort" and displays as "—".
 */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Builds a rate from two counts.
 * @throws RangeError naming the value when a count is not a non-negative safe integer.
 * @example rateOf(115, 116) // { numerator: 115, denominator: 116 }
 */
export function rateOf(numerator: number, denominator: number): Rate {
  for (const [name, value] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`rate ${name} must be a non-negative safe integer, got ${value}`);
    }
  }
  return { numerator, denominator };
}

/** The rate as a plain number, or `null` for a zero denominator; for charts, never for storage. */
export function rateValue(rate: Rate): number | null {
  return rate.denominator === 0 ? null : rate.numerator / rate.denominator;
}
