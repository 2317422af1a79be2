import { createMemoryEventStore } from '@safeledger/store-memory';
import { expect } from 'vitest';
import { type CommandHandler, createCommandHandler } from '../eventsourcing/command-handler.js';
import type { Decider } from '../eventsourcing/decider.js';
import type { DomainEvent } from '../eventsourcing/envelope.js';
import { isRuleViolation, isValidationError } from '../eventsourcing/errors.js';
import { createEventRegistry, type EventRegistryOptions } from '../eventsourcing/event-registry.js';
import type { EventStore } from '../eventsourcing/event-store.js';

/*
 * The set-up of the aggregates' model-based tests: a memory store and a command handler that
 * both read one clock, which the run moves forward between commands so deadlines pass. Test
 * support, not library code.
 */

/** A handler for the decider on a fresh memory store; both read `clock.now` as now. */
export function clockedHandler<State, Command, Event extends DomainEvent, Facts>(options: {
  readonly events: EventRegistryOptions['events'];
  readonly decider: Decider<State, Command, Event, Facts>;
  readonly now: Date;
}): {
  clock: { now: Date };
  store: EventStore;
  handle: CommandHandler<State, Command, Event>;
} {
  const clock = { now: options.now };
  const store = createMemoryEventStore({
    registry: createEventRegistry({ events: options.events }),
    clock: () => clock.now,
  });
  const handle = createCommandHandler({ store, decider: options.decider, clock: () => clock.now });
  return { clock, store, handle };
}

/**
 * Sends the command and fails unless the decider agrees with the model's verdict: accepted
 * exactly when `expected`, and refused only by a rule or a validation. Returns the handler's
 * result when accepted.
 */
export async function expectModelVerdict<State, Command, Event extends DomainEvent>(
  handle: CommandHandler<State, Command, Event>,
  streamId: string,
  command: Command,
  expected: boolean,
) {
  try {
    const result = await handle(streamId, command);
    expect(expected, `accepted, the model rejects: ${JSON.stringify(command)}`).toBe(true);
    return result;
  } catch (error) {
    expect(isRuleViolation(error) || isValidationError(error), String(error)).toBe(true);
    expect(
      expected,
      `rejected (${String(error)}), the model accepts: ${JSON.stringify(command)}`,
    ).toBe(false);
    return undefined;
  }
}
