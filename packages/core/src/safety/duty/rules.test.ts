import { actorFor, createSampleSafetyDirectory, deciderSpec } from '@safeledger/testing';
import { describe, expect, it } from 'vitest';
import { createSupervisionPolicy } from '../policy/supervision-policy.js';
import { describeViolation } from '../rules/describe-violation.js';
import type { ScheduleDutyRoster, ShiftInput } from './commands.js';
import { createDutyRosterDecider } from './decide.js';

const directory = createSampleSafetyDirectory();
const head = actorFor(directory, 'p-safety-head');
const now = new Date('2024-04-01T00:00:00Z');

/** Day shifts 08:00–20:00 and night shifts 20:00–08:00 local, for every day of a month. */
function twelveHourShifts(month: string, offset: string, days: number): ShiftInput[] {
  const shifts: ShiftInput[] = [];
  const at = (day: number, hour: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const date = new Date(Date.UTC(y, m - 1, day)).toISOString().slice(0, 10);
    return `${date}T${hour}:00${offset}`;
  };
  shifts.push({
    shiftId: 's-0',
    start: at(1, '00:00'),
    end: at(1, '08:00'),
    dutyOfficerId: 'p-enf-1',
    leaderOnCallId: 'p-safety-head',
  });
  for (let day = 1; day <= days; day += 1) {
    shifts.push({
      shiftId: `d-${day}`,
      start: at(day, '08:00'),
      end: at(day, '20:00'),
      dutyOfficerId: 'p-enf-2',
      leaderOnCallId: 'p-safety-head',
    });
    const nightEnd = day === days ? at(day + 1, '00:00') : at(day + 1, '08:00');
    shifts.push({
      shiftId: `n-${day}`,
      start: at(day, '20:00'),
      end: nightEnd,
      dutyOfficerId: 'p-enf-3',
      leaderOnCallId: 'p-safety-head',
    });
  }
  return shifts;
}

const roster = (shifts: ShiftInput[], month = '2024-03'): ScheduleDutyRoster => ({
  type: 'ScheduleDutyRoster',
  actor: head,
  month,
  orgId: 'org-safety',
  shifts,
});

function specFor(
  timezone = 'Asia/Shanghai',
  reinforcedDutyDates: string[] = [],
  month = '2024-03',
) {
  const policy = createSupervisionPolicy({ timezone, reinforcedDutyDates });
  return deciderSpec(createDutyRosterDecider({ directory, policy }), {
    now,
    streamId: `duty-${month}`,
  });
}

describe('duty roster rules', () => {
  const march = twelveHourShifts('2024-03', '+08:00', 31);

  it('DR-0 a roster is scheduled once, and handovers name one of its shifts', () => {
    const spec = specFor();
    spec
      .given([])
      .when({ type: 'HandOverShift', actor: head, shiftId: 'd-1', toOfficerId: 'p-enf-1' })
      .thenViolates('DR-0', 'RosterNotScheduled');
    spec
      .givenCommands([roster(march)])
      .when(roster(march))
      .thenViolates('DR-0', 'AlreadyScheduled');
    spec
      .givenCommands([roster(march)])
      .when({ type: 'HandOverShift', actor: head, shiftId: 'x-1', toOfficerId: 'p-enf-1' })
      .thenViolates('DR-0', 'UnknownShift');
  });

  it('DR-1 every local day is covered 00:00–24:00 without gap or overlap', () => {
    const spec = specFor();
    spec
      .given([])
      .when(roster(march))
      .thenState((state) => expect(state.shifts).toHaveLength(63));
    const gap = spec
      .given([])
      .when(roster(march.filter((shift) => shift.shiftId !== 'n-14')))
      .thenViolates('DR-1', 'CoverageGap');
    expect(gap.details).toEqual({
      from: '2024-03-14T12:00:00.000Z',
      to: '2024-03-15T00:00:00.000Z',
      date: '2024-03-14',
    });
    expect(describeViolation(gap, 'zh-CN')).toBe(
      '2024年3月14日：20:00至2024年3月15日 08:00无人值班',
    );
    const longer = march.map((shift) =>
      shift.shiftId === 'd-3' ? { ...shift, end: '2024-03-03T21:00:00+08:00' } : shift,
    );
    spec.given([]).when(roster(longer)).thenViolates('DR-1', 'CoverageOverlap');
    // The month ends at 24:00 on the 31st local time, not at midnight UTC.
    spec
      .given([])
      .when(roster(march.slice(0, -1)))
      .thenViolates('DR-1', 'CoverageGap');
    spec
      .given([])
      .when(
        roster([
          ...march,
          {
            ...march[1]!,
            shiftId: 'x',
            start: '2024-04-01T00:00:00+08:00',
            end: '2024-04-01T08:00:00+08:00',
          },
        ]),
      )
      .thenViolates('DR-1', 'ShiftOutsideMonth');
    spec
      .given([])
      .when(roster(march.map((s) => (s.shiftId === 'd-5' ? { ...s, end: s.start } : s))))
      .thenViolates('DR-1', 'EmptyShift');
  });

  it('DR-1 counts a daylight-saving day for its real length (America/New_York, 2024-03-10 has 23 hours)', () => {
    const spec = specFor('America/New_York');
    // Local wall-clock shifts with the offset in force: -05:00 before the jump, -04:00 after.
    const shifts = twelveHourShifts('2024-03', '-05:00', 31).map((shift) => {
      const fix = (instant: string) => {
        const date = instant.slice(0, 10);
        const hour = instant.slice(11, 16);
        const after = date > '2024-03-10' || (date === '2024-03-10' && hour >= '08:00');
        return after ? instant.replace('-05:00', '-04:00') : instant;
      };
      return { ...shift, start: fix(shift.start), end: fix(shift.end) };
    });
    spec
      .given([])
      .when(roster(shifts))
      .thenState((state) => expect(state.shifts).toHaveLength(63));
    // Written with a fixed -05:00 throughout, the month would end an hour late and overlap the DST night.
    const naive = twelveHourShifts('2024-03', '-05:00', 31);
    spec.given([]).when(roster(naive)).thenViolates('DR-1');
  });

  it('DR-2 every shift has a duty officer and a leader of the organisation', () => {
    const spec = specFor();
    const { leaderOnCallId: _l, ...noLeader } = march[3]!;
    const error = spec
      .given([])
      .when(roster(march.map((s, i) => (i === 3 ? noLeader : s))))
      .thenViolates('DR-2', 'MissingDutyPerson');
    expect(error.details).toEqual({ shiftId: march[3]!.shiftId, missing: ['leaderOnCallId'] });
    spec
      .given([])
      .when(roster(march.map((s, i) => (i === 3 ? { ...s, dutyOfficerId: 'p-ind-1' } : s))))
      .thenViolates('DR-2', 'UnknownDutyPerson');
    spec
      .givenCommands([roster(march)])
      .when({
        type: 'HandOverShift',
        actor: actorFor(directory, 'p-enf-2'),
        shiftId: 'd-1',
        toOfficerId: 'p-ind-1',
      })
      .thenViolates('DR-2', 'UnknownDutyPerson');
    spec
      .givenCommands([roster(march)])
      .when({
        type: 'HandOverShift',
        actor: actorFor(directory, 'p-enf-2'),
        shiftId: 'd-1',
        toOfficerId: 'p-enf-1',
      })
      .thenState((state) =>
        expect(state.shifts.find((s) => s.shiftId === 'd-1')?.dutyOfficerId).toBe('p-enf-1'),
      );
  });

  it('DR-3 shifts touching a configured date are reinforced', () => {
    const spec = specFor('Asia/Shanghai', ['2024-03-08']);
    const error = spec.given([]).when(roster(march)).thenViolates('DR-3', 'NotReinforced');
    // The night shift of the 7th runs into the 8th.
    expect(error.details).toEqual({ shiftId: 'n-7', date: '2024-03-08' });
    const reinforced = march.map((s) =>
      ['n-7', 'd-8', 'n-8'].includes(s.shiftId) ? { ...s, reinforced: true } : s,
    );
    spec
      .given([])
      .when(roster(reinforced))
      .thenState((state) => expect(state.shifts.filter((s) => s.reinforced)).toHaveLength(3));
  });

  it('G-5 only the organisation’s AuthorityHead or committee office schedules; incident reports come from its people', () => {
    const spec = specFor();
    spec
      .given([])
      .when({ ...roster(march), actor: actorFor(directory, 'p-enf-1') })
      .thenViolates('G-5', 'Forbidden');
    spec
      .givenCommands([roster(march)])
      .when({
        type: 'ReportIncidentInfo',
        actor: actorFor(directory, 'p-ind-1'),
        incidentRef: 'i-1',
        receivedAt: '2024-03-05T01:00:00Z',
        reportedAt: '2024-03-05T01:20:00Z',
        summary: 'fire at a warehouse',
      })
      .thenViolates('G-5', 'Forbidden');
  });
});
