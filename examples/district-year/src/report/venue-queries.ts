import {
  createVenueFigures,
  type EventStore,
  localDateOf,
  type SupervisionPolicy,
  type VenueCoverageRate,
  type VenueMarkingRates,
  type VenueStatistics,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';

/** The venue figures of the report (§7.1 #13–#18), each a query of the venue read models. */
export interface VenueReportFigures {
  /** P-13 for the scenario's year: registered venues, spot-checked venues, venue hazards. */
  readonly statistics: VenueStatistics;
  /** P-11 for the quarter of the as-of date. */
  readonly patrolRate: VenueCoverageRate;
  /** P-12 for the month of the as-of date. */
  readonly selfCheckRate: VenueCoverageRate;
  /** P-10 at the as-of instant. */
  readonly marking: VenueMarkingRates;
}

/**
 * Asks the venue read models for the venue lines of §7.3, as of the scenario's instant: the
 * patrol rate of its quarter, the self-check rate of its month and the spot checks of its year.
 * Each figure is a grouped count of the venue register in the store.
 */
export async function queryVenueFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<VenueReportFigures> {
  const figures = createVenueFigures({ store, policy });
  const asOf = scenario.asOf;
  const month = Number(localDateOf(asOf, scenario.timezone).slice(5, 7));
  const year = scenario.year;
  const [statistics, patrolRate, selfCheckRate, marking] = await Promise.all([
    figures.statistics({ asOf, period: { year } }),
    figures.patrolRate({ asOf, year, quarter: Math.ceil(month / 3) }),
    figures.selfCheckRate({ asOf, year, month }),
    figures.markingRates({ asOf }),
  ]);
  return { statistics, patrolRate, selfCheckRate, marking };
}
