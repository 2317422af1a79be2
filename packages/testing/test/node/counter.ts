import { type Decider, type DomainEvent, RuleViolationError } from '@safeledger/core';
import { accepted, type DeciderModel, rejected } from '@safeledger/testing';
import fc from 'fast-check';

// A ticket counter: at most three tickets (C-1), and only issued tickets can be returned (C-2).
type CounterCommand = { type: 'Issue' } | { type: 'Return' };
type CounterEvent = DomainEvent<'Issued', { n: number }> | DomainEvent<'Returned', { n: number }>;

/** The counter decider; `capped: false` plants a bug by removing rule C-1. */
export function counterDecider(capped = true): Decider<number, CounterCommand, CounterEvent> {
  return {
    name: 'counter',
    initialState: () => 0,
    evolve: (count, event) => (event.type === 'Issued' ? count + 1 : count - 1),
    decide: (command, count) => {
      if (command.type === 'Issue') {
        if (capped && count >= 3) throw new RuleViolationError('C-1', 'SoldOut', 'no ticket left');
        return { type: 'Issued', data: { n: count + 1 } };
      }
      if (count === 0) throw new RuleViolationError('C-2', 'NothingIssued', 'no ticket to return');
      return { type: 'Returned', data: { n: count } };
    },
  };
}

/** The model: the number of tickets out, and the two rules restated. */
export const counterModel: DeciderModel<{ out: number }, CounterCommand> = {
  initial: () => ({ out: 0 }),
  next: ({ out }, command) => {
    if (command.type === 'Issue')
      return out >= 3 ? rejected('C-1', 'SoldOut') : accepted({ out: out + 1 });
    return out === 0 ? rejected('C-2', 'NothingIssued') : accepted({ out: out - 1 });
  },
};

/** Issue three times as often as return, so the cap is reached. */
export const counterCommands = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<CounterCommand>({ type: 'Issue' }) },
    { weight: 1, arbitrary: fc.constant<CounterCommand>({ type: 'Return' }) },
  );
