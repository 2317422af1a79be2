import type { IndexedFields, Locale, OrderBy, ProjectionQuery, Where } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ServiceContext } from './context.js';
import type { Problem } from './problem.js';
import { isProblem, type ReadRouteOptions, readRoute } from './read-routes.js';
import type { Reader } from './scoped-read.js';

/** The page a ledger query asks for (`paging` of `read-query.ts`). */
export interface PageAsked {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** One page of a ledger's rows, and how many rows match in all. */
export interface LedgerPage<Doc> {
  readonly total: number;
  readonly rows: readonly Doc[];
  /** Where the next page starts; `undefined` on the last page. */
  readonly nextCursor: string | undefined;
}

/**
 * One page of the rows matching `where` in `orderBy` order, and their count, read together in the
 * store: the count is of the same condition, so `total` and the pages agree.
 */
export async function readLedgerPage<Doc, F extends IndexedFields>(
  ledger: ProjectionQuery<Doc, F>,
  where: Where<F>,
  orderBy: readonly OrderBy<F>[],
  page: PageAsked,
): Promise<LedgerPage<Doc>> {
  const [found, total] = await Promise.all([
    ledger.find({
      where,
      orderBy,
      limit: page.limit,
      ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
    }),
    ledger.count({ where }),
  ]);
  return { total, rows: found.items.map(({ document }) => document), nextCursor: found.nextCursor };
}

/**
 * Every row matching `where`, in `orderBy` order, read `pageSize` rows at a time, for an answer
 * computed over all of them (a judgement over a window, the versions of a page of plans).
 */
export async function readEveryRow<Doc, F extends IndexedFields>(
  ledger: ProjectionQuery<Doc, F>,
  where: Where<F>,
  orderBy: readonly OrderBy<F>[],
  pageSize: number,
): Promise<Doc[]> {
  const rows: Doc[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.find({
      where,
      orderBy,
      limit: pageSize,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const { document } of page.items) rows.push(document);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

/** What a paged ledger route states beyond its path and query: its rows, scope, order and title. */
export interface PagedLedgerOptions<Q extends z.ZodObject, Doc, F extends IndexedFields>
  extends Omit<ReadRouteOptions<Q>, 'tag'> {
  readonly title: (reader: Reader) => string;
  /** The read model whose rows the ledger pages. */
  readonly ledger: ProjectionQuery<Doc, F>;
  /**
   * The rows the query asks for within the reader's scope, as a condition on indexed fields;
   * `null` when the reader may see no row at all (the store is then not asked), or the problem
   * that refuses the request (403 G-5 for a scope the reader lacks).
   */
  readonly where: (query: z.infer<Q>, reader: Reader) => Where<F> | null | Problem;
  readonly orderBy: (query: z.infer<Q>) => readonly OrderBy<F>[];
  /** A row as the service answers it (with its codes' labels); the stored row when absent. */
  readonly present?: (row: Doc, locale: Locale) => object;
  /** The page's rows as the service answers them, for rows completed by a further read. */
  readonly presentPage?: (rows: readonly Doc[], reader: Reader) => Promise<readonly object[]>;
  /** What the answer echoes of the query, between the title and the rows. */
  readonly echo?: (query: z.infer<Q>) => object;
}

/**
 * A ledger route that pages a read model's rows in the store: `readRoute` plus the reader's
 * scope as a condition, the keyset page asked, and the answer every ledger gives: its title in
 * the reader's language, the total, the rows and a `nextCursor` that is `null` on the last page.
 */
export function pagedLedgerRoute<Q extends z.ZodObject, Doc, F extends IndexedFields>(
  app: FastifyInstance,
  context: ServiceContext,
  options: PagedLedgerOptions<Q, Doc, F>,
): void {
  const { ledger, present, presentPage } = options;
  readRoute(app, context, { ...options, tag: 'ledgers' }, async (query, reader) => {
    const where = options.where(query, reader);
    if (where !== null && isProblem(where)) return where;
    const page =
      where === null
        ? { total: 0, rows: [], nextCursor: undefined }
        : await readLedgerPage(ledger, where, options.orderBy(query), query as PageAsked);
    return {
      title: options.title(reader),
      ...options.echo?.(query),
      total: page.total,
      items:
        presentPage !== undefined
          ? await presentPage(page.rows, reader)
          : present !== undefined
            ? page.rows.map((row) => present(row, reader.locale))
            : page.rows,
      nextCursor: page.nextCursor ?? null,
    };
  });
}
