import {
  createInspectionFigures,
  type InspectionFigureFilter,
  type InspectionLedgerRow,
  type Locale,
  label,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { defined } from './ledger-rows.js';
import { organisationFigureRoute } from './organisation-figure-route.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging, period } from './read-query.js';
import { echo, FigureQuery, figureRoute } from './read-routes.js';
import type { ReadScope } from './read-scope.js';

/** The inspection kinds of spec §4.4 (the library's `InspectionKind`). */
const InspectionKind = z.enum([
  'enforcement',
  'routine_supervision',
  'service_guidance',
  'special_campaign',
  'spot_check',
  'supervision_team_check',
]);

/** The filter F of P-9 (the inspecting organisations come from the reader's scope). */
const inspectionFilter = {
  kind: InspectionKind.optional(),
  campaignId: id.optional(),
  subjectKind: z.enum(['enterprise', 'venue', 'site']).optional(),
  areaId: id.optional(),
};

const InspectionLedgerQuery = z.object({
  ...inspectionFilter,
  enterpriseId: id
    .optional()
    .describe("Only this enterprise's inspections; its own staff may name only their own"),
  status: z.enum(['scheduled', 'completed', 'cancelled']).optional(),
  sort: z.enum(['scheduledAt', 'completedAt']).default('scheduledAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

const CoverageQuery = z.object({
  asOf,
  period,
  ...inspectionFilter,
  by: z.enum(['kind', 'orgId', 'subjectKind', 'areaId']).optional(),
  lang,
});

const DensityQuery = z.object({
  asOf,
  period,
  majorsOnly: z
    .enum(['true', 'false'])
    .optional()
    .describe('Count only the hazards graded major as of T'),
  lang,
});

/** The title of the inspection ledger, named as in its columns (检查台账). */
const INSPECTION_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '检查台账',
  en: 'Inspection ledger',
};

/** The reader's scope on the inspection ledger: the inspecting organisations, or the subjects. */
function inspectionScopeWhere(scope: ReadScope) {
  const parts = [];
  if (scope.kind === 'organisation') parts.push({ orgId: { in: [...scope.orgIds] } });
  if (scope.subjects !== undefined) {
    parts.push({
      subjectKey: { in: scope.subjects.map((subject) => `${subject.kind}:${subject.id}`) },
    });
  }
  return { and: parts };
}

/** Whether an inspection is scheduled, completed or cancelled, as conditions on its instants. */
function statusWhere(status: 'scheduled' | 'completed' | 'cancelled' | undefined) {
  if (status === undefined) return [];
  if (status === 'completed') return [{ completedAt: { isNull: false } }];
  if (status === 'cancelled') return [{ cancelledAt: { isNull: false } }];
  return [{ completedAt: { isNull: true }, cancelledAt: { isNull: true } }];
}

/** An inspection row as the service answers it: the stored row plus its kind's label. */
function presentInspection(row: InspectionLedgerRow, locale: Locale) {
  return { ...row, labels: { kind: label('inspectionKind', row.kind, locale) } };
}

/**
 * P-8 and P-9 over HTTP: the inspection ledger (检查台账), inspection coverage of the inspections
 * completed in P by T, the share of hazards the enterprises found themselves, and the hazards
 * found per 1,000 inspections. Coverage and density count by inspecting organisation, so they
 * are read by organisations (their own and those below); the ledger also by an enterprise's
 * principal or safety officer, for the inspections of their enterprise; the source mix follows
 * the hazard figures' scope.
 */
export function inspectionReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createInspectionFigures({ store: context.store, policy });

  pagedLedgerRoute(app, context, {
    path: '/ledgers/inspections',
    summary: 'Inspection ledger (the rows of P-9), filtered and paged',
    querystring: InspectionLedgerQuery,
    title: (reader) => INSPECTION_LEDGER_TITLE[reader.locale],
    ledger: figures.ledger,
    where: (q, reader) => ({
      and: [
        inspectionScopeWhere(reader.scope),
        defined({ kind: q.kind, subjectKind: q.subjectKind, areaId: q.areaId }),
        ...(q.campaignId !== undefined ? [{ campaignIds: { contains: q.campaignId } }] : []),
        ...statusWhere(q.status),
      ],
    }),
    orderBy: (q) => [{ field: q.sort, direction: q.order }],
    present: presentInspection,
  });

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/inspection-coverage',
      summary:
        'Inspection coverage (P-9): visits and units of the inspections completed in P, by T',
      querystring: CoverageQuery,
      what: 'inspection coverage (P-9)',
    },
    async ({ query: q, reader, asOf: T, period, orgIds }) => {
      const filter: InspectionFigureFilter = {
        asOf: T,
        orgIds,
        ...defined({
          kind: q.kind,
          campaignId: q.campaignId,
          subjectKind: q.subjectKind,
          areaId: q.areaId,
        }),
        ...(period !== undefined ? { period } : {}),
      };
      const [total, groups] = await Promise.all([
        figures.coverage(filter),
        q.by === undefined ? undefined : figures.coverageBy(q.by, filter),
      ]);
      return {
        ...echo(filter, label('readModel', 'inspectionCoverage', reader.locale)),
        ...total,
        ...(groups !== undefined ? { groups } : {}),
      };
    },
  );

  figureRoute(
    app,
    context,
    {
      path: '/figures/source-mix',
      summary: 'Source mix (P-8): the share of the hazards found in P that enterprises found',
      querystring: FigureQuery,
      title: (reader) => label('readModel', 'sourceMix', reader.locale),
    },
    async ({ filter }) => {
      const share = await figures.selfFoundShare(filter);
      return {
        selfFound: share.selfFound,
        found: share.found,
        selfFoundShare: presentRate(share.rate, policy, 'P-8'),
      };
    },
  );

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/detection-density',
      summary: 'Detection density (P-8): hazards found in inspections per 1,000 inspections',
      querystring: DensityQuery,
      what: 'detection density (P-8)',
    },
    async ({ query: q, reader, asOf: T, period, orgIds }) => {
      const majorsOnly = q.majorsOnly === 'true';
      const density = await figures.detectionDensity({
        asOf: T,
        orgIds,
        majorsOnly,
        ...(period !== undefined ? { period } : {}),
      });
      return {
        ...echo(
          { asOf: T, ...(period !== undefined ? { period } : {}), orgIds, majorsOnly },
          label('readModel', 'sourceMix', reader.locale),
        ),
        hazards: density.hazards,
        visits: density.visits,
        per1000Inspections: {
          numerator: density.per1000Inspections.numerator,
          denominator: density.per1000Inspections.denominator,
          value:
            density.per1000Inspections.denominator === 0
              ? null
              : density.per1000Inspections.numerator / density.per1000Inspections.denominator,
        },
      };
    },
  );
}
