import { type CaseFigureFilter, type CaseLedgerRow, type Locale, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { defined } from './ledger-rows.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging, period } from './read-query.js';
import { echo, periodOf, readRoute } from './read-routes.js';
import { namedEnterprise, type ReadScope } from './read-scope.js';

/** The filter of P-15 (the agency comes from the reader's scope, `read-scope.ts`). */
const caseFilter = {
  campaignId: id.optional(),
  sourceKind: z.enum(['inspection', 'supervision_item', 'none']).optional(),
  enterpriseId: id
    .optional()
    .describe(
      'Only cases with a respondent of this enterprise; its own staff may name only theirs',
    ),
};

const CaseStatisticsQuery = z.object({
  asOf,
  period,
  ...caseFilter,
  by: z.enum(['agencyOrgId', 'sourceKind']).optional().describe('Break down by one dimension'),
  lang,
});

const CaseLedgerQuery = z.object({
  ...caseFilter,
  sort: z.enum(['filedAt', 'decidedAt', 'closedAt']).default('filedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...paging,
  lang,
});

/** The title of the case ledger, named as in the ledger's columns (执法案件台账). */
const CASE_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '执法案件台账',
  en: 'Enforcement-case ledger',
};

/** The scope as the case figures' filter: agencies an organisation may see, or an enterprise's cases. */
function caseScopeFilter(
  scope: ReadScope,
): Pick<CaseFigureFilter, 'agencyOrgIds' | 'respondentEnterpriseId'> {
  const named = namedEnterprise(scope);
  return {
    ...(scope.kind === 'organisation' ? { agencyOrgIds: scope.orgIds } : {}),
    ...(named !== undefined ? { respondentEnterpriseId: named } : {}),
  };
}

/** The same scope as a condition on the case ledger's indexed fields. */
export function caseScopeWhere(scope: ReadScope) {
  const filter = caseScopeFilter(scope);
  return {
    and: [
      ...(filter.agencyOrgIds !== undefined
        ? [{ agencyOrgId: { in: [...filter.agencyOrgIds] } }]
        : []),
      ...(filter.respondentEnterpriseId !== undefined
        ? [{ respondentEnterpriseIds: { contains: filter.respondentEnterpriseId } }]
        : []),
    ],
  };
}

/** A case row as the service answers it: the stored row (fines in integer fen) plus its penalty kinds' labels. */
function presentCaseRow(row: CaseLedgerRow, locale: Locale) {
  return {
    ...row,
    labels: {
      penaltyKinds: row.penaltyKinds.map((kind) => label('penaltyKind', kind, locale)),
    },
  };
}

/**
 * P-15 over HTTP: the case statistics of the cases filed in P as of T, and the enforcement-case
 * ledger behind them, filtered, sorted and paged in the store. An organisation sees its own
 * cases and those of the organisations below it; an enterprise's principal or safety officer
 * the cases in which their enterprise is a respondent.
 */
export function caseReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { caseFigures, policy } = context;

  readRoute(
    app,
    context,
    {
      path: '/figures/case-statistics',
      summary: 'Case statistics (P-15): cases filed in P, as of T',
      tag: 'figures',
      querystring: CaseStatisticsQuery,
    },
    async (query, reader) => {
      const range = periodOf(query.period, policy);
      if (range !== undefined && 'status' in range) return range;
      const filter: CaseFigureFilter = {
        asOf: query.asOf ?? new Date().toISOString(),
        ...caseScopeFilter(reader.scope),
        ...defined({ campaignId: query.campaignId, sourceKind: query.sourceKind }),
        ...(range !== undefined ? { period: range } : {}),
      };
      const [statistics, byPenaltyKind, groups] = await Promise.all([
        caseFigures.caseStatistics(filter),
        caseFigures.casesByPenaltyKind(filter),
        query.by === undefined ? undefined : caseFigures.caseStatisticsBy(query.by, filter),
      ]);
      const present = (s: typeof statistics) => ({
        ...s,
        avgDaysToDecision: {
          numerator: s.avgDaysToDecision.numerator,
          denominator: s.avgDaysToDecision.denominator,
          days:
            s.avgDaysToDecision.denominator === 0
              ? null
              : s.avgDaysToDecision.numerator / s.avgDaysToDecision.denominator,
        },
      });
      return {
        ...echo(filter, label('readModel', 'caseStatistics', reader.locale)),
        ...present(statistics),
        byPenaltyKind,
        ...(groups !== undefined
          ? { groups: groups.map(({ key, ...s }) => ({ key, ...present({ ...s }) })) }
          : {}),
      };
    },
  );

  pagedLedgerRoute(app, context, {
    path: '/ledgers/cases',
    summary: 'Enforcement-case ledger (the rows of P-15), filtered and paged',
    querystring: CaseLedgerQuery,
    title: (reader) => CASE_LEDGER_TITLE[reader.locale],
    ledger: caseFigures.ledger,
    where: (q, reader) => ({
      and: [
        caseScopeWhere(reader.scope),
        defined({ sourceKind: q.sourceKind }),
        ...(q.campaignId !== undefined ? [{ campaignIds: { contains: q.campaignId } }] : []),
      ],
    }),
    orderBy: (q) => [{ field: q.sort, direction: q.order }],
    present: presentCaseRow,
  });
}
