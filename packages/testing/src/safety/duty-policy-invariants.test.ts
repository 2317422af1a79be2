import { createSupervisionPolicy, type DutyRosterEvent } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { type DutyPolicyView, dutyPolicyInvariants } from './duty-policy-invariants.js';

// Hand-written rosters that break one rule each under a policy, and the same kept within it.
const actor = { personId: 'p-safety-head', role: 'AuthorityHead' as const, orgId: 'org-safety' };
const shift = (shiftId: string, start: string, end: string, reinforced = false) =>
  ({
    type: 'ShiftScheduled',
    data: {
      month: '2024-02',
      occurredAt: '2024-01-10T00:00:00Z',
      actor,
      orgId: 'org-safety',
      shiftId,
      start,
      end,
      dutyOfficerId: 'p-enf-1',
      leaderOnCallId: 'p-safety-head',
      reinforced,
    },
  }) as DutyRosterEvent;
const invariant = (rule: string) => {
  const found = dutyPolicyInvariants.find((candidate) => candidate.rule === rule);
  if (found === undefined) throw new Error(`no invariant for ${rule}`);
  return found;
};
const view = (events: DutyRosterEvent[], input = {}): DutyPolicyView => ({
  policy: createSupervisionPolicy(input),
  events,
  lastEvents: events,
  now: new Date('2024-01-10T00:00:00Z'),
});
// February 2024 in Shanghai: 2024-01-31T16:00Z to 2024-02-29T16:00Z.
const february = (reinforcedMiddle = false) => [
  shift('s-0', '2024-01-31T16:00:00Z', '2024-02-10T16:00:00Z'),
  shift('s-1', '2024-02-10T16:00:00Z', '2024-02-11T16:00:00Z', reinforcedMiddle),
  shift('s-2', '2024-02-11T16:00:00Z', '2024-02-29T16:00:00Z'),
];

describe('dutyPolicyInvariants', () => {
  it('DR-1: a month cut in another time zone than the policy’s starts before its first local midnight, and is caught', () => {
    expect(invariant('DR-1').check(view(february()))).toBeUndefined();
    expect(invariant('DR-1').check(view(february(), { timezone: 'UTC' }))).toMatch(
      /an overlap at 2024-01-31T16:00:00.000Z in UTC/,
    );
    const overlap = [...february()];
    overlap[1] = shift('s-1', '2024-02-10T15:00:00Z', '2024-02-11T16:00:00Z');
    expect(invariant('DR-1').check(view(overlap))).toMatch(/an overlap/);
    expect(invariant('DR-1').check(view(february().slice(0, 2)))).toMatch(/ends at/);
  });

  it('DR-3: a shift touching a reinforced date without reinforcement is caught', () => {
    const policy = { reinforcedDutyDates: ['2024-02-10'] };
    // s-0 ends at local midnight of 2024-02-11: it touches 2024-02-10, s-1 does not.
    expect(invariant('DR-3').check(view(february(), policy))).toMatch(
      /shift s-0 touches the reinforced duty date 2024-02-10/,
    );
    const reinforced = [shift('s-0', '2024-01-31T16:00:00Z', '2024-02-10T16:00:00Z', true)];
    expect(invariant('DR-3').check(view(reinforced, policy))).toBeUndefined();
    expect(invariant('DR-3').relevant?.(createSupervisionPolicy())).toBe(false);
    expect(
      invariant('DR-3').applies(view(february(), { reinforcedDutyDates: ['2024-03-08'] })),
    ).toBe(false);
  });
});
