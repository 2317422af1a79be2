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
import { organisationFigureRoute } from './organisation-figure-route.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging } from './read-query.js';
import { namedEnterprise } from './read-scope.js';

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

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/handover-status',
      summary: 'Handover status (P-14): items received, closed, open and overdue at T',
      querystring: StatusQuery,
      what: 'the handover status (P-14)',
    },
    async ({ query: q, reader, asOf: T }) => {
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

  pagedLedgerRoute(app, context, {
    path: '/ledgers/handover-items',
    summary: 'Handover ledger (the items of P-14), filtered and paged',
    querystring: ItemLedgerQuery,
    title: (reader) => HANDOVER_LEDGER_TITLE[reader.locale],
    ledger: figures.ledger,
    where: (q, reader) => {
      const enterprise = namedEnterprise(reader.scope);
      return {
        and: [
          { row: 'item' },
          defined({ batchId: q.batchId, issuerName: q.issuerName, kind: q.kind }),
          ...(enterprise !== undefined ? [{ subjectEnterpriseIds: { contains: enterprise } }] : []),
          ...(q.open === undefined ? [] : [{ closedAt: { isNull: q.open === 'true' } }]),
        ],
      };
    },
    orderBy: (q) => [{ field: q.sort, direction: q.order }],
    present: (row, locale) => presentItem(row as HandoverItemRow, locale),
  });
}
