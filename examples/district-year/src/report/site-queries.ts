import {
  createSiteFigures,
  type EventStore,
  type SiteCompliance,
  type SupervisionPolicy,
} from '@safeledger/core';
import type { Scenario } from '../scenario/schema.js';

/**
 * The multi-tenant site figures of the report (§7.1 #19, #20, #26): P-18 at the scenario's
 * instant, a query of the site ledger.
 */
export async function querySiteFigures(
  scenario: Scenario,
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<SiteCompliance> {
  return createSiteFigures({ store, policy }).siteCompliance({ asOf: scenario.asOf });
}
