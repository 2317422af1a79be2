import { type HazardLedgerRow, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated } from './authenticated.js';
import type { ServiceContext } from './context.js';
import { defined, presentRow } from './ledger-rows.js';
import { sendProblem } from './problem.js';
import { asOf, hazardFilter, lang, paging } from './read-query.js';
import { readerOf } from './scoped-read.js';

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

const AsOfLedgerQuery = z.object({ asOf, ...hazardFilter, ...paging, lang });

/**
 * The hazard ledgers over the `hazard-ledger` projection, filtered, sorted and paged in the store
 * (keyset cursors: a page never repeats or skips a row whose sort values did not change). Rows
 * are limited to the hazards the reader's organisation supervises (`read-scope.ts`). Reads
 * follow the projection, so a command's effect shows once the runner has applied it.
 */
export function ledgerRoutes(app: FastifyInstance, context: ServiceContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { figures } = context;

  routes.get(
    '/ledgers/hazards',
    {
      schema: {
        summary: 'Hazard ledger (P-1), filtered and paged',
        tags: ['ledgers'],
        querystring: LedgerQuery,
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const q = request.query;
      const where = {
        supervisingOrgId: reader.scope.orgId,
        ...defined({
          areaId: q.areaId,
          sectorCode: q.sectorCode,
          grade: q.grade,
          source: q.source,
          subjectKind: q.subjectKind,
          status: q.status,
        }),
        ...(q.campaignId !== undefined ? { campaignIds: { contains: q.campaignId } } : {}),
      };
      const [page, total] = await Promise.all([
        figures.ledger.find({
          where,
          orderBy: [{ field: q.sort, direction: q.order }],
          limit: q.limit,
          ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
        }),
        figures.ledger.count({ where }),
      ]);
      return {
        title: label('readModel', 'hazardLedger', reader.locale),
        total,
        items: page.items.map(({ document }) => presentRow(document, reader.locale)),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );

  routes.get(
    '/ledgers/overdue',
    {
      schema: {
        summary: 'Overdue ledger (P-5) as of T, earliest deadline first',
        tags: ['ledgers'],
        querystring: AsOfLedgerQuery,
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const {
        asOf: T = new Date().toISOString(),
        limit,
        cursor,
        lang: _,
        ...filter
      } = request.query;
      const page = await figures.overdueLedger({
        asOf: T,
        orgId: reader.scope.orgId,
        ...defined(filter),
        limit,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      return {
        title: label('readModel', 'overdueLedger', reader.locale),
        asOf: T,
        total: page.total,
        items: page.rows.map(({ row, daysOverdue }) => ({
          ...presentRow(row as HazardLedgerRow, reader.locale),
          daysOverdue,
        })),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );

  routes.get(
    '/ledgers/verification-backlog',
    {
      schema: {
        summary: 'Verification backlog (P-7) as of T, oldest request first',
        tags: ['ledgers'],
        querystring: AsOfLedgerQuery,
      },
      preValidation: authenticated(context),
    },
    async (request, reply) => {
      const reader = readerOf(request);
      if ('status' in reader) return sendProblem(reply, reader);
      const {
        asOf: T = new Date().toISOString(),
        limit,
        cursor,
        lang: _,
        ...filter
      } = request.query;
      const page = await figures.verificationBacklog({
        asOf: T,
        orgId: reader.scope.orgId,
        ...defined(filter),
        limit,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      return {
        title: label('readModel', 'verificationBacklog', reader.locale),
        asOf: T,
        total: page.total,
        breached: page.breached,
        items: page.rows.map(({ row, slaBreached }) => ({
          ...presentRow(row, reader.locale),
          slaBreached,
        })),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );
}
