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
import { localDays } from './local-period.js';
import { organisationFigureRoute } from './organisation-figure-route.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging, period } from './read-query.js';
import { echo } from './read-routes.js';
import { namedEnterprise, type ReadScope } from './read-scope.js';

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
  const enterprise = namedEnterprise(scope);
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

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/activity-totals',
      summary: 'Activity totals (P-20) of the activities dated in P, recorded by T',
      querystring: TotalsQuery,
      what: 'activity totals (P-20)',
      organisation: (q) => q.organizerOrgId,
    },
    async ({ query: q, reader, asOf: T, period, orgId }) => {
      const days = period !== undefined ? localDays(period, policy) : undefined;
      const filter: ActivityFigureFilter = {
        asOf: T,
        organizerOrgId: orgId,
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
      return {
        ...echo(filter, label('readModel', 'activityTotals', reader.locale)),
        ...totals,
        distinctEnterprisesTrained: trained,
        plansRevisedAndPublished: plans,
        ...(groups !== undefined ? { groups } : {}),
      };
    },
  );

  pagedLedgerRoute(app, context, {
    path: '/ledgers/activities',
    summary: 'Activity ledger (the rows of P-20), filtered and paged by date',
    querystring: ActivityLedgerQuery,
    title: (reader) => ACTIVITY_LEDGER_TITLE[reader.locale],
    ledger: figures.ledger,
    where: (q, reader) => ({
      and: [
        activityScopeWhere(reader.scope),
        defined({ kind: q.kind, topic: q.topic, sectorCode: q.sectorCode }),
      ],
    }),
    orderBy: (q) => [{ field: 'date', direction: q.order }],
    present: presentActivity,
  });
}
