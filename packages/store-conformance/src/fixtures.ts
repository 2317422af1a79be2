import {
  createEventRegistry,
  createProjectionRunner,
  defineEvent,
  defineUpcaster,
  type EventRegistry,
  type NewEvent,
  type ProjectionRunnerOptions,
  type ReadAllOptions,
  type StoredEvent,
  toArray,
  type UnknownEventTypePolicy,
} from '@safeledger/core';
import { z } from 'zod';
import type { ConformanceContext } from './harness.js';

/** Current shape of the suite's main event (schema version 2). */
export const ItemAdded = defineEvent(
  'ItemAdded',
  z.object({ sku: z.string().min(1), quantity: z.number().int().positive(), unit: z.string() }),
  { schemaVersion: 2 },
);

/** First shape of `ItemAdded`, before `qty` became `quantity` and `unit` was added. */
export const ItemAddedV1 = defineEvent(
  'ItemAdded',
  z.object({ sku: z.string().min(1), qty: z.number().int().positive() }),
);

export const ItemRemoved = defineEvent('ItemRemoved', z.object({ sku: z.string().min(1) }));

export const NoteWritten = defineEvent('NoteWritten', z.object({ text: z.string() }));

export const itemAddedUpcaster = defineUpcaster<
  { sku: string; qty: number },
  { sku: string; quantity: number; unit: string }
>({
  type: 'ItemAdded',
  fromSchemaVersion: 1,
  upcast: ({ sku, qty }) => ({ sku, quantity: qty, unit: 'piece' }),
});

/** The registry most cases use. */
export function currentRegistry(unknownTypes: UnknownEventTypePolicy = 'error'): EventRegistry {
  return createEventRegistry({
    events: [ItemAdded, ItemRemoved, NoteWritten],
    upcasters: [itemAddedUpcaster],
    unknownTypes,
  });
}

/** The registry of "last year's code", which wrote `ItemAdded` at schema version 1. */
export function legacyRegistry(): EventRegistry {
  return createEventRegistry({ events: [ItemAddedV1, ItemRemoved, NoteWritten] });
}

let counter = 0;

/** A stream id unique within the process, in a given category. */
export function uniqueStream(category = 'cart'): string {
  counter += 1;
  return `${category}-${Date.now().toString(36)}${counter.toString(36)}`;
}

/** A store with the registry most cases use, and a stream of it nobody has written yet. */
export async function openStoreAndStream(
  context: ConformanceContext,
): Promise<{ store: Awaited<ReturnType<ConformanceContext['open']>>; streamId: string }> {
  const store = await context.open({ registry: currentRegistry() });
  return { store, streamId: uniqueStream() };
}

/** `n` valid `ItemAdded` events. */
export function items(n: number, prefix = 'sku'): NewEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'ItemAdded',
    data: { sku: `${prefix}-${i}`, quantity: i + 1, unit: 'piece' },
  }));
}

/** Reads a whole stream. */
export function readStream(
  store: { readStream(id: string, options?: object): AsyncIterable<StoredEvent> },
  streamId: string,
): Promise<StoredEvent[]> {
  return toArray(store.readStream(streamId));
}

/** Polls `check` until it returns true or the deadline passes. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Captures the error a promise rejects with (fails if it resolves). Given a function, also
 * captures what it throws before returning a promise (argument checks of iterables do).
 */
export async function rejection(
  promise: Promise<unknown> | (() => Promise<unknown>),
): Promise<unknown> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/**
 * Reads the global log once at least `count` events are visible. The contract promises gap
 * safety (R1), not that an append is on the global log the moment it returns: a store may hold
 * committed events back while an older transaction could still commit before them (PostgreSQL
 * with transaction-id positions does). Cases that count what they just wrote wait here.
 */
export async function visibleLog(
  store: { readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> },
  count: number,
  options: ReadAllOptions = {},
  timeoutMs = 20_000,
): Promise<StoredEvent[]> {
  let events: StoredEvent[] = [];
  await eventually(
    async () => {
      events = await toArray(store.readAll(options));
      return events.length >= count;
    },
    `${count} events on the global log (saw ${events.length})`,
    timeoutMs,
  );
  return events;
}

/**
 * Folds what the global log holds into the projections with a runner that stops afterwards, for
 * cases that check documents after the fact rather than a runner's life.
 */
export async function projectOnce(
  store: ProjectionRunnerOptions['store'],
  projections: ProjectionRunnerOptions['projections'],
  options: { readonly batchSize?: number } = {},
): Promise<void> {
  const runner = createProjectionRunner({ store, projections, pollIntervalMs: 5, ...options });
  await runner.catchUp();
  await runner.stop();
}
