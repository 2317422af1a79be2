import { createHazardDecider, createSupervisionPolicy } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { createSampleSafetyDirectory } from './sample-directory.js';
import { PolicyVerificationError, verifyPolicy } from './verify-policy.js';

// Each case runs a few hundred random lifecycles through the hazard decider.
describe('verifyPolicy', { timeout: 180_000 }, () => {
  it('re-checks every hazard invariant under the default policy, and each is exercised', () => {
    const summary = verifyPolicy(createSupervisionPolicy(), { numRuns: 150, seed: 11 });
    expect(summary.unexercised).toEqual([]);
    expect(summary.accepted).toBeGreaterThan(0);
    expect(summary.rejected).toBeGreaterThan(0);
  });

  it('holds under a province’s stricter policy: three verifiers, short back-dating, late extensions allowed', () => {
    const policy = createSupervisionPolicy({
      minVerifiersMajor: 3,
      maxBackdatingHours: 12,
      allowLateDeadlineExtension: true,
      timezone: 'Asia/Shanghai',
    });
    const summary = verifyPolicy(policy, { numRuns: 150, seed: 5 });
    expect(
      summary.checked[
        'H-18: a major passes a regulator verification only with minVerifiersMajor distinct officers'
      ],
    ).toBeGreaterThan(0);
    expect(summary.rejectedBy['H-18']).toBeGreaterThan(0);
  });

  it('fails, with the rule and a short lifecycle, when the decider does not honour the policy', () => {
    // The application configured its decider with the default policy (two verifiers) while the
    // province's policy asks for three: verifyPolicy must notice.
    const directory = createSampleSafetyDirectory();
    const policy = createSupervisionPolicy({ minVerifiersMajor: 3 });
    const decider = createHazardDecider({ directory, policy: createSupervisionPolicy() });
    let failure: unknown;
    try {
      verifyPolicy(policy, { decider, directory, numRuns: 300, seed: 3 });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(PolicyVerificationError);
    const error = failure as PolicyVerificationError;
    expect(error.rule).toBe('H-18');
    expect(error.message).toContain('the policy asks for 3');
    expect(error.steps.at(-1)?.outcome).toContain('RectificationVerified');
    // Replayed without each command the failure does not need: register, regrade, verify.
    expect(error.steps.length).toBeLessThanOrEqual(4);
    expect(error.message).toContain('Replay with { seed: 3 }');
  });

  it('fails when a segregation-of-duties switch is ignored', () => {
    const directory = createSampleSafetyDirectory();
    const policy = createSupervisionPolicy({ verifierMustDifferFromRectifier: true });
    const decider = createHazardDecider({
      directory,
      policy: createSupervisionPolicy({ verifierMustDifferFromRectifier: false }),
    });
    expect(() => verifyPolicy(policy, { decider, directory, numRuns: 300, seed: 9 })).toThrow(
      /H-19/,
    );
  });
});
