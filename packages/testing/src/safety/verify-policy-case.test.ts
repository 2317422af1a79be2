import {
  createEnforcementCaseDecider,
  createHazardDecider,
  createSupervisionPolicy,
  type SupervisionPolicyInput,
} from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { sampleCaseCommands } from './sample-case-commands.js';
import { createSampleSafetyDirectory } from './sample-directory.js';
import { PolicyVerificationError, verifyPolicy } from './verify-policy.js';

/** A case decider built with another policy than the one verified: the mistake to catch. */
function caseDeciderWith(input: SupervisionPolicyInput) {
  const kit = sampleCaseCommands();
  return createEnforcementCaseDecider({
    directory: kit.directory,
    policy: createSupervisionPolicy(input),
    hazards: { hazard: async (id) => kit.hazards[id] },
    inspections: { inspection: async (id) => kit.inspections[id] },
  });
}

/** Runs the case lifecycles of `verifyPolicy` and returns its failure. */
function failureOf(
  policy: SupervisionPolicyInput,
  deciderPolicy: SupervisionPolicyInput,
  seed = 7,
) {
  try {
    verifyPolicy(createSupervisionPolicy(policy), {
      aggregates: ['enforcementCase'],
      deciders: { enforcementCase: caseDeciderWith(deciderPolicy) },
      numRuns: 300,
      seed,
    });
  } catch (error) {
    if (error instanceof PolicyVerificationError) return error;
    throw error;
  }
  throw new Error('verifyPolicy passed a decider built with another policy');
}

// Each case runs a few hundred random case lifecycles through the enforcement-case decider.
describe('verifyPolicy(enforcementCase)', { timeout: 180_000 }, () => {
  it('re-checks every case invariant under the default policy, and each is exercised', () => {
    const summary = verifyPolicy(createSupervisionPolicy(), {
      aggregates: ['enforcementCase'],
      numRuns: 150,
      seed: 11,
    });
    const own = summary.aggregates.enforcementCase;
    expect(own?.unexercised).toEqual([]);
    expect(Object.keys(own?.checked ?? {}).every((key) => key.startsWith('EC-'))).toBe(true);
    expect(own?.accepted).toBeGreaterThan(0);
    expect(own?.rejectedBy['EC-5']).toBeGreaterThan(0);
    expect(summary.aggregates.hazard).toBeUndefined();
  });

  it('holds under a province’s stricter procedure, whose values the decider is refused by', () => {
    const policy = createSupervisionPolicy({
      minEnforcementOfficers: 3,
      caseDecisionWithinDays: 30,
      statementWindowDays: 5,
      hearingRequestWindowDays: 7,
      hearingFineThreshold: { unit: 20_000, individual: 5_000 },
      legalReviewFineThreshold: 30_000,
    });
    const summary = verifyPolicy(policy, {
      aggregates: ['enforcementCase'],
      numRuns: 150,
      seed: 5,
    });
    expect(summary.unexercised).toEqual([]);
    // The stricter values are what refused commands, so the probes reached them.
    for (const rule of ['EC-2', 'EC-5', 'EC-6', 'EC-8', 'EC-9'])
      expect(summary.rejectedBy[rule], rule).toBeGreaterThan(0);
  });

  it('EC-2: catches a decider that ignores minEnforcementOfficers: 3', () => {
    const error = failureOf({ minEnforcementOfficers: 3 }, {});
    expect(error.rule).toBe('EC-2');
    expect(error.aggregate).toBe('enforcementCase');
    expect(error.message).toContain('the policy asks for 3');
    expect(error.steps.at(-1)?.outcome).toBe('EvidenceRecorded');
    expect(error.steps.length).toBeLessThanOrEqual(2);
    expect(error.message).toMatch(/^verifyPolicy\(enforcementCase\) failed: EC-2/);
  });

  it('EC-6: catches a decider that ignores hearingFineThreshold', () => {
    const error = failureOf({ hearingFineThreshold: { unit: 20_000, individual: 5_000 } }, {});
    expect(error.rule).toBe('EC-6');
    expect(error.problem).toMatch(/without a hearing right/);
    expect(error.steps.at(-1)?.outcome).toBe('PreDecisionNoticeServed');
  });

  it('EC-5: catches a decider that ignores statementWindowDays: 10', () => {
    const error = failureOf({ statementWindowDays: 10 }, {});
    expect(error.rule).toBe('EC-5');
    expect(error.problem).toMatch(/inside the 10-day statementWindowDays window/);
    expect(error.steps.at(-1)?.outcome).toBe('PenaltyDecisionIssued');
  });

  it('EC-5: catches a decider that ignores hearingRequestWindowDays: 20', () => {
    const error = failureOf({ hearingRequestWindowDays: 20 }, {});
    expect(error.rule).toBe('EC-5');
    expect(error.problem).toMatch(/20-day hearingRequestWindowDays window/);
  });

  it('EC-8: catches a decider that ignores legalReviewFineThreshold: 30 000', () => {
    const error = failureOf({ legalReviewFineThreshold: 30_000 }, {});
    expect(error.rule).toBe('EC-8');
    expect(error.problem).toMatch(/at or above legalReviewFineThreshold 30000/);
  });

  it('EC-9: catches a decider that ignores caseDecisionWithinDays: 30', () => {
    const error = failureOf({ caseDecisionWithinDays: 30 }, {});
    expect(error.rule).toBe('EC-9');
    expect(error.problem).toMatch(/caseDecisionWithinDays 30/);
    expect(error.steps.at(-1)?.outcome).toBe('CaseDeadlineExtended');
    // Filing and the extension are all the failure needs.
    expect(error.steps.length).toBe(2);
  });

  it('EC-18: catches a decider that lets service visits trigger cases against the policy', () => {
    const error = failureOf({}, { serviceVisitsMayTriggerCases: true });
    expect(error.rule).toBe('EC-18');
    expect(error.steps).toHaveLength(1);
    expect(error.message).toContain('Replay with { seed: 7 }');
  });

  it('refuses an unknown aggregate, and two different hazard deciders', () => {
    const policy = createSupervisionPolicy();
    expect(() => verifyPolicy(policy, { aggregates: ['nothing' as 'hazard'] })).toThrow(
      /unknown aggregate\(s\) "nothing"/,
    );
    const directory = createSampleSafetyDirectory();
    expect(() =>
      verifyPolicy(policy, {
        decider: createHazardDecider({ directory, policy }),
        deciders: { hazard: createHazardDecider({ directory, policy }) },
      }),
    ).toThrow(/not two different ones/);
  });
});
