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

  readRoute(
    app,
    context,
    {
      path: '/figures/division-lead-gaps',
      summary: 'Lead gaps (RA-10 of P-17) per division list in force at T',
      tag: 'figures',
      querystring: LeadGapsQuery,
    },
    async (q, reader) => {
      const issuer = namedOrganisation(reader.scope, 'division lead gaps (RA-10)', q.issuerOrgId);
      if (typeof issuer !== 'string') return issuer;
      const T = q.asOf ?? new Date().toISOString();
      const base = { asOf: T, issuerOrgId: issuer, ...defined({ listId: q.listId, year: q.year }) };
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
      const { asOf: _T, ...filter } = base;
      return {
        title: label('responsibilityCoverageColumn', 'leadGaps', reader.locale),
        asOf: T,
        filter: { ...filter, ...defined({ listKind: q.listKind }) },
        lists,
      };
    },
  );
}
