import { createProjectionQuery, type Locale, PlanKindSchema } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { planRegister } from '../projections/plan-register.js';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { lang, paging } from './read-query.js';
import { readRoute } from './read-routes.js';
import type { ReadScope } from './read-scope.js';

const flag = z.enum(['true', 'false']).optional();

const PlanLedgerQuery = z.object({
  kind: PlanKindSchema.optional(),
  published: flag.describe('Only plans with (true) or without (false) a published version'),
  retired: flag,
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the emergency-plan ledger (应急预案台账). */
const PLAN_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '应急预案台账',
  en: 'Emergency-plan ledger',
};

/** The reader's plans: an organisation's own and those below it, or an enterprise's own. */
function planScopeWhere(scope: ReadScope) {
  return scope.kind === 'organisation'
    ? { ownerOrgId: { in: [...scope.orgIds] } }
    : { ownerEnterpriseId: scope.enterpriseId };
}

const asFlag = (value: 'true' | 'false' | undefined) =>
  value === undefined ? undefined : value === 'true';

/**
 * The emergency-plan ledger over HTTP: one row per plan with its folded state (versions,
 * publications, retirement), filtered, ordered by drafting time and paged in the store. An
 * organisation sees the plans it and the organisations below it own; an enterprise's principal
 * or safety officer their enterprise's plans.
 */
export function planLedgerRoutes(app: FastifyInstance, context: ServiceContext): void {
  const ledger = createProjectionQuery(context.store, planRegister);

  readRoute(
    app,
    context,
    {
      path: '/ledgers/plans',
      summary: 'Emergency-plan ledger, one row per plan, filtered and paged',
      tag: 'ledgers',
      querystring: PlanLedgerQuery,
    },
    async (q, reader) => {
      const where = {
        and: [
          planScopeWhere(reader.scope),
          defined({
            kind: q.kind,
            published: asFlag(q.published),
            retired: asFlag(q.retired),
          }),
        ],
      };
      const [page, total] = await Promise.all([
        ledger.find({
          where,
          orderBy: [{ field: 'draftedAt', direction: q.order }],
          limit: q.limit,
          ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
        }),
        ledger.count({ where }),
      ]);
      return {
        title: PLAN_LEDGER_TITLE[reader.locale],
        total,
        items: page.items.map(({ document }) => document),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );
}
