import {
  createDutyRosterDecider,
  createSupervisionPolicy,
  dutyRosterStreamId,
  isRuleViolation,
  isValidationError,
} from '@safeledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dutyRosterCommandArbitrary,
  dutyRosterScheduleArbitrary,
  type RosterFlaw,
} from './duty-command-arbitraries.js';
import { createSampleSafetyDirectory } from './sample-directory.js';

const directory = createSampleSafetyDirectory();
// The rule each flaw must be refused under.
const expected: Record<RosterFlaw, string | undefined> = {
  none: undefined,
  gap: 'DR-1',
  overlap: 'DR-1',
  no_officer: 'DR-2',
  no_leader: 'DR-2',
  stranger: 'G-5',
};

describe('duty roster arbitraries', () => {
  for (const timeZone of ['Asia/Shanghai', 'Europe/Berlin']) {
    it(`a drawn month's roster is accepted exactly when it has no flaw, else refused under its rule (${timeZone})`, () => {
      const decider = createDutyRosterDecider({
        directory,
        policy: createSupervisionPolicy({ timezone: timeZone }),
      });
      const seen = new Set<RosterFlaw>();
      fc.assert(
        fc.property(dutyRosterScheduleArbitrary({ directory, timeZone }), ({ command, flaw }) => {
          seen.add(flaw);
          let rule: string | undefined;
          try {
            decider.decide(command, decider.initialState(), {
              now: new Date('2025-01-10T00:00:00Z'),
              streamId: dutyRosterStreamId((command as { month: string }).month),
              version: 0,
            });
          } catch (error) {
            if (!isRuleViolation(error)) throw error;
            rule = error.rule;
          }
          expect(rule, `flaw ${flaw}`).toBe(expected[flaw]);
        }),
        { numRuns: 120 },
      );
      expect(seen.size).toBe(6);
    });
  }

  it('every drawn command gets events or a library error, never a crash', () => {
    const decider = createDutyRosterDecider({ directory });
    fc.assert(
      fc.property(dutyRosterCommandArbitrary({ directory }), (command) => {
        try {
          decider.decide(command, decider.initialState(), {
            now: new Date('2025-01-10T00:00:00Z'),
            streamId: dutyRosterStreamId('2024-03'),
            version: 0,
          });
        } catch (error) {
          expect(isRuleViolation(error) || isValidationError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
