import {
  createActivityLedgerProjection,
  createCaseLedgerProjection,
  createDutyCoverageProjection,
  createEnterpriseComplianceProjection,
  createEnterpriseFilingsProjection,
  createHandoverLedgerProjection,
  createHazardLedgerProjection,
  createInspectionLedgerProjection,
  createPlanLedgerProjection,
  createProjectionRunner,
  createSiteLedgerProjection,
  createVenueRegisterProjection,
  type EventStore,
  type SupervisionPolicy,
} from '@safeledger/core';

/**
 * The read models the report queries. Each is a projection of the library; a line of the
 * report reads only these, never the events or the scenario file.
 */
export function scenarioReadModels(policy: SupervisionPolicy) {
  return [
    // P-1, whose documents every hazard figure P-2…P-7 is a query over.
    createHazardLedgerProjection({ timezone: policy.timezone }),
    // The inspection ledger: P-9 visits and units inspected (I-6).
    createInspectionLedgerProjection(),
    // P-15 and P-16: the enforcement-case ledger the case statistics are queries over.
    createCaseLedgerProjection(policy),
    // P-18 and P-19: the multi-tenant sites and the enterprise registry's compliance facts.
    createSiteLedgerProjection(policy),
    createEnterpriseFilingsProjection(policy),
    createEnterpriseComplianceProjection(),
    // P-14, the handover status of the handed-over items.
    createHandoverLedgerProjection(),
    // P-10…P-13: one row per venue with its markings and its months of patrols and self-checks.
    createVenueRegisterProjection({ timezone: policy.timezone }),
    // P-20 activity totals: the activity ledger and the emergency-plan ledger.
    createActivityLedgerProjection(),
    createPlanLedgerProjection(),
    // P-21 duty coverage.
    createDutyCoverageProjection({ timezone: policy.timezone }),
  ];
}

/**
 * Brings the read models up to the end of the log. The report must not be built from a
 * lagging projection, so the run waits for the catch-up and stops the runner.
 */
export async function catchUpReadModels(
  store: EventStore,
  policy: SupervisionPolicy,
): Promise<void> {
  const runner = createProjectionRunner({
    store,
    projections: scenarioReadModels(policy),
    batchSize: 2000,
  });
  try {
    await runner.catchUp({ timeoutMs: 600_000 });
  } finally {
    await runner.stop();
  }
}
