import { createEnterpriseFigures, type Locale, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { organisationFigureRoute } from './organisation-figure-route.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging } from './read-query.js';
import { namedEnterprise, type ReadScope } from './read-scope.js';

/** The standardization grades of E-3 (一级, 二级, 三级). */
const GRADES = [1, 2, 3] as const;

const ComplianceQuery = z.object({
  asOf,
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe('Year Y of the risk reports and standardization awards'),
  statisticsPeriod: z
    .string()
    .regex(/^(Q[1-4]-)?\d{4}$/, 'must be a statistics period like Q1-2024 or 2024')
    .optional()
    .describe('The statistics filings period of E-5 to count, on time and late'),
  lang,
});

const FilingsLedgerQuery = z.object({
  kind: z.enum(['risk_report', 'award', 'statistics']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Risk report year'),
  enterpriseId: id.optional().describe('One enterprise; its own staff may name only their own'),
  ...paging,
  lang,
});

/** The title of the enterprise filings ledger (企业报告备案台账). */
const FILINGS_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '企业报告备案台账',
  en: 'Enterprise filings ledger',
};

/**
 * The enterprises whose rows a reader sees: an enterprise's staff their own; an organisation
 * the enterprises the directory has it (or an organisation below it) supervise.
 */
function enterprisesOf(scope: ReadScope, context: ServiceContext): string[] {
  if (scope.kind === 'enterprise') return [scope.enterpriseId];
  const named = namedEnterprise(scope);
  return context.directory
    .enterprises()
    .filter(
      (enterprise) =>
        enterprise.supervisingOrgId !== undefined &&
        scope.orgIds.includes(enterprise.supervisingOrgId),
    )
    .map((enterprise) => enterprise.id)
    .filter((enterpriseId) => named === undefined || enterpriseId === named);
}

/**
 * P-19 over HTTP: enterprise compliance for a year as of T (risk reports filed for Y, awards of
 * each grade in Y, grades valid at T, emergency teams, statistics filings), and the filings
 * ledger behind them (risk reports, awards, statistics filings). The figures count every
 * enterprise (the read models record no supervising organisation), so only organisations read
 * them; the ledger rows are limited to the enterprises the reader may see: an enterprise's own,
 * or those the directory has the organisation (or one below it) supervise.
 */
export function enterpriseReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const figures = createEnterpriseFigures({ store: context.store, policy: context.policy });

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/enterprise-compliance',
      summary: 'Enterprise compliance (P-19) for year Y as of T',
      querystring: ComplianceQuery,
      what: 'enterprise compliance (P-19)',
    },
    async ({ query: q, reader, asOf: T }) => {
      const year = { from: `${q.year}-01-01`, to: `${q.year + 1}-01-01` };
      const [riskReported, awarded, valid, emergencyTeams, statistics] = await Promise.all([
        figures.riskReported({ year: q.year, asOf: T }),
        Promise.all(
          GRADES.map((grade) => figures.standardizationAwarded({ grade, period: year, asOf: T })),
        ),
        Promise.all(GRADES.map((grade) => figures.standardizationValid({ grade, asOf: T }))),
        figures.emergencyTeams({ asOf: T }),
        q.statisticsPeriod === undefined
          ? undefined
          : figures.statisticsFilings({ period: q.statisticsPeriod, asOf: T }),
      ]);
      const byGrade = (counts: number[]) =>
        Object.fromEntries(GRADES.map((grade, i) => [String(grade), counts[i] ?? 0]));
      return {
        title: label('readModel', 'enterpriseCompliance', reader.locale),
        asOf: T,
        year: q.year,
        riskReported,
        standardizationAwarded: byGrade(awarded),
        standardizationValid: byGrade(valid),
        emergencyTeams,
        ...(statistics !== undefined
          ? { statisticsFilings: { period: q.statisticsPeriod, ...statistics } }
          : {}),
      };
    },
  );

  pagedLedgerRoute(app, context, {
    path: '/ledgers/enterprise-filings',
    summary: 'Enterprise filings ledger (the rows of P-19), filtered and paged',
    querystring: FilingsLedgerQuery,
    title: (reader) => FILINGS_LEDGER_TITLE[reader.locale],
    ledger: figures.filings,
    where: (q, reader) => {
      const visible = enterprisesOf(reader.scope, context);
      if (visible.length === 0) return null;
      return {
        and: [
          { enterpriseId: { in: visible } },
          ...(q.kind !== undefined ? [{ kind: q.kind }] : []),
          ...(q.year !== undefined ? [{ year: q.year }] : []),
        ],
      };
    },
    orderBy: () => [{ field: 'at' }],
  });
}
