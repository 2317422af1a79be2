import { sampleHazardCommands } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import { createSupervisionPolicy, type SupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import { lateEntryOf, lateEntryRoles } from './late-entry.js';
import { evolveHazard, type HazardState, initialHazardState } from './state.js';
import { isDeadlineMet, isOverdue } from './time-facts.js';

const kit = sampleHazardCommands();
const { actors } = kit;
const policy = createSupervisionPolicy();

/** Decides each command at its own recording time; returns the state and the events. */
function run(
  steps: readonly (readonly [HazardCommand, string])[],
  withPolicy: SupervisionPolicy = policy,
): { state: HazardState; events: HazardEvent[] } {
  const decider = createHazardDecider({ directory: kit.directory, policy: withPolicy });
  let state = initialHazardState();
  const events: HazardEvent[] = [];
  for (const [command, recordedAt] of steps) {
    const decided = ([] as HazardEvent[]).concat(
      decider.decide(command, state, {
        now: new Date(recordedAt),
        streamId: 'hazard-h-1',
        version: events.length,
        facts: undefined,
      }),
    );
    events.push(...decided);
    state = decided.reduce(evolveHazard, state);
  }
  return { state, events };
}

function violation(thunk: () => unknown): RuleViolationError {
  try {
    thunk();
  } catch (error) {
    if (error instanceof RuleViolationError) return error;
    throw error;
  }
  throw new Error('expected a rule violation');
}

// Registered 2024-03-01 10:00 local, due 2024-03-10.
const registered = [
  kit.registerGeneral({ deadline: '2024-03-10' }),
  '2024-03-01T02:00:00Z',
] as const;
const fiveDaysLater = '2024-03-09T02:00:00Z';
const datedEarly = '2024-03-04T02:00:00Z';

describe('H-30 late entries', () => {
  it('H-30 an entry back-dated beyond maxBackdatingHours needs a reason and a supervisory actor', () => {
    const noReason = violation(() =>
      run([registered, [kit.complete({ occurredAt: datedEarly }), fiveDaysLater]]),
    );
    expect(noReason).toMatchObject({ rule: 'H-30', violation: 'LateEntryReasonRequired' });
    expect(noReason.details).toMatchObject({ maxBackdatingHours: 72, occurredAt: datedEarly });
    const clerk = violation(() =>
      run([
        registered,
        [kit.complete({ occurredAt: datedEarly, lateEntryReason: 'paper record' }), fiveDaysLater],
      ]),
    );
    expect(clerk).toMatchObject({ rule: 'H-30', violation: 'SupervisorRequired' });
    expect(clerk.details).toMatchObject({ role: 'SafetyOfficer' });
    const { events } = run([
      registered,
      [
        kit.complete({
          actor: actors.principal,
          occurredAt: datedEarly,
          lateEntryReason: 'paper record',
        }),
        fiveDaysLater,
      ],
    ]);
    expect(events[1]?.data).toMatchObject({
      occurredAt: datedEarly,
      lateEntry: { reason: 'paper record', recordedAt: '2024-03-09T02:00:00.000Z' },
    });
  });

  it('H-30 within the bound business time counts and nothing is flagged', () => {
    const { events } = run([
      registered,
      [kit.complete({ occurredAt: '2024-03-06T03:00:00Z' }), fiveDaysLater],
    ]);
    expect(events[1]?.data).not.toHaveProperty('lateEntry');
    // The bound is a policy value: ten days let the clerk enter the five-day-old record.
    const lenient = createSupervisionPolicy({ maxBackdatingHours: 240 });
    const relaxed = run(
      [registered, [kit.complete({ occurredAt: datedEarly }), fiveDaysLater]],
      lenient,
    );
    expect(relaxed.events[1]?.data).not.toHaveProperty('lateEntry');
  });

  it('H-30 H-8 an extension recorded after the deadline but dated before it is late', () => {
    const extend = (extra: Partial<HazardCommand>) =>
      ({
        type: 'ExtendRectificationDeadline',
        actor: actors.principal,
        newDeadline: '2024-03-31',
        reason: 'parts delayed',
        ...extra,
      }) as HazardCommand;
    const late = violation(() =>
      run([
        registered,
        [
          extend({ occurredAt: '2024-03-09T02:00:00Z', lateEntryReason: 'approved on paper' }),
          '2024-03-20T02:00:00Z',
        ],
      ]),
    );
    expect(late).toMatchObject({ rule: 'H-8', violation: 'LateExtension' });
    expect(late.details).toMatchObject({ requestedAt: '2024-03-20T02:00:00.000Z' });
    // Dated before the deadline and recorded within the bound after it: business time counts.
    const { state } = run([
      registered,
      [extend({ occurredAt: '2024-03-10T12:00:00Z' }), '2024-03-11T02:00:00Z'],
    ]);
    expect(state).toMatchObject({ deadline: '2024-03-31' });
  });

  it('H-30 on-time metrics judge a late entry by its recording time', () => {
    const { state } = run([
      registered,
      [
        kit.complete({
          actor: actors.principal,
          occurredAt: '2024-03-09T02:00:00Z',
          lateEntryReason: 'paper record',
        }),
        '2024-03-20T02:00:00Z',
      ],
    ]);
    expect(isDeadlineMet(state, '2024-03-25T00:00:00Z', policy)).toBe(false);
    expect(isOverdue(state, '2024-03-15T00:00:00Z', policy)).toBe(true);
    expect(isOverdue(state, '2024-03-21T00:00:00Z', policy)).toBe(false);
    const timely = run([
      registered,
      [kit.complete({ occurredAt: '2024-03-09T02:00:00Z' }), '2024-03-10T02:00:00Z'],
    ]);
    expect(isDeadlineMet(timely.state, '2024-03-25T00:00:00Z', policy)).toBe(true);
  });

  it('H-21 a new deadline set by a failed verification is not already past when it is judged', () => {
    const regulatorFound = [
      kit.registerGeneral({ actor: actors.officers[0], source: 'regulator_inspection' }),
      '2024-03-01T02:00:00Z',
    ] as const;
    const completed = [kit.complete(), '2024-03-02T02:00:00Z'] as const;
    const failed = (newDeadline: string, extra: Partial<HazardCommand> = {}) =>
      ({
        type: 'VerifyRectification',
        actor: actors.officers[1],
        outcome: 'failed',
        kind: 'regulator_review',
        verifierIds: ['p-enf-2'],
        newDeadline,
        ...extra,
      }) as HazardCommand;
    const past = violation(() =>
      run([regulatorFound, completed, [failed('2024-04-05'), '2024-04-10T02:00:00Z']]),
    );
    expect(past).toMatchObject({ rule: 'H-21', violation: 'DeadlineInPast' });
    expect(past.details).toMatchObject({ judgedOn: '2024-04-10' });
    const { state } = run([
      regulatorFound,
      completed,
      [failed('2024-04-20'), '2024-04-10T02:00:00Z'],
    ]);
    expect(state).toMatchObject({ status: 'open', deadline: '2024-04-20' });
    // The judging day itself is not past: a fix completed that day meets the deadline.
    const sameDay = run([
      regulatorFound,
      completed,
      [failed('2024-04-10'), '2024-04-10T02:00:00Z'],
    ]);
    expect(sameDay.state).toMatchObject({ status: 'open', deadline: '2024-04-10' });
    const dayBefore = violation(() =>
      run([regulatorFound, completed, [failed('2024-04-09'), '2024-04-10T02:00:00Z']]),
    );
    expect(dayBefore.details).toMatchObject({ newDeadline: '2024-04-09', judgedOn: '2024-04-10' });
  });
});

describe('H-30 the bound and the answer for a late entry, exactly', () => {
  const recordedAt = new Date('2024-03-09T02:00:00.000Z');
  const hours = (n: number) => new Date(recordedAt.getTime() - n * 3_600_000).toISOString();
  const entry =
    (occurredAt: string, actor = actors.safetyOfficer, reason?: string) =>
    () =>
      lateEntryOf({ policy, occurredAt, recordedAt, actor, reason });

  it('H-30 back-dated by exactly maxBackdatingHours is within the bound; one millisecond more is not', () => {
    expect(entry(hours(72))()).toBeUndefined();
    const justBeyond = new Date(recordedAt.getTime() - 72 * 3_600_000 - 1).toISOString();
    expect(violation(entry(justBeyond))).toMatchObject({
      rule: 'H-30',
      violation: 'LateEntryReasonRequired',
    });
    // Dated after the recording time (a clock ahead) is not a back-dated entry.
    expect(entry('2024-03-10T02:00:00.000Z')()).toBeUndefined();
  });

  it('H-30 a blank reason is no reason', () => {
    for (const reason of ['', '   ', '\t']) {
      expect(violation(entry(hours(100), actors.principal, reason))).toMatchObject({
        rule: 'H-30',
        violation: 'LateEntryReasonRequired',
      });
    }
  });

  it('H-30 every supervisory role answers for a late entry; other roles do not; System is not bounded', () => {
    expect(lateEntryRoles).toEqual([
      'Principal',
      'VenueOperator',
      'AuthorityHead',
      'SafetyCommitteeOffice',
    ]);
    const principal = entry(hours(100), actors.principal, 'paper record')();
    expect(principal).toEqual({ reason: 'paper record', recordedAt: '2024-03-09T02:00:00.000Z' });
    const head = entry(hours(100), actors.head, 'paper record')();
    expect(head).toEqual({ reason: 'paper record', recordedAt: '2024-03-09T02:00:00.000Z' });
    const officer = violation(entry(hours(100), actors.officers[0], 'paper record'));
    expect(officer).toMatchObject({ rule: 'H-30', violation: 'SupervisorRequired' });
    expect(officer.details).toMatchObject({
      role: 'EnforcementOfficer',
      allowedRoles: lateEntryRoles,
      maxBackdatingHours: 72,
      recordedAt: '2024-03-09T02:00:00.000Z',
    });
    const system = { personId: 'sys', role: 'System' as const };
    expect(entry(hours(1000), system)()).toBeUndefined();
  });
});
