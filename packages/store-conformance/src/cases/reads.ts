import { isUlid, type StoredEvent, toArray } from '@safeledger/core';
import { expect } from 'vitest';
import {
  currentRegistry,
  eventually,
  items,
  openStoreAndStream,
  uniqueStream,
  visibleLog,
} from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'read';

const AWKWARD = [
  `it's "quoted"; DROP TABLE events; --`,
  'back\\slash \\n not a newline',
  'unicode: 隐患 整改率 ✓ 🚧 \u00e9\u0301',
  'line\nbreak\ttab',
  '',
];

/** Envelope, stream reads and the global log (R1 ordering; S3 checkpoints). */
export const readCases: ConformanceCase[] = [
  {
    group,
    name: 'envelope: every stored event carries the full envelope',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream('hazard');
      await store.appendToStream(streamId, [
        {
          type: 'NoteWritten',
          data: { text: 'x' },
          metadata: {
            correlationId: 'corr-1',
            causationId: 'cause-1',
            commandId: 'cmd-1',
            actor: { personId: 'p-1', role: 'SafetyOfficer', enterpriseId: 'ent-1' },
            tenantId: 't-1',
            occurredAt: '2024-03-01T09:30:00+08:00',
            headers: { source: 'test' },
          },
        },
        { type: 'NoteWritten', data: { text: 'y' } },
      ]);
      const [first, second] = await toArray(store.readStream(streamId));
      expect(isUlid(first!.eventId)).toBe(true);
      expect(first).toMatchObject({
        streamId,
        version: 1,
        type: 'NoteWritten',
        schemaVersion: 1,
        data: { text: 'x' },
        metadata: {
          correlationId: 'corr-1',
          causationId: 'cause-1',
          commandId: 'cmd-1',
          actor: { personId: 'p-1', role: 'SafetyOfficer', enterpriseId: 'ent-1' },
          tenantId: 't-1',
          occurredAt: '2024-03-01T09:30:00+08:00',
          headers: { source: 'test' },
        },
      });
      expect(new Date(first!.recordedAt).toISOString()).toBe(first!.recordedAt);
      // The store fills occurredAt with the commit time when the writer gives none.
      expect(second!.metadata.occurredAt).toBe(second!.recordedAt);
      expect(first!.eventId).not.toBe(second!.eventId);
    },
  },
  {
    group,
    name: 'payloads and stream ids with quotes, backslashes and unicode round-trip exactly',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      for (const text of AWKWARD) {
        const streamId = `note-${text.replace(/-/g, '_')}`;
        await store.appendToStream(streamId, [{ type: 'NoteWritten', data: { text } }]);
        const events = await toArray(store.readStream(streamId));
        expect(events.map((e) => e.data)).toEqual([{ text }]);
        expect(events[0]!.streamId).toBe(streamId);
      }
      const numbers = { sku: 'n', quantity: 2 ** 31 + 7, unit: 'µg' };
      await store.appendToStream('cart-numbers', [{ type: 'ItemAdded', data: numbers }]);
      expect((await toArray(store.readStream('cart-numbers')))[0]!.data).toEqual(numbers);
    },
  },
  {
    group,
    name: 'readStream: an absent stream is empty; fromVersion, backward and maxCount select',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      expect(await toArray(store.readStream(streamId))).toEqual([]);
      await store.appendToStream(streamId, items(6));
      await store.appendToStream(uniqueStream(), items(2));
      const versions = async (options: object) =>
        (await toArray(store.readStream(streamId, options))).map((e) => e.version);
      expect(await versions({})).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await versions({ fromVersion: 4 })).toEqual([4, 5, 6]);
      expect(await versions({ fromVersion: 2, maxCount: 2 })).toEqual([2, 3]);
      expect(await versions({ direction: 'backward' })).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await versions({ direction: 'backward', fromVersion: 4, maxCount: 2 })).toEqual([
        4, 3,
      ]);
      expect(await versions({ fromVersion: 7 })).toEqual([]);
      expect(await versions({ maxCount: 0 })).toEqual([]);
    },
  },
  {
    group,
    name: 'R1 readAll returns the global log in position order and resumes after a checkpoint',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const a = uniqueStream('alpha');
      const b = uniqueStream('beta');
      for (let i = 0; i < 5; i++) {
        await store.appendToStream(a, items(2, `a${i}`));
        await store.appendToStream(b, items(1, `b${i}`));
      }
      const all = await visibleLog(store, 15);
      expect(all).toHaveLength(15);
      const positions = all.map((e) => e.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(15);
      const resumed = await toArray(store.readAll({ after: all[6]!.position }));
      expect(resumed.map((e) => e.eventId)).toEqual(all.slice(7).map((e) => e.eventId));
      expect(await toArray(store.readAll({ after: all[14]!.position }))).toEqual([]);
      const limited = await toArray(store.readAll({ after: all[2]!.position, maxCount: 4 }));
      expect(limited.map((e) => e.eventId)).toEqual(all.slice(3, 7).map((e) => e.eventId));
    },
  },
  {
    group,
    name: 'readAll filters by type and by stream category',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const a = uniqueStream('alpha');
      const b = uniqueStream('beta');
      await store.appendToStream(a, [...items(2), { type: 'ItemRemoved', data: { sku: 'sku-0' } }]);
      await store.appendToStream(b, [{ type: 'NoteWritten', data: { text: 'n' } }, ...items(1)]);
      await visibleLog(store, 5);
      const types = (events: StoredEvent[]) =>
        events.map((e) => `${e.streamId.split('-')[0]}:${e.type}`);
      expect(
        types(await toArray(store.readAll({ types: ['ItemRemoved', 'NoteWritten'] }))),
      ).toEqual(['alpha:ItemRemoved', 'beta:NoteWritten']);
      expect(types(await toArray(store.readAll({ categories: ['beta'] })))).toEqual([
        'beta:NoteWritten',
        'beta:ItemAdded',
      ]);
      expect(
        types(await toArray(store.readAll({ categories: ['alpha'], types: ['ItemAdded'] }))),
      ).toEqual(['alpha:ItemAdded', 'alpha:ItemAdded']);
    },
  },
  {
    group,
    name: 'S3 a filtered page advances the checkpoint past events that did not match',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      await store.appendToStream(uniqueStream(), items(5));
      const last = (await visibleLog(store, 5)).at(-1)!;
      const page = await store.readAllPage({ maxCount: 100, types: ['NoteWritten'] });
      expect(page.events).toEqual([]);
      expect(page.caughtUp).toBe(true);
      expect(page.checkpoint).toBeDefined();
      expect(page.checkpoint! >= last.position).toBe(true);
      // And the next matching event is the first thing seen after that checkpoint.
      await store.appendToStream(uniqueStream(), [{ type: 'NoteWritten', data: { text: 'hit' } }]);
      const next = await visibleLog(store, 1, { after: page.checkpoint!, types: ['NoteWritten'] });
      expect(next.map((e) => e.data)).toEqual([{ text: 'hit' }]);
    },
  },
  {
    group,
    name: 'S3 a full page checkpoints at its last event, not beyond',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      await store.appendToStream(uniqueStream(), items(10));
      await visibleLog(store, 10);
      const page = await store.readAllPage({ maxCount: 4 });
      expect(page.events).toHaveLength(4);
      expect(page.caughtUp).toBe(false);
      expect(page.checkpoint).toBe(page.events[3]!.position);
      const rest = await store.readAllPage({ after: page.checkpoint, maxCount: 100 });
      expect(rest.events).toHaveLength(6);
      expect(rest.caughtUp).toBe(true);
    },
  },
  {
    group,
    name: 'S2 a subscription catches up, follows live appends, and resumes from its position',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const writer = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
      await store.appendToStream(streamId, items(3));
      const seen: StoredEvent[] = [];
      const subscription = store.subscribe({ pollIntervalMs: 20 }, (event) => {
        seen.push(event);
      });
      await eventually(() => seen.length === 3, 'catch-up of 3 events');
      await writer.appendToStream(streamId, items(2, 'live'));
      await eventually(() => seen.length === 5, 'live delivery of 2 more events');
      await subscription.stop();
      expect(seen.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      await writer.appendToStream(streamId, items(1, 'later'));
      const resumed: StoredEvent[] = [];
      const again = store.subscribe(
        { after: subscription.position!, pollIntervalMs: 20 },
        (event) => {
          resumed.push(event);
        },
      );
      await eventually(() => resumed.length === 1, 'resumed delivery');
      await again.stop();
      expect(resumed[0]!.version).toBe(6);
    },
  },
  {
    group,
    name: 'S2 a failing subscription handler stops it and reports the error',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      await store.appendToStream(uniqueStream(), items(3));
      const handled: number[] = [];
      let reported: unknown;
      const subscription = store.subscribe(
        { pollIntervalMs: 20, onError: (error) => (reported = error) },
        (event) => {
          if (event.version === 2) throw new Error('boom');
          handled.push(event.version);
        },
      );
      await expect(subscription.done).rejects.toThrow('boom');
      expect(handled).toEqual([1]);
      expect((reported as Error).message).toBe('boom');
    },
  },
];
