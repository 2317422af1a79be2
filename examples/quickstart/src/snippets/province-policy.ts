import { createSupervisionPolicy } from '@safeledger/core';
import { verifyPolicy } from '@safeledger/testing';

// A province's policy: three verifiers for a major, 24 hours of back-dating at most, and late
// extension requests allowed.
export const provincePolicy = createSupervisionPolicy({
  minVerifiersMajor: 3,
  maxBackdatingHours: 24,
  allowLateDeadlineExtension: true,
  timezone: 'Asia/Shanghai',
});

export function verifyProvincePolicy() {
  // Random lifecycles of every aggregate whose decider reads the policy (hazard, case, duty
  // roster, enterprise, inspection); throws with a short failing lifecycle.
  const summary = verifyPolicy(provincePolicy, { numRuns: 150, seed: 42 });
  // A verification that never reached an invariant proves nothing about it.
  if (summary.unexercised.length > 0)
    throw new Error(`not exercised: ${summary.unexercised.join('; ')}`);
  return summary;
}
