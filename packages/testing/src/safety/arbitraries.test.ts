import {
  createHazardDecider,
  createSupervisionPolicy,
  type HazardState,
  hazardStreamId,
  isActorInScope,
  isRuleViolation,
  isValidationError,
} from '@safeledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../decider-spec.js';
import { safetyActorArbitrary } from './actor-arbitraries.js';
import {
  hazardCommandArbitrary,
  invalidHazardCommandArbitrary,
  registerHazardArbitrary,
  validHazardCommandArbitrary,
} from './hazard-command-arbitraries.js';
import { invalidPolicyInputArbitrary, supervisionPolicyArbitrary } from './policy-arbitraries.js';
import { createSampleSafetyDirectory } from './sample-directory.js';
import { sampleHazardCommands, sampleNow } from './sample-hazard-commands.js';

const directory = createSampleSafetyDirectory();
const subject = { kind: 'enterprise' as const, id: 'ent-chem' };
const decider = createHazardDecider({ directory });
const context = (state: HazardState) => ({
  now: sampleNow,
  streamId: hazardStreamId('h-1'),
  version: state.version,
});

describe('safetyActorArbitrary', () => {
  it('draws actors inside or outside a subject’s scope, by role', () => {
    fc.assert(
      fc.property(safetyActorArbitrary(directory, { subject, scope: 'in' }), (actor) =>
        isActorInScope(directory, actor, subject),
      ),
    );
    fc.assert(
      fc.property(
        safetyActorArbitrary(directory, { subject, scope: 'out' }),
        (actor) => !isActorInScope(directory, actor, subject),
      ),
    );
    fc.assert(
      fc.property(
        safetyActorArbitrary(directory, { roles: ['AuthorityHead'] }),
        (actor) => actor.role === 'AuthorityHead',
      ),
    );
    expect(() => safetyActorArbitrary(directory, { roles: ['Leader'] })).toThrow(RangeError);
  });
});

describe('policy arbitraries', () => {
  it('draws valid policies and invalid inputs that name their bad keys', () => {
    fc.assert(
      fc.property(supervisionPolicyArbitrary(), (policy) => Object.isFrozen(policy)),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(invalidPolicyInputArbitrary(), ({ input, badKeys }) => {
        try {
          createSupervisionPolicy(input as never);
          return false;
        } catch (error) {
          return isValidationError(error) && error.issues.length === badKeys.length;
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('hazard command arbitraries', () => {
  const kit = sampleHazardCommands(directory);
  const states: HazardState[] = [
    decider.initialState(),
    ...[
      [kit.registerGeneral()],
      [kit.registerGeneral(), kit.complete()],
      [kit.registerMajor(), ...kit.majorPrerequisites()],
      [kit.registerMajor(), ...kit.majorPrerequisites(), kit.complete()],
    ].map((commands) =>
      historyOf(decider, commands, { now: sampleNow, streamId: 'hazard-h-1' }).reduce(
        decider.evolve,
        decider.initialState(),
      ),
    ),
  ];

  it('registerHazardArbitrary draws registrations the decider accepts', () => {
    fc.assert(
      fc.property(registerHazardArbitrary({ directory, now: sampleNow }), (command) => {
        decider.decide(command, decider.initialState(), context(decider.initialState()));
      }),
      { numRuns: 100 },
    );
  });

  it('valid commands are accepted and invalid ones rejected with a rule violation or a validation error', () => {
    for (const state of states) {
      const options = { directory, state, now: sampleNow };
      fc.assert(
        fc.property(validHazardCommandArbitrary(options), (command) => {
          decider.decide(command, state, context(state));
        }),
        { numRuns: 30 },
      );
      fc.assert(
        fc.property(invalidHazardCommandArbitrary(options), (command) => {
          expect(() => decider.decide(command as never, state, context(state))).toThrow();
          try {
            decider.decide(command as never, state, context(state));
          } catch (error) {
            expect(isRuleViolation(error) || isValidationError(error)).toBe(true);
          }
        }),
        { numRuns: 30 },
      );
      fc.assert(
        fc.property(hazardCommandArbitrary(options), () => true),
        { numRuns: 10 },
      );
    }
  });

  it('has no valid command for a closed or voided hazard', () => {
    const voided = historyOf(
      decider,
      [
        kit.registerGeneral(),
        { type: 'VoidHazard', actor: kit.actors.principal, reason: 'duplicate' },
      ],
      {
        now: sampleNow,
        streamId: 'hazard-h-1',
      },
    ).reduce(decider.evolve, decider.initialState());
    expect(() => validHazardCommandArbitrary({ directory, state: voided, now: sampleNow })).toThrow(
      RangeError,
    );
    fc.assert(
      fc.property(
        invalidHazardCommandArbitrary({ directory, state: voided, now: sampleNow }),
        (command) => {
          // Schema-invalid input fails validation first; anything well-formed meets H-7.
          try {
            decider.decide(command as never, voided, context(voided));
            expect.unreachable('a command was accepted on a voided hazard');
          } catch (error) {
            expect(
              isValidationError(error) || (isRuleViolation(error) && error.rule === 'H-7'),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
