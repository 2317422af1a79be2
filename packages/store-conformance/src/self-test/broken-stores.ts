import {
  createEventStore,
  type EventStoreDriver,
  type EventStoreOptions,
  isConcurrencyError,
  type StoredEvent,
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
