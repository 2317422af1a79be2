import {
  type ActivityFigureFilter,
  type ActivityLedgerRow,
  createActivityFigures,
  type Locale,
  label,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { localPeriodOf } from './local-period.js';
import { asOf, lang, paging, period } from './read-query.js';
import { readRoute } from './read-routes.js';
import { namedOrganisation, type ReadScope } from './read-scope.js';

const id = z.string().min(1).max(200);

/** The activity kinds of spec §4 (the library's `ActivityKind`). */
const ActivityKind = z.enum([
  'training',
  'key_sector_training',
  'expert_lecture',
  'deployment_meeting',
  'drill',
  'competition',
  'outreach_event',
  'exhibition_visit',
  'materials_distribution',
]);

const activityFilter = {
  kind: ActivityKind.optional(),
  topic: id.optional(),
  sectorCode: id.optional(),
};

const TotalsQuery = z.object({
  asOf,
  period,
  ...activityFilter,
  organizerOrgId: id
    .optional()
    .describe("The organising organisation: the reader's own when absent, or one below it"),
  by: z.enum(['kind', 'topic']).optional().describe('Break down by one dimension'),
  lang,
});

const ActivityLedgerQuery = z.object({
  ...activityFilter,
  enterpriseId: id
    .optional()
    .describe(
      'Only activities this enterprise organised or took part in; its staff name only theirs',
    ),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the activity ledger (宣传培训活动台账). */
const ACTIVITY_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '宣传培训活动台账',
  en: 'Activity ledger',
};

/** The reader's scope on the activity ledger: organisers, or the enterprise's own activities. */
function activityScopeWhere(scope: ReadScope) {
  const enterprise =
    scope.kind === 'enterprise'
      ? scope.enterpriseId
      : scope.subjects?.find((subject) => subject.kind === 'enterprise')?.id;
  return {
    and: [
      ...(scope.kind === 'organisation' ? [{ organizerOrgId: { in: [...scope.orgIds] } }] : []),
      ...(enterprise !== undefined
        ? [
            {
              or: [
                { organizerEnterpriseId: enterprise },
                { enterpriseIds: { contains: enterprise } },
              ],
            },
          ]
        : []),
    ],
  };
}

/** An activity row as the service answers it: the stored row plus its kind's label. */
function presentActivity(row: ActivityLedgerRow, locale: Locale) {
  return { ...row, labels: { kind: label('activityKind', row.kind, locale) } };
}

/**
 * P-20 over HTTP: activity totals of one organiser's activities dated in P and recorded by T
 * (sessions, person-times, drills, materials, the enterprises trained and the emergency plans
 * revised and published), and the activity ledger. The figures filter by one organising
 * organisation, the reader's own or one below it (403 G-5 for another, and for an enterprise's
 * staff); the ledger shows an organisation the activities it and those below it organised, and
 * an enterprise's principal or safety officer the activities their enterprise organised or
 * attended.
 */
export function activityReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createActivityFigures({ store: context.store, policy });

  readRoute(
    app,
    context,
    {
      path: '/figures/activity-totals',
      summary: 'Activity totals (P-20) of the activities dated in P, recorded by T',
      tag: 'figures',
      querystring: TotalsQuery,
    },
    async (q, reader) => {
      const organizer = namedOrganisation(reader.scope, 'activity totals (P-20)', q.organizerOrgId);
      if (typeof organizer !== 'string') return organizer;
      const days = localPeriodOf(q.period, policy);
      if (days !== undefined && 'status' in days) return days;
      const filter: ActivityFigureFilter = {
        asOf: q.asOf ?? new Date().toISOString(),
        organizerOrgId: organizer,
        ...defined({ kind: q.kind, topic: q.topic, sectorCode: q.sectorCode }),
        ...(days !== undefined ? { period: days } : {}),
      };
      const [totals, trained, plans, groups] = await Promise.all([
        figures.activityTotals(filter),
        figures.distinctEnterprisesTrained(filter),
        figures.plansRevisedAndPublished({
          asOf: filter.asOf,
          ...(days !== undefined ? { period: days } : {}),
        }),
        q.by === undefined ? undefined : figures.activityTotalsBy(q.by, filter),
      ]);
      const { asOf: T, period: P, ...rest } = filter;
      return {
        title: label('readModel', 'activityTotals', reader.locale),
        asOf: T,
        ...(P !== undefined ? { period: P } : {}),
        filter: rest,
        ...totals,
        distinctEnterprisesTrained: trained,
        plansRevisedAndPublished: plans,
        ...(groups !== undefined ? { groups } : {}),
      };
    },
  );

  readRoute(
    app,
    context,
    {
      path: '/ledgers/activities',
      summary: 'Activity ledger (the rows of P-20), filtered and paged by date',
      tag: 'ledgers',
      querystring: ActivityLedgerQuery,
    },
    async (q, reader) => {
      const where = {
        and: [
          activityScopeWhere(reader.scope),
          defined({ kind: q.kind, topic: q.topic, sectorCode: q.sectorCode }),
        ],
      };
      const [page, total] = await Promise.all([
        figures.ledger.find({
          where,
          orderBy: [{ field: 'date', direction: q.order }],
          limit: q.limit,
          ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
        }),
        figures.ledger.count({ where }),
      ]);
      return {
        title: ACTIVITY_LEDGER_TITLE[reader.locale],
        total,
        items: page.items.map(({ document }) => presentActivity(document, reader.locale)),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );
}
