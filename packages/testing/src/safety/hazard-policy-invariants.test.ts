import { createSupervisionPolicy, type HazardEvent } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { type HazardPolicyView, hazardPolicyInvariants } from './hazard-policy-invariants.js';

// Hand-written histories that break one rule each: every invariant must name the problem, so
// verifyPolicy cannot pass a decider that breaks it.
const actor = { personId: 'p-1', role: 'SafetyOfficer' as const, enterpriseId: 'ent-1' };
const event = (type: string, at: string, data: Record<string, unknown> = {}): HazardEvent =>
  ({ type, data: { hazardId: 'h-1', occurredAt: at, actor, ...data } }) as unknown as HazardEvent;
const registered = (grade: 'general' | 'major') =>
  event('HazardRegistered', '2024-03-01T02:00:00Z', { grade });
const invariant = (rule: string) => {
  const found = hazardPolicyInvariants.find((candidate) => candidate.rule === rule);
  if (found === undefined) throw new Error(`no invariant for ${rule}`);
  return found;
};
const view = (
  events: HazardEvent[],
  overrides: Partial<HazardPolicyView> = {},
): HazardPolicyView => ({
  policy: createSupervisionPolicy(),
  events,
  lastEvents: events.slice(-1),
  now: new Date('2024-03-10T00:00:00Z'),
  ...overrides,
});

describe('hazardPolicyInvariants', () => {
  it('H-30: a business time after the recording time, or back-dated without a reason, is caught', () => {
    const future = view([registered('general')], { now: new Date('2024-02-01T00:00:00Z') });
    expect(invariant('H-30').check(future)).toMatch(/after/);
    expect(invariant('H-30').check(view([registered('general')]))).toMatch(
      /back-dated more than 72 h/,
    );
    const late = event('HazardRegistered', '2024-03-01T02:00:00Z', {
      lateEntry: { reason: 'paper record', recordedAt: '2024-03-10T00:00:00Z' },
    });
    expect(invariant('H-30').check(view([late]))).toBeUndefined();
  });

  it('H-7: an event after a closure is caught', () => {
    const events = [
      registered('general'),
      event('HazardClosed', '2024-03-02T00:00:00Z'),
      event('HazardDetailsCorrected', '2024-03-03T00:00:00Z'),
    ];
    expect(invariant('H-7').check(view(events))).toMatch(
      /HazardDetailsCorrected follows HazardClosed/,
    );
  });

  it('H-18: a major passed by too few officers, or not by a regulator, is caught', () => {
    const verified = (verifierIds: string[], byRegulator: boolean) =>
      event('RectificationVerified', '2024-03-05T00:00:00Z', {
        outcome: 'passed',
        verifierIds,
        byRegulator,
      });
    const policy = createSupervisionPolicy({ minVerifiersMajor: 3 });
    expect(
      invariant('H-18').check(
        view([registered('major'), verified(['a', 'b', 'b'], true)], { policy }),
      ),
    ).toMatch(/2 verifier/);
    expect(
      invariant('H-18').check(
        view([registered('major'), verified(['a', 'b', 'c'], false)], { policy }),
      ),
    ).toMatch(/not made by a regulator/);
    expect(
      invariant('H-18').check(view([registered('general'), verified(['a'], false)], { policy })),
    ).toBeUndefined();
  });

  it('H-19: the rectifier among the verifiers is caught only when the policy forbids it', () => {
    const events = [
      registered('general'),
      event('RectificationCompleted', '2024-03-04T00:00:00Z'),
      event('RectificationVerified', '2024-03-05T00:00:00Z', {
        outcome: 'passed',
        verifierIds: ['p-1'],
      }),
    ];
    expect(invariant('H-19').check(view(events))).toMatch(/p-1 completed the rectification/);
    const lenient = createSupervisionPolicy({ verifierMustDifferFromRectifier: false });
    expect(invariant('H-19').check(view(events, { policy: lenient }))).toBeUndefined();
  });

  it('H-20: a closure without a passed verification after the completion, or a major without a plan, is caught', () => {
    const completed = event('RectificationCompleted', '2024-03-04T00:00:00Z');
    const passed = event('RectificationVerified', '2024-03-05T00:00:00Z', {
      outcome: 'passed',
      verifierIds: ['x'],
    });
    const closed = event('HazardClosed', '2024-03-06T00:00:00Z');
    expect(invariant('H-20').check(view([registered('general'), completed, closed]))).toMatch(
      /without a verification/,
    );
    expect(
      invariant('H-20').check(view([registered('general'), passed, completed, closed])),
    ).toMatch(/older than the completion/);
    expect(invariant('H-20').check(view([registered('major'), completed, passed, closed]))).toMatch(
      /without a rectification plan/,
    );
    expect(
      invariant('H-20').check(view([registered('general'), completed, passed, closed])),
    ).toBeUndefined();
  });

  it('H-8: an extension to an earlier date, or requested after the deadline, is caught unless allowed', () => {
    const extension = (at: string, old: string, next: string) =>
      event('RectificationDeadlineExtended', at, { via: 'extension', old, new: next });
    expect(
      invariant('H-8').check(
        view([
          registered('general'),
          extension('2024-03-02T00:00:00Z', '2024-03-31', '2024-03-20'),
        ]),
      ),
    ).toMatch(/moved the deadline/);
    // 2024-04-01T01:00 in Shanghai is already 1 April: one day after a 31 March deadline.
    const late = [
      registered('general'),
      extension('2024-03-31T17:00:00Z', '2024-03-31', '2024-04-30'),
    ];
    const shanghai = createSupervisionPolicy({ timezone: 'Asia/Shanghai' });
    expect(invariant('H-8').check(view(late, { policy: shanghai }))).toMatch(
      /after the deadline 2024-03-31/,
    );
    const allowed = createSupervisionPolicy({
      timezone: 'Asia/Shanghai',
      allowLateDeadlineExtension: true,
    });
    expect(invariant('H-8').check(view(late, { policy: allowed }))).toBeUndefined();
  });
});
