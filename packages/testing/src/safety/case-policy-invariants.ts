import type { EnforcementCaseEvent, SupervisionPolicy } from '@safeledger/core';
import { localDateIn, plusDays } from './policy-calendar.js';

/** What a case policy invariant sees: the case's events so far, the new ones, and the clock. */
export interface CasePolicyView {
  readonly policy: SupervisionPolicy;
  /** Every event of the case, the new ones included, in stream order. */
  readonly events: readonly EnforcementCaseEvent[];
  /** The events the last accepted command produced. */
  readonly lastEvents: readonly EnforcementCaseEvent[];
  /** The recording time the command was decided at. */
  readonly now: Date;
  /** Kind of each inspection a filing may cite (`enforcement`, `service_guidance`, …), by id. */
  readonly inspectionKinds: Readonly<Record<string, string>>;
}

/**
 * One invariant the built-in EnforcementCase aggregate keeps under any policy, stated over its
 * events in the policy's own terms. `applies` says whether the view gave it anything to check,
 * so a verification can show that each invariant was actually exercised.
 */
export interface CasePolicyInvariant {
  /** The rule of the domain spec the invariant restates. */
  readonly rule: string;
  /** What the invariant says, in a sentence. */
  readonly name: string;
  /** Whether the view gives the invariant anything to check. */
  readonly applies: (view: CasePolicyView) => boolean;
  /** `undefined` when it holds, otherwise what is wrong. */
  readonly check: (view: CasePolicyView) => string | undefined;
}

type Event<T extends EnforcementCaseEvent['type']> = Extract<EnforcementCaseEvent, { type: T }>;
type Decision = Event<'PenaltyDecisionIssued'>;
type Notice = Event<'PreDecisionNoticeServed'>;

const is =
  <T extends EnforcementCaseEvent['type']>(type: T) =>
  (event: EnforcementCaseEvent): event is Event<T> =>
    event.type === type;

// §4.2's lists, restated from the spec's wording of EC-6 and EC-8.
const hearingKinds = ['suspension_of_operations', 'closure', 'license_revocation', 'ban_from_post'];
const legalReviewKinds = ['suspension_of_operations', 'closure', 'license_revocation'];

/** The kind (unit or individual) of each respondent named before `index`. */
function respondentKinds(events: readonly EnforcementCaseEvent[]): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'CaseFiled')
      for (const r of event.data.respondents) kinds.set(r.ref, r.kind);
    if (event.type === 'RespondentAdded')
      kinds.set(event.data.respondent.ref, event.data.respondent.kind);
  }
  return kinds;
}

/** Whether a notice's penalties make a hearing right mandatory under the policy (EC-6). */
function hearingRequired(notice: Notice, kind: string | undefined, policy: SupervisionPolicy) {
  const threshold =
    kind === 'individual'
      ? policy.hearingFineThreshold.individual
      : policy.hearingFineThreshold.unit;
  return notice.data.proposedPenalties.some(
    (p) => hearingKinds.includes(p.kind) || (p.kind === 'fine' && (p.amountCny ?? 0) >= threshold),
  );
}

/** Why a decision needs an approving legal review under the policy (EC-8), or undefined. */
function legalReviewNeed(
  decision: Decision,
  before: readonly EnforcementCaseEvent[],
  policy: SupervisionPolicy,
): string | undefined {
  const penalties = decision.data.penalties;
  const kind = penalties.find((p) => legalReviewKinds.includes(p.kind));
  if (kind !== undefined) return `it imposes ${kind.kind}`;
  const fine = penalties.find(
    (p) => p.kind === 'fine' && (p.amountCny ?? 0) >= policy.legalReviewFineThreshold,
  );
  if (fine !== undefined)
    return `it fines ${fine.amountCny} CNY, at or above legalReviewFineThreshold ${policy.legalReviewFineThreshold}`;
  if (before.some(is('HearingHeld'))) return 'a hearing was held';
  return undefined;
}

/** The latest notice served on `ref` before `index`, and its position. */
function latestNotice(events: readonly EnforcementCaseEvent[], index: number, ref: string) {
  for (let i = index - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.type === 'PreDecisionNoticeServed' && event.data.respondentRef === ref)
      return { notice: event, at: i };
  }
  return undefined;
}

/** Each decision in `events` with its position. */
const decisions = (events: readonly EnforcementCaseEvent[]) =>
  events.flatMap((event, index) =>
    event.type === 'PenaltyDecisionIssued' ? [{ decision: event, index }] : [],
  );

/** Whether, between positions `from` and `to`, `ref` had one of the given events. */
const between = (
  events: readonly EnforcementCaseEvent[],
  from: number,
  to: number,
  ref: string,
  types: readonly string[],
) =>
  events
    .slice(from + 1, to)
    .some(
      (event) =>
        types.includes(event.type) &&
        (event.data as { respondentRef?: string }).respondentRef === ref,
    );

/**
 * A procedure window of EC-5: `days` after the local date of the notice, the decision may come
 * only on a later local date (G-7: "within N days" ends with the local day notice + N).
 */
function windowProblem(
  view: CasePolicyView,
  key: 'statementWindowDays' | 'hearingRequestWindowDays',
  concluders: readonly string[],
  needs: (notice: Notice) => boolean,
): string | undefined {
  const { events, policy } = view;
  for (const { decision, index } of decisions(events)) {
    const decided = localDateIn(decision.data.occurredAt, policy.timezone);
    for (const ref of new Set(decision.data.penalties.map((p) => p.respondentRef))) {
      const found = latestNotice(events, index, ref);
      if (found === undefined) return `${ref} was penalised without a pre-decision notice`;
      if (!needs(found.notice)) continue;
      if (between(events, found.at, index, ref, concluders)) continue;
      const last = plusDays(
        localDateIn(found.notice.data.occurredAt, policy.timezone),
        policy[key],
      );
      if (decided <= last)
        return `${ref} was penalised on ${decided}, inside the ${policy[key]}-day ${key} window that runs to ${last}`;
    }
  }
  return undefined;
}

/**
 * The invariants `verifyPolicy` re-checks for enforcement cases, each from the domain spec's
 * wording of its rule (§4.2) and the policy key it names, never from the decider's code. The
 * derived deadlines (EC-9's breach, EC-12) and the derived facts (EC-11 dual penalty, EC-17
 * closure watch) are not decisions of the decider, so only the due date an extension records
 * (EC-9) is checked here.
 */
export const casePolicyInvariants: readonly CasePolicyInvariant[] = [
  {
    rule: 'EC-2',
    name: 'every evidence record names at least minEnforcementOfficers distinct officers',
    applies: ({ lastEvents }) => lastEvents.some(is('EvidenceRecorded')),
    check: ({ lastEvents, policy }) => {
      for (const event of lastEvents.filter(is('EvidenceRecorded'))) {
        const distinct = new Set(event.data.officerIds).size;
        if (distinct < policy.minEnforcementOfficers)
          return `evidence ${event.data.ref} was taken by ${distinct} officer(s); the policy asks for ${policy.minEnforcementOfficers}`;
      }
      return undefined;
    },
  },
  {
    rule: 'EC-6',
    name: 'a notice proposing a hearing-level penalty (kind, or a fine at hearingFineThreshold) grants a hearing right',
    applies: ({ lastEvents, events, policy }) => {
      const kinds = respondentKinds(events);
      return lastEvents
        .filter(is('PreDecisionNoticeServed'))
        .some((n) => hearingRequired(n, kinds.get(n.data.respondentRef), policy));
    },
    check: ({ lastEvents, events, policy }) => {
      const kinds = respondentKinds(events);
      for (const notice of lastEvents.filter(is('PreDecisionNoticeServed'))) {
        const kind = kinds.get(notice.data.respondentRef);
        if (hearingRequired(notice, kind, policy) && !notice.data.hearingRight)
          return `the notice to ${notice.data.respondentRef} (${kind}) proposes ${JSON.stringify(notice.data.proposedPenalties.map((p) => [p.kind, p.amountCny]))} without a hearing right; hearingFineThreshold is ${JSON.stringify(policy.hearingFineThreshold)}`;
      }
      return undefined;
    },
  },
  {
    rule: 'EC-5',
    name: 'no respondent is penalised before statementWindowDays after its notice end, unless it made its statement',
    applies: ({ lastEvents }) => lastEvents.some(is('PenaltyDecisionIssued')),
    check: (view) =>
      windowProblem(view, 'statementWindowDays', ['StatementAndDefenceRecorded'], () => true),
  },
  {
    rule: 'EC-5',
    name: 'no respondent with a hearing right is penalised before hearingRequestWindowDays end, unless heard or waived',
    applies: ({ lastEvents, events }) =>
      decisions(events).some(
        ({ decision, index }) =>
          lastEvents.includes(decision) &&
          decision.data.penalties.some(
            (p) => latestNotice(events, index, p.respondentRef)?.notice.data.hearingRight === true,
          ),
      ),
    check: (view) =>
      windowProblem(
        view,
        'hearingRequestWindowDays',
        ['HearingHeld', 'HearingWaived'],
        (notice) => notice.data.hearingRight,
      ),
  },
  {
    rule: 'EC-8',
    name: 'a decision with suspension, closure, revocation, a fine at legalReviewFineThreshold or after a hearing rests on an approving legal review',
    applies: ({ lastEvents, events, policy }) =>
      decisions(events).some(
        ({ decision, index }) =>
          lastEvents.includes(decision) &&
          legalReviewNeed(decision, events.slice(0, index), policy) !== undefined,
      ),
    check: ({ events, policy }) => {
      for (const { decision, index } of decisions(events)) {
        const before = events.slice(0, index);
        const why = legalReviewNeed(decision, before, policy);
        if (why === undefined) continue;
        const review = before.filter(is('LegalReviewCompleted')).at(-1);
        if (review === undefined) return `decided without a legal review although ${why}`;
        if (review.data.opinion !== 'approve')
          return `decided on a legal review that asked for revision although ${why}`;
      }
      return undefined;
    },
  },
  {
    rule: 'EC-9',
    name: 'an extension starts from filing + caseDecisionWithinDays (or the latest extension) and moves the due date later',
    applies: ({ lastEvents }) => lastEvents.some(is('CaseDeadlineExtended')),
    check: ({ events, policy }) => {
      const filed = events.find(is('CaseFiled'));
      if (filed === undefined) return 'an extension without a filing';
      let due = plusDays(
        localDateIn(filed.data.occurredAt, policy.timezone),
        policy.caseDecisionWithinDays,
      );
      for (const extension of events.filter(is('CaseDeadlineExtended'))) {
        if (extension.data.oldDueDate !== due)
          return `an extension records the due date ${extension.data.oldDueDate}; filing + caseDecisionWithinDays ${policy.caseDecisionWithinDays} (or the latest extension) gives ${due}`;
        if (extension.data.newDueDate <= due)
          return `an extension moved the due date from ${due} to ${extension.data.newDueDate}`;
        due = extension.data.newDueDate;
      }
      return undefined;
    },
  },
  {
    rule: 'EC-18',
    name: 'a case cites a service-guidance inspection only when serviceVisitsMayTriggerCases',
    applies: ({ lastEvents }) =>
      lastEvents.some((e) => e.type === 'CaseFiled' && e.data.source.inspectionId !== null),
    check: ({ lastEvents, policy, inspectionKinds }) => {
      for (const filed of lastEvents.filter(is('CaseFiled'))) {
        const id = filed.data.source.inspectionId;
        if (id === null) continue;
        if (inspectionKinds[id] === 'service_guidance' && !policy.serviceVisitsMayTriggerCases)
          return `the case was filed from service-guidance inspection ${id} while serviceVisitsMayTriggerCases is false`;
      }
      return undefined;
    },
  },
];
