import type { DutyRosterEvent } from './events.js';

/** A scheduled shift; `dutyOfficerId` follows handovers. */
export interface DutyShift {
  readonly shiftId: string;
  readonly start: string;
  readonly end: string;
  readonly dutyOfficerId: string;
  readonly leaderOnCallId: string;
  readonly reinforced: boolean;
}

/** The state of a `duty-{yyyy-mm}` stream; `orgId` is null until the roster is scheduled. */
export interface DutyRosterState {
  readonly version: number;
  readonly month: string | null;
  readonly orgId: string | null;
  readonly scheduledAt: string | null;
  readonly shifts: readonly DutyShift[];
  readonly incidents: readonly { incidentRef: string; receivedAt: string; reportedAt: string }[];
}

/** The state of a roster stream with no events. */
export function initialDutyRosterState(): DutyRosterState {
  return { version: 0, month: null, orgId: null, scheduledAt: null, shifts: [], incidents: [] };
}

/** Folds one duty roster event into the state. */
export function evolveDutyRoster(state: DutyRosterState, event: DutyRosterEvent): DutyRosterState {
  const version = state.version + 1;
  switch (event.type) {
    case 'ShiftScheduled': {
      const {
        month,
        orgId,
        occurredAt,
        shiftId,
        start,
        end,
        dutyOfficerId,
        leaderOnCallId,
        reinforced,
      } = event.data;
      return {
        ...state,
        version,
        month,
        orgId,
        scheduledAt: state.scheduledAt ?? occurredAt,
        shifts: [
          ...state.shifts,
          { shiftId, start, end, dutyOfficerId, leaderOnCallId, reinforced },
        ],
      };
    }
    case 'ShiftHandedOver':
      return {
        ...state,
        version,
        shifts: state.shifts.map((shift) =>
          shift.shiftId === event.data.shiftId
            ? { ...shift, dutyOfficerId: event.data.toOfficerId }
            : shift,
        ),
      };
    case 'IncidentInfoReported': {
      const { incidentRef, receivedAt, reportedAt } = event.data;
      return {
        ...state,
        version,
        incidents: [...state.incidents, { incidentRef, receivedAt, reportedAt }],
      };
    }
  }
}
