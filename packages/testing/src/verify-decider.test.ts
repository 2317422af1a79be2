import {
  type Decider,
  type DomainEvent,
  RuleViolationError,
  ValidationError,
} from '@safeledger/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, type DeciderModel, rejected } from './decider-model.js';
import { DeciderVerificationError, verifyDecider } from './verify-decider.js';

// A toy permit: applied, approved within 14 days of the application, verified by two different
// people, then closed. Each option plants one defect the runner must catch.
const DAY = 86_400_000;
type Bug =
  | 'close-without-verification'
  | 'wrong-rule'
  | 'no-deadline'
  | 'approval-not-recorded'
  | 'impure'
  | 'mutates-state';

type PermitCommand =
  | { type: 'Apply'; id: string; occurredAt: string }
  | { type: 'Approve'; by: string }
  | { type: 'Verify'; by: string }
  | { type: 'Close' };
type PermitEvent =
  | DomainEvent<'Applied', { id: string; at: string; seq?: number }>
  | DomainEvent<'Approved', { by: string }>
  | DomainEvent<'Verified', { by: string }>
  | DomainEvent<'Closed', Record<string, never>>;
interface PermitState {
  status: 'none' | 'applied' | 'approved' | 'closed';
  appliedAt: string;
  verifiers: string[];
}

let impureCounter = 0;
const violation = (rule: string, name: string) => new RuleViolationError(rule, name, name, {});

function permitDecider(bug?: Bug): Decider<PermitState, PermitCommand, PermitEvent> {
  return {
    name: 'permit',
    initialState: () => ({ status: 'none', appliedAt: '', verifiers: [] }),
    evolve: (state, event) => {
      switch (event.type) {
        case 'Applied':
          return { ...state, status: 'applied', appliedAt: event.data.at };
        case 'Approved':
          return bug === 'approval-not-recorded' ? state : { ...state, status: 'approved' };
        case 'Verified':
          return { ...state, verifiers: [...state.verifiers, event.data.by] };
        case 'Closed':
          return { ...state, status: 'closed' };
      }
    },
    decide: (command, state, { now }) => {
      if (state.status === 'closed') throw violation('P-6', 'Closed');
      if (command.type === 'Apply') {
        if (state.status !== 'none') throw violation('P-1', 'AlreadyApplied');
        const data = { id: command.id, at: command.occurredAt };
        return {
          type: 'Applied',
          data: bug === 'impure' ? { ...data, seq: impureCounter++ } : data,
        };
      }
      if (state.status === 'none') throw violation('P-0', 'NotApplied');
      switch (command.type) {
        case 'Approve':
          if (state.status === 'approved') throw violation('P-3', 'AlreadyApproved');
          if (bug !== 'no-deadline' && now.getTime() - Date.parse(state.appliedAt) > 14 * DAY)
            throw violation('P-2', 'Overdue');
          return { type: 'Approved', data: { by: command.by } };
        case 'Verify':
          if (state.status !== 'approved') throw violation('P-3', 'NotApproved');
          if (state.verifiers.includes(command.by))
            throw violation(bug === 'wrong-rule' ? 'P-9' : 'P-4', 'SameVerifier');
          if (bug === 'mutates-state') state.verifiers.push('ghost');
          return { type: 'Verified', data: { by: command.by } };
        case 'Close':
          if (bug !== 'close-without-verification' && state.verifiers.length < 2)
            throw violation('P-5', 'NotVerified');
          return { type: 'Closed', data: {} };
      }
    },
  };
}

// The model restates the rules in its own terms: no events, just the facts the rules need.
interface PermitModel {
  phase: 'none' | 'applied' | 'approved' | 'closed';
  appliedAtMs: number;
  verifiers: string[];
}
function permitModel(options: { closeNeedsVerifiers?: boolean } = {}) {
  const model: DeciderModel<PermitModel, PermitCommand> = {
    initial: () => ({ phase: 'none', appliedAtMs: 0, verifiers: [] }),
    next: (m, command, { now }) => {
      if (m.phase === 'closed') return rejected('P-6', 'Closed');
      if (command.type === 'Apply') {
        return m.phase === 'none'
          ? accepted({ ...m, phase: 'applied', appliedAtMs: Date.parse(command.occurredAt) }, [
              'Applied',
            ])
          : rejected('P-1', 'AlreadyApplied');
      }
      if (m.phase === 'none') return rejected('P-0');
      if (command.type === 'Approve') {
        if (m.phase === 'approved') return rejected('P-3', 'AlreadyApproved');
        if (now.getTime() > m.appliedAtMs + 14 * DAY) return rejected('P-2', 'Overdue');
        return accepted({ ...m, phase: 'approved' });
      }
      if (command.type === 'Verify') {
        if (m.phase !== 'approved') return rejected('P-3', 'NotApproved');
        if (m.verifiers.includes(command.by)) return rejected('P-4', 'SameVerifier');
        return accepted({ ...m, verifiers: [...m.verifiers, command.by] });
      }
      if (options.closeNeedsVerifiers !== false && m.verifiers.length < 2)
        return rejected('P-5', 'NotVerified');
      return accepted({ ...m, phase: 'closed' }, ['Closed']);
    },
  };
  return model;
}

// Commands the model makes likely in its current phase, with every other command still possible.
const commands = (m: PermitModel, { now }: { now: Date }): fc.Arbitrary<PermitCommand> => {
  const person = fc.constantFrom('v-1', 'v-2', 'v-3');
  const weight = (phase: PermitModel['phase']) => (m.phase === phase ? 6 : 1);
  return fc.oneof(
    {
      weight: weight('none'),
      arbitrary: fc
        .constantFrom('p-1', 'p-2')
        .map((id): PermitCommand => ({ type: 'Apply', id, occurredAt: now.toISOString() })),
    },
    {
      weight: weight('applied'),
      arbitrary: person.map((by): PermitCommand => ({ type: 'Approve', by })),
    },
    {
      weight: weight('approved'),
      arbitrary: person.map((by): PermitCommand => ({ type: 'Verify', by })),
    },
    {
      weight: m.verifiers.length >= 2 ? 6 : 1,
      arbitrary: fc.constant<PermitCommand>({ type: 'Close' }),
    },
  );
};
const days = fc.integer({ min: 0, max: 20 }).map((d) => d * DAY);

function failureOf(run: () => unknown): DeciderVerificationError<PermitCommand> {
  try {
    run();
  } catch (error) {
    if (error instanceof DeciderVerificationError)
      return error as DeciderVerificationError<PermitCommand>;
    throw error;
  }
  throw new Error('expected verifyDecider to fail');
}

describe('verifyDecider', () => {
  it('passes a correct decider and reports what it exercised', () => {
    const summary = verifyDecider(permitDecider(), {
      model: permitModel(),
      commands,
      advanceTime: days,
      numRuns: 200,
      seed: 7,
    });
    expect(summary.seed).toBe(7);
    expect(summary.runs).toBe(200);
    expect(summary.accepted + summary.rejected).toBe(summary.commands);
    // Every rule was reached, or the verification proved less than it claims.
    expect(Object.keys(summary.rejectedBy)).toEqual([
      'P-0',
      'P-1',
      'P-2',
      'P-3',
      'P-4',
      'P-5',
      'P-6',
    ]);
    expect(summary.events.Closed).toBeGreaterThan(0);
  });

  it('catches a removed rule and reports the shortest failing sequence readably', () => {
    const error = failureOf(() =>
      verifyDecider(permitDecider('close-without-verification'), {
        model: permitModel(),
        commands,
        seed: 42,
      }),
    );
    expect(error.commands).toEqual([
      { type: 'Apply', id: 'p-1', occurredAt: '2024-01-01T00:00:00.000Z' },
      { type: 'Close' },
    ]);
    expect(error.seed).toBe(42);
    expect(error.message.replace(/shrunk \d+ times?/, 'shrunk N times')).toBe(
      [
        'verifyDecider(permit) failed at step 2: the decider accepted a command the model rejects with P-5 NotVerified (it produced Closed)',
        '',
        'Failing sequence (2 commands, shrunk N times by fast-check):',
        '  1. [2024-01-01T00:00:00.000Z, +0] Apply {"id":"p-1","occurredAt":"2024-01-01T00:00:00.000Z"}',
        '       decider: accepted → Applied',
        '       model:   accepted → Applied',
        '  2. [2024-01-01T00:00:00.000Z, +0] Close {}',
        '       decider: accepted → Closed',
        '       model:   rejected P-5 NotVerified',
        '',
        'Events of step 2:',
        '  Closed {}',
        'Model before step 2: {"phase":"applied","appliedAtMs":1704067200000,"verifiers":[]}',
        'Decider state before step 2: {"status":"applied","appliedAt":"2024-01-01T00:00:00.000Z","verifiers":[]}',
        '',
        'Replay with { seed: 42 } and the same numRuns and maxCommands.',
      ].join('\n'),
    );
  });

  it('removes needless commands only within what the commands arbitrary could generate', () => {
    // Like its arbitrary, this model assumes a permit starts with Apply, so it has no P-0.
    const full = permitModel();
    const partial: DeciderModel<PermitModel, PermitCommand> = {
      initial: full.initial,
      next: (m, command, context) =>
        m.phase === 'none' && command.type !== 'Apply'
          ? accepted(m)
          : full.next(m, command, context),
    };
    const error = failureOf(() =>
      verifyDecider(permitDecider('close-without-verification'), {
        model: partial,
        commands: (m, context) =>
          m.phase === 'none'
            ? fc.constant<PermitCommand>({
                type: 'Apply',
                id: 'p-1',
                occurredAt: context.now.toISOString(),
              })
            : commands(m, context),
        seed: 42,
      }),
    );
    // A lone Close would fail too, but only because the model never had to cover it.
    expect(error.commands.map((command) => command.type)).toEqual(['Apply', 'Close']);
    expect(error.failure.reason).toMatch(/model rejects with P-5 NotVerified/);
  });

  it('catches a rejection citing the wrong rule', () => {
    const error = failureOf(() =>
      verifyDecider(permitDecider('wrong-rule'), { model: permitModel(), commands, seed: 3 }),
    );
    expect(error.failure.reason).toBe(
      'the decider rejected the command with P-9 SameVerifier: SameVerifier, but the model expects P-4 SameVerifier',
    );
    expect(error.commands.map((command) => command.type)).toEqual([
      'Apply',
      'Approve',
      'Verify',
      'Verify',
    ]);
    expect(error.message).toContain('       decider: rejected P-9 SameVerifier: SameVerifier\n');
    expect(error.message).toContain('       model:   rejected P-4 SameVerifier\n');
  });

  it('catches a wrong state transition in evolve', () => {
    const error = failureOf(() =>
      verifyDecider(permitDecider('approval-not-recorded'), {
        model: permitModel(),
        commands,
        seed: 5,
      }),
    );
    // The lost approval shows on the next Approve (accepted again) or Verify (refused): 3 commands.
    expect(error.commands.map((command) => command.type)).toEqual([
      'Apply',
      'Approve',
      expect.stringMatching(/^(Approve|Verify)$/),
    ]);
    expect(error.failure.reason).toMatch(
      /^the decider (accepted a command the model rejects with P-3 AlreadyApproved|rejected a command the model accepts: P-3 NotApproved)/,
    );
  });

  it('moves the clock between commands, so a deadline rule is tested', () => {
    const options = { model: permitModel(), commands, seed: 11, numRuns: 300 };
    // With the clock standing still the missing deadline goes unnoticed…
    expect(verifyDecider(permitDecider('no-deadline'), options).rejectedBy['P-2']).toBeUndefined();
    // …and once days pass between commands it is caught, with the minimal delay in the report.
    const error = failureOf(() =>
      verifyDecider(permitDecider('no-deadline'), { ...options, advanceTime: days }),
    );
    expect(error.commands.map((command) => command.type)).toEqual(['Apply', 'Approve']);
    expect(error.steps.reduce((sum, step) => sum + step.advancedMs, 0)).toBe(15 * DAY);
    expect(error.message).toMatch(
      /\n {2}2\. \[2024-01-(0[1-9]|1[0-6])T00:00:00\.000Z, \+\d+d\] Approve/,
    );
    expect(error.failure.reason).toBe(
      'the decider accepted a command the model rejects with P-2 Overdue (it produced Approved)',
    );
  });

  it('checks named invariants after every step and names the broken one', () => {
    // A model as lax as the decider: only the invariant stands between them and a bad closure.
    const error = failureOf(() =>
      verifyDecider(permitDecider('close-without-verification'), {
        model: permitModel({ closeNeedsVerifiers: false }),
        commands,
        seed: 9,
        invariants: {
          'a closed permit has two verifications': ({ events }) =>
            !events.some((event) => event.type === 'Closed') ||
            events.filter((event) => event.type === 'Verified').length >= 2,
        },
      }),
    );
    expect(error.failure).toMatchObject({
      step: 2,
      when: 'after',
      reason: 'invariant "a closed permit has two verifications" does not hold',
    });
    expect(error.message).toContain('Model after step 2: {"phase":"closed"');
  });

  it('reports an invariant that throws with its own message', () => {
    const error = failureOf(() =>
      verifyDecider(permitDecider(), {
        model: permitModel(),
        commands,
        seed: 1,
        invariants: {
          'never approved': ({ state }) => {
            if (state.status === 'approved') throw new Error(`status is ${state.status}`);
          },
        },
      }),
    );
    expect(error.failure.reason).toBe(
      'invariant "never approved" does not hold: Error: status is approved',
    );
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.commands.map((command) => command.type)).toEqual(['Apply', 'Approve']);
  });

  it('catches a decide that is not deterministic or that changes its state', () => {
    const impure = failureOf(() =>
      verifyDecider(permitDecider('impure'), { model: permitModel(), commands, seed: 2 }),
    );
    expect(impure.failure.reason).toMatch(/^decide is not deterministic/);
    expect(impure.commands).toHaveLength(1);
    const mutating = failureOf(() =>
      verifyDecider(permitDecider('mutates-state'), { model: permitModel(), commands, seed: 2 }),
    );
    expect(mutating.failure.reason).toBe(
      'decide changed the state it was given (decide must be pure)',
    );
  });

  it('reproduces the same counterexample from the same seed', () => {
    const run = () =>
      failureOf(() =>
        verifyDecider(permitDecider('wrong-rule'), {
          model: permitModel(),
          commands,
          advanceTime: days,
          seed: 1234,
        }),
      ).message;
    expect(run()).toBe(run());
  });

  it('reports a model that mutates its state or returns no prediction', () => {
    const mutating = failureOf(() =>
      verifyDecider(permitDecider(), {
        model: {
          initial: () => ({ n: 0 }),
          next: (m) => {
            m.n += 1;
            return accepted(m);
          },
        },
        commands: () =>
          fc.constant<PermitCommand>({
            type: 'Apply',
            id: 'p',
            occurredAt: '2024-01-01T00:00:00.000Z',
          }),
        seed: 1,
      }),
    );
    expect(mutating.failure.reason).toBe(
      'the model changed its state in next; return a new state instead',
    );
    const silent = failureOf(() =>
      verifyDecider(permitDecider(), {
        model: { initial: () => ({}), next: () => undefined as never },
        commands: () => fc.constant<PermitCommand>({ type: 'Close' }),
        seed: 1,
      }),
    );
    expect(silent.failure.reason).toBe(
      'the model returned undefined; return accepted(model) or rejected(rule)',
    );
  });

  it('checks predicted event types', () => {
    const error = failureOf(() =>
      verifyDecider(permitDecider(), {
        model: {
          ...permitModel(),
          next: (m, command, context) => {
            const prediction = permitModel().next(m, command, context);
            return command.type === 'Approve' && prediction.outcome === 'accepted'
              ? accepted(prediction.model, ['Approved', 'Notified'])
              : prediction;
          },
        },
        commands,
        seed: 6,
      }),
    );
    expect(error.failure.reason).toBe(
      'the decider produced Approved, the model expects Approved, Notified',
    );
    expect(error.message).toContain('       model:   accepted → Approved, Notified\n');
  });

  it('matches a prediction to the code of an error that is not a rule violation', () => {
    const strict: Decider<number, { n: number }, DomainEvent<'Counted', { n: number }>> = {
      name: 'strict',
      initialState: () => 0,
      evolve: (count) => count + 1,
      decide: (command) => {
        if (command.n < 0) throw new ValidationError('n must be ≥ 0', []);
        return { type: 'Counted', data: { n: command.n } };
      },
    };
    const numbers = () => fc.integer({ min: -2, max: 2 }).map((n) => ({ n }));
    const model = (code: string): DeciderModel<number, { n: number }> => ({
      initial: () => 0,
      next: (count, command) => (command.n < 0 ? rejected(code) : accepted(count + 1)),
    });
    expect(
      verifyDecider(strict, { model: model('VALIDATION_FAILED'), commands: numbers, seed: 1 })
        .rejectedBy,
    ).toEqual({ VALIDATION_FAILED: expect.any(Number) });
    const error = failureOf(() =>
      verifyDecider(strict, { model: model('S-1'), commands: numbers, seed: 1 }),
    );
    expect(error.failure.reason).toBe(
      'the decider rejected the command with VALIDATION_FAILED: n must be ≥ 0, but the model expects S-1',
    );
    expect(error.commands).toEqual([{ n: -1 }]);
  });

  it('reports a commands arbitrary that throws, after the commands that ran', () => {
    const error = failureOf(() =>
      verifyDecider(permitDecider(), {
        model: permitModel(),
        commands: (m, context) => {
          if (m.phase === 'approved') throw new Error('no verifiers configured');
          return commands(m, context);
        },
        seed: 8,
      }),
    );
    expect(error.failure).toMatchObject({
      step: 3,
      reason: 'the commands arbitrary threw: Error: no verifiers configured',
    });
    expect(error.commands.map((command) => command.type)).toEqual(['Apply', 'Approve']);
    expect(error.message).toMatch(
      /^verifyDecider\(permit\) failed at step 3: the commands arbitrary threw/,
    );
  });

  it('rejects unusable options up front', () => {
    const base = { model: permitModel(), commands };
    expect(() => verifyDecider(permitDecider(), { ...base, numRuns: 0 })).toThrow(
      'verifyDecider: numRuns must be a whole number ≥ 1, got 0',
    );
    expect(() => verifyDecider(permitDecider(), { ...base, maxCommands: 1.5 })).toThrow(
      'verifyDecider: maxCommands must be a whole number ≥ 1, got 1.5',
    );
    expect(() => verifyDecider(permitDecider(), { ...base, startTime: new Date('nope') })).toThrow(
      'verifyDecider: startTime must be a valid Date',
    );
    expect(() =>
      verifyDecider(permitDecider(), { ...base, advanceTime: fc.constant(-1), seed: 1 }),
    ).toThrow(new TypeError('verifyDecider: advanceTime must give whole milliseconds ≥ 0, got -1'));
    expect(() =>
      verifyDecider(permitDecider(), {
        ...base,
        // The types refuse an async invariant; plain JavaScript would not.
        invariants: { 'async by mistake': (async () => false) as unknown as () => boolean },
      }),
    ).toThrow(
      new TypeError(
        'verifyDecider: invariant "async by mistake" returned a promise; invariants are synchronous',
      ),
    );
  });
});

// A decider that loads outside facts: who holds a badge.
type Badged = DomainEvent<'Badged', { person: string }>;
const badger: Decider<string[], { person: string }, Badged, { badged: readonly string[] }> = {
  name: 'badger',
  initialState: () => [],
  evolve: (state, event) => [...state, event.data.person],
  prepare: async () => ({ badged: [] }),
  decide: (command, _state, { facts }) => {
    if (!facts.badged.includes(command.person)) throw violation('B-1', 'NoBadge');
    return { type: 'Badged', data: { person: command.person } };
  },
};

describe('verifyDecider with outside facts', () => {
  const badgeModel: DeciderModel<number, { person: string }, { badged: readonly string[] }> = {
    initial: () => 0,
    next: (count, command, { facts }) =>
      facts.badged.includes(command.person) ? accepted(count + 1) : rejected('B-1', 'NoBadge'),
  };
  const people = () => fc.constantFrom('a', 'b').map((person) => ({ person }));

  it('feeds the facts prepare would load to decide and to the model', () => {
    const summary = verifyDecider(badger, {
      model: badgeModel,
      commands: people,
      facts: (command) => ({ badged: command.person === 'a' ? ['a'] : [] }),
      invariants: { 'only a is badged': ({ state }) => state.every((person) => person === 'a') },
      seed: 4,
    });
    expect(summary.rejectedBy).toEqual({ 'B-1': expect.any(Number) });
    expect(summary.events.Badged).toBeGreaterThan(0);
  });

  it('refuses facts given as a promise, as prepare itself would give them', () => {
    expect(() =>
      verifyDecider(badger, {
        model: badgeModel,
        commands: people,
        facts: (command, state, context) =>
          badger.prepare!(command, state, context) as unknown as { badged: readonly string[] },
      }),
    ).toThrow('verifyDecider: facts gave a promise; give the facts prepare would load');
  });

  it('refuses a decider with prepare but no facts', () => {
    expect(() =>
      // @ts-expect-error facts is required for a decider that prepares facts
      verifyDecider(badger, { model: badgeModel, commands: people }),
    ).toThrow('decider "badger" loads outside facts in prepare; pass the facts');
  });
});
