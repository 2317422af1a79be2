import { isSafeledgerError, StoreFailureError, sleep } from '@safeledger/core';

/** The extended result code of a better-sqlite3 error (`SQLITE_BUSY_SNAPSHOT`...), if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** True for lock contention that may clear up if the operation is tried again. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return (
    code !== undefined &&
    (code === 'SQLITE_BUSY' ||
      code.startsWith('SQLITE_BUSY_') ||
      code === 'SQLITE_LOCKED' ||
      code.startsWith('SQLITE_LOCKED_'))
  );
}

/** True for a violated UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Turns whatever a storage call threw into what callers may rely on: safeledger errors pass
 * through, driver failures become `StoreFailureError` with the driver error kept as `cause`.
 */
export function toStoreError(operation: string, error: unknown): unknown {
  if (isSafeledgerError(error)) return error;
  const code = sqliteCode(error);
  if (code !== undefined) {
    return new StoreFailureError(
      `sqlite ${operation} failed with ${code}: ${(error as Error).message}`,
      // Lock contention, I/O hiccups and a full disk may pass (space can be freed); a
      // constraint, a read-only file or a corrupt one will not.
      {
        cause: error,
        transient: isBusy(error) || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL',
      },
    );
  }
  // better-sqlite3 reports a closed or unusable connection as a TypeError.
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return new StoreFailureError(`sqlite ${operation} failed: the database connection is closed`, {
      cause: error,
    });
  }
  return error;
}

/** How long an operation may keep retrying lock contention before it gives up. */
export interface BusyBudget {
  readonly budgetMs: number;
}

/** The error raised once an operation has waited its whole budget for a lock. */
export function busyFailure(
  operation: string,
  waitedMs: number,
  cause: unknown,
): StoreFailureError {
  return new StoreFailureError(
    `sqlite ${operation} gave up after waiting ${waitedMs} ms for a lock held by another connection (${sqliteCode(cause) ?? 'busy'}); raise busyTimeoutMs or keep other writers' transactions short`,
    { cause, transient: true },
  );
}

/** Back-off before retry `attempt` (0-based): short at first, capped, jittered against lockstep. */
export function backoffMs(attempt: number): number {
  return Math.min(2 ** attempt, 32) + Math.floor(Math.random() * 4);
}

/**
 * Decides what a failed try under lock contention leads to: how long to wait before the next
 * try, or (by throwing) the error the caller gets. Shared by the async and the blocking loops.
 */
function waitBeforeRetry(
  operation: string,
  budget: BusyBudget,
  started: number,
  tries: number,
  error: unknown,
): number {
  if (!isBusy(error)) throw toStoreError(operation, error);
  const waited = Date.now() - started;
  if (waited >= budget.budgetMs) throw busyFailure(operation, waited, error);
  return Math.min(backoffMs(tries), budget.budgetMs - waited);
}

/**
 * Runs `attempt` and retries it while SQLite reports lock contention, within the budget. The
 * attempt itself is synchronous (a whole transaction), so the waiting between tries happens
 * outside any transaction and lets the event loop run.
 */
export async function retryBusy<T>(
  operation: string,
  budget: BusyBudget,
  attempt: () => T,
): Promise<T> {
  const started = Date.now();
  for (let tries = 0; ; tries++) {
    try {
      return attempt();
    } catch (error) {
      await sleep(waitBeforeRetry(operation, budget, started, tries, error));
    }
  }
}

/**
 * The blocking twin of `retryBusy`, for opening a database (pragmas, migrations), which
 * happens synchronously inside the store factory.
 */
export function retryBusySync<T>(operation: string, budget: BusyBudget, attempt: () => T): T {
  const started = Date.now();
  for (let tries = 0; ; tries++) {
    try {
      return attempt();
    } catch (error) {
      sleepSync(waitBeforeRetry(operation, budget, started, tries, error));
    }
  }
}

const blocker = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
  Atomics.wait(blocker, 0, 0, ms);
}
