import { sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import {
  evolveHazard,
  type HazardCompletion,
  type HazardState,
  type HazardVerification,
  initialHazardState,
  type RegisteredHazard,
} from './state.js';
import {
  daysOverdue,
  deadlineMetAt,
  isDeadlineMet,
  isMajorReportLate,
  isOverdue,
  isVerificationSlaBreached,
  majorReportDueAt,
  verificationDueDate,
} from './time-facts.js';

// The time-derived facts (H-29, H-11, H-22) at their exact bounds: one millisecond either side of
// each instant that decides them, on states that differ from a real one in a single field.
const kit = sampleHazardCommands();
const { actors } = kit;
const policy = createSupervisionPolicy();
const byClosure = createSupervisionPolicy({ deadlineMetBy: 'closure' });
const decider = createHazardDecider({ directory: kit.directory, policy });

function stateAfter(commands: readonly HazardCommand[]): RegisteredHazard {
  let state: HazardState = initialHazardState();
  for (const command of commands) {
    const decided = ([] as HazardEvent[]).concat(
      decider.decide(command, state, {
        now: sampleNow,
        streamId: 'hazard-h-1',
        version: state.version,
        facts: undefined,
      }),
    );
    state = decided.reduce(evolveHazard, state);
  }
  if (state.status === 'unregistered') throw new Error('expected a registered hazard');
  return state;
}

// Due 2024-03-10: the local day (Asia/Shanghai) ends at 2024-03-10T15:59:59.999Z.
const open = stateAfter([kit.registerGeneral({ deadline: '2024-03-10' })]);
const endOfDeadline = '2024-03-10T15:59:59.999Z';
const afterDeadline = '2024-03-10T16:00:00.000Z';
const completion = (judgedAt: string, onSpot = false): HazardCompletion => ({
  atVersion: 2,
  completedAt: judgedAt,
  judgedAt,
  by: actors.safetyOfficer2,
  onSpot,
});
const completedAt = (judgedAt: string, onSpot = false): RegisteredHazard => ({
  ...open,
  version: 2,
  status: 'awaiting_verification',
  lastCompletion: completion(judgedAt, onSpot),
  completions: 1,
});

describe('H-29 deadline met and overdue at their bounds', () => {
  it('H-29 deadlineMetAt: completion under completion, closure under closure, on-spot fixes always at completion', () => {
    const done = completedAt('2024-03-05T02:00:00Z');
    expect(deadlineMetAt(done, policy)).toBe('2024-03-05T02:00:00Z');
    expect(deadlineMetAt(done, byClosure)).toBeNull();
    expect(deadlineMetAt({ ...done, closureJudgedAt: '2024-03-07T02:00:00Z' }, byClosure)).toBe(
      '2024-03-07T02:00:00Z',
    );
    const onSpot = completedAt('2024-03-05T02:00:00Z', true);
    expect(deadlineMetAt(onSpot, byClosure)).toBe('2024-03-05T02:00:00Z');
    // Sent back to rectification (status open): the completion no longer stands, on the spot or not.
    expect(deadlineMetAt({ ...done, status: 'open' }, policy)).toBeNull();
    expect(deadlineMetAt({ ...onSpot, status: 'open' }, byClosure)).toBeNull();
    expect(deadlineMetAt({ ...done, status: 'voided' }, policy)).toBeNull();
    expect(deadlineMetAt(open, policy)).toBeNull();
    expect(deadlineMetAt(initialHazardState(), policy)).toBeNull();
  });

  it('H-29 met on the last millisecond of the deadline day, not one later', () => {
    expect(isDeadlineMet(completedAt(endOfDeadline), '2024-03-20T00:00:00Z', policy)).toBe(true);
    expect(isDeadlineMet(completedAt(afterDeadline), '2024-03-20T00:00:00Z', policy)).toBe(false);
    // Seen before the completion happened, it is not met yet; seen at that instant, it is.
    const done = completedAt('2024-03-05T02:00:00.000Z');
    expect(isDeadlineMet(done, '2024-03-05T01:59:59.999Z', policy)).toBe(false);
    expect(isDeadlineMet(done, '2024-03-05T02:00:00.000Z', policy)).toBe(true);
    expect(isDeadlineMet(open, '2024-03-05T02:00:00.000Z', policy)).toBe(false);
    expect(isDeadlineMet(initialHazardState(), '2024-03-05T02:00:00.000Z', policy)).toBe(false);
    expect(() => isDeadlineMet(done, 'soon', policy)).toThrow(TypeError);
  });

  it('H-29 overdue: the instant of completion ends it; a voided hazard is never overdue', () => {
    const late = completedAt('2024-03-12T02:00:00.000Z');
    expect(isOverdue(late, '2024-03-12T01:59:59.999Z', policy)).toBe(true);
    expect(isOverdue(late, '2024-03-12T02:00:00.000Z', policy)).toBe(false);
    expect(isOverdue(open, endOfDeadline, policy)).toBe(false);
    expect(isOverdue(open, afterDeadline, policy)).toBe(true);
    expect(isOverdue({ ...open, status: 'voided' }, '2024-04-01T00:00:00Z', policy)).toBe(false);
    expect(isOverdue(initialHazardState(), '2024-04-01T00:00:00Z', policy)).toBe(false);
    expect(daysOverdue({ ...open, status: 'voided' }, '2024-04-01T00:00:00Z', policy)).toBe(0);
    expect(daysOverdue(open, afterDeadline, policy)).toBe(1);
    expect(daysOverdue(open, endOfDeadline, policy)).toBe(0);
  });
});

describe('H-11 the major-hazard report clock at its bound', () => {
  const since = '2024-03-01T02:00:00.000Z';
  const major: RegisteredHazard = {
    ...open,
    grade: 'major',
    majorSince: since,
    source: 'self_inspection',
    reportedToRegulatorAt: null,
    reportJudgedAt: null,
  };
  const due = '2024-03-02T02:00:00.000Z';

  it('H-11 due majorHazardReportWithinHours after the hazard became major, for a self-found major only', () => {
    expect(majorReportDueAt(major, policy)?.toISOString()).toBe(due);
    const twoDays = createSupervisionPolicy({ majorHazardReportWithinHours: 48 });
    expect(majorReportDueAt(major, twoDays)?.toISOString()).toBe('2024-03-03T02:00:00.000Z');
    expect(majorReportDueAt({ ...major, grade: 'general' }, policy)).toBeUndefined();
    expect(majorReportDueAt({ ...major, majorSince: null }, policy)).toBeUndefined();
    expect(majorReportDueAt({ ...major, source: 'regulator_inspection' }, policy)).toBeUndefined();
    expect(majorReportDueAt({ ...major, source: 'service_visit' }, policy)).toBeUndefined();
    expect(majorReportDueAt(initialHazardState(), policy)).toBeUndefined();
  });

  it('H-11 a report at the due instant is on time; one millisecond later is late', () => {
    const reported = (at: string) => ({ ...major, reportedToRegulatorAt: at, reportJudgedAt: at });
    expect(isMajorReportLate(reported(due), '2024-04-01T00:00:00Z', policy)).toBe(false);
    expect(isMajorReportLate(reported('2024-03-02T02:00:00.001Z'), due, policy)).toBe(true);
    // Unfiled: late only once asOf is past the due instant.
    expect(isMajorReportLate(major, due, policy)).toBe(false);
    expect(isMajorReportLate(major, '2024-03-02T02:00:00.001Z', policy)).toBe(true);
    // A report from an earlier major period (before majorSince) does not answer this one.
    const earlier = reported('2024-02-01T00:00:00.000Z');
    expect(isMajorReportLate(earlier, due, policy)).toBe(false);
    expect(isMajorReportLate(earlier, '2024-03-02T02:00:00.001Z', policy)).toBe(true);
    // A report at the very instant the hazard became major answers it.
    expect(isMajorReportLate(reported(since), '2024-04-01T00:00:00Z', policy)).toBe(false);
    expect(isMajorReportLate({ ...major, status: 'voided' }, '2024-04-01T00:00:00Z', policy)).toBe(
      false,
    );
    expect(
      isMajorReportLate(
        { ...major, source: 'regulator_inspection' },
        '2024-04-01T00:00:00Z',
        policy,
      ),
    ).toBe(false);
  });
});

describe('H-22 the regulator verification SLA at its bound', () => {
  // Found by a regulator: the regulator verifies. Requested 2024-03-01 10:00 local, due 2024-03-11.
  const regulatorSide: RegisteredHazard = {
    ...open,
    version: 3,
    status: 'awaiting_verification',
    discoveredBy: actors.officers[0],
    source: 'regulator_inspection',
    lastCompletion: completion('2024-03-01T01:00:00.000Z'),
    verificationRequest: {
      atVersion: 3,
      requestedAt: '2024-03-01T02:00:00.000Z',
      purpose: 'closure',
    },
  };
  const endOfDue = '2024-03-11T15:59:59.999Z';
  const answered = (judgedAt: string, atVersion = 4): RegisteredHazard => {
    const verification: HazardVerification = {
      atVersion,
      verifiedAt: judgedAt,
      judgedAt,
      outcome: 'passed',
      kind: 'regulator_review',
      verifierIds: ['p-enf-1'],
      expertIds: [],
      byRegulator: true,
    };
    return { ...regulatorSide, version: 4, status: 'closed', lastVerification: verification };
  };

  it('H-22 due regulatorVerificationWithinDays after the local date of the request', () => {
    expect(verificationDueDate(regulatorSide, policy)).toBe('2024-03-11');
    const week = createSupervisionPolicy({ regulatorVerificationWithinDays: 7 });
    expect(verificationDueDate(regulatorSide, week)).toBe('2024-03-08');
    expect(verificationDueDate({ ...regulatorSide, verificationRequest: null }, policy)).toBe(
      undefined,
    );
    // Found by the enterprise itself: it verifies, and no regulator SLA applies.
    expect(
      verificationDueDate({ ...regulatorSide, discoveredBy: actors.safetyOfficer }, policy),
    ).toBe(undefined);
    expect(verificationDueDate(initialHazardState(), policy)).toBeUndefined();
  });

  it('H-22 a pending request is breached one millisecond after the due day ends', () => {
    expect(isVerificationSlaBreached(regulatorSide, endOfDue, policy)).toBe(false);
    expect(isVerificationSlaBreached(regulatorSide, '2024-03-11T16:00:00.000Z', policy)).toBe(true);
    const voided = { ...regulatorSide, status: 'voided' as const };
    expect(isVerificationSlaBreached(voided, '2024-04-01T00:00:00Z', policy)).toBe(false);
  });

  it('H-22 an answer on the last millisecond of the due day keeps the SLA; one later breaches it', () => {
    expect(isVerificationSlaBreached(answered(endOfDue), '2024-04-01T00:00:00Z', policy)).toBe(
      false,
    );
    expect(
      isVerificationSlaBreached(
        answered('2024-03-11T16:00:00.000Z'),
        '2024-03-12T00:00:00Z',
        policy,
      ),
    ).toBe(true);
    // A verification recorded before the request (or with it) does not answer it; a closed
    // hazard is then not breached, an open one is judged by asOf.
    for (const atVersion of [2, 3]) {
      const old = answered('2024-03-01T01:30:00.000Z', atVersion);
      expect(isVerificationSlaBreached(old, '2024-04-01T00:00:00Z', policy)).toBe(false);
      expect(
        isVerificationSlaBreached(
          { ...old, status: 'awaiting_verification' },
          '2024-04-01T00:00:00Z',
          policy,
        ),
      ).toBe(true);
    }
  });
});
