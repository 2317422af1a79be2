import { type HazardFigureFilter, type HazardLedgerRow, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { defined, presentRow } from './ledger-rows.js';
import { majorAsOf, majorHazardColumns } from './major-hazard-ledger.js';
import { pagedLedgerRoute, readLedgerPage } from './paged-ledger-route.js';
import { hazardFilter, lang, paging } from './read-query.js';
import { AsOfLedgerQuery, ledgerRoute } from './read-routes.js';
import { hazardScopeWhere } from './read-scope.js';

/** The ledger's statuses (the hazard's state machine, spec §4.1). */
const HazardStatus = z.enum(['open', 'awaiting_verification', 'verified', 'closed', 'voided']);

const LedgerQuery = z.object({
  ...hazardFilter,
  status: HazardStatus.optional(),
  sort: z.enum(['registeredAt', 'deadline', 'closedAt']).default('registeredAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The filter F but the grade as conditions on the ledger's indexed fields (the scope is added apart). */
function fieldsWhere(
  f: {
    readonly [K in 'areaId' | 'sectorCode' | 'source' | 'subjectKind' | 'campaignId']?:
      | HazardFigureFilter[K]
      | undefined;
  },
) {
  return {
    and: [
      defined({
        areaId: f.areaId,
        sectorCode: f.sectorCode,
        source: f.source,
        subjectKind: f.subjectKind,
      }),
      ...(f.campaignId !== undefined ? [{ campaignIds: { contains: f.campaignId } }] : []),
    ],
  };
}

/**
 * The hazard ledgers over the `hazard-ledger` projection, filtered, sorted and paged in the store
 * (keyset cursors: a page never repeats or skips a row whose sort values did not change). Rows
 * are limited to the hazards the reader may see (`read-scope.ts`). Reads follow the projection,
 * so a command's effect shows once the runner has applied it.
 */
export function ledgerRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { figures } = context;

  pagedLedgerRoute(app, context, {
    path: '/ledgers/hazards',
    summary: 'Hazard ledger (P-1), filtered and paged',
    querystring: LedgerQuery,
    title: (reader) => label('readModel', 'hazardLedger', reader.locale),
    ledger: figures.ledger,
    where: (q, reader) => ({
      and: [
        hazardScopeWhere(reader.scope),
        fieldsWhere(q),
        defined({ grade: q.grade, status: q.status }),
      ],
    }),
    orderBy: (q) => [{ field: q.sort, direction: q.order }],
    present: presentRow,
  });

  ledgerRoute(
    app,
    context,
    {
      path: '/ledgers/overdue',
      summary: 'Overdue ledger (P-5) as of T, earliest deadline first',
      querystring: AsOfLedgerQuery,
      title: (reader) => label('readModel', 'overdueLedger', reader.locale),
    },
    async ({ filter, page, reader }) => {
      const answer = await figures.overdueLedger({ ...filter, ...page });
      return {
        total: answer.total,
        items: answer.rows.map(({ row, daysOverdue }) => ({
          ...presentRow(row as HazardLedgerRow, reader.locale),
          daysOverdue,
        })),
        nextCursor: answer.nextCursor,
      };
    },
  );

  ledgerRoute(
    app,
    context,
    {
      path: '/ledgers/verification-backlog',
      summary: 'Verification backlog (P-7) as of T, oldest request first',
      querystring: AsOfLedgerQuery,
      title: (reader) => label('readModel', 'verificationBacklog', reader.locale),
    },
    async ({ filter, page, reader }) => {
      const answer = await figures.verificationBacklog({ ...filter, ...page });
      return {
        total: answer.total,
        breached: answer.breached,
        items: answer.rows.map(({ row, slaBreached }) => ({
          ...presentRow(row, reader.locale),
          slaBreached,
        })),
        nextCursor: answer.nextCursor,
      };
    },
  );

  ledgerRoute(
    app,
    context,
    {
      path: '/ledgers/major-hazards',
      summary:
        'Major-hazard and listed-supervision ledger (P-6) as of T: majors as of T, registration order',
      querystring: AsOfLedgerQuery.omit({ grade: true }),
      title: (reader) => label('readModel', 'majorHazardLedger', reader.locale),
    },
    async ({ filter, page, reader }) => {
      // Instants compare as stored, in UTC; T may come with any offset.
      const T = new Date(filter.asOf).toISOString();
      const found = await readLedgerPage(
        figures.ledger,
        { and: [hazardScopeWhere(reader.scope), fieldsWhere(filter), majorAsOf(T)] },
        [{ field: 'registeredAt', direction: 'asc' }],
        page,
      );
      return {
        total: found.total,
        items: found.rows.map((row) => ({
          ...presentRow(row, reader.locale),
          ...majorHazardColumns(row, T, context.policy),
        })),
        nextCursor: found.nextCursor,
      };
    },
  );
}
