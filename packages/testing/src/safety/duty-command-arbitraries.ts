import type { DutyRosterCommand, InMemoryDirectory, ShiftInput } from '@safeledger/core';
import fc from 'fast-check';
import { actorFor } from './sample-directory.js';

/** Options of `dutyRosterCommandArbitrary`. */
export interface DutyRosterCommandArbitraryOptions {
  /** The sample directory (or one with the same ids): `org-safety`, `p-safety-head`, `p-enf-1`, … */
  readonly directory: InMemoryDirectory;
  /** The policy's time zone the roster's local days are cut in (default `Asia/Shanghai`). */
  readonly timeZone?: string;
  /** The roster's month, `YYYY-MM` (default: drawn from 2024). */
  readonly month?: string;
}

/** What a drawn roster breaks, if anything: its name says which rule should refuse it. */
export type RosterFlaw = 'none' | 'gap' | 'overlap' | 'no_officer' | 'no_leader' | 'stranger';

const HOUR = 3_600_000;

/** The local date of an instant in a time zone, written here so it does not lean on core. */
function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));
}

/** The first instant (to the millisecond) of a local date. */
function startOf(date: string, timeZone: string): number {
  let lo = Date.parse(`${date}T00:00:00Z`) - 2 * 24 * HOUR;
  let hi = lo + 4 * 24 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * A month's `ScheduleDutyRoster` for `org-safety`, cut into shifts of whole half-hours from local
 * midnight to local midnight (daylight-saving days included), with one drawn flaw: none, a gap
 * or an overlap (DR-1), a shift without duty officer or leader (DR-2), or a scheduler outside the
 * organisation (G-5). The flaw comes with the command, so a test knows which rule must refuse it.
 */
export function dutyRosterScheduleArbitrary(
  options: DutyRosterCommandArbitraryOptions,
): fc.Arbitrary<{ readonly command: DutyRosterCommand; readonly flaw: RosterFlaw }> {
  const { directory } = options;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const month = options.month
    ? fc.constant(options.month)
    : fc.integer({ min: 1, max: 12 }).map((m) => `2024-${String(m).padStart(2, '0')}`);
  return fc
    .record({
      month,
      cuts: fc.array(fc.integer({ min: 8, max: 48 }), { minLength: 1, maxLength: 4 }),
      flaw: fc.constantFrom<RosterFlaw>(
        'none',
        'none',
        'gap',
        'overlap',
        'no_officer',
        'no_leader',
        'stranger',
      ),
      target: fc.nat(),
    })
    .map(({ month: m, cuts, flaw, target }) => {
      const from = startOf(`${m}-01`, timeZone);
      const to = startOf(`${nextMonth(m)}-01`, timeZone);
      const shifts: ShiftInput[] = [];
      for (let at = from, i = 0; at < to; i += 1) {
        const end = Math.min(at + (cuts[i % cuts.length] ?? 48) * 30 * 60_000, to);
        shifts.push({
          shiftId: `s-${i}`,
          start: new Date(at).toISOString(),
          end: new Date(end).toISOString(),
          dutyOfficerId: 'p-enf-1',
          leaderOnCallId: 'p-safety-head',
        });
        at = end;
      }
      const index = target % shifts.length;
      const shift = shifts[index] as ShiftInput;
      if (flaw === 'gap') shifts.splice(index, 1);
      if (flaw === 'overlap')
        shifts[index] = { ...shift, end: new Date(Date.parse(shift.end) + HOUR).toISOString() };
      if (flaw === 'no_officer') {
        const { dutyOfficerId: _officer, ...rest } = shift;
        shifts[index] = rest;
      }
      if (flaw === 'no_leader') {
        const { leaderOnCallId: _leader, ...rest } = shift;
        shifts[index] = rest;
      }
      const actor =
        flaw === 'stranger'
          ? actorFor(directory, 'p-far-head')
          : actorFor(directory, 'p-safety-head');
      const command: DutyRosterCommand = {
        type: 'ScheduleDutyRoster',
        actor,
        month: m,
        orgId: 'org-safety',
        shifts,
      };
      return { command, flaw };
    });
}

/**
 * Duty roster commands for `org-safety`, valid and invalid alike: month schedules with or without
 * a flaw (see `dutyRosterScheduleArbitrary`), shift handovers to an officer of the organisation or
 * of another district, and incident reports, some reported before they were received.
 */
export function dutyRosterCommandArbitrary(
  options: DutyRosterCommandArbitraryOptions,
): fc.Arbitrary<DutyRosterCommand> {
  const { directory } = options;
  const handOver = fc
    .record({
      shift: fc.integer({ min: 0, max: 40 }),
      to: fc.constantFrom('p-enf-2', 'p-far-enf-1'),
    })
    .map(
      ({ shift, to }): DutyRosterCommand => ({
        type: 'HandOverShift',
        actor: actorFor(directory, 'p-enf-1'),
        shiftId: `s-${shift}`,
        toOfficerId: to,
        notes: 'nothing pending',
      }),
    );
  const report = fc
    .record({
      delayMinutes: fc.integer({ min: -30, max: 120 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ delayMinutes, day }): DutyRosterCommand => {
      const received = Date.parse(`2024-03-${String(day).padStart(2, '0')}T02:00:00Z`);
      return {
        type: 'ReportIncidentInfo',
        actor: actorFor(directory, 'p-enf-1'),
        incidentRef: `inc-${day}`,
        receivedAt: new Date(received).toISOString(),
        reportedAt: new Date(received + delayMinutes * 60_000).toISOString(),
        summary: 'gas leak reported by a worker',
      };
    });
  return fc.oneof(
    { arbitrary: dutyRosterScheduleArbitrary(options).map((drawn) => drawn.command), weight: 3 },
    { arbitrary: handOver, weight: 1 },
    { arbitrary: report, weight: 1 },
  );
}
