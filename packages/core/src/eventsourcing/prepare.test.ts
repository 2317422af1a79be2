import { createMemoryEventStore } from '@safeledger/store-memory';
import { describe, expect, it } from 'vitest';
import { createCommandHandler } from './command-handler.js';
import type { Decider } from './decider.js';
import type { DomainEvent } from './envelope.js';
import { isProjectionLaggingError, ProjectionLaggingError, RuleViolationError } from './errors.js';

type Granted = DomainEvent<'Granted', { to: string; limit: number }>;
interface Limits {
  readonly limitOf: number | undefined;
}

/** A decider whose rule reads an outside fact (a limit kept elsewhere), loaded by `prepare`. */
function grantDecider(lookup: (person: string) => Promise<number | undefined>) {
  const calls: string[] = [];
  const decider: Decider<number, { to: string }, Granted, Limits> = {
    name: 'grant',
    initialState: () => 0,
    evolve: (n) => n + 1,
    async prepare(command, _state, context) {
      calls.push(`${command.to}@${context.version}`);
      return { limitOf: await lookup(command.to) };
    },
    decide(command, _state, context) {
      if (context.facts.limitOf === undefined) {
        throw new RuleViolationError('X-1', 'UnknownPerson', `no limit for ${command.to}`, {});
      }
      return { type: 'Granted', data: { to: command.to, limit: context.facts.limitOf } };
    },
  };
  return { decider, calls };
}

describe('prepare: outside facts loaded before decide', () => {
  it('hands what prepare loaded to decide', async () => {
    const { decider, calls } = grantDecider(async (person) => (person === 'p1' ? 7 : undefined));
    const handle = createCommandHandler({ store: createMemoryEventStore(), decider });
    const result = await handle('grant-1', { to: 'p1' });
    expect(result.events.map((e) => e.data)).toEqual([{ to: 'p1', limit: 7 }]);
    expect(calls).toEqual(['p1@0']);
    await expect(handle('grant-1', { to: 'p2' })).rejects.toThrow('no limit for p2');
  });

  it('retries a lagging read model (G-9) and decides on the fresh answer', async () => {
    let lagging = 2;
    const { decider, calls } = grantDecider(async () => {
      if (lagging-- > 0) throw new ProjectionLaggingError('limits', 'behind stream grant-1');
      return 3;
    });
    const handle = createCommandHandler({
      store: createMemoryEventStore(),
      decider,
      retry: { baseDelayMs: 0 },
    });
    const result = await handle('grant-1', { to: 'p1' }, { expectedVersion: 'no_stream' });
    expect(result.nextVersion).toBe(1);
    expect(calls).toHaveLength(3);
  });

  it('gives up on a read model that stays behind, with the lagging error', async () => {
    const { decider } = grantDecider(async () => {
      throw new ProjectionLaggingError('limits', 'behind');
    });
    const handle = createCommandHandler({
      store: createMemoryEventStore(),
      decider,
      retry: { maxAttempts: 2, baseDelayMs: 0 },
    });
    const error = await handle('grant-1', { to: 'p1' }).catch((e: unknown) => e);
    expect(isProjectionLaggingError(error)).toBe(true);
  });

  it('does not load facts for a retried command id', async () => {
    const { decider, calls } = grantDecider(async () => 1);
    const handle = createCommandHandler({ store: createMemoryEventStore(), decider });
    await handle('grant-1', { to: 'p1' }, { commandId: 'c-1' });
    const again = await handle('grant-1', { to: 'p1' }, { commandId: 'c-1' });
    expect(again.duplicate).toBe(true);
    expect(calls).toEqual(['p1@0']);
  });
});
