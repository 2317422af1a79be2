import { closureWatch, label, type MajorHazardDecision } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { caseScopeWhere } from './case-read-routes.js';
import type { ServiceContext } from './context.js';
import { readEveryRow } from './paged-ledger-route.js';
import { asOf, lang } from './read-query.js';
import { readRoute } from './read-routes.js';

const WatchlistQuery = z.object({
  asOf,
  enterpriseId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only this enterprise; its own staff may name only theirs'),
  lang,
});

/** The decided major-hazard cases are read this many rows at a time. */
const PAGE = 500;

/**
 * P-16 over HTTP: the closure watchlist (EC-17, WSL 2021 Art. 113(1)) as of T, over the
 * major-hazard cases decided by T that the reader may see: an organisation's own and those of
 * the organisations below it, or, for an enterprise's principal or safety officer, the cases in
 * which their enterprise is a respondent (and only their enterprise's entry).
 *
 * The core figure `closureWatchlist` filters by a single agency, while a reader's scope is a set
 * of agencies; so the rows are read here under the scope and judged by core's `closureWatch`,
 * which holds the sliding-window rule.
 */
export function closureWatchRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { caseFigures, policy } = context;

  readRoute(
    app,
    context,
    {
      path: '/figures/closure-watchlist',
      summary: 'Closure watchlist (P-16): enterprises with repeated major-hazard decisions by T',
      tag: 'figures',
      querystring: WatchlistQuery,
    },
    async (q, reader) => {
      const T = q.asOf ?? new Date().toISOString();
      // Instants compare as stored, in UTC; T may come with any offset.
      const at = new Date(T).toISOString();
      const where = {
        and: [
          caseScopeWhere(reader.scope),
          { decidedAt: { lte: at } },
          { isMajorHazardCase: true },
        ],
      };
      const cases = await readEveryRow(caseFigures.ledger, where, ['decidedAt'], PAGE);
      const decisions: MajorHazardDecision[] = cases.flatMap((document) =>
        document.penalisedEnterpriseIds.map((enterpriseId) => ({
          enterpriseId,
          caseId: document.caseId,
          decidedAt: document.decidedAt!,
        })),
      );
      // A case may penalise several enterprises; an enterprise's reader sees only its own entry.
      const only = reader.scope.kind === 'enterprise' ? reader.scope.enterpriseId : q.enterpriseId;
      const entries = closureWatch(decisions, at, policy).filter(
        (entry) => only === undefined || entry.enterpriseId === only,
      );
      return {
        title: label('readModel', 'closureWatchlist', reader.locale),
        asOf: T,
        trigger: policy.closureTrigger,
        enterprises: entries.map(({ enterpriseId, trigger, caseIds, from, to }) => ({
          enterpriseId,
          majorHazardCases: caseIds.length,
          windowDays: trigger.days,
          caseIds,
          from,
          to,
        })),
      };
    },
  );
}
