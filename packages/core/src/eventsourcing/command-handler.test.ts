import { describe, expect, it } from 'vitest';
import { createCommandHandler } from './command-handler.js';
import type { Decider } from './decider.js';
import type { EventStoreDriver } from './driver.js';
import type { DomainEvent } from './envelope.js';
import { ConcurrencyError, isConcurrencyError } from './errors.js';
import { createEventStore } from './event-store.js';

type Counted = DomainEvent<'Counted', { n: number }>;
const counter: Decider<number, { by: number }, Counted> = {
  name: 'counter',
  initialState: () => 0,
  evolve: (n, e) => n + e.data.n,
  decide: (command) => (command.by === 0 ? [] : { type: 'Counted', data: { n: command.by } }),
};

/** A driver whose appends always lose the race, to exercise the retry bound. */
function alwaysConflicting(): { driver: EventStoreDriver; attempts: () => number } {
  let attempts = 0;
  const notUsed = () => {
    throw new Error('not used');
  };
  const driver: EventStoreDriver = {
    name: 'conflicting',
    async append(request) {
      attempts++;
      throw new ConcurrencyError(request.streamId, request.expectedVersion, 99);
    },
    readStream: async function* () {},
    readAllPage: notUsed,
    findCommandEvents: notUsed,
    snapshots: { load: async () => undefined, save: async () => {} },
    projections: {} as EventStoreDriver['projections'],
    close: async () => {},
  };
  return { driver, attempts: () => attempts };
}

describe('command handler', () => {
  it('gives up after maxAttempts and rethrows the last conflict', async () => {
    const { driver, attempts } = alwaysConflicting();
    const handle = createCommandHandler({
      store: createEventStore(driver),
      decider: counter,
      retry: { maxAttempts: 4, baseDelayMs: 0 },
    });
    const error = await handle('counter-1', { by: 1 }).catch((e: unknown) => e);
    expect(isConcurrencyError(error)).toBe(true);
    expect(attempts()).toBe(4);
  });

  it('does not retry when the caller pinned the expected version', async () => {
    const { driver, attempts } = alwaysConflicting();
    const handle = createCommandHandler({ store: createEventStore(driver), decider: counter });
    await expect(handle('counter-1', { by: 1 }, { expectedVersion: 0 })).rejects.toThrow(
      'found version 99',
    );
    expect(attempts()).toBe(1);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const { driver, attempts } = alwaysConflicting();
    const handle = createCommandHandler({ store: createEventStore(driver), decider: counter });
    const result = await handle('counter-1', { by: 0 });
    expect(result).toEqual({
      state: 0,
      events: [],
      nextVersion: 0,
      position: undefined,
      duplicate: false,
    });
    expect(attempts()).toBe(0);
  });

  it('takes actor and business time from the command unless the caller overrides them', async () => {
    const { createMemoryEventStore } = await import('@safeledger/store-memory');
    const store = createMemoryEventStore();
    const actor = { personId: 'p-1', role: 'Principal', enterpriseId: 'e-1' };
    const handle = createCommandHandler({
      store,
      decider: {
        ...counter,
        metadataFor: () => ({ actor, occurredAt: '2024-05-01T10:00:00+08:00' }),
      },
      clock: () => new Date('2024-05-02T00:00:00Z'),
    });
    const [first] = (await handle('counter-1', { by: 1 }, { commandId: 'c-1' })).events;
    expect(first!.metadata).toMatchObject({
      actor,
      occurredAt: '2024-05-01T10:00:00+08:00',
      commandId: 'c-1',
    });
    const [second] = (
      await handle(
        'counter-1',
        { by: 1 },
        { metadata: { occurredAt: '2024-05-01T11:00:00+08:00' } },
      )
    ).events;
    expect(second!.metadata).toMatchObject({ actor, occurredAt: '2024-05-01T11:00:00+08:00' });
  });

  it('rejects a snapshot policy that could never fire', () => {
    const { driver } = alwaysConflicting();
    expect(() =>
      createCommandHandler({
        store: createEventStore(driver),
        decider: { ...counter, snapshot: { every: 0, version: 1 } },
      }),
    ).toThrow('snapshot.every of decider "counter" must be an integer ≥ 1');
  });
});
