import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ServiceContext } from './context.js';
import type { Problem } from './problem.js';
import { periodOf, type ReadRouteOptions, readRoute } from './read-routes.js';
import { namedOrganisation, organisationScope } from './read-scope.js';
import type { Reader } from './scoped-read.js';

/** What a figure read by organisations gets besides its query. */
export interface OrganisationFigureInput<Q> {
  readonly query: Q;
  readonly reader: Reader;
  /** T: the query's `asOf`, or the request's time when absent. */
  readonly asOf: string;
  /** P as instants in the policy's time zone, when the query names a period. */
  readonly period?: { readonly from: string; readonly to: string };
  /** The reader's organisation and those below it. */
  readonly orgIds: readonly string[];
  /** The one organisation the figure is asked for: the one the query names, else the reader's. */
  readonly orgId: string;
}

/** What such a figure declares besides its path and query. */
export interface OrganisationFigureOptions<Q extends z.ZodObject>
  extends Omit<ReadRouteOptions<Q>, 'tag'> {
  /** The figure as a 403 G-5 refusal names it ("inspection coverage (P-9)"). */
  readonly what: string;
  /** The organisation the query names, for a figure counted per organisation. */
  readonly organisation?: (query: z.infer<Q>) => string | undefined;
}

/**
 * A figure whose read model records organisations but no enterprise, so only a person acting
 * for an organisation reads it (403 G-5 for an enterprise's staff, and for a named organisation
 * outside the reader's own and those below it). The route settles the scope, then T (now when
 * absent) and P (400 for a period that names no real day), in that order, before the handler
 * counts.
 */
export function organisationFigureRoute<Q extends z.ZodObject>(
  app: FastifyInstance,
  context: ServiceContext,
  options: OrganisationFigureOptions<Q>,
  answer: (input: OrganisationFigureInput<z.infer<Q>>) => Promise<object | Problem>,
): void {
  readRoute(app, context, { ...options, tag: 'figures' }, async (query, reader) => {
    const orgs = organisationScope(reader.scope, options.what);
    if ('status' in orgs) return orgs;
    const orgId = namedOrganisation(reader.scope, options.what, options.organisation?.(query));
    if (typeof orgId !== 'string') return orgId;
    const { asOf: T = new Date().toISOString(), period: p } = query as {
      asOf?: string;
      period?: string;
    };
    const period = periodOf(p, context.policy);
    if (period !== undefined && 'status' in period) return period;
    return answer({
      query,
      reader,
      asOf: T,
      ...(period !== undefined ? { period } : {}),
      orgIds: orgs.orgIds,
      orgId,
    });
  });
}
