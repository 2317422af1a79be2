import { type Decider, defineEvent, type EventOf, RuleViolationError } from '@safeledger/core';
import { z } from 'zod';

// Events are defined once, with the zod schema the store validates every append against.
export const ObservationRecorded = defineEvent(
  'ObservationRecorded',
  z.object({
    site: z.string().min(1),
    description: z.string().min(1),
    severity: z.enum(['low', 'high']),
  }),
);
export const ObservationClosed = defineEvent(
  'ObservationClosed',
  z.object({ action: z.string().min(1) }),
);

export type ObservationEvent =
  | EventOf<typeof ObservationRecorded>
  | EventOf<typeof ObservationClosed>;

export type ObservationCommand =
  | { kind: 'record'; site: string; description: string; severity: 'low' | 'high' }
  | { kind: 'close'; action: string };

export type ObservationState =
  | { status: 'none' }
  | { status: 'open' | 'closed'; site: string; severity: 'low' | 'high' };

/** A near-miss observation: recorded once, closed once with the action taken. */
export const observationDecider: Decider<ObservationState, ObservationCommand, ObservationEvent> = {
  name: 'observation',
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'ObservationRecorded':
        return { status: 'open', site: event.data.site, severity: event.data.severity };
      case 'ObservationClosed':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
    }
  },
  decide(command, state) {
    if (command.kind === 'record') {
      if (state.status !== 'none') {
        throw new RuleViolationError('OBS-1', 'AlreadyRecorded', 'an observation is recorded once');
      }
      const { site, description, severity } = command;
      return ObservationRecorded.create({ site, description, severity });
    }
    if (state.status !== 'open') {
      throw new RuleViolationError(
        'OBS-2',
        'NotOpen',
        `cannot close an observation that is ${state.status}`,
        {
          status: state.status,
        },
      );
    }
    return ObservationClosed.create({ action: command.action });
  },
};
