import {
  createHazardDecider,
  createSupervisionPolicy,
  type HazardCommand,
  type SupervisionPolicy,
} from '@safeledger/core';
import {
  accepted,
  type DeciderModel,
  rejected,
  sampleHazardCommands,
  sampleNow,
  verifyDecider,
} from '@safeledger/testing';
import fc from 'fast-check';

// The province's rule: three officers of the regulator verify a major hazard (default: two).
export const provincialPolicy = createSupervisionPolicy({ minVerifiersMajor: 3 });

// The model knows only how far the hazard got, and restates the rule in its own words.
type Phase = 'new' | 'registered' | 'planned' | 'completed' | 'verified';
const model: DeciderModel<Phase, HazardCommand> = {
  initial: () => 'new',
  next: (phase, command) => {
    switch (command.type) {
      case 'RegisterHazard':
        return accepted('registered');
      case 'SubmitRectificationPlan':
        return accepted('planned');
      case 'CompleteRectification':
        return accepted('completed');
      case 'RequestVerification':
        return phase === 'completed' ? accepted(phase) : rejected('H-0', 'InvalidState');
      case 'VerifyRectification':
        if (phase !== 'completed') return rejected('H-0', 'InvalidState');
        if (command.verifierIds.length < 3) return rejected('H-18', 'TooFewVerifiers');
        return accepted(command.outcome === 'passed' ? 'verified' : 'planned');
      default:
        throw new Error(`the model does not cover ${command.type}`);
    }
  },
};

// Commands: the next lifecycle step, then requests and verifications by one to three officers.
const kit = sampleHazardCommands();
const verification = fc
  .record({
    officers: fc.subarray([...kit.actors.officers], { minLength: 1 }),
    outcome: fc.constantFrom('passed', 'failed'),
  })
  .map(
    ({ officers, outcome }): HazardCommand => ({
      type: 'VerifyRectification',
      actor: officers[0]!,
      outcome,
      kind: 'regulator_review',
      verifierIds: officers.map((officer) => officer.personId),
    }),
  );
const request: HazardCommand = {
  type: 'RequestVerification',
  actor: kit.actors.safetyOfficer,
  purpose: 'closure',
};
const commands = (phase: Phase): fc.Arbitrary<HazardCommand> => {
  if (phase === 'new') return fc.constant(kit.registerMajor());
  if (phase === 'registered') return fc.constant(kit.plan());
  if (phase === 'planned') return fc.constant(kit.complete());
  return fc.oneof(fc.constant(request), verification);
};

export function verifyThreeVerifiers(policy: SupervisionPolicy = provincialPolicy) {
  const decider = createHazardDecider({ directory: kit.directory, policy });
  return verifyDecider(decider, {
    model,
    commands,
    startTime: sampleNow,
    // H-1: a hazard lives in its own stream, so the decider is given the sample hazard's.
    streamId: `hazard-${kit.registerMajor().hazardId}`,
    describeCommand: (command) =>
      `${command.type} by ${command.actor.personId}${command.type === 'VerifyRectification' ? ` (${command.outcome}, verifiers ${command.verifierIds.join(', ')})` : ''}`,
    invariants: {
      'a major passes verification only with three officers': ({ lastEvents }) =>
        lastEvents.every(
          (event) =>
            event.type !== 'RectificationVerified' ||
            event.data.outcome !== 'passed' ||
            event.data.verifierIds.length >= 3,
        ),
    },
  });
}
