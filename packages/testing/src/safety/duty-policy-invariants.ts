import type { DutyRosterEvent, SupervisionPolicy } from '@safeledger/core';
import { localDateIn, plusDays, startOfLocalDate } from './policy-calendar.js';

/** What a duty-roster policy invariant sees: the month's events so far, the new ones, the clock. */
export interface DutyPolicyView {
  readonly policy: SupervisionPolicy;
  /** Every event of the month's roster stream, the new ones included, in stream order. */
  readonly events: readonly DutyRosterEvent[];
  /** The events the last accepted command produced. */
  readonly lastEvents: readonly DutyRosterEvent[];
  /** The recording time the command was decided at. */
  readonly now: Date;
}

/**
 * One invariant the built-in DutyRoster aggregate keeps under any policy, stated over its events
 * in the policy's own terms. `applies` says whether the view gave it anything to check;
 * `relevant`, when present, says whether the policy can give it anything at all (DR-3 has
 * nothing to check while `reinforcedDutyDates` is empty), so a summary does not call it
 * unexercised.
 */
export interface DutyPolicyInvariant {
  /** The rule of the domain spec the invariant restates. */
  readonly rule: string;
  /** What the invariant says, in a sentence. */
  readonly name: string;
  /** Whether the policy gives the invariant anything to check at all (default: always). */
  readonly relevant?: (policy: SupervisionPolicy) => boolean;
  /** Whether the view gives the invariant anything to check. */
  readonly applies: (view: DutyPolicyView) => boolean;
  /** `undefined` when it holds, otherwise what is wrong. */
  readonly check: (view: DutyPolicyView) => string | undefined;
}

type Scheduled = Extract<DutyRosterEvent, { type: 'ShiftScheduled' }>;
const scheduled = (events: readonly DutyRosterEvent[]) =>
  events.filter((event): event is Scheduled => event.type === 'ShiftScheduled');

/** The local dates a shift [start, end) touches in a time zone. */
function datesTouched(shift: Scheduled, timeZone: string): string[] {
  const last = localDateIn(Date.parse(shift.data.end) - 1, timeZone);
  const dates: string[] = [];
  for (let date = localDateIn(shift.data.start, timeZone); date <= last; date = plusDays(date, 1))
    dates.push(date);
  return dates;
}

/**
 * The invariants `verifyPolicy` re-checks for duty rosters, from the domain spec's wording of
 * DR-1 and DR-3 (§4.9) and the policy keys they depend on (`timezone`, `reinforcedDutyDates`),
 * never from the decider's code.
 */
export const dutyPolicyInvariants: readonly DutyPolicyInvariant[] = [
  {
    rule: 'DR-1',
    name: 'a scheduled month covers every local day of the policy timezone from 00:00 to 24:00, without gap or overlap',
    applies: ({ lastEvents }) => scheduled(lastEvents).length > 0,
    check: ({ lastEvents, policy }) => {
      const shifts = scheduled(lastEvents).sort(
        (a, b) => Date.parse(a.data.start) - Date.parse(b.data.start),
      );
      const month = shifts[0]?.data.month;
      if (month === undefined) return undefined;
      const first = `${month}-01`;
      const next = plusDays(first, 32).slice(0, 8).concat('01');
      let at = startOfLocalDate(first, policy.timezone);
      for (const shift of shifts) {
        const start = Date.parse(shift.data.start);
        const end = Date.parse(shift.data.end);
        if (start !== at)
          return `${start > at ? 'a gap' : 'an overlap'} at ${new Date(Math.min(start, at)).toISOString()} in ${policy.timezone} (shift ${shift.data.shiftId})`;
        if (end <= start) return `shift ${shift.data.shiftId} ends before it starts`;
        at = end;
      }
      const end = startOfLocalDate(next, policy.timezone);
      return at === end
        ? undefined
        : `the roster of ${month} ends at ${new Date(at).toISOString()}, not at local midnight ${new Date(end).toISOString()} (${policy.timezone})`;
    },
  },
  {
    rule: 'DR-3',
    name: 'every shift touching a date of reinforcedDutyDates is reinforced',
    relevant: (policy) => policy.reinforcedDutyDates.length > 0,
    applies: ({ lastEvents, policy }) =>
      scheduled(lastEvents).some((shift) =>
        datesTouched(shift, policy.timezone).some((d) => policy.reinforcedDutyDates.includes(d)),
      ),
    check: ({ lastEvents, policy }) => {
      for (const shift of scheduled(lastEvents)) {
        if (shift.data.reinforced) continue;
        const date = datesTouched(shift, policy.timezone).find((d) =>
          policy.reinforcedDutyDates.includes(d),
        );
        if (date !== undefined)
          return `shift ${shift.data.shiftId} touches the reinforced duty date ${date} but is not reinforced`;
      }
      return undefined;
    },
  },
];
