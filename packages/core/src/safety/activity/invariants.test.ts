import {
  activityCommandArbitrary,
  createSampleSafetyDirectory,
  emergencyPlanCommandArbitrary,
} from '@safeledger/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isRuleViolation, isValidationError } from '../../eventsourcing/errors.js';
import { createEmergencyPlanDecider } from '../emergency-plan/decide.js';
import { effectivePlanVersion } from '../emergency-plan/effective.js';
import {
  type EmergencyPlanState,
  evolveEmergencyPlan,
  initialEmergencyPlanState,
} from '../emergency-plan/state.js';
import { createActivityDecider } from './decide.js';
import { type ActivityState, evolveActivity, initialActivityState } from './state.js';

// Invariants over every state reachable by random commands of the shared arbitraries: whatever a
// sequence contains, an accepted state obeys, and a plan's effective version is
// always one that was published.

const directory = createSampleSafetyDirectory();
const DAY = 86_400_000;

it('A-1 and A-2 hold in every activity state reachable by random commands as days pass', () => {
  const decider = createActivityDecider({ directory });
  const seen = new Set<string>();
  const wanted = ['A-0', 'A-1', 'A-2', 'G-5', 'accepted'];
  // A rare refusal is reached in most batches of runs, not all: a batch that misses one is
  // followed by another, up to ten, so the coverage check does not fail on an unlucky seed.
  for (let batch = 0; batch < 10 && wanted.some((what) => !seen.has(what)); batch += 1) {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30 }),
            activityCommandArbitrary({ directory, today: '2024-06-30' }),
          ),
          { maxLength: 10 },
        ),
        (steps) => {
          let state: ActivityState = initialActivityState();
          let now = Date.parse('2024-06-30T04:00:00Z');
          for (const [days, command] of steps) {
            now += days * DAY;
            try {
              const events = decider.decide(command, state, {
                now: new Date(now),
                streamId: 'act-a-1',
                version: state.version,
              });
              state = [events].flat().reduce(evolveActivity, state);
              seen.add('accepted');
            } catch (error) {
              if (!isRuleViolation(error) && !isValidationError(error)) throw error;
              seen.add(isRuleViolation(error) ? error.rule : 'validation');
            }
            if (state.activityId === null) continue;
            const { facts } = state;
            expect(facts.participantCount).toBeGreaterThanOrEqual(0);
            expect(facts.materials.manuals).toBeGreaterThanOrEqual(0);
            expect(facts.materials.posters).toBeGreaterThanOrEqual(0);
            if (facts.kind !== 'drill')
              expect([facts.planId, facts.planKind]).toEqual([null, null]);
          }
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 200) },
    );
  }
  expect([...seen].sort()).toEqual(wanted);
});

it('EP-1 the effective version is always a published one, by random commands as weeks pass', () => {
  const decider = createEmergencyPlanDecider({ directory });
  const seen = new Set<string>();
  const wanted = ['EP-0', 'EP-1', 'G-5', 'accepted'];
  // A rare refusal is reached in most batches of runs, not all: a batch that misses one is
  // followed by another, up to ten, so the coverage check does not fail on an unlucky seed.
  for (let batch = 0; batch < 10 && wanted.some((what) => !seen.has(what)); batch += 1) {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(0, 7, 14, 60), emergencyPlanCommandArbitrary({ directory })),
          { maxLength: 12 },
        ),
        (steps) => {
          let state: EmergencyPlanState = initialEmergencyPlanState();
          let now = Date.parse('2024-01-01T00:00:00Z');
          const published = new Set<number>();
          for (const [days, command] of steps) {
            now += days * DAY;
            try {
              const events = [
                decider.decide(command, state, {
                  now: new Date(now),
                  streamId: 'plan-p-1',
                  version: state.version,
                }),
              ].flat();
              for (const event of events) {
                if (event.type === 'PlanPublished') published.add(event.data.version);
              }
              state = events.reduce(evolveEmergencyPlan, state);
              seen.add('accepted');
            } catch (error) {
              if (!isRuleViolation(error)) throw error;
              seen.add(error.rule);
            }
            const effective = effectivePlanVersion(state, new Date(now));
            if (effective !== undefined) expect(published.has(effective)).toBe(true);
            if (state.planId !== null && state.retiredAt !== null)
              expect(effective).toBeUndefined();
          }
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 200) },
    );
  }
  expect([...seen].sort()).toEqual(wanted);
});
