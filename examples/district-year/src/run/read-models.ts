import {
  createActivityLedgerProjection,
  createDutyCoverageProjection,
  createHazardLedgerProjection,
  createPlanLedgerProjection,
  createProjectionRunner,
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
