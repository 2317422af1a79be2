import { createSiteFigures, type Locale, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { asOf, lang, paging } from './read-query.js';
import { readRoute } from './read-routes.js';
import { organisationScope } from './read-scope.js';

const id = z.string().min(1).max(200);

const ComplianceQuery = z.object({ asOf, lang });

const SiteLedgerQuery = z.object({
  kind: z
    .enum(['site', 'tenancy', 'check', 'devices'])
    .default('site')
    .describe('Which rows: sites, tenancies, landlord checks or device installations'),
  siteId: id.optional(),
  enterpriseId: id
    .optional()
    .describe(
      'Only rows whose landlord or tenant is this enterprise; its own staff name only theirs',
    ),
  ...paging,
  lang,
});

/** The title of the multi-tenant site ledger (厂中厂台账). */
const SITE_LEDGER_TITLE: Readonly<Record<Locale, string>> = {
  'zh-CN': '厂中厂台账',
  en: 'Multi-tenant site ledger',
};

/**
 * P-18 over HTTP: multi-tenant site compliance at T and the site ledger behind it. The figure
 * counts every site (the ledger records no supervising organisation), so it is read by
 * supervising organisations only; an enterprise's principal or safety officer reads the ledger
 * rows that name their enterprise: the site rows where it is the landlord, the tenancy rows where
 * it is the tenant (the ledger's check and device rows name neither, so they see none of those).
 */
export function siteReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createSiteFigures({ store: context.store, policy });

  readRoute(
    app,
    context,
    {
      path: '/figures/site-compliance',
      summary: 'Multi-tenant site compliance (P-18) at T',
      tag: 'figures',
      querystring: ComplianceQuery,
    },
    async (q, reader) => {
      const orgs = organisationScope(reader.scope, 'multi-tenant site compliance (P-18)');
      if ('status' in orgs) return orgs;
      const T = q.asOf ?? new Date().toISOString();
      const compliance = await figures.siteCompliance({ asOf: T });
      return {
        title: label('readModel', 'multiTenantSiteCompliance', reader.locale),
        asOf: T,
        ...compliance,
        agreementCoverage: presentRate(compliance.agreementCoverage, policy, 'P-18'),
      };
    },
  );

  readRoute(
    app,
    context,
    {
      path: '/ledgers/sites',
      summary: 'Multi-tenant site ledger (the rows of P-18), filtered and paged',
      tag: 'ledgers',
      querystring: SiteLedgerQuery,
    },
    async (q, reader) => {
      const scope = reader.scope;
      const enterprise =
        scope.kind === 'enterprise'
          ? scope.enterpriseId
          : scope.subjects?.find((subject) => subject.kind === 'enterprise')?.id;
      const where = {
        and: [
          { kind: q.kind },
          ...(q.siteId !== undefined ? [{ siteId: q.siteId }] : []),
          ...(enterprise !== undefined
            ? [
                {
                  or: [{ landlordEnterpriseId: enterprise }, { tenantEnterpriseId: enterprise }],
                },
              ]
            : []),
        ],
      };
      const [page, total] = await Promise.all([
        figures.ledger.find({
          where,
          // Sites and tenancies by registration, checks and installations by when they happened.
          orderBy: [{ field: q.kind === 'site' || q.kind === 'tenancy' ? 'registeredAt' : 'at' }],
          limit: q.limit,
          ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
        }),
        figures.ledger.count({ where }),
      ]);
      return {
        title: SITE_LEDGER_TITLE[reader.locale],
        total,
        items: page.items.map(({ document }) => document),
        nextCursor: page.nextCursor ?? null,
      };
    },
  );
}
