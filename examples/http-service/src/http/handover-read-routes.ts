import {
  createHandoverFigures,
  type HandoverItemRow,
  type HandoverStatus,
  type Locale,
  label,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { defined } from './ledger-rows.js';
import { asOf, lang, paging } from './read-query.js';
import { readRoute } from './read-routes.js';
import { organisationScope } from './read-scope.js';

const id = z.string().min(1).max(200);
const ItemKind = z.enum(['petition', 'hazard_list', 'feedback_issue']);

const StatusQuery = z.object({
  asOf,
  by: z.enum(['batchId', 'issuerName', 'kind']).optional().describe('Break down by one dimension'),
  lang,
});

const ItemLedgerQuery = z.object({
  batchId: id.optional(),
  issuerName: id.optional(),
  kind: ItemKind.optional(),
  open: z.enum(['true', 'false']).optional().describe('Only items (not) closed'),
  enterpriseId: id
    .optional()
    .describe('Only items naming this enterprise; its own staff may name only their own'),
  sort: z.enum(['receivedAt', 'deadline', 'closedAt']).default('receivedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the handover ledger (交办事项台账). */
const HANDOVER_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '交办事项台账',
  en: 'Handover ledger',
};

/** P-14 as the service answers it: the counts, and the closure rate as a fraction and its display. */
function presentStatus(status: HandoverStatus, policy: SupervisionPolicy) {
  return { ...status, closureRate: presentRate(status.closureRate, policy, 'P-14') };
}

/** An item row as the service answers it: the stored row plus its kind's label. */
function presentItem(row: HandoverItemRow, locale: Locale) {
  return { ...row, labels: { kind: label('itemKind', row.kind, locale) } };
}

/**
 * P-14 over HTTP: the handover status of every item received by T (optionally per batch,
 * issuer or kind) and the item ledger behind it. Items come from supervision groups above the
 * district and the ledger records no receiving organisation, so the figure is read by any
 * supervising organisation; an enterprise's principal or safety officer reads the items that
 * name their enterprise in the ledger, and not the figure (403 G-5).
 */
export function handoverReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createHandoverFigures({ store: context.store, policy });

  readRoute(
    app,
    context,
    {
      path: '/figures/handover-status',
      summary: 'Handover status (P-14): items received, closed, open and overdue at T',
      tag: 'figures',
      querystring: StatusQuery,
    },
    async (q, reader) => {
      const orgs = organisationScope(reader.scope, 'the handover status (P-14)');
      if ('status' in orgs) return orgs;
      const T = q.asOf ?? new Date().toISOString();
      const [total, groups] = await Promise.all([
        figures.handoverStatus({ asOf: T }),
        q.by === undefined ? undefined : figures.handoverStatusBy(q.by, { asOf: T }),
      ]);
      return {
        title: label('readModel', 'handoverStatus', reader.locale),
        asOf: T,
        ...presentStatus(total, policy),
        ...(groups !== undefined
          ? {
              groups: groups.map(({ key, ...status }) => ({
                key,
                ...presentStatus(status, policy),
              })),
            }
          : {}),
      };
    },
  );

  readRoute(
    app,
    context,
    {
      path: '/ledgers/handover-items',
      summary: 'Handover ledger (the items of P-14), filtered and paged',
      tag: 'ledgers',
      querystring: ItemLedgerQuery,
    },
    async (q, reader) => {
      const scope = reader.scope;
      const enterprise =
        scope.kind === 'enterprise'
          ? scope.enterpriseId
          : scope.subjects?.find((subject) => subject.kind === 'enterprise')?.id;
      const where = {
        and: [
          { row: 'item' },
          defined({ batchId: q.batchId, issuerName: q.issuerName, kind: q.kind }),
          ...(enterprise !== undefined ? [{ subjectEnterpriseIds: { contains: enterprise } }] : []),
          ...(q.open === undefined ? [] : [{ closedAt: { isNull: q.open === 'true' } }]),
        ],
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
        title: HANDOVER_LEDGER_TITLE[reader.locale],
        total,
        items: page.items.map(({ document }) =>
          presentItem(document as HandoverItemRow, reader.locale),
        ),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );
}
