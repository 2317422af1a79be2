import {
  createEventRegistry,
  createProjectionRunner,
  defineProjection,
  isUnknownEventTypeError,
  isUnreadableEventError,
  type StoredEvent,
  toArray,
} from '@safeledger/core';
import { expect } from 'vitest';
import {
  currentRegistry,
  eventually,
  ItemAdded,
  legacyRegistry,
  NoteWritten,
  rejection,
  uniqueStream,
  visibleLog,
} from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';
import { cartDecider } from './idempotency.js';

const group = 'upcasting';

const v2 = { sku: 'old', quantity: 3, unit: 'piece' };

/** Upcasters on every read path and the unknown-type policy (R2). */
export const upcastingCases: ConformanceCase[] = [
  {
    group,
    name: 'R2 events written at schema v1 read as v2 on every read path',
    async run(context) {
      const legacy = await context.open({ registry: legacyRegistry() });
      const streamId = uniqueStream();
      await legacy.appendToStream(streamId, [{ type: 'ItemAdded', data: { sku: 'old', qty: 3 } }]);
      const stored = await toArray(legacy.readStream(streamId));
      expect(stored[0]).toMatchObject({ schemaVersion: 1, data: { sku: 'old', qty: 3 } });

      const store = await context.open({ registry: currentRegistry() });
      await store.appendToStream(streamId, [
        { type: 'ItemAdded', data: { sku: 'new', quantity: 1, unit: 'kg' } },
      ]);
      const expectShape = (events: readonly StoredEvent[]) => {
        expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
          [2, v2],
          [2, { sku: 'new', quantity: 1, unit: 'kg' }],
        ]);
      };
      expectShape(await toArray(store.readStream(streamId)));
      expectShape(await visibleLog(store, 2));
      expectShape((await store.readAllPage({ maxCount: 10 })).events);

      const seen: StoredEvent[] = [];
      const subscription = store.subscribe({ pollIntervalMs: 10 }, (event) => {
        seen.push(event);
      });
      await eventually(() => seen.length === 2, 'subscription delivery');
      await subscription.stop();
      expectShape(seen);

      const folded = await store.aggregateStream(streamId, {
        ...cartDecider,
        evolve: (state: { count: number; units: string[] }, event: StoredEvent) => ({
          count: state.count + 1,
          units: [...state.units, (event.data as { unit: string }).unit],
        }),
        initialState: () => ({ count: 0, units: [] as string[] }),
      } as never);
      expect(folded).toEqual({ state: { count: 2, units: ['piece', 'kg'] }, version: 2 });

      const units = defineProjection<{ units: string[] }>({
        name: 'units',
        version: 1,
        handles: ['ItemAdded'],
        init: () => ({ units: [] }),
        apply: (doc, event) => {
          doc.units.push((event.data as { unit: string }).unit);
        },
      });
      const runner = createProjectionRunner({ store, projections: [units], pollIntervalMs: 10 });
      await runner.catchUp();
      await runner.rebuild('units');
      await runner.catchUp();
      await runner.stop();
      const documents = await store.projections.listDocuments('units');
      expect(documents.map((d) => d.document)).toEqual([{ units: ['piece', 'kg'] }]);
    },
  },
  {
    group,
    name: "R2 unknown types: 'error' throws naming stream and version, 'skip' omits, 'raw' passes through",
    async run(context) {
      const writer = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
      await writer.appendToStream(streamId, [
        { type: 'NoteWritten', data: { text: 'one' } },
        { type: 'ItemRemoved', data: { sku: 'gone' } },
        { type: 'NoteWritten', data: { text: 'three' } },
      ]);
      await visibleLog(writer, 3);
      const narrow = (unknownTypes: 'error' | 'skip' | 'raw') =>
        context.open({ registry: createEventRegistry({ events: [NoteWritten], unknownTypes }) });

      const strict = await narrow('error');
      const error = await rejection(toArray(strict.readStream(streamId)));
      expect(isUnknownEventTypeError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ type: 'ItemRemoved', streamId, version: 2 });
      expect(isUnknownEventTypeError(await rejection(toArray(strict.readAll())))).toBe(true);

      const skipping = await narrow('skip');
      expect((await toArray(skipping.readStream(streamId))).map((e) => e.version)).toEqual([1, 3]);
      expect((await toArray(skipping.readAll())).map((e) => e.version)).toEqual([1, 3]);
      const folded = await skipping.aggregateStream(streamId, {
        name: 'notes',
        initialState: () => 0,
        evolve: (n: number) => n + 1,
        decide: () => [],
      });
      expect(folded).toEqual({ state: 2, version: 3 });

      const raw = await narrow('raw');
      expect((await toArray(raw.readStream(streamId))).map((e) => e.type)).toEqual([
        'NoteWritten',
        'ItemRemoved',
        'NoteWritten',
      ]);
    },
  },
  {
    group,
    name: 'R2 a schema version with no upcaster is a clear error naming stream and version',
    async run(context) {
      const legacy = await context.open({ registry: legacyRegistry() });
      const streamId = uniqueStream();
      await legacy.appendToStream(streamId, [{ type: 'ItemAdded', data: { sku: 'old', qty: 3 } }]);
      const noUpcaster = await context.open({
        registry: createEventRegistry({ events: [ItemAdded] }),
      });
      const error = await rejection(toArray(noUpcaster.readStream(streamId)));
      expect(isUnreadableEventError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ streamId, version: 1 });
      expect((error as Error).message).toContain(
        'no upcaster for "ItemAdded" from schema version 1 to 2',
      );
    },
  },
];
