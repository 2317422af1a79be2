import { createEventRegistry, defineEvent, hazardEvents } from '@safeledger/core';
import { z } from 'zod';

const ItemRecorded = defineEvent(
  'ItemRecorded',
  z.object({ sku: z.string(), quantity: z.number().int(), unit: z.string(), note: z.string() }),
);

/** The registry our stores run with: every append is schema-validated, as in production use. */
export function benchRegistry() {
  return createEventRegistry({ events: [ItemRecorded] });
}

/** The benchmark event plus every hazard event, for stores that run both workloads. */
export function benchHazardRegistry() {
  return createEventRegistry({ events: [ItemRecorded, ...hazardEvents] });
}
