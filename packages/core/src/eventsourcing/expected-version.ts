import type { ExpectedVersion } from './envelope.js';
import { ConcurrencyError, ValidationError } from './errors.js';

/**
 * Checks an expected version against the stream's actual version (0 = absent). Adapters call it
 * inside their storage transaction (A1), never on a version read outside it.
 * @throws ConcurrencyError (`CONCURRENCY_CONFLICT`) with the real current version.
 */
export function assertExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): void {
  if (!matchesExpectedVersion(expected, actual)) {
    throw new ConcurrencyError(streamId, expected, actual);
  }
}

/** True when a stream at `actual` satisfies `expected`. */
export function matchesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 0;
    case 'stream_exists':
      return actual > 0;
    default:
      return actual === expected;
  }
}

/**
 * Rejects expected versions that are not one of the four forms.
 * @throws ValidationError (`VALIDATION_FAILED`)
 */
export function assertValidExpectedVersion(expected: unknown): asserts expected is ExpectedVersion {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new ValidationError(
    `expectedVersion ${showRejected(expected)} is not 'any', 'no_stream', 'stream_exists' or an integer ≥ 0`,
    [],
  );
}

// JSON.stringify turns NaN and the infinities into "null", which hides the caller's real mistake.
function showRejected(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
