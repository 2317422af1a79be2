import {
  createDutyRosterDecider,
  createSupervisionPolicy,
  type SupervisionPolicyInput,
} from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { createSampleSafetyDirectory } from './sample-directory.js';
import { PolicyVerificationError, verifyPolicy } from './verify-policy.js';

const DR3 = 'DR-3: every shift touching a date of reinforcedDutyDates is reinforced';

/** Runs the duty lifecycles with a roster decider built with another policy; returns the failure. */
function failureOf(policy: SupervisionPolicyInput, deciderPolicy: SupervisionPolicyInput) {
  const decider = createDutyRosterDecider({
    directory: createSampleSafetyDirectory(),
    policy: createSupervisionPolicy(deciderPolicy),
  });
  try {
    verifyPolicy(createSupervisionPolicy(policy), {
      aggregates: ['dutyRoster'],
      deciders: { dutyRoster: decider },
      numRuns: 100,
      seed: 3,
    });
  } catch (error) {
    if (error instanceof PolicyVerificationError) return error;
    throw error;
  }
  throw new Error('verifyPolicy passed a decider built with another policy');
}

// Each roster is a whole month of shifts: these runs are few but not quick.
describe('verifyPolicy(dutyRoster)', { timeout: 300_000 }, () => {
  it('holds under the default policy, where DR-3 has nothing to check and says so', () => {
    const summary = verifyPolicy(createSupervisionPolicy(), {
      aggregates: ['dutyRoster'],
      numRuns: 60,
      seed: 11,
    });
    const own = summary.aggregates.dutyRoster;
    expect(own?.runs).toBe(12);
    expect(own?.unexercised).toEqual([]);
    expect(own?.notApplicable).toEqual([DR3]);
    expect(summary.notApplicable).toEqual([DR3]);
  });

  it('holds under a policy with holidays to reinforce, and DR-3 is exercised and refuses', () => {
    const policy = createSupervisionPolicy({ reinforcedDutyDates: ['2024-10-01', '2024-10-02'] });
    const summary = verifyPolicy(policy, { aggregates: ['dutyRoster'], numRuns: 60, seed: 5 });
    expect(summary.unexercised).toEqual([]);
    expect(summary.notApplicable).toEqual([]);
    expect(summary.checked[DR3]).toBeGreaterThan(0);
    expect(summary.rejectedBy['DR-3']).toBeGreaterThan(0);
  });

  it('DR-3: catches a decider that ignores reinforcedDutyDates', () => {
    const error = failureOf({ reinforcedDutyDates: ['2024-10-01'] }, {});
    expect(error.rule).toBe('DR-3');
    expect(error.aggregate).toBe('dutyRoster');
    expect(error.problem).toMatch(
      /touches the reinforced duty date 2024-10-01 but is not reinforced/,
    );
    expect(error.steps).toHaveLength(1);
  });

  it('DR-1: catches a decider that cuts days in another time zone than the policy', () => {
    const error = failureOf({}, { timezone: 'UTC' });
    expect(error.rule).toBe('DR-1');
    expect(error.problem).toMatch(/in Asia\/Shanghai/);
    expect(error.steps).toHaveLength(1);
  });
});
