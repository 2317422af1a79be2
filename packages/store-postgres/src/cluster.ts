import { StoreFailureError, sleep } from '@safeledger/core';
import type { Pool } from 'pg';
import type { ClusterChange } from './context.js';
import { bool, int, run } from './database.js';
import { MAX_EPOCH } from './position.js';
import type { Statements } from './statements.js';

/** What a cluster check needs; it runs before the store is ready, so it talks to the pool. */
export interface ClusterCheck {
  readonly pool: Pool;
  readonly tenantId: string;
  readonly sql: Statements;
  readonly prepared: boolean;
  readonly onClusterChange: ((change: ClusterChange) => void) | undefined;
}

const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Detects that the store's data now lives in another cluster (a logical restore, or a clone)
 * and opens a new position epoch when it does, so that positions issued from now on sort after
 * every position issued before. Two signs, either is enough:
 * - the cluster's system identifier differs from the one recorded with the current epoch;
 * - this tenant has rows whose transaction ids are at or above the server's next xid, which
 *   cannot happen in the cluster that wrote them. This one is decisive for gap safety: the
 *   append function checks it too, on every append, before it writes.
 */
export async function checkCluster(check: ClusterCheck): Promise<void> {
  const [status] = await run(check.pool, check.sql.clusterStatus, [check.tenantId], check.prepared);
  if (status === undefined) throw new StoreFailureError('store_meta has no row; run migrate()');
  const epoch = int(status.epoch);
  const recorded = status.recorded ?? undefined;
  const current = status.current ?? undefined;
  if (recorded !== undefined && current !== undefined && recorded !== current) {
    await advanceEpoch(check, epoch, `system identifier changed from ${recorded} to ${current}`);
  } else if (bool(status.xids_ahead)) {
    await advanceEpoch(check, epoch, "stored transaction ids are ahead of this cluster's");
  } else {
    if (recorded === undefined && current !== undefined) {
      await run(check.pool, check.sql.recordSystemIdentifier, [], check.prepared);
    }
    if (bool(status.cutover_pending))
      await run(check.pool, check.sql.completeCutover, [], check.prepared);
  }
}

/**
 * Opens epoch `from + 1` (unless another instance already did) and completes its cutover in a
 * second transaction: the cutover is an xid above every transaction that could still write the
 * old epoch, and readers treat the old epoch as final only once the horizon passes it.
 */
async function advanceEpoch(check: ClusterCheck, from: number, reason: string): Promise<void> {
  if (from >= MAX_EPOCH) {
    throw new StoreFailureError(`position epoch ${from} cannot be advanced further`);
  }
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const [row] = await run(check.pool, check.sql.advanceEpoch, [from, reason], check.prepared);
    if (row !== undefined && bool(row.settling)) {
      // The previous epoch change is still settling; a second one must wait for it.
      if (Date.now() > deadline) {
        throw new StoreFailureError(
          `position epoch ${from} is still settling after ${SETTLE_TIMEOUT_MS} ms: a transaction older than the last epoch change is still open`,
        );
      }
      await sleep(100);
      continue;
    }
    await run(check.pool, check.sql.completeCutover, [], check.prepared);
    if (row !== undefined && bool(row.advanced)) {
      check.onClusterChange?.({ previousEpoch: from, epoch: int(row.epoch), reason });
    }
    return;
  }
}
