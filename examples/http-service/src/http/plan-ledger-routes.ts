import {
  createPlanLedgerProjection,
  createProjectionQuery,
  type Locale,
  PlanKindSchema,
  type PlanVersionRow,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { pagedLedgerRoute, readEveryRow } from './paged-ledger-route.js';
import { lang, paging } from './read-query.js';
import type { ReadScope } from './read-scope.js';

const PlanLedgerQuery = z.object({
  kind: PlanKindSchema.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the emergency-plan ledger (应急预案台账). */
const PLAN_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '应急预案台账',
  en: 'Emergency-plan ledger',
};

/** The versions of a page's plans are read this many rows at a time. */
const VERSIONS_PAGE = 1000;

/** The reader's plans: an organisation's own and those below it, or an enterprise's own. */
function planScopeWhere(scope: ReadScope) {
  return scope.kind === 'organisation'
    ? { ownerOrgId: { in: [...scope.orgIds] } }
    : { ownerEnterpriseId: scope.enterpriseId };
}

/** One version of a plan as the ledger lists it under the plan. */
function presentVersion({ version, draftedAt, publishedAt, isRevision }: PlanVersionRow) {
  return { version, draftedAt, publishedAt, isRevision };
}

/**
 * The emergency-plan ledger over HTTP, over the library's plan ledger (one row per version, each
 * with the plan's owner): one row per plan, the plan's first version (its kind, owner and
 * drafting), filtered by owner and kind, ordered by drafting time and paged in the store; each
 * with its versions, the latest and the latest published. An organisation sees the plans it and
 * the organisations below it own; an enterprise's principal or safety officer their
 * enterprise's plans. Retirement is not in the ledger (it does not undo a publication, EP-1):
 * `GET /plans/{planId}` shows it.
 */
export function planLedgerRoutes(app: FastifyInstance, context: ServiceContext): void {
  const ledger = createProjectionQuery(context.store, createPlanLedgerProjection());

  /** Every version of these plans, by plan, in version order. */
  async function versionsOf(planIds: readonly string[]) {
    const versions = new Map<string, PlanVersionRow[]>(planIds.map((id) => [id, []]));
    if (planIds.length === 0) return versions;
    const where = { planId: { in: [...planIds] } };
    for (const row of await readEveryRow(ledger, where, ['planId', 'version'], VERSIONS_PAGE)) {
      versions.get(row.planId)?.push(row);
    }
    return versions;
  }

  pagedLedgerRoute(app, context, {
    path: '/ledgers/plans',
    summary: 'Emergency-plan ledger, one row per plan with its versions, filtered and paged',
    querystring: PlanLedgerQuery,
    title: (reader) => PLAN_LEDGER_TITLE[reader.locale],
    ledger,
    where: (q, reader) => ({
      and: [planScopeWhere(reader.scope), { version: 1 }, defined({ kind: q.kind })],
    }),
    orderBy: (q) => [{ field: 'draftedAt', direction: q.order }],
    presentPage: async (rows) => {
      const versions = await versionsOf(rows.map((row) => row.planId));
      return rows.map(
        ({ planId, kind, ownerOrgId, ownerEnterpriseId, replacesPlanId, draftedAt }) => {
          const all = versions.get(planId) ?? [];
          return {
            planId,
            kind,
            ownerOrgId,
            ownerEnterpriseId,
            replacesPlanId,
            draftedAt,
            latestVersion: all.at(-1)?.version ?? 1,
            publishedVersion: all.filter((v) => v.publishedAt !== null).at(-1)?.version ?? null,
            versions: all.map(presentVersion),
          };
        },
      );
    },
  });
}
