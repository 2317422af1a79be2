import {
  type EventStore,
  isValidationError,
  type NewEvent,
  STORE_LIMITS,
  toArray,
  type ValidationError,
} from '@safeledger/core';
import { expect } from 'vitest';
import {
  items,
  openStoreAndStream,
  readStream,
  rejection,
  uniqueStream,
  visibleLog,
} from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'validation';

async function expectValidation(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await rejection(promise);
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  return error as ValidationError;
}

/** Appends `event` and expects a ValidationError naming `path`; nothing may be written. */
async function expectRefused(
  store: EventStore,
  event: NewEvent,
  path: string,
  what: string,
): Promise<void> {
  const streamId = uniqueStream('refused');
  const error = await rejection(store.appendToStream(streamId, [event]));
  expect(
    isValidationError(error),
    `${what}: expected a ValidationError, got ${String(error)}`,
  ).toBe(true);
  expect((error as ValidationError).issues, what).toEqual([
    expect.objectContaining({ index: 0, path }),
  ]);
  expect(await readStream(store, streamId), what).toHaveLength(0);
}

/** `depth` nested arrays around a number: `[[[1]]]` is depth 3. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Validation before anything is written (A5), identical on every store (R4). */
export const validationCases: ConformanceCase[] = [
  {
    group,
    name: 'A5 an invalid payload is rejected with the zod issues and its index in the batch',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      const error = await expectValidation(
        store.appendToStream(streamId, [
          ...items(2),
          { type: 'ItemAdded', data: { sku: 'x', quantity: 0, unit: 'piece' } },
        ]),
      );
      expect(error.issues).toEqual([
        expect.objectContaining({ index: 2, type: 'ItemAdded', path: 'quantity' }),
      ]);
      expect(error.message).toContain('event 2');
      expect(await readStream(store, streamId)).toHaveLength(0);
    },
  },
  {
    group,
    name: 'A5 an unregistered type, bad metadata, a bad event id or an empty batch is rejected',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await expectValidation(store.appendToStream(streamId, [{ type: 'NoSuchThing', data: {} }]));
      await expectValidation(
        store.appendToStream(streamId, [
          { ...items(1)[0]!, metadata: { occurredAt: 'yesterday' } },
        ]),
      );
      await expectValidation(
        store.appendToStream(streamId, [
          { ...items(1)[0]!, metadata: { unexpected: true } as never },
        ]),
      );
      await expectValidation(
        store.appendToStream(streamId, [{ ...items(1)[0]!, eventId: 'not-a-ulid' }]),
      );
      await expectValidation(store.appendToStream(streamId, []));
      await expectValidation(store.appendToStream(streamId, items(1), { expectedVersion: -1 }));
      await expectValidation(
        store.appendToStream(streamId, items(1), { expectedVersion: 'latest' as never }),
      );
      await expectValidation(store.appendToStream('', items(1)));
      expect(await readStream(store, streamId)).toHaveLength(0);
    },
  },
  {
    group,
    name: 'A5 a valid payload is stored as the schema parsed it',
    async run(context) {
      const { store, streamId } = await openStoreAndStream(context);
      await store.appendToStream(streamId, [
        { type: 'NoteWritten', data: { text: 'ok', extra: 'dropped' } },
      ]);
      const [event] = await readStream(store, streamId);
      expect(event!.data).toEqual({ text: 'ok' });
      expect(event!.schemaVersion).toBe(1);
    },
  },
  {
    group,
    name: 'R4 data JSON cannot hold exactly is refused on every store, naming its path',
    async run(context) {
      // Schemaless, so nothing but the kernel's own checks stands between the value and the store.
      const store = await context.open({});
      const cycle: Record<string, unknown> = { a: 1 };
      cycle.self = cycle;
      const holey: unknown[] = [1];
      holey[2] = 3;
      const refused: Array<[string, unknown, string]> = [
        ['a function', { f: () => 1 }, 'data.f'],
        ['a Symbol', { s: Symbol('x') }, 'data.s'],
        ['a Symbol as data', Symbol('x'), 'data'],
        ['a BigInt', { n: 10n }, 'data.n'],
        ['NaN', { list: [1, Number.NaN] }, 'data.list.1'],
        ['Infinity', { n: Number.POSITIVE_INFINITY }, 'data.n'],
        ['undefined in an array', { list: [undefined] }, 'data.list.0'],
        ['a hole in an array', { list: holey }, 'data.list.1'],
        ['a cycle', { deep: cycle }, `data.deep${'.self'.repeat(STORE_LIMITS.jsonDepth - 1)}`],
        ['a Date', { at: new Date(0) }, 'data.at'],
        ['a Map', { m: new Map([['k', 1]]) }, 'data.m'],
      ];
      for (const [what, data, path] of refused) {
        await expectRefused(store, { type: 'Noted', data }, path, what);
      }
      // A property that is undefined is dropped, exactly as JSON drops it, on every store.
      const streamId = uniqueStream('kept');
      await store.appendToStream(streamId, [
        { type: 'Noted', data: { kept: 'yes', absent: undefined, zero: -0, list: [null] } },
      ]);
      expect((await readStream(store, streamId))[0]!.data).toEqual({
        kept: 'yes',
        zero: 0,
        list: [null],
      });
      expect(await visibleLog(store, 1)).toHaveLength(1);
    },
  },
  {
    group,
    name: 'R4 schema versions are integers from 1 to 2^31-1 on every store',
    async run(context) {
      const store = await context.open({});
      for (const schemaVersion of [1.5, 'x', -3, 0, 2 ** 40, Number.NaN, 2 ** 31]) {
        await expectRefused(
          store,
          { type: 'Noted', data: {}, schemaVersion: schemaVersion as number },
          'schemaVersion',
          `schemaVersion ${String(schemaVersion)}`,
        );
      }
      const streamId = uniqueStream();
      await store.appendToStream(streamId, [
        { type: 'Noted', data: {}, schemaVersion: STORE_LIMITS.maxSchemaVersion },
      ]);
      expect((await readStream(store, streamId))[0]!.schemaVersion).toBe(2 ** 31 - 1);
    },
  },
  {
    group,
    name: 'R4 NUL characters and unpaired surrogates are refused in data, keys, metadata, types and stream ids',
    async run(context) {
      const store = await context.open({});
      const bad = ['nul \u0000 inside', 'lone high \uD83D here', 'lone low \uDEA7 here'];
      for (const text of bad) {
        await expectRefused(store, { type: 'Noted', data: { text } }, 'data.text', text);
        await expectRefused(
          store,
          { type: 'Noted', data: { [text]: 1 } },
          `data.${JSON.stringify(text)}`,
          text,
        );
        await expectRefused(
          store,
          { type: 'Noted', data: {}, metadata: { headers: { source: text } } },
          'metadata.headers.source',
          text,
        );
        await expectRefused(store, { type: `Noted${text}`, data: {} }, 'type', text);
        const error = await rejection(
          store.appendToStream(`note-${text}`, [{ type: 'Noted', data: {} }]),
        );
        expect(isValidationError(error), String(error)).toBe(true);
        expect((error as Error).message).toContain('streamId');
        const read = await rejection(() => toArray(store.readStream(`note-${text}`)));
        expect(isValidationError(read), String(read)).toBe(true);
      }
      // Well-formed text of any plane is fine.
      const streamId = 'note-\u{1F6A7}-隐患';
      await store.appendToStream(streamId, [{ type: 'Noted', data: { text: '🚧 \u00e9' } }]);
      expect((await readStream(store, streamId))[0]!.data).toEqual({ text: '🚧 \u00e9' });
    },
  },
  {
    group,
    name: 'R4 stream ids, event types and metadata ids have documented maximum lengths',
    async run(context) {
      const store = await context.open({});
      const longest = `long-${'x'.repeat(STORE_LIMITS.streamIdLength - 5)}`;
      const tooLong = `${longest}y`;
      const commandId = 'c'.repeat(STORE_LIMITS.metadataIdLength);
      const type = `T${'y'.repeat(STORE_LIMITS.eventTypeLength - 1)}`;
      await store.appendToStream(longest, [
        {
          type,
          data: {},
          metadata: { commandId, correlationId: commandId, causationId: commandId },
        },
      ]);
      const [stored] = await readStream(store, longest);
      expect(stored).toMatchObject({ streamId: longest, type, metadata: { commandId } });

      const error = await rejection(store.appendToStream(tooLong, [{ type: 'Noted', data: {} }]));
      expect(isValidationError(error), String(error)).toBe(true);
      expect((error as Error).message).toContain(`limit is ${STORE_LIMITS.streamIdLength}`);
      // The message names the id without repeating all of it.
      expect((error as Error).message).not.toContain(tooLong);
      expect(isValidationError(await rejection(() => toArray(store.readStream(tooLong))))).toBe(
        true,
      );

      await expectRefused(store, { type: `${type}z`, data: {} }, 'type', 'a long type');
      for (const field of ['commandId', 'correlationId', 'causationId'] as const) {
        await expectRefused(
          store,
          { type: 'Noted', data: {}, metadata: { [field]: `${commandId}c` } },
          `metadata.${field}`,
          `a long ${field}`,
        );
      }
    },
  },
  {
    group,
    name: 'R4 nesting deeper than the limit is refused; at the limit it round-trips',
    async run(context) {
      const store = await context.open({});
      const streamId = uniqueStream();
      await store.appendToStream(streamId, [
        { type: 'Noted', data: nested(STORE_LIMITS.jsonDepth) },
      ]);
      expect((await readStream(store, streamId))[0]!.data).toEqual(nested(STORE_LIMITS.jsonDepth));
      const path = ['data', ...Array.from({ length: STORE_LIMITS.jsonDepth }, () => '0')].join('.');
      await expectRefused(
        store,
        { type: 'Noted', data: nested(STORE_LIMITS.jsonDepth + 1) },
        path,
        'one level too deep',
      );
      await expectRefused(store, { type: 'Noted', data: nested(5_000) }, path, 'far too deep');
    },
  },
  {
    group,
    name: 'R4 a position the store did not issue is a ValidationError on every read path',
    async run(context) {
      const store = await context.open({});
      await store.appendToStream(uniqueStream(), [{ type: 'Noted', data: {} }]);
      for (const after of ['garbage', '', '-1', 42 as unknown as string]) {
        const viaReadAll = await rejection(() => toArray(store.readAll({ after })));
        expect(
          isValidationError(viaReadAll),
          `readAll after ${String(after)}: ${String(viaReadAll)}`,
        ).toBe(true);
        const viaPage = await rejection(() => store.readAllPage({ after, maxCount: 10 }));
        expect(
          isValidationError(viaPage),
          `readAllPage after ${String(after)}: ${String(viaPage)}`,
        ).toBe(true);
      }
    },
  },
];
