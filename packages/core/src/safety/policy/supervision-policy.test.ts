import { test } from '@fast-check/vitest';
import { invalidPolicyInputArbitrary, supervisionPolicyInputArbitrary } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../eventsourcing/errors.js';
import { createSupervisionPolicy, rateFormatFor } from './supervision-policy.js';

function rejection(input: unknown): ValidationError {
  try {
    createSupervisionPolicy(input as never);
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('SupervisionPolicy', () => {
  it('has the defaults of the §3 table', () => {
    expect(createSupervisionPolicy()).toEqual({
      timezone: 'Asia/Shanghai',
      rate: { decimals: 2, mode: 'half_up', overrides: {} },
      rectifiedMeans: 'closed',
      deadlineMetBy: 'completion',
      majorHazardReportWithinHours: 24,
      requireWorkforceDisclosureForMajor: true,
      regulatorVerificationWithinDays: 10,
      minVerifiersMajor: 2,
      verifierMustDifferFromRectifier: true,
      allowLateDeadlineExtension: false,
      maxBackdatingHours: 72,
      minEnforcementOfficers: 2,
      caseDecisionWithinDays: 90,
      statementWindowDays: 3,
      hearingRequestWindowDays: 5,
      hearingFineThreshold: { unit: 50_000, individual: 10_000 },
      legalReviewFineThreshold: 50_000,
      decisionServiceWithinDays: 7,
      dualPenaltyIndividualRoles: [
        'principal',
        'directly_responsible_manager',
        'other_directly_responsible',
      ],
      closureTrigger: [
        { count: 3, days: 180 },
        { count: 4, days: 365 },
      ],
      landlordCheckIntervalDays: 90,
      agreementGraceDays: 0,
      standardizationValidityYears: 3,
      venuePatrolFrequency: 'quarter',
      venueSelfCheckFrequency: 'month',
      serviceVisitsMayTriggerCases: false,
      autoRegisterCoordinationHazard: false,
      reinforcedDutyDates: [],
    });
  });

  it('merges nested keys given in part and freezes the result', () => {
    const policy = createSupervisionPolicy({
      rate: { mode: 'truncate' },
      hearingFineThreshold: { unit: 100_000 },
    });
    expect(policy.rate).toEqual({ decimals: 2, mode: 'truncate', overrides: {} });
    expect(policy.hearingFineThreshold).toEqual({ unit: 100_000, individual: 10_000 });
    expect(Object.isFrozen(policy.closureTrigger[0])).toBe(true);
    expect(createSupervisionPolicy().closureTrigger).not.toBe(
      createSupervisionPolicy().closureTrigger,
    );
  });

  it('rejects an invalid policy with one message per bad key, naming the value', () => {
    const error = rejection({
      timezone: 'Mars/Olympus_Mons',
      minVerifiersMajor: 0,
      rate: { mode: 'round', decimals: -1 },
      bogus: true,
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'timezone',
      'rate.decimals',
      'rate.mode',
      'minVerifiersMajor',
      'bogus',
    ]);
    expect(error.message).toContain(
      'timezone: expected an IANA time zone such as "Asia/Shanghai" (got "Mars/Olympus_Mons")',
    );
    expect(error.message).toContain('minVerifiersMajor:');
    expect(error.message).toContain('(got 0)');
    expect(error.message).toContain('bogus: unknown key');
    expect(error.message.split('; ')).toHaveLength(5);
  });

  // Counterexamples the property below once found: bad list elements belong to the list's key.
  it('reports a bad element of a list under the list key', () => {
    const trigger = rejection({
      closureTrigger: [{ count: 0, days: 180 }],
      timezone: 'Mars/Olympus_Mons',
    });
    expect(trigger.issues.map((issue) => issue.path)).toEqual(['timezone', 'closureTrigger']);
    expect(trigger.message).toContain(
      'closureTrigger: Too small: expected number to be >=1 at closureTrigger.0.count',
    );
    const roles = rejection({
      dualPenaltyIndividualRoles: ['everyone'],
      allowLateDeadlineExtension: 0,
    });
    expect(roles.issues.map((issue) => issue.path)).toEqual([
      'allowLateDeadlineExtension',
      'dualPenaltyIndividualRoles',
    ]);
  });

  test.prop([invalidPolicyInputArbitrary()])(
    'reports exactly the bad keys',
    ({ input, badKeys }) => {
      const paths = rejection(input).issues.map((issue) => issue.path);
      expect([...paths].sort()).toEqual([...badKeys].sort());
    },
  );

  test.prop([supervisionPolicyInputArbitrary()])('accepts every valid variation', (input) => {
    const policy = createSupervisionPolicy(input);
    expect(Object.isFrozen(policy)).toBe(true);
    for (const [key, value] of Object.entries(input)) {
      if (typeof value !== 'object') expect(policy[key as keyof typeof policy]).toEqual(value);
    }
  });

  it('formats each metric with its override, else the policy default (§6)', () => {
    const policy = createSupervisionPolicy({
      rate: { overrides: { 'P-2': { mode: 'truncate' }, 'P-3': { decimals: 1 } } },
    });
    expect(rateFormatFor(policy, 'P-2')).toEqual({ decimals: 2, mode: 'truncate' });
    expect(rateFormatFor(policy, 'P-3')).toEqual({ decimals: 1, mode: 'half_up' });
    expect(rateFormatFor(policy, 'P-4')).toEqual({ decimals: 2, mode: 'half_up' });
  });
});
