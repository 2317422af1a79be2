import { type Decider, type DomainEvent, RuleViolationError } from '@safeledger/core';
import { describe, expect, it } from 'vitest';
import { DeciderSpecError, deciderSpec, historyOf } from './decider-spec.js';

type Opened = DomainEvent<'Opened', { by: string }>;
type Closed = DomainEvent<'Closed', { reason: string }>;
const door: Decider<'new' | 'open' | 'closed', { kind: 'open' | 'close' }, Opened | Closed> = {
  name: 'door',
  initialState: () => 'new',
  evolve: (_state, event) => (event.type === 'Opened' ? 'open' : 'closed'),
  decide: (command, state) => {
    if (command.kind === 'open') return { type: 'Opened', data: { by: 'p1' } };
    if (state !== 'open')
      throw new RuleViolationError('D-1', 'NotOpen', 'only an open door closes', { state });
    return { type: 'Closed', data: { reason: 'done' } };
  },
};
const opened: Opened = { type: 'Opened', data: { by: 'p1' } };

describe('deciderSpec', () => {
  const spec = deciderSpec(door);

  it('passes when the events match and fails with both sides shown when they do not', () => {
    spec
      .given([opened])
      .when({ kind: 'close' })
      .thenEmits([{ type: 'Closed', data: { reason: 'done' } }]);
    expect(() =>
      spec
        .given([opened])
        .when({ kind: 'close' })
        .thenEmits([{ type: 'Closed', data: { reason: 'other' } }]),
    ).toThrow(DeciderSpecError);
  });

  it('checks rule violations by id and name', () => {
    const error = spec.given([]).when({ kind: 'close' }).thenViolates('D-1', 'NotOpen');
    expect(error.details).toEqual({ state: 'new' });
    expect(() => spec.given([]).when({ kind: 'close' }).thenViolates('D-2')).toThrow(
      'expected a violation of D-2',
    );
    expect(() => spec.given([]).when({ kind: 'open' }).thenViolates('D-1')).toThrow(
      'produced Opened',
    );
  });

  it('checks the state after the produced events', () => {
    spec.given([]).when({ kind: 'open' }).thenState('open');
    expect(() => spec.given([]).when({ kind: 'open' }).thenState('closed')).toThrow(
      'state differs',
    );
  });

  it('is not mistaken for a promise', async () => {
    const outcome = spec.given([]).when({ kind: 'open' });
    expect(await Promise.resolve(outcome)).toBe(outcome);
  });

  it('builds the given history from commands and names a rejected one', () => {
    spec
      .givenCommands([{ kind: 'open' }])
      .when({ kind: 'close' })
      .thenState('closed');
    expect(historyOf(door, [{ kind: 'open' }, { kind: 'close' }])).toEqual([
      opened,
      { type: 'Closed', data: { reason: 'done' } },
    ]);
    expect(() => historyOf(door, [{ kind: 'close' }])).toThrow(
      'given command 0 was rejected: RuleViolationError: D-1 NotOpen',
    );
  });
});

type Badged = DomainEvent<'Badged', { badge: string }>;
const badger: Decider<number, { person: string }, Badged, { badgeOf: string | undefined }> = {
  name: 'badger',
  initialState: () => 0,
  evolve: (n) => n + 1,
  prepare: async () => ({ badgeOf: undefined }),
  decide: (command, _state, context) => {
    if (context.facts.badgeOf === undefined)
      throw new RuleViolationError('B-1', 'NoBadge', `${command.person} has no badge`, {});
    return { type: 'Badged', data: { badge: context.facts.badgeOf } };
  },
};

describe('deciderSpec with outside facts', () => {
  it('feeds the facts a prepare step would load, per command or per `when`', () => {
    const spec = deciderSpec(badger, {
      facts: (command) => ({ badgeOf: command.person === 'p1' ? 'B-7' : undefined }),
    });
    spec
      .given([])
      .when({ person: 'p1' })
      .thenEmits([{ type: 'Badged', data: { badge: 'B-7' } }]);
    spec.given([]).when({ person: 'p2' }).thenViolates('B-1', 'NoBadge');
    spec
      .given([])
      .when({ person: 'p2' }, { facts: { badgeOf: 'B-9' } })
      .thenEmits([{ type: 'Badged', data: { badge: 'B-9' } }]);
    expect(historyOf(badger, [{ person: 'p1' }], { facts: { badgeOf: 'B-1' } })).toHaveLength(1);
  });
});
