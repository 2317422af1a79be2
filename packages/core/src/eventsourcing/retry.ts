import { sleep } from './timers.js';

/** Bounded retry with exponential backoff and jitter. */
export interface RetryPolicy {
  /** Total attempts including the first; default 5. */
  readonly maxAttempts?: number;
  /** Delay before the second attempt; doubles each time; default 5 ms. */
  readonly baseDelayMs?: number;
  /** Cap on one delay; default 250 ms. */
  readonly maxDelayMs?: number;
}

/**
 * Runs `attempt` until it succeeds, `shouldRetry` rejects the error, or attempts run out (then
 * the last error is thrown). Jitter spreads competing writers apart so they stop colliding.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  policy: RetryPolicy = {},
): Promise<T> {
  const maxAttempts = policy.maxAttempts ?? 5;
  const base = policy.baseDelayMs ?? 5;
  const cap = policy.maxDelayMs ?? 250;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`retry maxAttempts must be an integer ≥ 1, got ${maxAttempts}`);
  }
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= maxAttempts || !shouldRetry(error)) throw error;
      const ceiling = Math.min(cap, base * 2 ** (n - 1));
      const delay = ceiling / 2 + Math.random() * (ceiling / 2);
      if (delay > 0) await sleep(delay);
    }
  }
}
