import {
  type HazardCommand,
  type HazardDecider,
  type HazardEvent,
  type HazardState,
  hazardStreamId,
  type InMemoryDirectory,
  isRegisteredHazard,
  type SafetyActor,
  type SupervisionPolicy,
} from '@safeledger/core';
import fc from 'fast-check';
import {
  hazardCommandCandidates,
  invalidHazardCommandArbitrary,
} from './hazard-command-arbitraries.js';
import { type HazardPolicyView, hazardPolicyInvariants } from './hazard-policy-invariants.js';
import type { PolicySubject } from './policy-lifecycle.js';

/** Who reported the latest completion, if any. */
function rectifierOf(events: readonly HazardEvent[]): SafetyActor | null {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (event?.type === 'RectificationCompleted') return event.data.actor;
  }
  return null;
}

/** A verification with the rectifier among its verifiers (and acting, if it verifies alone). */
function withRectifier(command: unknown, rectifier: SafetyActor | null): unknown {
  const c = command as HazardCommand;
  if (rectifier === null || c.type !== 'VerifyRectification') return command;
  return {
    ...c,
    actor: rectifier,
    verifierIds: [rectifier.personId, ...c.verifierIds.filter((id) => id !== rectifier.personId)],
  };
}

/**
 * The Hazard aggregate as `verifyPolicy` drives it: plausible and broken commands
 * (`hazardCommandCandidates`, `invalidHazardCommandArbitrary`) plus probes at the policy's
 * segregation switch, checked against `hazardPolicyInvariants`.
 */
export function hazardPolicySubject(
  decider: HazardDecider,
  directory: InMemoryDirectory,
  policy: SupervisionPolicy,
): PolicySubject<HazardState, HazardEvent, HazardPolicyView> {
  return {
    decider: decider as PolicySubject<HazardState, HazardEvent, HazardPolicyView>['decider'],
    invariants: hazardPolicyInvariants,
    // The instant goes as a number: two Dates are deep-equal to fc.gen's cache.
    nextArgs: (state, nowMs, events) => [state, nowMs, rectifierOf(events)],
    next: (state: HazardState, nowMs: number, rectifier: SafetyActor | null) => {
      const options = { directory, state, now: new Date(nowMs), policy };
      const candidates = hazardCommandCandidates(options);
      const invalid = invalidHazardCommandArbitrary(options);
      if (candidates.length === 0) return invalid;
      const plausible = fc.oneof(...candidates);
      return fc.oneof(
        { arbitrary: plausible, weight: 4 },
        { arbitrary: invalid, weight: 1 },
        // Probes at the policy's switches: the person who reported the completion joins the
        // verification (verifierMustDifferFromRectifier).
        { arbitrary: plausible.map((command) => withRectifier(command, rectifier)), weight: 1 },
      );
    },
    streamId: (state, command) =>
      hazardStreamId(
        String(
          isRegisteredHazard(state)
            ? state.hazardId
            : ((command as { hazardId?: unknown } | null)?.hazardId ?? 'h-1'),
        ),
      ),
    ended: (state) =>
      isRegisteredHazard(state) && (state.status === 'closed' || state.status === 'voided'),
    view: (base) => base,
  };
}
