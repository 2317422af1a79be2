import { createHazardDecider } from '@safeledger/core';
import { deciderSpec, sampleHazardCommands, sampleNow } from '@safeledger/testing';

const kit = sampleHazardCommands();
const spec = deciderSpec(createHazardDecider({ directory: kit.directory }), {
  now: sampleNow,
  streamId: 'hazard-h-1',
});

export function specifyMajorHazardPlan() {
  const registered = spec.givenCommands([kit.registerMajor(), kit.report()]);
  // H-13: a major hazard's plan needs all five elements; the error lists what is missing.
  const error = registered
    .when(kit.plan({ contingencyPlanRef: '' }))
    .thenViolates('H-13', 'IncompletePlan');
  registered.when(kit.plan()).thenState((state) => {
    if (state.status !== 'open' || state.plan === null) throw new Error('plan not recorded');
  });
  return error.details;
}
