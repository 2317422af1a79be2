import type { HazardFigureFilter, SupervisionPolicy } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from './authenticated.js';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { periodRange } from './period.js';
import { badRequest, type Problem, sendProblem } from './problem.js';
import { asOf, hazardFilter, lang, paging, period } from './read-query.js';
import { hazardScopeFilter } from './read-scope.js';
import { type Reader, readerOf } from './scoped-read.js';

/** The query every figure takes: T, P, the filter F of spec §5 and the language. */
export const FigureQuery = z.object({ asOf, period, ...hazardFilter, lang });

/** The query every as-of ledger takes: T, the filter F, a page and the language. */
export const AsOfLedgerQuery = z.object({ asOf, ...hazardFilter, ...paging, lang });

/** What every read route declares: where it is, what it says in OpenAPI, what it accepts. */
export interface ReadRouteOptions<Q extends z.ZodObject> {
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly querystring: Q;
  /** The 200 answer's schema, when the route documents one. */
  readonly response?: z.ZodType;
}

/**
 * The one preamble of every read route: the bearer token (401/403 before the query is parsed),
 * the reader's scope and language (403 G-5 when the person may read nothing), then the
 * handler, whose `Problem` answers are sent as RFC 9457 documents. Errors it throws reach the
 * application's problem mapping.
 */
export function readRoute<Q extends z.ZodObject>(
  app: FastifyInstance,
  context: ServiceContext,
  options: ReadRouteOptions<Q>,
  answer: (query: z.infer<Q>, reader: Reader) => Promise<object | Problem>,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    options.path,
    {
      schema: {
        summary: options.summary,
        tags: [options.tag],
        querystring: options.querystring,
        ...(options.response !== undefined ? { response: { 200: options.response } } : {}),
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const reader = readerOf(request, context.directory);
      if ('status' in reader) return sendProblem(reply, reader);
      const result = await answer(request.query as z.infer<Q>, reader);
      return isProblem(result) ? sendProblem(reply, result) : reply.send(result);
    },
  );
}

/** Whether a handler's answer is a problem to send rather than a body. */
export function isProblem(value: object): value is Problem {
  return 'status' in value && 'type' in value && 'title' in value;
}

/** The inputs of a hazard figure: the figure filter as applied, the raw query and the reader. */
export interface FigureInput<Q> {
  readonly filter: HazardFigureFilter;
  readonly query: Q;
  readonly reader: Reader;
}

/**
 * A hazard figure route: `readRoute` plus T (now when absent), P as instants in the policy's
 * time zone (400 for a period that names no real day), F, and the reader's scope, all in one
 * `HazardFigureFilter`. The answer is echoed with its title, T, P and F.
 */
export function figureRoute<Q extends z.ZodObject>(
  app: FastifyInstance,
  context: ServiceContext,
  options: Omit<ReadRouteOptions<Q>, 'tag'> & { readonly title: (reader: Reader) => string },
  answer: (input: FigureInput<z.infer<Q>>) => Promise<object>,
): void {
  readRoute(app, context, { ...options, tag: 'figures' }, async (query, reader) => {
    const filter = figureFilterOf(query as z.infer<typeof FigureQuery>, reader, context.policy);
    if ('status' in filter) return filter;
    return {
      ...echo(filter, options.title(reader)),
      ...(await answer({ filter, query, reader })),
    };
  });
}

/** The inputs of an as-of ledger: T, the filter F with the reader's scope, and the page asked. */
export interface LedgerInput<Q> {
  readonly filter: HazardFigureFilter;
  readonly page: { readonly limit: number; readonly cursor?: string };
  readonly query: Q;
  readonly reader: Reader;
}

/**
 * A paged hazard ledger route as of T: `readRoute` plus T (now when absent, echoed), F with the
 * reader's scope, and the keyset page. The handler answers the rows; the route adds the title,
 * T and a `nextCursor` that is `null` on the last page.
 */
export function ledgerRoute<Q extends z.ZodObject>(
  app: FastifyInstance,
  context: ServiceContext,
  options: Omit<ReadRouteOptions<Q>, 'tag'> & { readonly title: (reader: Reader) => string },
  answer: (
    input: LedgerInput<z.infer<Q>>,
  ) => Promise<{ readonly nextCursor?: string | undefined } & object>,
): void {
  readRoute(app, context, { ...options, tag: 'ledgers' }, async (query, reader) => {
    const {
      asOf: T = new Date().toISOString(),
      limit,
      cursor,
    } = query as z.infer<typeof AsOfLedgerQuery>;
    const filter: HazardFigureFilter = {
      asOf: T,
      ...filterFields(query),
      ...hazardScopeFilter(reader.scope),
    };
    const page = { limit, ...(cursor !== undefined ? { cursor } : {}) };
    const { nextCursor, ...rest } = await answer({ filter, page, query, reader });
    return {
      title: options.title(reader),
      asOf: T,
      ...rest,
      nextCursor: nextCursor ?? null,
    };
  });
}

/** The filter F of a query, without the keys that are not filters (T, P, paging, language). */
export function filterFields(query: Partial<Record<keyof typeof hazardFilter, unknown>>) {
  const { areaId, sectorCode, grade, source, campaignId, subjectKind } = query as {
    [K in keyof typeof hazardFilter]?: z.infer<(typeof hazardFilter)[K]>;
  };
  return defined({ areaId, sectorCode, grade, source, campaignId, subjectKind });
}

/**
 * The figure filter of a request: T (now when absent), the period as instants in the policy's
 * time zone, the filter F and the reader's scope; or the 400 problem of a period that matches
 * the pattern but names no real day (`2024-02-30`).
 */
function figureFilterOf(
  query: z.infer<typeof FigureQuery>,
  reader: Reader,
  policy: SupervisionPolicy,
): HazardFigureFilter | Problem {
  const { asOf: T = new Date().toISOString(), period: p } = query;
  const range = periodOf(p, policy);
  if (range !== undefined && 'status' in range) return range;
  return {
    asOf: T,
    ...hazardScopeFilter(reader.scope),
    ...filterFields(query),
    ...(range !== undefined ? { period: range } : {}),
  };
}

/**
 * The period P of a query as instants in the policy's time zone, undefined when the query has
 * none, or the 400 problem of a period that matches the pattern but names no real day.
 */
export function periodOf(
  p: string | undefined,
  policy: SupervisionPolicy,
): { from: string; to: string } | Problem | undefined {
  if (p === undefined) return undefined;
  return (
    periodRange(p, policy.timezone) ??
    badRequest(`period "${p}" names no calendar period`, [
      { path: 'querystring.period', message: `"${p}" is not a real year, quarter, month or day` },
    ])
  );
}

/**
 * The context of a figure answer: the title in the reader's language, then T, P and the rest of
 * the filter as applied, so a reader sees what the figure counted.
 */
export function echo<F extends { readonly asOf: string; readonly period?: unknown }>(
  filter: F,
  title: string,
) {
  const { asOf: T, period: range, ...rest } = filter;
  return {
    title,
    asOf: T,
    ...(range !== undefined ? { period: range as Exclude<F['period'], undefined> } : {}),
    filter: rest,
  };
}
