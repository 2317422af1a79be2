import {
  type CohortRate,
  createHazardFigures,
  type EventStore,
  type HazardFigureFilter,
  type SupervisionPolicy,
  startOfLocalDay,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';

/** The hazard figures of the report, each a query of the hazard read models (P-2, P-3). */
export interface HazardReportFigures {
  /** P-2, campaign ROOT. */
  readonly root: CohortRate;
  /** P-3, campaign MAJOR24: majors known to the regulator. */
  readonly majors: CohortRate;
  /** P-2 of the handed-over hazards (campaign HANDOVER); rectified means closed here. */
  readonly handover: CohortRate;
  /** P-2 of hazards found at venues (subject kind `venue`, §7.1 #15). */
  readonly venues: CohortRate;
  /** P-2 and P-3 of the multi-tenant campaign. */
  readonly multiTenant: CohortRate;
  readonly multiTenantMajors: CohortRate;
  /** P-2 of the service-visit campaign. */
  readonly service: CohortRate;
  /** P-2 of the enforcement campaign. */
  readonly enforcement: CohortRate;
  /** P-2 of campaign ROOT month by month: the hazards found in each local month. */
  readonly rootByMonth: readonly ({ readonly month: number } & CohortRate)[];
}

/**
 * The filter of every yearly figure: hazards registered in the scenario's year (local time of
 * the policy) and counted as of the scenario's instant.
 */
export function yearFilter(scenario: Scenario): HazardFigureFilter {
  const tz = scenario.timezone;
  return {
    asOf: scenario.asOf,
    period: {
      from: startOfLocalDay(`${scenario.year}-01-01`, tz).toISOString(),
      to: startOfLocalDay(`${scenario.year + 1}-01-01`, tz).toISOString(),
    },
  };
}

/**
 * Asks the hazard read models for every hazard figure of §7.3. Each is one grouped count in the
 * store (the ledger's indexed fields), never a fold over loaded documents in this process.
 */
export async function queryHazardFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<HazardReportFigures> {
  const figures = createHazardFigures({ store, policy });
  const year = yearFilter(scenario);
  const c = scenario.campaigns;
  const inCampaign = (campaignId: string) => figures.rectificationRate({ ...year, campaignId });
  const [root, majors, handover, venues, multiTenant, multiTenantMajors, service, enforcement] =
    await Promise.all([
      inCampaign(c.root),
      figures.majorHazardRate({ ...year, campaignId: c.majors }),
      inCampaign(c.handover),
      figures.rectificationRate({ ...year, subjectKind: 'venue' }),
      inCampaign(c.multiTenant),
      figures.majorHazardRate({ ...year, campaignId: c.multiTenant }),
      inCampaign(c.service),
      inCampaign(c.enforcement),
    ]);
  const rootByMonth = await Promise.all(
    Array.from({ length: 12 }, async (_, index) => {
      const month = index + 1;
      const from = `${scenario.year}-${String(month).padStart(2, '0')}-01`;
      const to =
        month === 12
          ? `${scenario.year + 1}-01-01`
          : `${scenario.year}-${String(month + 1).padStart(2, '0')}-01`;
      const cohort = await figures.rectificationRate({
        asOf: scenario.asOf,
        campaignId: c.root,
        period: {
          from: startOfLocalDay(from, scenario.timezone).toISOString(),
          to: startOfLocalDay(to, scenario.timezone).toISOString(),
        },
      });
      return { month, ...cohort };
    }),
  );
  return {
    root,
    majors,
    handover,
    venues,
    multiTenant,
    multiTenantMajors,
    service,
    enforcement,
    rootByMonth,
  };
}
