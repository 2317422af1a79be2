import {
  createDutyFigures,
  type DutyCoverage,
  type EventStore,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';
import { yearPeriod } from './activity-queries.js';

/**
 * Queries P-21 over the scenario's year as of its instant: days with a gap (DR-1; a day no roster
 * covers counts too), days with an overlap, days with a shift without a leader (DR-2).
 */
export async function queryDutyFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<DutyCoverage> {
  return createDutyFigures({ store, policy }).dutyCoverage({
    asOf: scenario.asOf,
    period: yearPeriod(scenario),
  });
}
