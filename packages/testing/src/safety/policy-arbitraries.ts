import {
  createSupervisionPolicy,
  type SupervisionPolicy,
  type SupervisionPolicyInput,
} from '@safeledger/core';
import fc from 'fast-check';

const timezones = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'UTC',
  'Europe/Berlin',
  'America/New_York',
];
const modes = ['half_up', 'half_even', 'truncate'] as const;

/**
 * Valid partial policy inputs: each key present or absent, with values the policy accepts
 * (timezones with and without daylight saving among them).
 */
export function supervisionPolicyInputArbitrary(): fc.Arbitrary<SupervisionPolicyInput> {
  return fc.record(
    {
      timezone: fc.constantFrom(...timezones),
      rate: fc.record(
        {
          decimals: fc.integer({ min: 0, max: 4 }),
          mode: fc.constantFrom(...modes),
          overrides: fc.dictionary(
            fc.constantFrom('P-2', 'P-3', 'P-4', 'P-10'),
            fc.record(
              { decimals: fc.integer({ min: 0, max: 4 }), mode: fc.constantFrom(...modes) },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
      rectifiedMeans: fc.constantFrom('closed', 'verified', 'completed'),
      deadlineMetBy: fc.constantFrom('completion', 'closure'),
      majorHazardReportWithinHours: fc.integer({ min: 1, max: 72 }),
      requireWorkforceDisclosureForMajor: fc.boolean(),
      regulatorVerificationWithinDays: fc.integer({ min: 1, max: 30 }),
      minVerifiersMajor: fc.integer({ min: 1, max: 3 }),
      verifierMustDifferFromRectifier: fc.boolean(),
      allowLateDeadlineExtension: fc.boolean(),
      maxBackdatingHours: fc.integer({ min: 1, max: 24 * 30 }),
      minEnforcementOfficers: fc.integer({ min: 2, max: 3 }),
      caseDecisionWithinDays: fc.integer({ min: 30, max: 180 }),
      statementWindowDays: fc.integer({ min: 1, max: 10 }),
      hearingRequestWindowDays: fc.integer({ min: 1, max: 10 }),
      legalReviewFineThreshold: fc.integer({ min: 0, max: 200_000 }),
      landlordCheckIntervalDays: fc.integer({ min: 7, max: 365 }),
      agreementGraceDays: fc.integer({ min: 0, max: 60 }),
      venuePatrolFrequency: fc.constantFrom('month', 'quarter', 'half_year', 'year'),
      serviceVisitsMayTriggerCases: fc.boolean(),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<SupervisionPolicyInput>;
}

/** Valid supervision policies: `createSupervisionPolicy` over `supervisionPolicyInputArbitrary`. */
export function supervisionPolicyArbitrary(): fc.Arbitrary<SupervisionPolicy> {
  return supervisionPolicyInputArbitrary().map((input) => createSupervisionPolicy(input));
}

/** A policy input with some bad keys, and the (dotted) keys that are bad. */
export interface InvalidPolicyInput {
  readonly input: Record<string, unknown>;
  readonly badKeys: readonly string[];
}

// Each entry: a key and values it must reject.
const badValues: ReadonlyArray<readonly [string, readonly unknown[]]> = [
  ['timezone', ['Mars/Olympus_Mons', '', 42]],
  ['rate.decimals', [-1, 1.5, 'two']],
  ['rate.mode', ['round', null]],
  ['rectifiedMeans', ['fixed', true]],
  ['deadlineMetBy', ['verification']],
  ['majorHazardReportWithinHours', [0, -24, '24']],
  ['requireWorkforceDisclosureForMajor', ['yes', 1]],
  ['regulatorVerificationWithinDays', [0, 2.5]],
  ['minVerifiersMajor', [0, -1, 1.5]],
  ['verifierMustDifferFromRectifier', ['true']],
  ['allowLateDeadlineExtension', [0]],
  ['hearingFineThreshold.unit', [-1, 'many']],
  ['closureTrigger', [[], [{ count: 0, days: 180 }]]],
  ['dualPenaltyIndividualRoles', [[], ['everyone']]],
  ['agreementGraceDays', [-1]],
  ['venueSelfCheckFrequency', ['weekly']],
  ['unknownKey', [true]],
];

/** Policy inputs with one to four bad keys (wrong types, out-of-range values, unknown keys). */
export function invalidPolicyInputArbitrary(): fc.Arbitrary<InvalidPolicyInput> {
  return fc
    .uniqueArray(fc.constantFrom(...badValues), {
      minLength: 1,
      maxLength: 4,
      selector: ([key]) => key,
    })
    .chain((entries) =>
      fc.tuple(
        ...entries.map(([key, values]) =>
          fc.constantFrom(...values).map((value) => [key, value] as const),
        ),
      ),
    )
    .map((pairs) => {
      const input: Record<string, unknown> = {};
      for (const [key, value] of pairs) {
        const [head, tail] = key.split('.') as [string, string | undefined];
        if (tail === undefined) input[head] = value;
        else input[head] = { ...(input[head] as object | undefined), [tail]: value };
      }
      return { input, badKeys: pairs.map(([key]) => key) };
    });
}
