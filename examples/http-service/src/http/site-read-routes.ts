import { createSiteFigures, type Locale, label } from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { organisationFigureRoute } from './organisation-figure-route.js';
import { pagedLedgerRoute } from './paged-ledger-route.js';
import { asOf, id, lang, paging } from './read-query.js';
import { namedEnterprise } from './read-scope.js';

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

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/site-compliance',
      summary: 'Multi-tenant site compliance (P-18) at T',
      querystring: ComplianceQuery,
      what: 'multi-tenant site compliance (P-18)',
    },
    async ({ reader, asOf: T }) => {
      const compliance = await figures.siteCompliance({ asOf: T });
      return {
        title: label('readModel', 'multiTenantSiteCompliance', reader.locale),
        asOf: T,
        ...compliance,
        agreementCoverage: presentRate(compliance.agreementCoverage, policy, 'P-18'),
      };
    },
  );

  pagedLedgerRoute(app, context, {
    path: '/ledgers/sites',
    summary: 'Multi-tenant site ledger (the rows of P-18), filtered and paged',
    querystring: SiteLedgerQuery,
    title: (reader) => SITE_LEDGER_TITLE[reader.locale],
    ledger: figures.ledger,
    where: (q, reader) => {
      const enterprise = namedEnterprise(reader.scope);
      return {
        and: [
          { kind: q.kind },
          ...(q.siteId !== undefined ? [{ siteId: q.siteId }] : []),
          ...(enterprise !== undefined
            ? [{ or: [{ landlordEnterpriseId: enterprise }, { tenantEnterpriseId: enterprise }] }]
            : []),
        ],
      };
    },
    // Sites and tenancies by registration, checks and installations by when they happened.
    orderBy: (q) => [{ field: q.kind === 'site' || q.kind === 'tenancy' ? 'registeredAt' : 'at' }],
  });
}
