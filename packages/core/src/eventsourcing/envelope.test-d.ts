import { expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import type { DomainEvent, NewEvent, StoredEvent } from './envelope.js';
import { defineEvent, type EventOf } from './event-definition.js';

const Opened = defineEvent('Opened', z.object({ by: z.string() }));
const Closed = defineEvent('Closed', z.object({ reason: z.enum(['done', 'void']) }));
type DoorEvent = EventOf<typeof Opened> | EventOf<typeof Closed>;

test('stored events of a union narrow on type', () => {
  const handle = (event: StoredEvent<DoorEvent>) => {
    if (event.type === 'Closed') {
      expectTypeOf(event.data.reason).toEqualTypeOf<'done' | 'void'>();
    } else {
      expectTypeOf(event.data).toEqualTypeOf<{ by: string }>();
    }
    expectTypeOf(event.position).toBeString();
    expectTypeOf(event.metadata.occurredAt).toBeString();
  };
  expectTypeOf(handle).toBeFunction();
});

test('new events keep type and data correlated', () => {
  expectTypeOf<{ type: 'Closed'; data: { reason: 'done' } }>().toExtend<NewEvent<DoorEvent>>();
  expectTypeOf<{ type: 'Closed'; data: { by: string } }>().not.toExtend<NewEvent<DoorEvent>>();
  expectTypeOf(Opened.create({ by: 'p1' })).toEqualTypeOf<DomainEvent<'Opened', { by: string }>>();
});
