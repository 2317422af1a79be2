import {
  type DutyRosterCommand,
  type DutyRosterDecider,
  type DutyRosterEvent,
  type DutyRosterState,
  dutyRosterStreamId,
  type InMemoryDirectory,
  type SupervisionPolicy,
} from '@safeledger/core';
import fc from 'fast-check';
import {
  dutyRosterCommandArbitrary,
  dutyRosterScheduleArbitrary,
} from './duty-command-arbitraries.js';
import { type DutyPolicyView, dutyPolicyInvariants } from './duty-policy-invariants.js';
import { localDateIn } from './policy-calendar.js';
import type { PolicySubject } from './policy-lifecycle.js';

type Schedule = Extract<DutyRosterCommand, { type: 'ScheduleDutyRoster' }>;

/** How a probe marks its shifts: none, all, or just those touching a reinforced date. */
type Marking = 'none' | 'all' | 'touching';

function marked(command: Schedule, marking: Marking, policy: SupervisionPolicy): Schedule {
  const dates = new Set(policy.reinforcedDutyDates);
  return {
    ...command,
    shifts: command.shifts.map((shift) => {
      const touches =
        dates.has(localDateIn(shift.start, policy.timezone)) ||
        dates.has(localDateIn(Date.parse(shift.end) - 1, policy.timezone));
      return { ...shift, reinforced: marking === 'all' || (marking === 'touching' && touches) };
    }),
  };
}

/**
 * The DutyRoster aggregate as `verifyPolicy` drives it: the commands of
 * `dutyRosterCommandArbitrary` cut in the policy's time zone, plus probes at the policy's
 * values: flawless rosters for the months of `reinforcedDutyDates` with no shift, every shift or
 * just the touching ones reinforced, and rosters cut in another time zone (DR-1). Checked
 * against `dutyPolicyInvariants`.
 */
export function dutyPolicySubject(
  decider: DutyRosterDecider,
  directory: InMemoryDirectory,
  policy: SupervisionPolicy,
): PolicySubject<DutyRosterState, DutyRosterEvent, DutyPolicyView> {
  const timeZone = policy.timezone;
  const months = [...new Set(policy.reinforcedDutyDates.map((date) => date.slice(0, 7)))];
  const month = months.length > 0 ? fc.constantFrom(...months) : fc.constant(undefined);
  const flawless = (zone: string) =>
    month.chain((m) =>
      dutyRosterScheduleArbitrary({ directory, timeZone: zone, ...(m ? { month: m } : {}) })
        .filter((drawn) => drawn.flaw === 'none')
        .map((drawn) => drawn.command as Schedule),
    );
  const elsewhere = timeZone === 'UTC' ? 'Asia/Shanghai' : 'UTC';
  const probes = fc.oneof(
    fc
      .tuple(flawless(timeZone), fc.constantFrom<Marking>('none', 'all', 'touching'))
      .map(([command, marking]) => marked(command, marking, policy)),
    flawless(elsewhere).map((command) => marked(command, 'touching', policy)),
  );
  const base = dutyRosterCommandArbitrary({ directory, timeZone });
  const later = base.filter((command) => command.type !== 'ScheduleDutyRoster');
  return {
    decider: decider as PolicySubject<DutyRosterState, DutyRosterEvent, DutyPolicyView>['decider'],
    invariants: dutyPolicyInvariants,
    // Once the month is scheduled, a schedule is only ever refused (DR-0): draw the rest.
    nextArgs: (state) => [state.month !== null],
    next: (scheduled: boolean): fc.Arbitrary<unknown> =>
      scheduled
        ? fc.oneof({ arbitrary: base, weight: 1 }, { arbitrary: later, weight: 3 })
        : fc.oneof({ arbitrary: base, weight: 1 }, { arbitrary: probes, weight: 2 }),
    streamId: (state, command) =>
      dutyRosterStreamId(
        state.month ??
          (typeof (command as { month?: unknown } | null)?.month === 'string'
            ? (command as { month: string }).month
            : '2024-01'),
      ),
    ended: () => false,
    // Only the schedule has policy invariants; a few later commands show it stays consistent.
    runsShare: 0.2,
    maxCommands: 4,
    view: (view) => view,
  };
}
