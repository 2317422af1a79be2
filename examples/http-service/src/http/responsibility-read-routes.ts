import {
  createResponsibilityFigures,
  divisionListKinds,
  ListKindSchema,
  label,
  type ResponsibilityFigureFilter,
} from '@safeledger/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from './context.js';
import { presentRate } from './figure-routes.js';
import { defined } from './ledger-rows.js';
import { organisationFigureRoute } from './organisation-figure-route.js';
import { asOf, id, lang } from './read-query.js';
import { echo } from './read-routes.js';

const CoverageQuery = z.object({
  asOf,
  listId: id.optional(),
  listKind: ListKindSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("The lists' period year"),
  issuerOrgId: id
    .optional()
    .describe("The issuing organisation: the reader's own when absent, or one below it"),
  lang,
});

/** RA-10 reads the division lists only; another kind is a 400 naming `listKind`. */
const LeadGapsQuery = CoverageQuery.extend({
  listKind: z
    .enum(divisionListKinds as ['venue_division', 'duty_task_list'])
    .optional()
    .describe('A division list kind; both when absent'),
});

/**
 * P-17 over HTTP: responsibility coverage per list, over the assignments in force at T of the
 * lists one organisation issued (its own, or one below it; 403 G-5 for another and for an
 * enterprise's staff): assignments issued and acknowledged, RA-2 and RA-3 gaps, duties done and
 * staffing (RA-8) as exact fractions with the policy's display; and RA-10's lead gaps of the
 * division lists in force at T, judged with the directory's industry bodies.
 */
export function responsibilityReadRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { policy } = context;
  const figures = createResponsibilityFigures({ store: context.store, policy });

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/responsibility-coverage',
      summary: 'Responsibility coverage (P-17) per list, over the assignments in force at T',
      querystring: CoverageQuery,
      what: 'responsibility coverage (P-17)',
      organisation: (q) => q.issuerOrgId,
    },
    async ({ query: q, reader, asOf: T, orgId }) => {
      const filter: ResponsibilityFigureFilter = {
        asOf: T,
        issuerOrgId: orgId,
        ...defined({ listId: q.listId, listKind: q.listKind, year: q.year }),
      };
      const lists = await figures.responsibilityCoverage(filter);
      return {
        ...echo(filter, label('readModel', 'responsibilityCoverage', reader.locale)),
        lists: lists.map((list) => ({
          ...list,
          dutyCompletionRate: presentRate(list.dutyCompletionRate, policy, 'P-17'),
          staffingCompliance: presentRate(list.staffingCompliance, policy, 'P-17'),
        })),
      };
    },
  );

  organisationFigureRoute(
    app,
    context,
    {
      path: '/figures/division-lead-gaps',
      summary: 'Lead gaps (RA-10 of P-17) per division list in force at T',
      querystring: LeadGapsQuery,
      what: 'division lead gaps (RA-10)',
      organisation: (q) => q.issuerOrgId,
    },
    async ({ query: q, reader, asOf: T, orgId }) => {
      const base = { asOf: T, issuerOrgId: orgId, ...defined({ listId: q.listId, year: q.year }) };
      const kinds = q.listKind !== undefined ? [q.listKind] : divisionListKinds;
      // The lists in force at T come from the store, grouped per list; each is then judged.
      const listIds = (
        await Promise.all(
          kinds.map((listKind) => figures.responsibilityCoverage({ ...base, listKind })),
        )
      )
        .flat()
        .map((list) => list.listId)
        .sort();
      const lists = await Promise.all(
        listIds.map(async (listId) => ({
          listId,
          ...(await figures.divisionLeadGaps(listId, T, context.directory)),
        })),
      );
      return {
        ...echo(
          { ...base, ...defined({ listKind: q.listKind }) },
          label('responsibilityCoverageColumn', 'leadGaps', reader.locale),
        ),
        lists,
      };
    },
  );
}
