import {
  createResponsibilityFigures,
  ListKindSchema,
  label,
  type ResponsibilityFigureFilter,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { defined } from './ledger-rows.js';
import { asOf, lang } from './read-query.js';
import { readRoute } from './read-routes.js';
import { namedOrganisation } from './read-scope.js';

const CoverageQuery = z.object({
  asOf,
  listId: z.string().min(1).max(200).optional(),
  listKind: ListKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("The lists' period year"),
  issuerOrgId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("The issuing organisation: the reader's own when absent, or one below it"),
  lang,
});

/**
 * P-17 over HTTP: responsibility coverage per list, over the assignments in force at T of the
 * lists one organisation issued (its own, or one below it; 403 G-5 for another and for an
 * enterprise's staff): assignments issued and acknowledged, RA-2 and RA-3 gaps, duties done and
 * staffing (RA-8) as exact fractions with the policy's display.
 */
export function responsibilityReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createResponsibilityFigures({ store: context.store, policy });

  readRoute(
    app,
    context,
    {
      path: '/figures/responsibility-coverage',
      summary: 'Responsibility coverage (P-17) per list, over the assignments in force at T',
      tag: 'figures',
      querystring: CoverageQuery,
    },
    async (q, reader) => {
      const issuer = namedOrganisation(
        reader.scope,
        'responsibility coverage (P-17)',
        q.issuerOrgId,
      );
      if (typeof issuer !== 'string') return issuer;
      const filter: ResponsibilityFigureFilter = {
        asOf: q.asOf ?? new Date().toISOString(),
        issuerOrgId: issuer,
        ...defined({ listId: q.listId, listKind: q.listKind, year: q.year }),
      };
      const lists = await figures.responsibilityCoverage(filter);
      const { asOf: T, ...rest } = filter;
      return {
        title: label('readModel', 'responsibilityCoverage', reader.locale),
        asOf: T,
        filter: rest,
        lists: lists.map((list) => ({
          ...list,
          dutyCompletionRate: presentRate(list.dutyCompletionRate, policy, 'P-17'),
          staffingCompliance: presentRate(list.staffingCompliance, policy, 'P-17'),
        })),
      };
    },
  );
}
