import { createProjectionRunner, defineProjection, type EventStore } from '@safeledger/core';
import { benchEvent } from '../bench-event.js';
import { measure, timed } from '../measure.js';
import type { Family } from '../targets/target.js';
import type { Result, Scale } from './workload.js';

/** A store whose projection runner is measured. */
export interface RebuildSubject {
  readonly name: string;
  readonly family: Family;
  readonly settings: string;
  open(): Promise<{ store: EventStore; close(): Promise<void> }>;
}

/** One document per stream: how many items it recorded and the last SKU. */
const perStream = defineProjection<{ items: number; lastSku: string }>({
  name: 'bench-per-stream',
  version: 1,
  handles: ['ItemRecorded'],
  documentId: (event) => event.streamId,
  init: () => ({ items: 0, lastSku: '' }),
  apply: (doc, event) => {
    doc.items += 1;
    doc.lastSku = (event.data as { sku: string }).sku;
  },
});

/**
 * Projection rebuild: `rebuildEvents` events in streams of `eventsPerStream`, built once, then
 * timed from `rebuild()` (documents and checkpoint dropped) until the runner has caught up.
 */
export async function projectionRebuild(subject: RebuildSubject, scale: Scale): Promise<Result> {
  const { store, close } = await subject.open();
  try {
    const streams = Math.ceil(scale.rebuildEvents / scale.eventsPerStream);
    for (let s = 0; s < streams; s++) {
      const events = Array.from({ length: scale.eventsPerStream }, (_, i) => benchEvent(s, i));
      await store.appendToStream(`rebuild-${s}`, events, { expectedVersion: 'no_stream' });
    }
    const runner = createProjectionRunner({ store, projections: [perStream], batchSize: 1_000 });
    await runner.catchUp({ timeoutMs: 600_000 });
    const m = await measure(
      async () =>
        timed(streams * scale.eventsPerStream, async () => {
          await runner.rebuild(perStream.name);
          await runner.catchUp({ timeoutMs: 600_000 });
        }),
      { warmup: 0, repeats: scale.repeats },
    );
    await runner.stop();
    const sample = (await store.projections.getDocument(perStream.name, 'rebuild-0')) as {
      items: number;
    };
    if (sample.items !== scale.eventsPerStream)
      throw new Error(`rebuild produced ${sample.items} items`);
    return {
      workload: `projection rebuild (${streams * scale.eventsPerStream} events)`,
      contender: subject.name,
      family: subject.family,
      kind: 'safeledger',
      settings: subject.settings,
      ...m,
      unit: 'events/s',
    };
  } finally {
    await close();
  }
}
