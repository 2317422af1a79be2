import { type LocalPeriod, localDateOf, type SupervisionPolicy } from '@safeledger/core';
import type { Problem } from './problem.js';
import { periodOf } from './read-routes.js';

/**
 * The period P of a query as local days `[from, to)` in the policy's time zone, for the read
 * models that count local dates (activities, duty rosters); undefined when the query has none,
 * or the 400 problem of a period that names no real day.
 */
export function localPeriodOf(
  p: string | undefined,
  policy: SupervisionPolicy,
): LocalPeriod | Problem | undefined {
  const range = periodOf(p, policy);
  if (range === undefined || 'status' in range) return range;
  return {
    from: localDateOf(range.from, policy.timezone),
    to: localDateOf(range.to, policy.timezone),
  };
}
