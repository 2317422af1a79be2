import {
  createEnterpriseDecider,
  createInspectionDecider,
  createSupervisionPolicy,
  type SupervisionPolicyInput,
} from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { createSampleRegistryDirectory } from './enterprise-arbitraries.js';
import { plusCalendarYears } from './enterprise-policy-invariants.js';
import { createSampleSafetyDirectory } from './sample-directory.js';
import { staticSubjectStatus } from './sample-inspection-commands.js';
import {
  PolicyVerificationError,
  type VerifyPolicyOptions,
  verifyPolicy,
} from './verify-policy.js';

const E3 =
  'E-3: a standardization grade is valid until its award date plus standardizationValidityYears';
const I1 =
  'I-1: an enforcement inspection is scheduled with at least minEnforcementOfficers distinct credentialed inspectors';

/** Runs verifyPolicy with a decider built with another policy; returns the failure. */
function failureOf(policy: SupervisionPolicyInput, options: VerifyPolicyOptions) {
  try {
    verifyPolicy(createSupervisionPolicy(policy), { numRuns: 100, seed: 3, ...options });
  } catch (error) {
    if (error instanceof PolicyVerificationError) return error;
    throw error;
  }
  throw new Error('verifyPolicy passed a decider built with another policy');
}

describe('verifyPolicy(enterprise, inspection)', { timeout: 120_000 }, () => {
  it('holds under the default policy with nothing unexercised', () => {
    const summary = verifyPolicy(createSupervisionPolicy(), {
      aggregates: ['enterprise', 'inspection'],
      numRuns: 100,
      seed: 11,
    });
    expect(Object.keys(summary.aggregates)).toEqual(['enterprise', 'inspection']);
    expect(summary.unexercised).toEqual([]);
    expect(summary.notApplicable).toEqual([]);
    expect(summary.checked[E3]).toBeGreaterThan(0);
    expect(summary.checked[I1]).toBeGreaterThan(0);
    // The probes reach both sides of the thresholds: refusals under E-3 and I-1 occur too.
    expect(summary.rejectedBy['E-3']).toBeGreaterThan(0);
    expect(summary.rejectedBy['I-1']).toBeGreaterThan(0);
  });

  it('holds under a province’s policy: two-year grades, three enforcement officers', () => {
    const policy = createSupervisionPolicy({
      standardizationValidityYears: 2,
      minEnforcementOfficers: 3,
    });
    const summary = verifyPolicy(policy, {
      aggregates: ['enterprise', 'inspection'],
      numRuns: 100,
      seed: 5,
    });
    expect(summary.unexercised).toEqual([]);
    expect(summary.aggregates.inspection?.rejectedBy['I-1']).toBeGreaterThan(0);
  });

  it('E-3: catches an enterprise decider built with the default validity years', () => {
    const decider = createEnterpriseDecider({
      directory: createSampleRegistryDirectory(),
      policy: createSupervisionPolicy(),
    });
    const error = failureOf(
      { standardizationValidityYears: 2 },
      { aggregates: ['enterprise'], deciders: { enterprise: decider } },
    );
    expect(error.rule).toBe('E-3');
    expect(error.aggregate).toBe('enterprise');
    expect(error.problem).toMatch(/the policy grants 2 year\(s\)/);
    // Register, award: nothing else is needed.
    expect(error.steps.map((step) => step.outcome)).toEqual([
      'EnterpriseRegistered',
      'StandardizationGradeAwarded',
    ]);
  });

  it('I-1: catches an inspection decider built with the default two officers', () => {
    const directory = createSampleSafetyDirectory();
    const decider = createInspectionDecider({
      directory,
      subjects: staticSubjectStatus(),
      policy: createSupervisionPolicy(),
    });
    const error = failureOf(
      { minEnforcementOfficers: 3 },
      { aggregates: ['inspection'], deciders: { inspection: decider } },
    );
    expect(error.rule).toBe('I-1');
    expect(error.aggregate).toBe('inspection');
    expect(error.problem).toMatch(/has 2 credentialed inspector\(s\).*the policy asks for 3/);
    expect(error.steps).toHaveLength(1);
    expect(error.message).toContain('verifyPolicy(inspection) failed: I-1');
  });

  it('E-3: moves award dates by calendar years, 29 February to 28 February', () => {
    expect(plusCalendarYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(plusCalendarYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(plusCalendarYears('2024-12-31', 2)).toBe('2026-12-31');
    expect(plusCalendarYears('2023-03-01', 1)).toBe('2024-03-01');
  });
});
