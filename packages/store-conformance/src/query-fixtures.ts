import {
  createEventRegistry,
  DELETE_DOCUMENT,
  defineEvent,
  defineProjection,
  type EventRegistry,
  type EventStore,
  indexed,
  type NewEvent,
} from '@safeledger/core';
import { z } from 'zod';
import { projectOnce, uniqueStream, visibleLog } from './fixtures.js';

/** A record written (created or replaced) under `key`; the query cases' main event. */
export const RecordPut = defineEvent(
  'RecordPut',
  z.object({
    key: z.string().min(1),
    title: z.string(),
    area: z.string().nullable(),
    priority: z.number().int().nullable(),
    due: z.string().nullable(),
    at: z.string().nullable(),
    urgent: z.boolean().nullable(),
    tags: z.array(z.string()),
  }),
);

/** A record removed. */
export const RecordDropped = defineEvent('RecordDropped', z.object({ key: z.string().min(1) }));

/** The data of `RecordPut`. */
export type RecordData = z.infer<typeof RecordPut.schema>;

/** The registry of the query cases. */
export function queryRegistry(): EventRegistry {
  return createEventRegistry({ events: [RecordPut, RecordDropped] });
}

/**
 * Records by key, with one indexed field of every type. `ownIndexes: false` declares every
 * scalar field without its own index (the composite index stays), for the cases proving such
 * fields answer exactly like indexed ones.
 */
export function recordsProjection(
  options: { version?: number; name?: string; withDue?: boolean; ownIndexes?: boolean } = {},
) {
  const withDue = options.withDue ?? true;
  const own = { ownIndex: options.ownIndexes ?? true };
  return defineProjection<RecordData>({
    name: options.name ?? 'records',
    version: options.version ?? 1,
    handles: ['RecordPut', 'RecordDropped'],
    documentId: (event) => (event.data as { key: string }).key,
    init: (key) => ({
      key,
      title: '',
      area: null,
      priority: null,
      due: null,
      at: null,
      urgent: null,
      tags: [],
    }),
    apply: (_doc, event) =>
      event.type === 'RecordDropped' ? DELETE_DOCUMENT : (event.data as RecordData),
    fields: {
      title: indexed.text((doc) => doc.title, own),
      area: indexed.text((doc) => doc.area, own),
      priority: indexed.integer((doc) => doc.priority, own),
      ...(withDue ? { due: indexed.date((doc: RecordData) => doc.due, own) } : {}),
      at: indexed.instant((doc) => doc.at, own),
      urgent: indexed.boolean((doc) => doc.urgent, own),
      tags: indexed.textArray((doc) => doc.tags),
    },
    indexes: [['area', 'priority']],
  });
}

/**
 * Appends the events on a new record stream and folds them into the projection once the log
 * shows them all: `appended` counts what the case wrote before (the log is the case's own).
 */
/** The records projection, as `recordsProjection` builds it. */
export type RecordsProjection = ReturnType<typeof recordsProjection>;

export async function appendRecords(
  store: EventStore,
  events: readonly NewEvent[],
  appended: number,
  projections: RecordsProjection | readonly RecordsProjection[] = recordsProjection(),
): Promise<void> {
  await store.appendToStream(uniqueStream('rec'), events);
  await visibleLog(store, appended + events.length);
  // Small batches, so a fold spans several transactions.
  await projectOnce(store, Array.isArray(projections) ? [...projections] : [projections], {
    batchSize: 7,
  });
}
