import {
  formatMetricRate,
  type HazardFigureFilter,
  label,
  type Rate,
  type RateMetricId,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from './authenticated.js';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { periodRange } from './period.js';
import { badRequest, sendProblem } from './problem.js';
import { asOf, hazardFilter, lang, period, RateDimension } from './read-query.js';
import type { Reader } from './scoped-read.js';
import { readerOf } from './scoped-read.js';

const FigureQuery = z.object({ asOf, period, ...hazardFilter, lang });
const RateQuery = FigureQuery.extend({
  by: RateDimension.optional().describe('Break the rate down by one dimension'),
});
const OnTimeQuery = FigureQuery.extend({
  strict: z
    .enum(['true', 'false'])
    .optional()
    .describe('Judge against the original deadline D0 instead of the effective one'),
});

const RateAnswer = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.string().describe('Formatted per the policy, "—" when the denominator is 0'),
});

/** A rate as the service answers it: the exact fraction and its display per the policy (§6). */
function presentRate(rate: Rate, policy: SupervisionPolicy, metric: RateMetricId) {
  return {
    numerator: rate.numerator,
    denominator: rate.denominator,
    rate: formatMetricRate(rate, policy, metric),
  };
}

type FigureQueryValue = z.infer<typeof FigureQuery>;

/**
 * The figure filter of a request: T (now when absent), the period as instants in the policy's
 * time zone, the filter F and the reader's organisation; or the 400 problem of a period that
 * matches the pattern but names no real day (`2024-02-30`).
 */
function filterOf(
  query: FigureQueryValue,
  reader: Reader,
  policy: SupervisionPolicy,
  reply: FastifyReply,
): HazardFigureFilter | undefined {
  const { asOf: T = new Date().toISOString(), period: p, lang: _, ...filter } = query;
  let range: { from: string; to: string } | undefined;
  if (p !== undefined) {
    range = periodRange(p, policy.timezone);
    if (range === undefined) {
      void sendProblem(
        reply,
        badRequest(`period "${p}" names no calendar period`, [
          {
            path: 'querystring.period',
            message: `"${p}" is not a real year, quarter, month or day`,
          },
        ]),
      );
      return undefined;
    }
  }
  return {
    asOf: T,
    orgId: reader.scope.orgId,
    ...defined(filter),
    ...(range !== undefined ? { period: range } : {}),
  };
}

/** The context of a figure answer: T, P and F as applied, and the title in the reader's language. */
function echo(filter: HazardFigureFilter, title: string) {
  const { asOf: T, period: range, ...rest } = filter;
  return {
    title,
    asOf: T,
    ...(range !== undefined ? { period: range } : {}),
    filter: rest as Record<string, unknown>,
  };
}

/**
 * The hazard figures P-2…P-5 computed in the store at query time (G-6) over the ledger, each
 * with an explicit as-of instant and the filter F of spec §5, for the hazards the reader's
 * organisation supervises. Rates come as exact fractions plus the policy's display (§6).
 */
export function figureRoutes(app: FastifyInstance, context: ServiceContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { figures, policy } = context;
  const guard = { preValidation: authenticated(context) };

  routes.get(
    '/figures/rectification-rate',
    {
      schema: {
        summary: 'Rectification rate (P-2): hazards found in P, rectified by T',
        tags: ['figures'],
        querystring: RateQuery,
        response: {
          200: RateAnswer.extend({
            title: z.string(),
            asOf: z.string(),
            period: z.object({ from: z.string(), to: z.string() }).optional(),
            filter: z.record(z.string(), z.unknown()),
            groups: z.array(RateAnswer.extend({ key: z.string().nullable() })).optional(),
          }),
        },
      },
      ...guard,
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const filter = filterOf(request.query, reader, policy, reply);
      if (filter === undefined) return reply;
      const total = await figures.rectificationRate(filter);
      const by = request.query.by;
      const groups = by === undefined ? undefined : await figures.rectificationRateBy(by, filter);
      return {
        ...echo(filter, label('readModel', 'rectificationRate', reader.locale)),
        ...presentRate(total.rate, policy, 'P-2'),
        ...(groups !== undefined
          ? {
              groups: groups.map((group) => ({
                key: group.key,
                ...presentRate(group.rate, policy, 'P-2'),
              })),
            }
          : {}),
      };
    },
  );

  routes.get(
    '/figures/major-hazard-rate',
    {
      schema: {
        summary: 'Major-hazard rate (P-3): majors known to the regulator, rectified by T',
        tags: ['figures'],
        querystring: FigureQuery,
      },
      ...guard,
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const filter = filterOf(request.query, reader, policy, reply);
      if (filter === undefined) return reply;
      const answer = await figures.majorHazardRate(filter);
      return {
        ...echo(filter, label('readModel', 'majorHazardRate', reader.locale)),
        ...presentRate(answer.rate, policy, 'P-3'),
      };
    },
  );

  routes.get(
    '/figures/on-time-rate',
    {
      schema: {
        summary: 'On-time rectification rate (P-4), optionally against the original deadline',
        tags: ['figures'],
        querystring: OnTimeQuery,
      },
      ...guard,
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const { strict, ...query } = request.query;
      const filter = filterOf(query, reader, policy, reply);
      if (filter === undefined) return reply;
      const answer = await figures.onTimeRate({ ...filter, strict: strict === 'true' });
      return {
        ...echo(filter, label('readModel', 'onTimeRectificationRate', reader.locale)),
        strict: strict === 'true',
        ...presentRate(answer.rate, policy, 'P-4'),
      };
    },
  );

  routes.get(
    '/figures/closures',
    {
      schema: {
        summary: 'Closures flow (P-2b): hazards closed in P, whenever found',
        tags: ['figures'],
        querystring: FigureQuery,
      },
      ...guard,
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const filter = filterOf(request.query, reader, policy, reply);
      if (filter === undefined) return reply;
      return {
        ...echo(filter, label('readModel', 'closuresFlow', reader.locale)),
        closed: await figures.closuresFlow(filter),
      };
    },
  );

  routes.get(
    '/figures/overdue-by-area',
    {
      schema: {
        summary: 'Overdue hazards per area (P-5) as of T',
        tags: ['figures'],
        querystring: FigureQuery,
      },
      ...guard,
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const filter = filterOf(request.query, reader, policy, reply);
      if (filter === undefined) return reply;
      return {
        ...echo(filter, label('readModel', 'overdueLedger', reader.locale)),
        areas: await figures.overdueByArea(filter),
      };
    },
  );
}
