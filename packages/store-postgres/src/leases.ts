import type { ProjectionLease } from '@safeledger/core';
import pg from 'pg';
import type { StoreContext } from './context.js';
import { bool, run } from './database.js';
import { translateError } from './pg-errors.js';
import { lockKey } from './schema-name.js';

/** Projection leases of one store (S4). */
export interface LeaseManager {
  tryAcquire(name: string, owner: string, ttlMs: number): Promise<ProjectionLease | undefined>;
  /** Closes every lease connection; their advisory locks go with them. */
  close(): Promise<void>;
}

/**
 * A lease is a row (owner, generation, expiry by the database clock) plus a session-level
 * advisory lock on `(schema key, generation)` held by a dedicated connection:
 * - exclusivity comes from the row, changed only under its row lock; a live lease is never
 *   taken again, not even by a runner with the same owner name: the holder is the generation
 *   drawn from a sequence at acquisition, the owner only a name for logs;
 * - a holder that stops renewing loses the lease when the row expires (a hung process);
 * - a holder whose connection ends loses it at once: its advisory lock is gone, which any other
 *   instance can test (a crashed process, a terminated backend);
 * - `renew()` succeeds only while the row is still this holder's and its connection still holds
 *   the lock; whichever fails, the holder learns it has to stop.
 * Commits stay fenced on the checkpoint as well, so even two runners that both believe they
 * hold a lease cannot apply an event twice.
 */
export function createLeaseManager(context: StoreContext): LeaseManager {
  const { sql, tenantId } = context;
  const classKey = lockKey(`safeledger.lease:${context.schema}`);
  const open = new Set<pg.Client>();

  const dispose = async (client: pg.Client) => {
    open.delete(client);
    await client.end().catch(() => {});
  };

  const acquire = async (
    name: string,
    owner: string,
    ttlMs: number,
  ): Promise<ProjectionLease | undefined> => {
    // A cheap probe through the pool first: standby runners poll, and opening a connection
    // per poll would be wasteful.
    const [probe] = await context.query(
      sql.leaseProbe,
      [tenantId, name, classKey],
      `acquire lease "${name}"`,
    );
    if (probe !== undefined && !bool(probe.takeable)) return undefined;

    const client = new pg.Client({
      fallback_application_name: 'safeledger-lease',
      ...context.dedicatedConnection,
    });
    let lost = false;
    client.on('error', () => {
      lost = true;
    });
    client.on('end', () => {
      lost = true;
    });
    open.add(client);
    let generation: string;
    try {
      await client.connect();
      await client.query('BEGIN');
      await run(client, sql.leaseEnsure, [tenantId, name]);
      const [row] = await run(client, sql.leaseLock, [tenantId, name]);
      const takeable =
        row !== undefined &&
        (row.owner === null ||
          !bool(row.live) ||
          // The holder's connection is gone when its lock is free; the lock is taken only for
          // the rest of this transaction.
          bool((await run(client, sql.leaseHolderGone, [classKey, row.generation]))[0]?.gone));
      if (!takeable) {
        await client.query('ROLLBACK');
        await dispose(client);
        return undefined;
      }
      const [taken] = await run(client, sql.leaseTake, [tenantId, name, owner, classKey, ttlMs]);
      if (taken === undefined || !bool(taken.locked)) {
        // Another connection holds this lock key (a hash collision with someone else's lock).
        await client.query('ROLLBACK');
        await dispose(client);
        return undefined;
      }
      generation = taken.generation!;
      await client.query('COMMIT');
    } catch (error) {
      await dispose(client);
      throw translateError(error, `acquire lease "${name}"`, context.schema);
    }

    let released = false;
    return {
      name,
      owner,
      async renew() {
        if (released || lost) {
          await dispose(client);
          return false;
        }
        try {
          const rows = await run(client, sql.leaseRenew, [
            tenantId,
            name,
            owner,
            classKey,
            ttlMs,
            generation,
          ]);
          if (rows.length === 1) return true;
        } catch {
          // The connection is gone: so is the lock, and with it the lease.
        }
        await dispose(client);
        return false;
      },
      async release() {
        if (released) return;
        released = true;
        try {
          if (!lost) await run(client, sql.leaseRelease, [tenantId, name, owner, generation]);
        } catch {
          // Nothing to undo: closing the connection below frees the lock, which frees the lease.
        } finally {
          await dispose(client);
        }
      },
    };
  };

  return {
    tryAcquire: async (name, owner, ttlMs) => {
      context.assertOpen();
      await context.ready();
      if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
        throw new RangeError(`lease ttlMs must be a positive number, got ${ttlMs}`);
      }
      return acquire(name, owner, ttlMs);
    },
    async close() {
      await Promise.all([...open].map(dispose));
    },
  };
}
