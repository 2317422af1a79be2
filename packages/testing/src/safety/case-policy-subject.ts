import {
  caseStreamId,
  type EnforcementCaseCommand,
  type EnforcementCaseDecider,
  type EnforcementCaseEvent,
  type EnforcementCaseState,
  isFiledCase,
  isTerminalCase,
  type Penalty,
  type SupervisionPolicy,
} from '@safeledger/core';
import fc from 'fast-check';
import { type CasePolicyView, casePolicyInvariants } from './case-policy-invariants.js';
import { caseCommandArbitrary } from './enforcement-case-arbitraries.js';
import { localDateIn, plusDays } from './policy-calendar.js';
import type { PolicySubject } from './policy-lifecycle.js';
import type { SampleCaseCommands } from './sample-case-commands.js';

/** The latest notice per respondent ref, as a decision may impose it unchanged. */
function notifiedPenalties(events: readonly EnforcementCaseEvent[]): Map<string, Penalty[]> {
  const latest = new Map<string, Penalty[]>();
  for (const event of events) {
    if (event.type !== 'PreDecisionNoticeServed') continue;
    latest.set(
      event.data.respondentRef,
      event.data.proposedPenalties.map((p) => ({
        respondentRef: p.respondentRef,
        kind: p.kind,
        basisProvision: p.basisProvision,
        ...(p.amountCny === null ? {} : { amountCny: p.amountCny }),
        ...(p.durationDays === null ? {} : { durationDays: p.durationDays }),
      })),
    );
  }
  return latest;
}

/**
 * Commands aimed at the policy's values, so that every key is tried on both sides: evidence by
 * one to four officers (minEnforcementOfficers), notices fining at and just below
 * `hearingFineThreshold` without a hearing right, decisions that impose exactly what was
 * notified (so the windows and the legal review are what decides), extensions around filing +
 * `caseDecisionWithinDays`, filings from a service-guidance inspection.
 */
function probes(
  kit: SampleCaseCommands,
  policy: SupervisionPolicy,
  events: readonly EnforcementCaseEvent[],
): fc.Arbitrary<EnforcementCaseCommand>[] {
  const { actors } = kit;
  const officers = ['p-enf-1', 'p-enf-2', 'p-enf-3', 'p-enf-head'];
  const arbitraries: fc.Arbitrary<EnforcementCaseCommand>[] = [
    fc.integer({ min: 1, max: officers.length }).map((count) => ({
      type: 'RecordEvidence',
      actor: actors.officers[0],
      kind: 'inquiry_record',
      officerIds: officers.slice(0, count),
      ref: `EV-${count}`,
    })),
    fc
      .tuple(
        fc.constantFrom(
          ['U', policy.hearingFineThreshold.unit, 'WSL2021-102'] as const,
          ['U', policy.hearingFineThreshold.unit - 1, 'WSL2021-102'] as const,
          ['U', policy.legalReviewFineThreshold, 'WSL2021-102'] as const,
          ['P', policy.hearingFineThreshold.individual, 'WSL2021-103(2)'] as const,
          ['P', policy.hearingFineThreshold.individual - 1, 'WSL2021-103(2)'] as const,
        ),
        fc.boolean(),
      )
      .filter(([[, amount]]) => amount > 0)
      .map(([[ref, amountCny, basisProvision], hearingRight]) =>
        kit.notice(ref, [{ kind: 'fine', amountCny, basisProvision }], { hearingRight }),
      ),
    // The review a decision above legalReviewFineThreshold (or after a hearing) rests on.
    fc.constantFrom(kit.review('approve'), kit.review('revise')),
    fc
      .constantFrom('insp-service', 'insp-enf')
      .map((inspectionId) => kit.file({ source: { inspectionId } })),
  ];
  const notified = notifiedPenalties(events);
  if (notified.size > 0) {
    arbitraries.push(
      fc
        .subarray([...notified.keys()], { minLength: 1 })
        .map((refs) => kit.decide(refs.flatMap((ref) => notified.get(ref) ?? []))),
    );
  }
  const filed = events.find((event) => event.type === 'CaseFiled');
  if (filed !== undefined) {
    const due = plusDays(
      localDateIn(filed.data.occurredAt, policy.timezone),
      policy.caseDecisionWithinDays,
    );
    arbitraries.push(
      fc.constantFrom(-3, 0, 1, 20).map(
        (days): EnforcementCaseCommand => ({
          type: 'ExtendDecisionDeadline',
          actor: actors.head,
          newDueDate: plusDays(due, days),
          reason: 'complex case',
        }),
      ),
    );
  }
  return arbitraries;
}

/**
 * The EnforcementCase aggregate as `verifyPolicy` drives it: the commands of
 * `caseCommandArbitrary` on the sample case `c-1` plus probes at the policy's values, with the
 * sample kit's hazards and inspections as the facts `prepare` would load, checked against
 * `casePolicyInvariants`.
 */
export function casePolicySubject(
  decider: EnforcementCaseDecider,
  kit: SampleCaseCommands,
  policy: SupervisionPolicy,
): PolicySubject<EnforcementCaseState, EnforcementCaseEvent, CasePolicyView> {
  const base = caseCommandArbitrary({ kit });
  const inspectionKinds = Object.fromEntries(
    Object.values(kit.inspections).map((inspection) => [inspection.inspectionId, inspection.kind]),
  );
  return {
    decider: decider as PolicySubject<
      EnforcementCaseState,
      EnforcementCaseEvent,
      CasePolicyView
    >['decider'],
    invariants: casePolicyInvariants,
    nextArgs: (state, _nowMs, events) => [state, events],
    next: (state: EnforcementCaseState, events: readonly EnforcementCaseEvent[]) => {
      // Filing first: a case lifecycle means nothing before it.
      if (!isFiledCase(state))
        return fc.oneof(
          { arbitrary: fc.constant(kit.file()), weight: 3 },
          { arbitrary: fc.oneof(...probes(kit, policy, events)), weight: 1 },
        );
      return fc.oneof(
        { arbitrary: base, weight: 3 },
        { arbitrary: fc.oneof(...probes(kit, policy, events)), weight: 2 },
      );
    },
    streamId: () => caseStreamId('c-1'),
    ended: (state) => isTerminalCase(state),
    facts: (command) =>
      typeof command === 'object' && command !== null
        ? kit.facts(command as EnforcementCaseCommand)
        : {},
    view: (view) => ({ ...view, inspectionKinds }),
  };
}
