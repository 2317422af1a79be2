import {
  AssigneeKindSchema,
  createResponsibilityFigures,
  ListKindSchema,
  type Locale,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging } from './read-query.js';
import { namedOrganisation, organisationScope } from './read-scope.js';

const ResponsibilityLedgerQuery = z.object({
  asOf: asOf.describe('Only the assignments in force at T (issued by T, not superseded by T)'),
  listId: id.optional(),
  listKind: ListKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("The lists' period year"),
  issuerOrgId: id
    .optional()
    .describe(
      'The issuing organisation: the reader\u2019s own or one below it; all of them when absent',
    ),
  assigneeKind: AssigneeKindSchema.optional(),
  acknowledged: z.enum(['true', 'false']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the responsibility ledger (职责任务台账), the rows behind P-17. */
const RESPONSIBILITY_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '职责任务台账',
  en: 'Responsibility ledger',
};

/**
 * The responsibility ledger over HTTP: one row per assignment, filtered, ordered by issue time
 * and paged in the store. Only a person acting for an organisation reads it, and sees the lists
 * issued by that organisation and those below it (403 G-5 for another issuer, and for an
 * enterprise's staff), as the P-17 figures do.
 */
export function responsibilityLedgerRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { ledger } = createResponsibilityFigures({ store: context.store, policy: context.policy });

  pagedLedgerRoute(app, context, {
    path: '/ledgers/responsibility-assignments',
    summary: 'Responsibility ledger (the assignments behind P-17), filtered and paged',
    querystring: ResponsibilityLedgerQuery,
    title: (reader) => RESPONSIBILITY_LEDGER_TITLE[reader.locale],
    // Rows as stored: the folded state repeats the row's facts; the duties and designations live there.
    ledger,
    where: (q, reader) => {
      const what = 'the responsibility ledger';
      const orgs = organisationScope(reader.scope, what);
      if ('status' in orgs) return orgs;
      const issuer =
        q.issuerOrgId === undefined
          ? undefined
          : namedOrganisation(reader.scope, what, q.issuerOrgId);
      if (issuer !== undefined && typeof issuer !== 'string') return issuer;
      // Instants compare as stored, in UTC; T may come with any offset.
      const T = q.asOf === undefined ? undefined : new Date(q.asOf).toISOString();
      return {
        and: [
          { issuerOrgId: issuer ?? { in: [...orgs.orgIds] } },
          defined({
            listId: q.listId,
            listKind: q.listKind,
            year: q.year,
            assigneeKind: q.assigneeKind,
            acknowledged: q.acknowledged === undefined ? undefined : q.acknowledged === 'true',
          }),
          ...(T === undefined
            ? []
            : [
                { issuedAt: { lte: T } },
                { or: [{ supersededAt: { isNull: true } }, { supersededAt: { gt: T } }] },
              ]),
        ],
      };
    },
    orderBy: (q) => [{ field: 'issuedAt', direction: q.order }],
    echo: (q) => (q.asOf !== undefined ? { asOf: q.asOf } : {}),
  });
}
