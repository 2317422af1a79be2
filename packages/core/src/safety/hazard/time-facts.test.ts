import { historyOf, sampleHazardCommands, sampleNow } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import type { HazardCommand } from './commands.js';
import { createHazardDecider } from './decide.js';
import type { HazardEvent } from './events.js';
import { type HazardState, initialHazardState } from './state.js';
import {
  daysOverdue,
  isDeadlineMet,
  isMajorReportLate,
  isOverdue,
  isVerificationSlaBreached,
  majorReportDueAt,
  verificationDueDate,
} from './time-facts.js';

const kit = sampleHazardCommands();
const { actors } = kit;
const policy = createSupervisionPolicy();
const decider = createHazardDecider({ directory: kit.directory, policy });
const fold = (commands: HazardCommand[], now = sampleNow): HazardState =>
  historyOf(decider, commands, { now, streamId: 'hazard-h-1' }).reduce(
    decider.evolve,
    initialHazardState(),
  );
const plusMs = (ms: number) => new Date(sampleNow.getTime() + ms);
const hour = 3_600_000;

describe('H-29 time-derived facts are computed from the state and an asOf instant', () => {
  const open = fold([kit.registerGeneral({ deadline: '2024-03-10' })]);

  it('H-29 a hazard is overdue only after the end of its local deadline day', () => {
    // 2024-03-10 23:59:59.999 in Asia/Shanghai is 15:59:59.999Z.
    expect(isOverdue(open, '2024-03-10T15:59:59.999Z', policy)).toBe(false);
    expect(isOverdue(open, '2024-03-10T16:00:00.000Z', policy)).toBe(true);
    expect(daysOverdue(open, '2024-03-10T16:00:00.000Z', policy)).toBe(1);
    expect(daysOverdue(open, '2024-03-13T15:59:59.999Z', policy)).toBe(3);
    expect(daysOverdue(open, '2024-03-09T00:00:00.000Z', policy)).toBe(0);
    expect(() => isOverdue(open, 'next Tuesday', policy)).toThrow(TypeError);
    const utc = createSupervisionPolicy({ timezone: 'UTC' });
    expect(isOverdue(open, '2024-03-10T16:00:00.000Z', utc)).toBe(false);
  });

  it('H-29 the deadline is met by completion or by closure, per deadlineMetBy', () => {
    const completed = fold([kit.registerGeneral({ deadline: '2024-03-10' }), kit.complete()]);
    const byClosure = createSupervisionPolicy({ deadlineMetBy: 'closure' });
    expect(isDeadlineMet(completed, '2024-03-20T00:00:00Z', policy)).toBe(true);
    expect(isOverdue(completed, '2024-03-20T00:00:00Z', policy)).toBe(false);
    expect(isDeadlineMet(completed, '2024-03-20T00:00:00Z', byClosure)).toBe(false);
    expect(isOverdue(completed, '2024-03-20T00:00:00Z', byClosure)).toBe(true);
    // A failed verification sends the hazard back: the deadline is no longer met.
    const failed = fold([
      kit.registerGeneral({ deadline: '2024-03-10' }),
      kit.complete(),
      {
        type: 'VerifyRectification',
        actor: actors.safetyOfficer,
        outcome: 'failed',
        kind: 'internal_check',
        verifierIds: ['p-so-1'],
      },
    ]);
    expect(isOverdue(failed, '2024-03-20T00:00:00Z', policy)).toBe(true);
    const voided = fold([
      kit.registerGeneral({ deadline: '2024-03-10' }),
      { type: 'VoidHazard', actor: actors.principal, reason: 'duplicate' },
    ]);
    expect(isOverdue(voided, '2024-12-31T00:00:00Z', policy)).toBe(false);
  });

  it('H-29 G-6 no time-derived fact is stored: the state does not change with time', () => {
    const keys = Object.keys(open).join(' ');
    expect(keys).not.toMatch(/overdue|late|breach|expired/i);
    expect(isOverdue(open, '2024-03-01T00:00:00Z', policy)).toBe(false);
    expect(isOverdue(open, '2025-01-01T00:00:00Z', policy)).toBe(true);
  });

  it('H-11 a self-found major report is late after majorHazardReportWithinHours, derived not blocking', () => {
    const major = fold([kit.registerMajor()]);
    expect(majorReportDueAt(major, policy)).toEqual(plusMs(24 * hour));
    expect(isMajorReportLate(major, plusMs(24 * hour), policy)).toBe(false);
    expect(isMajorReportLate(major, plusMs(24 * hour + 1), policy)).toBe(true);
    const reportedLate = fold(
      [kit.registerMajor({ occurredAt: sampleNow.toISOString() }), kit.report()],
      plusMs(25 * hour),
    );
    expect(isMajorReportLate(reportedLate, plusMs(30 * hour), policy)).toBe(true);
    const reportedInTime = fold(
      [kit.registerMajor({ occurredAt: sampleNow.toISOString() }), kit.report()],
      plusMs(23 * hour),
    );
    expect(isMajorReportLate(reportedInTime, plusMs(100 * hour), policy)).toBe(false);
    const regulatorFound = fold([
      kit.registerMajor({ actor: actors.officers[0], source: 'enforcement_inspection' }),
    ]);
    expect(majorReportDueAt(regulatorFound, policy)).toBeUndefined();
    expect(isMajorReportLate(regulatorFound, plusMs(100 * hour), policy)).toBe(false);
    const within48 = createSupervisionPolicy({ majorHazardReportWithinHours: 48 });
    expect(isMajorReportLate(major, plusMs(30 * hour), within48)).toBe(false);
  });
});

describe('H-22 regulator verification SLA', () => {
  const at = sampleNow.toISOString();
  const commands: HazardCommand[] = [
    kit.registerMajor(),
    ...kit.majorPrerequisites(),
    kit.complete(),
    { type: 'RequestVerification', actor: actors.safetyOfficer, purpose: 'closure' },
  ];
  const requested = commands.map((command) => ({ ...command, occurredAt: at }) as HazardCommand);

  it('H-22 a pending request is breached after the local day regulatorVerificationWithinDays later', () => {
    const pending = fold(requested);
    expect(verificationDueDate(pending, policy)).toBe('2024-03-11');
    expect(isVerificationSlaBreached(pending, '2024-03-11T15:59:59.999Z', policy)).toBe(false);
    expect(isVerificationSlaBreached(pending, '2024-03-11T16:00:00.000Z', policy)).toBe(true);
  });

  it('H-22 an answered request is breached only if the verification came after the due date', () => {
    // Requested at the sample time; verified (recorded) eleven days later, dated within the bound.
    const pending = fold(requested);
    const late = ([] as HazardEvent[])
      .concat(
        decider.decide(
          { ...kit.regulatorVerification(), occurredAt: '2024-03-11T16:00:00Z' },
          pending,
          {
            now: new Date('2024-03-12T00:00:00Z'),
            streamId: 'hazard-h-1',
            version: pending.version,
            facts: undefined,
          },
        ),
      )
      .reduce(decider.evolve, pending);
    expect(isVerificationSlaBreached(late, '2024-03-12T00:00:00Z', policy)).toBe(true);
    const onTime = fold([...requested, kit.regulatorVerification()]);
    expect(isVerificationSlaBreached(onTime, '2024-12-31T00:00:00Z', policy)).toBe(false);
  });

  it('H-22 no regulator SLA applies when the enterprise verifies its own hazard', () => {
    const own = fold([
      kit.registerGeneral(),
      kit.complete(),
      { type: 'RequestVerification', actor: actors.safetyOfficer, purpose: 'closure' },
    ]);
    expect(verificationDueDate(own, policy)).toBeUndefined();
    expect(isVerificationSlaBreached(own, '2024-12-31T00:00:00Z', policy)).toBe(false);
  });
});
