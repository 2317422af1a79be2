import { type LocalPeriod, localDateOf, type SupervisionPolicy } from '@safeledger/core';

/**
 * A period P given as instants (`periodOf`) as local days `[from, to)` in the policy's time
 * zone, for the read models that count local dates (activities, duty rosters).
 */
export function localDays(
  range: { readonly from: string; readonly to: string },
  policy: SupervisionPolicy,
): LocalPeriod {
  return {
    from: localDateOf(range.from, policy.timezone),
    to: localDateOf(range.to, policy.timezone),
  };
}
