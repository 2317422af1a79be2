import {
  type CalendarPeriod,
  createVenueFigures,
  type LabelKey,
  type Locale,
  label,
  type Rate,
  type VenueFigureFilter,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { defined } from './ledger-rows.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { badRequest, type Problem } from './problem.js';
import { asOf, id, lang, paging } from './read-query.js';
import { readRoute } from './read-routes.js';
import { areaScope } from './read-scope.js';
import type { Reader } from './scoped-read.js';

const venueFilter = {
  areaId: id.optional().describe('Area of the venues; an organisation reads its own areas'),
  category: id.optional().describe('Venue category'),
};

const MarkingQuery = z.object({ asOf, ...venueFilter, lang });
const PatrolQuery = z.object({
  asOf,
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2024-Q3')
    .describe('The quarter Q of P-11'),
  ...venueFilter,
  lang,
});
const SelfCheckQuery = z.object({
  asOf,
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2024-05')
    .describe('The month of P-12'),
  ...venueFilter,
  lang,
});
const StatisticsQuery = z.object({
  asOf,
  period: z
    .string()
    .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'must be a year, quarter or month')
    .describe('Period P of the spot checks and hazards: 2024, 2024-Q3 or 2024-05'),
  ...venueFilter,
  lang,
});
const VenueLedgerQuery = z.object({
  ...venueFilter,
  active: z.enum(['true', 'false']).optional().describe('Only venues (not) deregistered'),
  sort: z.enum(['registeredAt', 'lastPatrolAt', 'lastSelfCheckAt']).default('registeredAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the venue register (小场所登记台账). */
const VENUE_REGISTER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '小场所登记台账',
  en: 'Venue register',
};

/** `2024`, `2024-Q3` or `2024-05` as the venue figures' calendar period. */
function calendarPeriodOf(text: string): CalendarPeriod {
  const [year = '', part] = text.split('-');
  if (part === undefined) return { year: Number(year) };
  return part.startsWith('Q')
    ? { year: Number(year), quarter: Number(part.slice(1)) }
    : { year: Number(year), month: Number(part) };
}

/**
 * The one area a venue figure is asked for: the figures filter by a single area, so a reader
 * whose jurisdiction spans several areas names one (400 naming `areaId` otherwise).
 */
function figureArea(
  reader: Reader,
  context: ServiceContext,
  what: string,
  areaId: string | undefined,
): { readonly areaId?: string } | Problem {
  const areas = areaScope(reader.scope, context.directory, what, areaId);
  if ('status' in areas) return areas;
  if (areas.areaIds === undefined) return {};
  const [only] = areas.areaIds;
  if (areas.areaIds.length === 1 && only !== undefined) return { areaId: only };
  return badRequest(`${what} is counted per area`, [
    {
      path: 'querystring.areaId',
      message: `required: name one of ${areas.areaIds.join(', ')}`,
    },
  ]);
}

/** A `RangeError` of the venue figures (T before the period's end) as a 400 on `asOf`. */
async function orBadAsOf<T>(run: () => Promise<T>): Promise<T | Problem> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return badRequest(error.message, [{ path: 'querystring.asOf', message: error.message }]);
  }
}

/**
 * P-10…P-13 over HTTP, over the venue register (one row per venue): the marking rates at T, the
 * quarterly patrol rate, the monthly self-check rate, the venue statistics and the register
 * itself. The register records areas, not supervising organisations, so an organisation reads
 * the venues of its jurisdiction's areas and an enterprise's staff read none (403 G-5).
 */
export function venueReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createVenueFigures({ store: context.store, policy });
  const rate = (r: Rate, metric: 'P-10' | 'P-11' | 'P-12') => presentRate(r, policy, metric);

  /** A venue figure route: T, the area the reader may read, the category, and the title. */
  function venueFigure<Q extends z.ZodObject>(
    path: string,
    summary: string,
    querystring: Q,
    title: LabelKey<'readModel'>,
    answer: (filter: VenueFigureFilter, query: z.infer<Q>) => Promise<object>,
  ) {
    readRoute(app, context, { path, summary, tag: 'figures', querystring }, async (q, reader) => {
      const query = q as z.infer<Q> & { asOf?: string; areaId?: string; category?: string };
      const area = figureArea(reader, context, summary, query.areaId);
      if ('status' in area) return area;
      const filter: VenueFigureFilter = {
        asOf: query.asOf ?? new Date().toISOString(),
        ...area,
        ...defined({ category: query.category }),
      };
      const result = await orBadAsOf(() => answer(filter, query));
      if ('status' in result) return result;
      const { asOf: T, ...rest } = filter;
      return { title: label('readModel', title, reader.locale), asOf: T, filter: rest, ...result };
    });
  }

  venueFigure(
    '/figures/venue-marking-rates',
    'Venue marking rates (P-10) at T',
    MarkingQuery,
    'venueMarkingRates',
    async (filter) => {
      const m = await figures.markingRates(filter);
      return {
        active: m.active,
        industry: rate(m.industry, 'P-10'),
        special: rate(m.special, 'P-10'),
        territorial: rate(m.territorial, 'P-10'),
        fireAdvisor: rate(m.fireAdvisor, 'P-10'),
        fullyMarked: rate(m.fullyMarked, 'P-10'),
        invalidIndustryMarkings: m.invalidIndustryMarkings,
      };
    },
  );

  venueFigure(
    '/figures/venue-patrol-rate',
    'Quarterly venue patrol rate (P-11)',
    PatrolQuery,
    'venuePatrolRate',
    async (filter, q) => {
      const { year, quarter = 1 } = calendarPeriodOf(q.quarter);
      const r = await figures.patrolRate({ ...filter, year, quarter });
      return { quarter: q.quarter, active: r.active, covered: r.covered, ...rate(r.rate, 'P-11') };
    },
  );

  venueFigure(
    '/figures/venue-self-check-rate',
    'Monthly venue self-check completion rate (P-12)',
    SelfCheckQuery,
    'venueSelfCheckRate',
    async (filter, q) => {
      const { year, month = 1 } = calendarPeriodOf(q.month);
      const r = await figures.selfCheckRate({ ...filter, year, month });
      return { month: q.month, active: r.active, covered: r.covered, ...rate(r.rate, 'P-12') };
    },
  );

  venueFigure(
    '/figures/venue-statistics',
    'Venue statistics (P-13): registered, active, spot-checked, venue hazards',
    StatisticsQuery,
    'venueStats',
    async (filter, q) => {
      const s = await figures.statistics({ ...filter, period: calendarPeriodOf(q.period) });
      return {
        period: q.period,
        registered: s.registered,
        active: s.active,
        spotChecked: s.spotChecked,
        hazards: {
          found: s.hazards.found,
          rectified: s.hazards.rectified,
          ...presentRate(s.hazards.rate, policy, 'P-2'),
        },
      };
    },
  );

  pagedLedgerRoute(app, context, {
    path: '/ledgers/venues',
    summary: 'Venue register (the rows of P-10…P-13), filtered and paged',
    querystring: VenueLedgerQuery,
    title: (reader) => VENUE_REGISTER_TITLE[reader.locale],
    ledger: figures.register,
    where: (q, reader) => {
      const areas = areaScope(reader.scope, context.directory, 'the venue register', q.areaId);
      if ('status' in areas) return areas;
      return {
        and: [
          { registeredAt: { isNull: false } },
          ...(areas.areaIds !== undefined ? [{ areaId: { in: [...areas.areaIds] } }] : []),
          defined({ category: q.category }),
          ...(q.active === undefined ? [] : [{ deregisteredAt: { isNull: q.active === 'true' } }]),
        ],
      };
    },
    orderBy: (q) => [{ field: q.sort, direction: q.order }],
  });
}
