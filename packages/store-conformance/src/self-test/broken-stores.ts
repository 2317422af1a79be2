import {
  assertExpectedVersion,
  createEventStore,
  type EventStoreDriver,
  type EventStoreOptions,
  isConcurrencyError,
  type ProjectionLease,
  type StoredEvent,
  sleep,
} from '@safeledger/core';
import {
  createMemoryDriver,
  createMemoryStorage,
  type MemoryStorage,
} from '@safeledger/store-memory';
import type { ConformanceFactory } from '../harness.js';

/** A memory driver with one deliberate flaw, to prove the suite notices it. */
type Flaw = (driver: EventStoreDriver, storage: MemoryStorage) => EventStoreDriver;

function brokenFactory(flaw: Flaw): ConformanceFactory {
  return async () => {
    const storage = createMemoryStorage();
    return {
      open: async (options: EventStoreOptions) =>
        createEventStore(
          flaw(createMemoryDriver({ storage, now: () => Date.now() }), storage),
          options,
        ),
    };
  };
}

/** Treats `no_stream` as `any`: the weak expected-version check of some SQL stores. */
export const ignoresNoStream = brokenFactory((driver) => ({
  ...driver,
  append: (request) =>
    driver.append(
      request.expectedVersion === 'no_stream' ? { ...request, expectedVersion: 'any' } : request,
    ),
}));

/** Leaves a phantom row behind when it rejects an append, bumping the stream's version. */
export const bumpsVersionOnRejection = brokenFactory((driver, storage) => ({
  ...driver,
  async append(request) {
    try {
      return await driver.append(request);
    } catch (error) {
      if (isConcurrencyError(error)) {
        const stream = storage.streams.get(request.streamId) ?? [];
        storage.streams.set(request.streamId, stream);
        const ghost = request.events[0]!;
        stream.push({
          eventId: ghost.eventId,
          streamId: request.streamId,
          version: stream.length + 1,
          position: '9999999999999999',
          type: ghost.type,
          schemaVersion: ghost.schemaVersion,
          data: ghost.data,
          metadata: ghost.metadata,
          recordedAt: request.recordedAt,
        } as StoredEvent);
      }
      throw error;
    }
  },
}));

/** Hands out each page of the global log in reverse order. */
export const deliversOutOfOrder = brokenFactory((driver) => ({
  ...driver,
  async readAllPage(options) {
    const page = await driver.readAllPage(options);
    return { ...page, events: [...page.events].reverse() };
  },
}));

/**
 * Makes appended events visible to global-log readers only a moment after the append gave them
 * their positions, while pages still checkpoint past them: the late commits a store with
 * sequence positions shows when transactions commit out of order (R1).
 */
export const hidesLateCommits = brokenFactory((driver) => {
  const hidden = new Set<string>();
  return {
    ...driver,
    async append(request) {
      const result = await driver.append(request);
      if (result.duplicate) return result;
      const ids = request.events.map((event) => event.eventId);
      for (const id of ids) hidden.add(id);
      await sleep(Math.random() * 10);
      for (const id of ids) hidden.delete(id);
      return result;
    },
    async readAllPage(options) {
      const page = await driver.readAllPage(options);
      return { ...page, events: page.events.filter((event) => !hidden.has(event.eventId)) };
    },
  };
});

/** Checkpoints a full page at the head of the log instead of at its last event (S3). */
export const overshootsCheckpoint = brokenFactory((driver) => ({
  ...driver,
  async readAllPage(options) {
    const page = await driver.readAllPage(options);
    if (page.events.length < options.maxCount) return page;
    return { ...page, checkpoint: (await driver.head!()) ?? page.checkpoint, caughtUp: true };
  },
}));

/** Treats `stream_exists` as `any`. */
export const ignoresStreamExists = brokenFactory((driver) => ({
  ...driver,
  append: (request) =>
    driver.append(
      request.expectedVersion === 'stream_exists'
        ? { ...request, expectedVersion: 'any' }
        : request,
    ),
}));

/** Checks the expected version, then writes after an await: the check-then-act race A1 forbids. */
export const readsThenWrites = brokenFactory((driver, storage) => ({
  ...driver,
  async append(request) {
    const actual = storage.streams.get(request.streamId)?.length ?? 0;
    assertExpectedVersion(request.streamId, request.expectedVersion, actual);
    await sleep(1);
    return driver.append({ ...request, expectedVersion: 'any' });
  },
}));

/** Restarts a projection's checkpoint but keeps its documents (S5). */
export const resetKeepsDocuments = brokenFactory((driver, storage) => ({
  ...driver,
  projections: {
    ...driver.projections,
    async reset(name, version) {
      const kept = new Map(storage.projections.get(name)?.documents ?? []);
      await driver.projections.reset(name, version);
      const documents = storage.projections.get(name)!.documents;
      for (const [id, text] of kept) documents.set(id, text);
    },
  },
}));

/** Writes a commit's documents before checking its checkpoint fence (S1). */
export const commitsNonAtomically = brokenFactory((driver, storage) => ({
  ...driver,
  projections: {
    ...driver.projections,
    async commit(commit) {
      const documents = storage.projections.get(commit.name)?.documents;
      for (const { id, document } of commit.documents) {
        if (document === null || document === undefined) documents?.delete(id);
        else documents?.set(id, JSON.stringify(document));
      }
      await driver.projections.commit(commit);
    },
  },
}));

/** Grants a live lease again to the same owner name (S4). */
export const leasesByOwnerName = brokenFactory((driver, storage) => ({
  ...driver,
  projections: {
    ...driver.projections,
    async tryAcquireLease(name, owner, ttlMs) {
      const lease = await driver.projections.tryAcquireLease(name, owner, ttlMs);
      if (lease !== undefined || storage.leases.get(name)?.owner !== owner) return lease;
      const shared: ProjectionLease = {
        name,
        owner,
        renew: async () => storage.leases.get(name)?.owner === owner,
        release: async () => {
          storage.leases.delete(name);
        },
      };
      return shared;
    },
  },
}));

/** Finds no command older than a snapshot: idempotency only within the snapshot window (A6). */
export const forgetsOldCommands = brokenFactory((driver) => ({
  ...driver,
  findCommandEvents: async () => [],
}));

/** Reports an empty log as its head, so catchUp has nothing to wait for (S4). */
export const reportsNoHead = brokenFactory((driver) => ({
  ...driver,
  head: async () => undefined,
}));
