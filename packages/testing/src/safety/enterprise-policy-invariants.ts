import type { EnterpriseEvent, SupervisionPolicy } from '@safeledger/core';

/** What an enterprise policy invariant sees: the enterprise's events so far, the new ones, the clock. */
export interface EnterprisePolicyView {
  readonly policy: SupervisionPolicy;
  /** Every event of the enterprise stream, the new ones included, in stream order. */
  readonly events: readonly EnterpriseEvent[];
  /** The events the last accepted command produced. */
  readonly lastEvents: readonly EnterpriseEvent[];
  /** The recording time the command was decided at. */
  readonly now: Date;
}

/**
 * One invariant the built-in Enterprise aggregate keeps under any policy, stated over its events
 * in the policy's own terms. `applies` says whether the view gave it anything to check, so a
 * verification can show that each invariant was actually exercised.
 */
export interface EnterprisePolicyInvariant {
  /** The rule of the domain spec the invariant restates. */
  readonly rule: string;
  /** What the invariant says, in a sentence. */
  readonly name: string;
  /** Whether the policy gives the invariant anything to check at all (default: always). */
  readonly relevant?: (policy: SupervisionPolicy) => boolean;
  /** Whether the view gives the invariant anything to check. */
  readonly applies: (view: EnterprisePolicyView) => boolean;
  /** `undefined` when it holds, otherwise what is wrong. */
  readonly check: (view: EnterprisePolicyView) => string | undefined;
}

/**
 * `date` (`YYYY-MM-DD`) moved `years` calendar years on. A 29 February that does not exist in the
 * target year becomes 28 February: a validity never outlasts the years the policy grants.
 * Written here from the spec, not taken from core.
 */
export function plusCalendarYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // Date.UTC rolls 29 February of a common year over to 1 March: step back to 28 February.
  const day = target.getUTCMonth() === m - 1 ? target : new Date(Date.UTC(y + years, m - 1, d - 1));
  return day.toISOString().slice(0, 10);
}

type Awarded = Extract<EnterpriseEvent, { type: 'StandardizationGradeAwarded' }>;
const awards = (events: readonly EnterpriseEvent[]) =>
  events.filter((event): event is Awarded => event.type === 'StandardizationGradeAwarded');

/**
 * The invariants `verifyPolicy` re-checks for enterprises, from the domain spec's wording of E-3
 * (§4.8) and the policy key it names (`standardizationValidityYears`), never from the decider's
 * code.
 */
export const enterprisePolicyInvariants: readonly EnterprisePolicyInvariant[] = [
  {
    rule: 'E-3',
    name: 'a standardization grade is valid until its award date plus standardizationValidityYears',
    applies: ({ lastEvents }) => awards(lastEvents).length > 0,
    check: ({ lastEvents, policy }) => {
      for (const award of awards(lastEvents)) {
        const expected = plusCalendarYears(
          award.data.awardedOn,
          policy.standardizationValidityYears,
        );
        if (award.data.validUntil !== expected)
          return `grade ${award.data.grade} awarded on ${award.data.awardedOn} is valid until ${award.data.validUntil}, but the policy grants ${policy.standardizationValidityYears} year(s): ${expected}`;
      }
      return undefined;
    },
  },
];
