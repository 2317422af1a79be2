import {
  isConcurrencyError,
  isIdempotencyError,
  isProjectionLaggingError,
  isRuleViolation,
  isStoreFailure,
  isValidationError,
} from '@safeledger/core';

/** An HTTP status and a body for an error thrown while handling a command. */
export function toHttpError(error: unknown): { status: number; body: Record<string, unknown> } {
  if (isValidationError(error)) return { status: 400, body: { issues: error.issues } };
  if (isRuleViolation(error)) {
    const { rule, violation, details } = error;
    return { status: 422, body: { rule, violation, details, message: error.message } };
  }
  if (isConcurrencyError(error) || isIdempotencyError(error)) {
    return { status: 409, body: { code: error.code, message: error.message } };
  }
  if (isProjectionLaggingError(error) || isStoreFailure(error)) {
    return { status: 503, body: { code: error.code } }; // retryable; log error.cause
  }
  throw error; // a bug, not a request problem
}
