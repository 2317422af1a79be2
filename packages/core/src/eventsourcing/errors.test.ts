import { describe, expect, it } from 'vitest';
import {
  CheckpointConflictError,
  ConcurrencyError,
  isCheckpointConflictError,
  isConcurrencyError,
  isRuleViolation,
  isSafeledgerError,
  isStoreFailure,
  isTransientStoreFailure,
  isValidationError,
  RuleViolationError,
  SafeledgerError,
  StoreFailureError,
} from './errors.js';

describe('errors', () => {
  it('messages name the stream and both versions', () => {
    expect(new ConcurrencyError('hazard-1', 3, 5).message).toBe(
      'expected version 3 for stream "hazard-1" but found version 5',
    );
    expect(new ConcurrencyError('hazard-1', 'stream_exists', 0).message).toBe(
      `expected version 'stream_exists' for stream "hazard-1" but found no stream (version 0)`,
    );
  });

  it('guards test the code and the global brand, not instanceof', () => {
    const error = new RuleViolationError('H-13', 'IncompletePlan', 'plan lacks funding', {
      missing: ['funding'],
    });
    expect(isRuleViolation(error)).toBe(true);
    expect(error.message).toBe('H-13 IncompletePlan: plan lacks funding');
    // An error made by another copy of core: same brand and code, different class identity.
    const foreign = Object.assign(new Error('x'), {
      code: 'CONCURRENCY_CONFLICT',
      [Symbol.for('safeledger.error')]: true,
    });
    expect(foreign instanceof SafeledgerError).toBe(false);
    expect(isConcurrencyError(foreign)).toBe(true);
    expect(isSafeledgerError(new Error('plain'))).toBe(false);
    expect(isValidationError({ code: 'VALIDATION_FAILED' })).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('SQLITE_BUSY');
    expect(new ConcurrencyError('s-1', 1, 2, { cause }).cause).toBe(cause);
  });

  it('a lost projection checkpoint race is not a stream conflict', () => {
    const error = new CheckpointConflictError('ledger', 'p1', 'p2');
    expect(error.code).toBe('CHECKPOINT_CONFLICT');
    expect(isCheckpointConflictError(error)).toBe(true);
    // A command handler retries on isConcurrencyError; it must never mistake this for one.
    expect(isConcurrencyError(error)).toBe(false);
    expect(isCheckpointConflictError(new ConcurrencyError('s-1', 1, 2))).toBe(false);
  });

  it('store failures say whether a later try may succeed', () => {
    expect(isTransientStoreFailure(new StoreFailureError('lost', { transient: true }))).toBe(true);
    const permanent = new StoreFailureError('schema missing');
    expect(isStoreFailure(permanent)).toBe(true);
    expect(isTransientStoreFailure(permanent)).toBe(false);
    expect(isTransientStoreFailure(new Error('plain'))).toBe(false);
  });
});
