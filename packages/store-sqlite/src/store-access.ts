import { StoreFailureError } from '@safeledger/core';
import type { TableNames } from './schema.js';
import { type BusyBudget, retryBusy } from './sqlite-errors.js';

/** What the driver's parts share: table names, the clock, and the guarded way to run SQL. */
export interface StoreAccess {
  readonly tables: TableNames;
  readonly busy: BusyBudget;
  /** Milliseconds clock for lease expiry. */
  readonly now: () => number;
  /**
   * Runs a synchronous storage step, retrying lock contention within the busy budget.
   * @throws StoreFailureError (`STORE_FAILURE`) when the store is closed or the driver fails.
   */
  run<T>(operation: string, step: () => T): Promise<T>;
  /** @throws StoreFailureError (`STORE_FAILURE`) once the store is closed. */
  assertOpen(): void;
  close(): void;
}

/** Creates the shared access object of one store. */
export function createStoreAccess(options: {
  readonly tables: TableNames;
  readonly busy: BusyBudget;
  readonly now: () => number;
}): StoreAccess {
  let closed = false;
  const assertOpen = () => {
    if (closed) throw new StoreFailureError('sqlite event store is closed');
  };
  return {
    ...options,
    assertOpen,
    run(operation, step) {
      // Checked before the first await so a closed store fails fast, and again per retry.
      return retryBusy(operation, options.busy, () => {
        assertOpen();
        return step();
      });
    },
    close() {
      closed = true;
    },
  };
}
