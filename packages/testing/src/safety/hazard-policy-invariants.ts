import type { HazardEvent, SupervisionPolicy } from '@safeledger/core';

/** What a policy invariant sees: the hazard's events so far, the new ones, and the clock. */
export interface HazardPolicyView {
  readonly policy: SupervisionPolicy;
  /** Every event of the hazard, the new ones included, in stream order (version = index + 1). */
  readonly events: readonly HazardEvent[];
  /** The events the last accepted command produced. */
  readonly lastEvents: readonly HazardEvent[];
  /** The recording time the command was decided at. */
  readonly now: Date;
}

/**
 * One invariant the built-in Hazard aggregate keeps under any policy, stated over its events in
 * the policy's own terms. `applies` says whether the view gave it anything to check, so a
 * verification can show that each invariant was actually exercised.
 */
export interface HazardPolicyInvariant {
  /** The rule of the domain spec the invariant restates. */
  readonly rule: string;
  /** What the invariant says, in a sentence. */
  readonly name: string;
  /** Whether the view gives the invariant anything to check. */
  readonly applies: (view: HazardPolicyView) => boolean;
  /** `undefined` when it holds, otherwise what is wrong. */
  readonly check: (view: HazardPolicyView) => string | undefined;
}

const HOUR = 3_600_000;

/** The local calendar date of an instant in a time zone: written here, not taken from core. */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

function gradeBefore(events: readonly HazardEvent[], index: number): 'general' | 'major' | null {
  let grade: 'general' | 'major' | null = null;
  for (const event of events.slice(0, index)) {
    if (event.type === 'HazardRegistered') grade = event.data.grade;
    if (event.type === 'HazardRegraded') grade = event.data.to;
  }
  return grade;
}

const of = <T extends HazardEvent['type']>(events: readonly HazardEvent[], type: T) =>
  events.filter((event): event is Extract<HazardEvent, { type: T }> => event.type === type);

/**
 * The invariants `verifyPolicy` re-checks for hazards, each from the domain spec's wording of
 * its rule (§4.1) and the policy key it names, never from the decider's code.
 */
export const hazardPolicyInvariants: readonly HazardPolicyInvariant[] = [
  {
    rule: 'H-30',
    name: 'business time is never in the future, and back-dating beyond maxBackdatingHours is a late entry',
    applies: ({ lastEvents }) => lastEvents.length > 0,
    check: ({ lastEvents, now, policy }) => {
      for (const event of lastEvents) {
        const at = Date.parse(event.data.occurredAt);
        if (at > now.getTime())
          return `${event.type} happened at ${event.data.occurredAt}, after ${now.toISOString()}`;
        const late = now.getTime() - at > policy.maxBackdatingHours * HOUR;
        if (late && event.data.lateEntry === undefined)
          return `${event.type} is back-dated more than ${policy.maxBackdatingHours} h without a late-entry reason`;
      }
      return undefined;
    },
  },
  {
    rule: 'H-7',
    name: 'nothing follows a closure or a voiding',
    applies: ({ events }) =>
      events.some((e) => e.type === 'HazardClosed' || e.type === 'HazardVoided'),
    check: ({ events }) => {
      const end = events.findIndex((e) => e.type === 'HazardClosed' || e.type === 'HazardVoided');
      return end >= 0 && end < events.length - 1
        ? `${events[end + 1]?.type} follows ${events[end]?.type}`
        : undefined;
    },
  },
  {
    rule: 'H-18',
    name: 'a major passes a regulator verification only with minVerifiersMajor distinct officers',
    applies: ({ lastEvents, events }) =>
      lastEvents.some(
        (e) =>
          e.type === 'RectificationVerified' &&
          e.data.outcome === 'passed' &&
          gradeBefore(events, events.indexOf(e)) === 'major',
      ),
    check: ({ events, policy }) => {
      for (const [index, event] of events.entries()) {
        if (event.type !== 'RectificationVerified' || event.data.outcome !== 'passed') continue;
        if (gradeBefore(events, index) !== 'major') continue;
        if (!event.data.byRegulator) return 'a major passed a verification not made by a regulator';
        const distinct = new Set(event.data.verifierIds).size;
        if (distinct < policy.minVerifiersMajor)
          return `a major passed with ${distinct} verifier(s); the policy asks for ${policy.minVerifiersMajor}`;
      }
      return undefined;
    },
  },
  {
    rule: 'H-19',
    name: 'with verifierMustDifferFromRectifier, who reported the completion never verifies it',
    applies: ({ lastEvents, policy }) =>
      policy.verifierMustDifferFromRectifier &&
      lastEvents.some((e) => e.type === 'RectificationVerified'),
    check: ({ events, policy }) => {
      if (!policy.verifierMustDifferFromRectifier) return undefined;
      let rectifier: string | undefined;
      for (const event of events) {
        if (event.type === 'RectificationCompleted') rectifier = event.data.actor.personId;
        if (
          event.type === 'RectificationVerified' &&
          rectifier !== undefined &&
          event.data.verifierIds.includes(rectifier)
        )
          return `${rectifier} completed the rectification and verified it`;
      }
      return undefined;
    },
  },
  {
    rule: 'H-20',
    name: 'a closure rests on a passed verification after the latest completion; a major also on a plan',
    applies: ({ lastEvents }) => lastEvents.some((e) => e.type === 'HazardClosed'),
    check: ({ events }) => {
      const closedAt = events.findIndex((e) => e.type === 'HazardClosed');
      if (closedAt < 0) return undefined;
      const before = events.slice(0, closedAt);
      const lastCompletion = before.map((e) => e.type).lastIndexOf('RectificationCompleted');
      const verifications = before
        .map((event, index) => ({ event, index }))
        .filter(({ event }) => event.type === 'RectificationVerified');
      const last = verifications.at(-1);
      if (last === undefined || last.event.type !== 'RectificationVerified')
        return 'closed without a verification';
      if (last.event.data.outcome !== 'passed') return 'closed on a failed verification';
      if (last.index < lastCompletion) return 'closed on a verification older than the completion';
      if (
        gradeBefore(events, closedAt) === 'major' &&
        of(before, 'RectificationPlanSubmitted').length === 0
      )
        return 'a major closed without a rectification plan';
      return undefined;
    },
  },
  {
    rule: 'H-8',
    name: 'an extension moves the deadline later, and only by its end unless allowLateDeadlineExtension',
    applies: ({ lastEvents }) =>
      lastEvents.some(
        (e) => e.type === 'RectificationDeadlineExtended' && e.data.via === 'extension',
      ),
    check: ({ events, policy }) => {
      for (const event of of(events, 'RectificationDeadlineExtended')) {
        if (event.data.via !== 'extension') continue;
        if (event.data.new <= event.data.old)
          return `an extension moved the deadline from ${event.data.old} to ${event.data.new}`;
        const requested = localDate(event.data.occurredAt, policy.timezone);
        if (!policy.allowLateDeadlineExtension && requested > event.data.old)
          return `an extension was requested on ${requested}, after the deadline ${event.data.old}`;
      }
      return undefined;
    },
  },
];
