import {
  formatMetricRate,
  label,
  type Rate,
  type RateMetricId,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { RateDimension } from './read-query.js';
import { FigureQuery, figureRoute } from './read-routes.js';

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
export function presentRate(rate: Rate, policy: SupervisionPolicy, metric: RateMetricId) {
  return {
    numerator: rate.numerator,
    denominator: rate.denominator,
    rate: formatMetricRate(rate, policy, metric),
  };
}

/**
 * The hazard figures P-2…P-5 computed in the store at query time (G-6) over the ledger, each
 * with an explicit as-of instant and the filter F of spec §5, for the hazards the reader may
 * see (`read-scope.ts`). Rates come as exact fractions plus the policy's display (§6).
 */
export function figureRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { figures, policy } = context;

  figureRoute(
    app,
    context,
    {
      path: '/figures/rectification-rate',
      summary: 'Rectification rate (P-2): hazards found in P, rectified by T',
      querystring: RateQuery,
      response: RateAnswer.extend({
        title: z.string(),
        asOf: z.string(),
        period: z.object({ from: z.string(), to: z.string() }).optional(),
        filter: z.record(z.string(), z.unknown()),
        groups: z.array(RateAnswer.extend({ key: z.string().nullable() })).optional(),
      }),
      title: (reader) => label('readModel', 'rectificationRate', reader.locale),
    },
    async ({ filter, query }) => {
      const total = await figures.rectificationRate(filter);
      const groups =
        query.by === undefined ? undefined : await figures.rectificationRateBy(query.by, filter);
      return {
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

  figureRoute(
    app,
    context,
    {
      path: '/figures/major-hazard-rate',
      summary: 'Major-hazard rate (P-3): majors known to the regulator, rectified by T',
      querystring: FigureQuery,
      title: (reader) => label('readModel', 'majorHazardRate', reader.locale),
    },
    async ({ filter }) => presentRate((await figures.majorHazardRate(filter)).rate, policy, 'P-3'),
  );

  figureRoute(
    app,
    context,
    {
      path: '/figures/on-time-rate',
      summary: 'On-time rectification rate (P-4), optionally against the original deadline',
      querystring: OnTimeQuery,
      title: (reader) => label('readModel', 'onTimeRectificationRate', reader.locale),
    },
    async ({ filter, query }) => {
      const strict = query.strict === 'true';
      const answer = await figures.onTimeRate({ ...filter, strict });
      return { strict, ...presentRate(answer.rate, policy, 'P-4') };
    },
  );

  figureRoute(
    app,
    context,
    {
      path: '/figures/closures',
      summary: 'Closures flow (P-2b): hazards closed in P, whenever found',
      querystring: FigureQuery,
      title: (reader) => label('readModel', 'closuresFlow', reader.locale),
    },
    async ({ filter }) => ({ closed: await figures.closuresFlow(filter) }),
  );

  figureRoute(
    app,
    context,
    {
      path: '/figures/overdue-by-area',
      summary: 'Overdue hazards per area (P-5) as of T',
      querystring: FigureQuery,
      title: (reader) => label('readModel', 'overdueLedger', reader.locale),
    },
    async ({ filter }) => ({ areas: await figures.overdueByArea(filter) }),
  );
}
