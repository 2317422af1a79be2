import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StoredEvent } from './envelope.js';
import { defineEvent, defineUpcaster } from './event-definition.js';
import { createEventRegistry } from './event-registry.js';

const V3 = defineEvent('TempMeasured', z.object({ celsius: z.number(), sensor: z.string() }), {
  schemaVersion: 3,
});

const stored = (schemaVersion: number, data: unknown, type = 'TempMeasured'): StoredEvent => ({
  eventId: '01J00000000000000000000000',
  streamId: 'sensor-1',
  version: 4,
  position: '1',
  type,
  schemaVersion,
  data,
  metadata: { occurredAt: '2024-01-01T00:00:00Z' },
  recordedAt: '2024-01-01T00:00:00Z',
});

const chain = [
  defineUpcaster<{ f: number }, { celsius: number }>({
    type: 'TempMeasured',
    fromSchemaVersion: 1,
    upcast: ({ f }) => ({ celsius: ((f - 32) * 5) / 9 }),
  }),
  defineUpcaster<{ celsius: number }, { celsius: number; sensor: string }>({
    type: 'TempMeasured',
    fromSchemaVersion: 2,
    upcast: (data) => ({ ...data, sensor: 'unknown' }),
  }),
];

describe('event registry', () => {
  it('chains upcasters v1 → v2 → v3', () => {
    const registry = createEventRegistry({ events: [V3], upcasters: chain });
    expect(registry.decode(stored(1, { f: 212 }))).toMatchObject({
      schemaVersion: 3,
      data: { celsius: 100, sensor: 'unknown' },
    });
    expect(registry.decode(stored(2, { celsius: 5 }))).toMatchObject({
      data: { celsius: 5, sensor: 'unknown' },
    });
    expect(registry.decode(stored(3, { celsius: 1, sensor: 's' }))?.data).toEqual({
      celsius: 1,
      sensor: 's',
    });
  });

  it('rejects inconsistent registrations at start-up', () => {
    expect(() => createEventRegistry({ events: [V3, V3] })).toThrow('registered twice');
    expect(() => createEventRegistry({ events: [], upcasters: chain })).toThrow(
      'unregistered event type',
    );
    expect(() =>
      createEventRegistry({
        events: [V3],
        upcasters: [
          defineUpcaster({ type: 'TempMeasured', fromSchemaVersion: 3, upcast: (d) => d }),
        ],
      }),
    ).toThrow('not below the current version 3');
    expect(() => createEventRegistry({ events: [V3], upcasters: [chain[0]!, chain[0]!] })).toThrow(
      'two upcasters',
    );
    expect(() => defineEvent('tempMeasured', z.object({}))).toThrow('PascalCase');
  });

  it('names stream and version when an event cannot be brought to the current shape', () => {
    const registry = createEventRegistry({ events: [V3], upcasters: [chain[1]!] });
    expect(() => registry.decode(stored(1, { f: 1 }))).toThrow(
      'cannot read event at stream "sensor-1" version 4: no upcaster for "TempMeasured" from schema version 1 to 2',
    );
    expect(() => registry.decode(stored(4, {}))).toThrow('newer than the registered version 3');
    const broken = createEventRegistry({
      events: [V3],
      upcasters: [
        defineUpcaster({
          type: 'TempMeasured',
          fromSchemaVersion: 2,
          upcast: () => ({ wrong: true }),
        }),
      ],
    });
    expect(() => broken.decode(stored(2, { celsius: 1 }))).toThrow(
      'does not match the current schema',
    );
  });

  it('validates appends at the current version and reports the batch index', () => {
    const registry = createEventRegistry({ events: [V3] });
    expect(
      registry.validate({ type: 'TempMeasured', data: { celsius: 1, sensor: 'a' } }, 0),
    ).toEqual({
      data: { celsius: 1, sensor: 'a' },
      schemaVersion: 3,
    });
    expect(() => registry.validate({ type: 'TempMeasured', data: { celsius: 'hot' } }, 4)).toThrow(
      /event 4 \("TempMeasured"\) is invalid: celsius: .*; sensor: /,
    );
    expect(() =>
      registry.validate({ type: 'TempMeasured', data: {}, schemaVersion: 1 }, 0),
    ).toThrow('appends write the current version 3');
  });
});
