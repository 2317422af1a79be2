import type { StoredEvent } from '../../eventsourcing/envelope.js';
import { defineProjection } from '../../eventsourcing/projection.js';
import { indexed } from '../../eventsourcing/projection-fields.js';
import { coverageProblems, localDaysTouched } from '../duty/coverage.js';
import type { DutyRosterEvent } from '../duty/events.js';
import type { SupervisionPolicy } from '../policy/supervision-policy.js';

/** A shift as the coverage row keeps it. */
export interface CoverageShift {
  shiftId: string;
  start: string;
  end: string;
  /** Empty when the shift names none (DR-2). */
  dutyOfficerId: string;
  leaderOnCallId: string;
}

/**
 * One row of the duty-coverage read model (P-21): one month's roster with the local days on
 * which its shifts leave time uncovered (DR-1 gap), cover time twice (DR-1 overlap) or run a
 * shift without a duty officer or leader on call (DR-2). The day lists are indexed, so the
 * figures count days in the store.
 */
export interface DutyCoverageRow {
  month: string;
  orgId: string;
  scheduledAt: string;
  shifts: CoverageShift[];
  gapDates: string[];
  overlapDates: string[];
  leaderlessDates: string[];
  /** Shifts without a duty officer or a leader on call (DR-2). */
  leaderlessShifts: number;
}

/** The events the duty-coverage read model reads. */
export const dutyCoverageEventTypes = [
  'ShiftScheduled',
] as const satisfies readonly DutyRosterEvent['type'][];

/** Indexed fields of the duty-coverage read model. */
export const dutyCoverageFields = {
  month: indexed.text((row: DutyCoverageRow) => row.month),
  orgId: indexed.text((row: DutyCoverageRow) => row.orgId || null),
  scheduledAt: indexed.instant((row: DutyCoverageRow) => row.scheduledAt || null),
  gapDates: indexed.textArray((row: DutyCoverageRow) => row.gapDates),
  overlapDates: indexed.textArray((row: DutyCoverageRow) => row.overlapDates),
  leaderlessDates: indexed.textArray((row: DutyCoverageRow) => row.leaderlessDates),
  gapDays: indexed.integer((row: DutyCoverageRow) => row.gapDates.length),
  overlapDays: indexed.integer((row: DutyCoverageRow) => row.overlapDates.length),
  leaderlessShifts: indexed.integer((row: DutyCoverageRow) => row.leaderlessShifts),
};

/** The projection name of the duty-coverage read model. */
export const DUTY_COVERAGE = 'duty-coverage';

/**
 * The duty-coverage read model for a policy: its time zone sets the local days DR-1 covers
 * (changing it needs a rebuild). One row per month's roster (`duty-{yyyy-mm}`).
 */
export function createDutyCoverageProjection(policy: Pick<SupervisionPolicy, 'timezone'>) {
  const tz = policy.timezone;
  return defineProjection<DutyCoverageRow, DutyRosterEvent, typeof dutyCoverageFields>({
    name: DUTY_COVERAGE,
    version: 1,
    handles: dutyCoverageEventTypes,
    documentId: (event: StoredEvent<DutyRosterEvent>) => event.data.month,
    init: (month) => ({
      month,
      orgId: '',
      scheduledAt: '',
      shifts: [],
      gapDates: [],
      overlapDates: [],
      leaderlessDates: [],
      leaderlessShifts: 0,
    }),
    apply: (row, event) => {
      if (event.type !== 'ShiftScheduled') return;
      const d = event.data;
      row.orgId = d.orgId;
      if (row.scheduledAt === '') row.scheduledAt = d.occurredAt;
      row.shifts.push({
        shiftId: d.shiftId,
        start: d.start,
        end: d.end,
        dutyOfficerId: d.dutyOfficerId ?? '',
        leaderOnCallId: d.leaderOnCallId ?? '',
      });
      // The whole month is judged again: a new shift may close a gap or open an overlap.
      const gaps = new Set<string>();
      const overlaps = new Set<string>();
      for (const problem of coverageProblems(row.shifts, row.month, tz)) {
        if (problem.kind !== 'gap' && problem.kind !== 'overlap') continue;
        const days = localDaysTouched(problem.from, problem.to, tz);
        for (const day of days) (problem.kind === 'gap' ? gaps : overlaps).add(day);
      }
      const leaderless = row.shifts.filter(
        (s) => s.dutyOfficerId === '' || s.leaderOnCallId === '',
      );
      const leaderlessDays = new Set<string>();
      for (const shift of leaderless) {
        if (Date.parse(shift.end) <= Date.parse(shift.start)) continue;
        for (const day of localDaysTouched(shift.start, shift.end, tz)) leaderlessDays.add(day);
      }
      // Only the roster's own month: a shift reaching outside it is DR-1's `outside_month`, and
      // the neighbouring month's roster answers for those days.
      const ofMonth = (days: Set<string>) =>
        [...days].filter((day) => day.startsWith(`${row.month}-`)).sort();
      row.gapDates = ofMonth(gaps);
      row.overlapDates = ofMonth(overlaps);
      row.leaderlessDates = ofMonth(leaderlessDays);
      row.leaderlessShifts = leaderless.length;
    },
    fields: dutyCoverageFields,
  });
}
