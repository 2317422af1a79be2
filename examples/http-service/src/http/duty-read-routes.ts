import { createDutyFigures, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { localDays } from './local-period.js';
import { organisationFigureRoute } from './organisation-figure-route.js';
import { PERIOD_PATTERN } from './period.js';
import { asOf, id, lang } from './read-query.js';
import { echo } from './read-routes.js';

const CoverageQuery = z.object({
  asOf,
  period: z
    .string()
    .regex(PERIOD_PATTERN, 'must be a year (2024), quarter (2024-Q3), month (2024-05) or day')
    .describe('Period P whose days are judged, in the policy time zone'),
  orgId: id
    .optional()
    .describe("The roster's organisation: the reader's own when absent, or one below it"),
  days: z
    .enum(['true', 'false'])
    .optional()
    .describe('Also answer each day of the period with its faults'),
  lang,
});

/**
 * P-21 over HTTP: for each local day of P, whether the duty rosters one organisation scheduled
 * by T leave a gap or an overlap (DR-1) or a shift without a leader (DR-2), counted over the
 * period and, on request, day by day. The organisation is the reader's own or one below it (403
 * G-5 for another, and for an enterprise's staff).
 */
export function dutyReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createDutyFigures({ store: context.store, policy });

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/duty-coverage',
      summary: 'Duty coverage (P-21): days with gaps, overlaps and shifts without a leader',
      querystring: CoverageQuery,
      what: 'duty coverage (P-21)',
      organisation: (q) => q.orgId,
    },
    async ({ query: q, reader, asOf: T, period, orgId }) => {
      if (period === undefined) throw new TypeError('the period is required by the schema');
      const days = localDays(period, policy);
      const filter = { asOf: T, period: days, orgId };
      const [coverage, perDay] = await Promise.all([
        figures.dutyCoverage(filter),
        q.days === 'true' ? figures.dutyCoverageByDay(filter) : undefined,
      ]);
      return {
        ...echo(filter, label('readModel', 'dutyCoverage', reader.locale)),
        ...coverage,
        ...(perDay !== undefined ? { days: perDay } : {}),
      };
    },
  );
}
