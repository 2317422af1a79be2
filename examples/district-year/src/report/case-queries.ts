import {
  type CaseStatistics,
  createCaseFigures,
  type EventStore,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import { yearFilter } from './hazard-queries.js';

/** The case figures of the report, each a query of the enforcement-case ledger (P-15). */
export interface CaseReportFigures {
  /** Every case filed in the year: the bureau's year total (§7.2: the group cases are subsets). */
  readonly year: CaseStatistics;
  /** The cases of the multi-tenant campaign (§7.1 #24). */
  readonly multiTenant: CaseStatistics;
  /** The cases of the enforcement-inspection campaign. */
  readonly enforcement: CaseStatistics;
}

/**
 * Asks the case ledger for the case figures of §7.3: cases filed in the scenario's year, as of
 * its instant, in total and by campaign. Each is one grouped count in the store.
 */
export async function queryCaseFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<CaseReportFigures> {
  const figures = createCaseFigures({ store, policy });
  const year = yearFilter(scenario);
  const c = scenario.campaigns;
  const [all, multiTenant, enforcement] = await Promise.all([
    figures.caseStatistics(year),
    figures.caseStatistics({ ...year, campaignId: c.multiTenant }),
    figures.caseStatistics({ ...year, campaignId: c.enforcement }),
  ]);
  return { year: all, multiTenant, enforcement };
}
