import { createEnterpriseFigures, type EventStore, type SupervisionPolicy } from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';

/** The enterprise figures of the report (§7.1 #32, #34, #44), each a P-19 query. */
export interface EnterpriseReportFigures {
  /** Enterprises with a risk report filed for the year by the as-of instant. */
  readonly riskReports: number;
  /** Standardization grades 2 and 3 awarded in the year. */
  readonly grade2: number;
  readonly grade3: number;
  /** Enterprises with an emergency team by the as-of instant. */
  readonly emergencyTeams: number;
}

/** Queries P-19 for the scenario's year, as of the scenario's instant. */
export async function queryEnterpriseFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<EnterpriseReportFigures> {
  const figures = createEnterpriseFigures({ store, policy });
  const { asOf, year } = scenario;
  // Award dates are local calendar dates: the year is [1 January, 1 January next year).
  const period = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const [riskReports, grade2, grade3, emergencyTeams] = await Promise.all([
    figures.riskReported({ year, asOf }),
    figures.standardizationAwarded({ grade: 2, period, asOf }),
    figures.standardizationAwarded({ grade: 3, period, asOf }),
    figures.emergencyTeams({ asOf }),
  ]);
  return { riskReports, grade2, grade3, emergencyTeams };
}
