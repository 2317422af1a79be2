import type { EmergencyPlanCommand, InMemoryDirectory } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor } from './sample-directory.js';

/** Options of `emergencyPlanCommandArbitrary`. */
export interface EmergencyPlanCommandArbitraryOptions {
  /** The sample directory (or one with the same ids): `ent-chem`, `p-so-1`, `p-principal`, … */
  readonly directory: InMemoryDirectory;
}

/**
 * Emergency plan commands on `plan-p-1` of `ent-chem`, valid and invalid alike: drafts, revisions,
 * publications of versions 1…4 (often not the latest) and retirements, by the enterprise's
 * safety officer, its principal or another enterprise's principal, so a random sequence
 * exercises EP-0, EP-1 and G-5.
 */
export function emergencyPlanCommandArbitrary(
  options: EmergencyPlanCommandArbitraryOptions,
): fc.Arbitrary<EmergencyPlanCommand> {
  const { directory } = options;
  const actor = fc.constantFrom(
    actorFor(directory, 'p-so-1'),
    actorFor(directory, 'p-principal'),
    actorFor(directory, 'p-principal'),
    actorFor(directory, 'p-far-principal'),
  );
  const draft = fc.record({ actor, rewrite: fc.boolean() }).map(
    (r): EmergencyPlanCommand => ({
      type: 'DraftPlan',
      actor: r.actor,
      planId: 'p-1',
      kind: 'comprehensive',
      title: 'Comprehensive emergency plan',
      ownerEnterpriseId: 'ent-chem',
      ...(r.rewrite ? { replacesPlanId: 'p-0' } : {}),
    }),
  );
  const revise = actor.map(
    (a): EmergencyPlanCommand => ({ type: 'RevisePlan', actor: a, summary: 'new contacts' }),
  );
  const publish = fc
    .record({ actor, version: fc.integer({ min: 1, max: 4 }) })
    .map((r): EmergencyPlanCommand => ({ type: 'PublishPlan', ...r }));
  const retire = actor.map(
    (a): EmergencyPlanCommand => ({ type: 'RetirePlan', actor: a, reason: 'superseded' }),
  );
  return fc.oneof(
    { arbitrary: draft, weight: 1 },
    { arbitrary: revise, weight: 2 },
    { arbitrary: publish, weight: 3 },
    { arbitrary: retire, weight: 1 },
  );
}
