import type { StoreContext } from './context.js';
import { bool, int } from './database.js';
import { decodePosition, encodePosition } from './position.js';

/** The oldest open transaction: readers cannot see past it until it ends. */
export interface BlockingTransaction {
  /** Backend pid, or undefined for a prepared (two-phase) transaction. */
  readonly pid: number | undefined;
  readonly xid: string;
  /** When the transaction (or, for a prepared one, its PREPARE) started. */
  readonly startedAt: string | undefined;
  readonly ageMs: number | undefined;
  /** `active`, `idle in transaction`, … or `prepared`. */
  readonly state: string | undefined;
  readonly applicationName: string | undefined;
  readonly database: string | undefined;
  /** The global id of a prepared transaction. */
  readonly preparedGid: string | undefined;
}

/** How far a reader at a checkpoint is behind, and what holds the visible log back. */
export interface SubscriptionLag {
  readonly checkpoint: string | undefined;
  /** Last position readers can see now; undefined while nothing is visible. */
  readonly head: string | undefined;
  /** Visible events after the checkpoint (at most `maxCount`). */
  readonly eventsBehind: number;
  /** Committed events readers cannot see yet because an older transaction is still open. */
  readonly eventsHeldBack: number;
  /** True when a count reached `maxCount` and is a lower bound. */
  readonly capped: boolean;
  /**
   * True when the checkpoint is beyond the visible head: it was issued by another store or
   * before a point-in-time restore, and a reader resuming from it would miss events.
   */
  readonly checkpointAhead: boolean;
  /** True while a position epoch change (after a move to another cluster) settles. */
  readonly epochSettling: boolean;
  /** The transaction whose xid is the visibility horizon, if one is open. */
  readonly oldestTransaction: BlockingTransaction | undefined;
}

/** Options of a lag query. */
export interface LagOptions {
  /** Stop counting at this many events; default 100 000. */
  readonly maxCount?: number;
}

/** Measures a reader's lag behind the visible log (see `SubscriptionLag`). */
export async function measureLag(
  context: StoreContext,
  checkpoint: string | undefined,
  options: LagOptions = {},
): Promise<SubscriptionLag> {
  const after = decodePosition(checkpoint);
  const cap = options.maxCount ?? 100_000;
  const [row] = await context.query(
    context.sql.lag,
    [context.tenantId, after.epoch, after.xid, after.seq, cap],
    'measure lag',
  );
  if (row === undefined) throw new Error('lag query returned no row');
  const headXid = row.head_xid ?? undefined;
  const head =
    headXid === undefined ? undefined : encodePosition(row.head_epoch!, headXid, row.head_seq!);
  const eventsBehind = Math.min(int(row.behind), cap);
  const eventsHeldBack = Math.min(int(row.held_back), cap);
  const blocked = row.blocker_xid !== null;
  return {
    checkpoint,
    head,
    eventsBehind,
    eventsHeldBack,
    capped: eventsBehind >= cap || eventsHeldBack >= cap,
    checkpointAhead: checkpoint !== undefined && (head === undefined || checkpoint > head),
    epochSettling: bool(row.cutover_pending),
    oldestTransaction: blocked
      ? {
          pid: row.pid === null ? undefined : int(row.pid),
          xid: row.blocker_xid!,
          startedAt: row.started_at ?? undefined,
          ageMs: row.age_ms === null ? undefined : int(row.age_ms),
          state: row.state ?? undefined,
          applicationName: row.application_name ?? undefined,
          database: row.datname ?? undefined,
          preparedGid: row.prepared ?? undefined,
        }
      : undefined,
  };
}
