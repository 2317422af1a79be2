import { isSafeledgerError, StoreFailureError, ValidationError } from '@safeledger/core';

/** The fields of a pg `DatabaseError` (or a Node socket error) this package looks at. */
interface DriverError {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly message?: unknown;
}

/** SQLSTATE (or Node error code) of a driver error, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as DriverError | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Constraint named by a unique or check violation, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  const constraint = (error as DriverError | null | undefined)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** Raised by the append function when stored positions are ahead of the cluster's xids. */
export const RESTORE_DETECTED = 'SLR01';
/** Raised by the append function outside READ COMMITTED. */
export const WRONG_ISOLATION = 'SLI01';

/** Errors worth retrying once more: the transaction was rolled back and nothing was written. */
export function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return code === '40001' || code === '40P01';
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/**
 * Turns a driver error into a safeledger error that keeps the original as `cause`. Messages name
 * the action and the SQLSTATE; they never include a statement's parameters or a row's values.
 */
export function translateError(error: unknown, action: string, schema: string): Error {
  if (isSafeledgerError(error)) return error;
  const code = errorCode(error);
  const message = (error as DriverError | null | undefined)?.message;
  const text = typeof message === 'string' ? message : String(error);
  if (code === '22P05' || code === '22021') {
    return new ValidationError(
      `${action}: PostgreSQL cannot store this value (${code}: ${text}); a NUL character (\\u0000) in a string is the usual cause`,
      [],
      { cause: error },
    );
  }
  if (code === '3F000' || code === '42P01' || code === '42883') {
    return new StoreFailureError(
      `${action}: schema "${schema}" is missing or not migrated to this version (${code}); run migrate()`,
      { cause: error },
    );
  }
  if (code === WRONG_ISOLATION) {
    return new StoreFailureError(
      `${action}: the connection's default isolation level is not READ COMMITTED; the store needs it (${text})`,
      { cause: error },
    );
  }
  // The failures below may pass on a later try (S6: a projection runner backs off and retries
  // them); everything else is reported as permanent.
  if (code === '57014' || code === '55P03') {
    return new StoreFailureError(
      `${action}: the statement was cancelled or timed out waiting for a lock (${code}: ${text})`,
      { cause: error, transient: true },
    );
  }
  if (code === '40001' || code === '40P01') {
    return new StoreFailureError(
      `${action}: the transaction kept failing with ${code} (${text}); nothing was written, retry later`,
      { cause: error, transient: true },
    );
  }
  if (code?.startsWith('53')) {
    return new StoreFailureError(`${action}: the server is short of resources (${code}: ${text})`, {
      cause: error,
      transient: true,
    });
  }
  if (
    (code !== undefined && (UNREACHABLE.has(code) || code.startsWith('08'))) ||
    /connect/i.test(text)
  ) {
    return new StoreFailureError(`${action}: cannot reach PostgreSQL (${code ?? text})`, {
      cause: error,
      transient: true,
    });
  }
  return new StoreFailureError(
    `${action} failed: ${code === undefined ? '' : `PostgreSQL error ${code}: `}${text}`,
    { cause: error },
  );
}
