import {
  createInspectionFigures,
  type EventStore,
  type InspectionCoverageFigures,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import { yearFilter } from './hazard-queries.js';

/** The inspection figures of the report, each a query of the inspection read model (P-9). */
export interface InspectionReportFigures {
  /** P-9 of campaign ROOT: units inspected (家) in the umbrella campaign. */
  readonly root: InspectionCoverageFigures;
  /** P-9 of the multi-tenant campaign: visits (家次) and units. */
  readonly multiTenant: InspectionCoverageFigures;
  /** P-9 of the service-visit campaign: units visited and the teams that visited them. */
  readonly service: InspectionCoverageFigures;
  /** P-9 of kind `enforcement`: enterprises inspected by enforcement inspections. */
  readonly enforcement: InspectionCoverageFigures;
}

/**
 * Asks the inspection read model for the coverage figures of §7.3: the campaigns in one grouped
 * query (a campaign per conditional measure), the enforcement kind in another; visits are counts
 * and units distinct counts in the store.
 */
export async function queryInspectionFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<InspectionReportFigures> {
  const figures = createInspectionFigures({ store, policy });
  const year = yearFilter(scenario);
  const c = scenario.campaigns;
  const [byCampaign, enforcement] = await Promise.all([
    figures.coverageByCampaign([c.root, c.multiTenant, c.service], year),
    figures.coverage({ ...year, kind: 'enforcement' }),
  ]);
  const of = (campaignId: string) => byCampaign[campaignId] as InspectionCoverageFigures;
  return {
    root: of(c.root),
    multiTenant: of(c.multiTenant),
    service: of(c.service),
    enforcement,
  };
}
