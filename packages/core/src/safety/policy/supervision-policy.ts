import { z } from 'zod';
import { LocalDateSchema } from '../calendar/local-date.js';
import { isValidTimeZone } from '../calendar/time-zone.js';
import { parseOrThrow } from '../general/bad-input.js';
import type { ReadonlyInput } from '../general/readonly-input.js';

const wholeDays = z.number().int().min(1);
const amountCny = z.number().min(0);

/** How a rate is rounded for display (§6). */
export const RateModeSchema = z.enum(['half_up', 'half_even', 'truncate']);
/** A `RateMode`, as `RateModeSchema` parses it. */
export type RateMode = z.infer<typeof RateModeSchema>;

/**
 * The rate metrics of domain spec §5 whose display format `rate.overrides` may set, by
 * projection id: rectification rate, major-hazard rate, on-time rate, source mix, venue marking,
 * patrol and self-check rates, handover closure rate, responsibility coverage and multi-tenant
 * site compliance. A closed list, so a misspelt key (`P2`) is an error instead of being ignored.
 */
export const RateMetricIdSchema = z.enum([
  'P-2',
  'P-3',
  'P-4',
  'P-8',
  'P-10',
  'P-11',
  'P-12',
  'P-14',
  'P-17',
  'P-18',
]);
/** A `RateMetricId`, as `RateMetricIdSchema` parses it. */
export type RateMetricId = z.infer<typeof RateMetricIdSchema>;

/** Display format of one rate: decimals of the percentage and the rounding mode (§6). */
export const RateFormatSchema = z
  .object({
    decimals: z.number().int().min(0).max(10).default(2),
    mode: RateModeSchema.default('half_up'),
  })
  .strict();
/** A `RateFormat`, as `RateFormatSchema` parses it. */
export type RateFormat = z.infer<typeof RateFormatSchema>;

/** Roles of an individual respondent that make a case a dual penalty (EC-11). */
export const DualPenaltyRoleSchema = z.enum([
  'principal',
  'directly_responsible_manager',
  'other_directly_responsible',
]);
/** A `DualPenaltyRole`, as `DualPenaltyRoleSchema` parses it. */
export type DualPenaltyRole = z.infer<typeof DualPenaltyRoleSchema>;

/** How often a venue must be patrolled or self-checked (P-11, P-12). */
export const CheckFrequencySchema = z.enum(['month', 'quarter', 'half_year', 'year']);
/** A `CheckFrequency`, as `CheckFrequencySchema` parses it. */
export type CheckFrequency = z.infer<typeof CheckFrequencySchema>;

/**
 * Every configurable value of domain spec §3 with its default; one object is injected into
 * deciders and projections. Nested objects may be given in part (`{ rate: { mode: 'truncate' } }`).
 * `rate.overrides` holds per-metric display formats keyed by metric id, because the source
 * report rounds two of its rates differently (§6).
 */
export const SupervisionPolicySchema = z
  .object({
    timezone: z
      .string()
      .refine(isValidTimeZone, { message: 'expected an IANA time zone such as "Asia/Shanghai"' })
      .default('Asia/Shanghai'),
    rate: z
      .object({
        decimals: z.number().int().min(0).max(10).default(2),
        mode: RateModeSchema.default('half_up'),
        overrides: z
          .partialRecord(
            RateMetricIdSchema,
            z
              .object({
                decimals: z.number().int().min(0).max(10).optional(),
                mode: RateModeSchema.optional(),
              })
              .strict(),
          )
          .default(() => ({})),
      })
      .strict()
      .prefault({}),
    rectifiedMeans: z.enum(['closed', 'verified', 'completed']).default('closed'),
    deadlineMetBy: z.enum(['completion', 'closure']).default('completion'),
    majorHazardReportWithinHours: z.number().positive().default(24),
    requireWorkforceDisclosureForMajor: z.boolean().default(true),
    regulatorVerificationWithinDays: wholeDays.default(10),
    minVerifiersMajor: wholeDays.default(2),
    verifierMustDifferFromRectifier: z.boolean().default(true),
    allowLateDeadlineExtension: z.boolean().default(false),
    maxBackdatingHours: z.number().positive().default(72),
    minEnforcementOfficers: wholeDays.default(2),
    caseDecisionWithinDays: wholeDays.default(90),
    statementWindowDays: wholeDays.default(3),
    hearingRequestWindowDays: wholeDays.default(5),
    hearingFineThreshold: z
      .object({ unit: amountCny.default(50_000), individual: amountCny.default(10_000) })
      .strict()
      .prefault({}),
    legalReviewFineThreshold: amountCny.default(50_000),
    decisionServiceWithinDays: wholeDays.default(7),
    dualPenaltyIndividualRoles: z
      .array(DualPenaltyRoleSchema)
      .min(1)
      .default(() => [...DualPenaltyRoleSchema.options]),
    closureTrigger: z
      .array(z.object({ count: wholeDays, days: wholeDays }).strict())
      .min(1)
      .default(() => [
        { count: 3, days: 180 },
        { count: 4, days: 365 },
      ]),
    landlordCheckIntervalDays: wholeDays.default(90),
    agreementGraceDays: z.number().int().min(0).default(0),
    standardizationValidityYears: wholeDays.default(3),
    venuePatrolFrequency: CheckFrequencySchema.default('quarter'),
    venueSelfCheckFrequency: CheckFrequencySchema.default('month'),
    serviceVisitsMayTriggerCases: z.boolean().default(false),
    autoRegisterCoordinationHazard: z.boolean().default(false),
    /** Holiday, major-event and disaster-season dates whose duty shifts must be reinforced (DR-3). */
    reinforcedDutyDates: z.array(LocalDateSchema).default(() => []),
  })
  .strict();

/** A complete, validated supervision policy. */
export type SupervisionPolicy = z.output<typeof SupervisionPolicySchema>;
/** What `createSupervisionPolicy` accepts: any subset of the keys, nested objects in part, arrays possibly readonly. */
export type SupervisionPolicyInput = ReadonlyInput<z.input<typeof SupervisionPolicySchema>>;

/**
 * Creates a supervision policy from the defaults of §3 and the values given; the result is
 * frozen, so one policy can be shared by every decider and projection.
 *
 * @example
 * const policy = createSupervisionPolicy({ minVerifiersMajor: 3, rate: { mode: 'truncate' } });
 * @throws ValidationError (`VALIDATION_FAILED`) with one issue per bad or unknown key, each naming
 * the key and the value given.
 */
export function createSupervisionPolicy(input: SupervisionPolicyInput = {}): SupervisionPolicy {
  return deepFreeze(
    parseOrThrow(SupervisionPolicySchema, input, 'SupervisionPolicy', { arraysAsOneKey: true }),
  );
}

/**
 * The display format of one metric: its override in `rate.overrides`, else `rate.decimals` and
 * `rate.mode` (§6).
 */
export function rateFormatFor(policy: SupervisionPolicy, metricId: RateMetricId): RateFormat {
  const override = policy.rate.overrides[metricId];
  return {
    decimals: override?.decimals ?? policy.rate.decimals,
    mode: override?.mode ?? policy.rate.mode,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
