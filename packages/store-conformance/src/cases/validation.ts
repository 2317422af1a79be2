import { isValidationError, type ValidationError } from '@safeledger/core';
import { expect } from 'vitest';
import { currentRegistry, items, readStream, rejection, uniqueStream } from '../fixtures.js';
import type { ConformanceCase } from '../harness.js';

const group = 'validation';

async function expectValidation(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await rejection(promise);
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  return error as ValidationError;
}

/** Validation before anything is written (A5). */
export const validationCases: ConformanceCase[] = [
  {
    group,
    name: 'A5 an invalid payload is rejected with the zod issues and its index in the batch',
    async run(context) {
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
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
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
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
      const store = await context.open({ registry: currentRegistry() });
      const streamId = uniqueStream();
      await store.appendToStream(streamId, [
        { type: 'NoteWritten', data: { text: 'ok', extra: 'dropped' } },
      ]);
      const [event] = await readStream(store, streamId);
      expect(event!.data).toEqual({ text: 'ok' });
      expect(event!.schemaVersion).toBe(1);
    },
  },
];
