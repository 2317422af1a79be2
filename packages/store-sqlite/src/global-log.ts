import type { ReadAllPage, ReadAllPageOptions, StoredEvent } from '@safeledger/core';
import type BetterSqlite3 from 'better-sqlite3';
import { decodeRow, EVENT_COLUMNS, type EventRow } from './event-rows.js';
import { decodePosition, encodePosition } from './position.js';
import type { TableNames } from './schema.js';

/** Tuning of global-log reads; the defaults suit every store, tests shrink them. */
export interface GlobalLogTuning {
  /**
   * Positions one page may scan when a filter cannot be answered from one index (types and
   * categories together, or very long lists), so no single page blocks the event loop for long.
   */
  readonly scanWindow: number;
  /** Longest type or category list answered by one index seek per value. */
  readonly maxSeekValues: number;
}

/** Sizes that keep every page bounded without costing the common cases anything. */
export const DEFAULT_GLOBAL_LOG_TUNING: GlobalLogTuning = {
  scanWindow: 20_000,
  maxSeekValues: 64,
};

type Plan =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'seek'; readonly column: 'type' | 'category'; readonly values: string[] }
  | {
      readonly kind: 'window';
      readonly types: string[] | undefined;
      readonly categories: string[] | undefined;
    };

/**
 * Reads pages of the global log. Each page is one read transaction: the head and the rows come
 * from the same snapshot, and since SQLite serialises writers and AUTOINCREMENT hands out keys
 * in commit order, no position below the head can still appear later (R1).
 */
export function createGlobalLogReader(
  db: BetterSqlite3.Database,
  tables: TableNames,
  tuning: GlobalLogTuning = DEFAULT_GLOBAL_LOG_TUNING,
): (options: ReadAllPageOptions) => ReadAllPage {
  const { events } = tables;
  const head = db.prepare(`SELECT max(position) FROM ${events}`).pluck();
  const all = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
       WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
    )
    .raw();
  // json_each keeps one statement for any list; the OR keeps SQLite on the row-id range, which
  // is already in position order, instead of an index whose matches it would have to sort.
  const window = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM ${events}
       WHERE position > @after AND position <= @upto
         AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
         AND (@categories IS NULL OR category IN (SELECT value FROM json_each(@categories)))
       ORDER BY position LIMIT @limit`,
    )
    .raw();
  const seeks = new Map<string, BetterSqlite3.Statement>();

  const seek = (column: 'type' | 'category', count: number): BetterSqlite3.Statement => {
    const key = `${column}:${count}`;
    let statement = seeks.get(key);
    if (statement === undefined) {
      statement = db.prepare(seekSql(events, column, count)).raw();
      seeks.set(key, statement);
    }
    return statement;
  };

  const page = (options: ReadAllPageOptions): ReadAllPage => {
    const start = decodePosition(options.after);
    const last = (head.get() as number | null) ?? 0;
    if (last <= start) return { events: [], checkpoint: options.after, caughtUp: true };
    const plan = planFor(options, tuning);
    const limit = options.maxCount;
    let upto = last;
    let rows: EventRow[];
    switch (plan.kind) {
      case 'none':
        rows = [];
        break;
      case 'all':
        rows = all.all(start, last, limit) as EventRow[];
        break;
      case 'seek': {
        const params: Record<string, unknown> = { after: start, upto: last, limit };
        plan.values.forEach((value, index) => {
          params[`v${index}`] = value;
        });
        rows = seek(plan.column, plan.values.length).all(params) as EventRow[];
        break;
      }
      case 'window':
        upto = Math.min(last, start + tuning.scanWindow);
        rows = window.all({
          after: start,
          upto,
          limit,
          types: plan.types === undefined ? null : JSON.stringify(plan.types),
          categories: plan.categories === undefined ? null : JSON.stringify(plan.categories),
        }) as EventRow[];
        break;
    }
    const decoded: StoredEvent[] = [];
    for (const row of rows) {
      try {
        decoded.push(decodeRow(row));
      } catch (error) {
        // Deliver the rows before an unreadable one and stop just before it, so the next page
        // starts with it and its reader fails exactly there (S6).
        if (decoded.length === 0) throw error;
        return { events: decoded, checkpoint: decoded.at(-1)!.position, caughtUp: false };
      }
    }
    if (rows.length >= limit) {
      // A full page may have stopped short of `upto`: checkpoint at its last event, not beyond.
      const reached = rows[rows.length - 1]![0];
      return { events: decoded, checkpoint: encodePosition(reached), caughtUp: reached >= last };
    }
    // Everything up to `upto` was examined, matched or not, so a reader may checkpoint there (S3).
    return { events: decoded, checkpoint: encodePosition(upto), caughtUp: upto >= last };
  };

  const read = db.transaction(page);
  return (options) => read.deferred(options);
}

function planFor(options: ReadAllPageOptions, tuning: GlobalLogTuning): Plan {
  const types = options.types === undefined ? undefined : [...new Set(options.types)];
  const categories =
    options.categories === undefined ? undefined : [...new Set(options.categories)];
  if (types?.length === 0 || categories?.length === 0) return { kind: 'none' };
  if (types === undefined && categories === undefined) return { kind: 'all' };
  if (categories === undefined && types!.length <= tuning.maxSeekValues) {
    return { kind: 'seek', column: 'type', values: types! };
  }
  if (types === undefined && categories!.length <= tuning.maxSeekValues) {
    return { kind: 'seek', column: 'category', values: categories! };
  }
  return { kind: 'window', types, categories };
}

/**
 * One ordered index seek per value, merged: SQLite cannot walk `type IN (...)` in position order,
 * and sorting every match after the checkpoint would cost a full scan per page.
 */
function seekSql(events: string, column: 'type' | 'category', count: number): string {
  const branch = (index: number) =>
    `SELECT position FROM (SELECT position FROM ${events}
       WHERE ${column} = @v${index} AND position > @after AND position <= @upto
       ORDER BY position LIMIT @limit)`;
  if (count === 1) {
    return `SELECT ${EVENT_COLUMNS} FROM ${events}
      WHERE ${column} = @v0 AND position > @after AND position <= @upto
      ORDER BY position LIMIT @limit`;
  }
  const branches = Array.from({ length: count }, (_, index) => branch(index));
  return `SELECT ${EVENT_COLUMNS} FROM ${events}
    WHERE position IN (${branches.join(' UNION ALL ')} ORDER BY 1 LIMIT @limit)
    ORDER BY position`;
}
