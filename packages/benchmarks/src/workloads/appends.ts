import { benchEvent } from '../bench-event.js';
import { measure, timed } from '../measure.js';
import type { AppendTarget, Contender } from '../targets/target.js';
import type { Result, Scale } from './workload.js';

function result(
  workload: string,
  contender: Contender,
  settings: string,
  m: { perSecond: number; samples: readonly number[] },
): Result {
  return {
    workload,
    contender: contender.name,
    family: contender.family,
    kind: contender.kind,
    settings,
    ...m,
    unit: 'events/s',
  };
}

/**
 * Opens a fresh target and makes it ready before any clock starts: a load of a stream that does
 * not exist makes every store create its schema and open a connection. Our PostgreSQL store
 * migrates its schema on first use, and that migration used to land inside the timed appends,
 * while the raw driver migrated in `open`: a fixed cost of about a second that read as a
 * throughput gap, largest where the timed part is shortest (16 writers).
 */
async function openReady(contender: Contender, concurrency: number): Promise<AppendTarget> {
  const target = await contender.open({ concurrency });
  try {
    await target.loadStream('bench-ready');
  } catch (error) {
    await target.close();
    throw error;
  }
  return target;
}

/**
 * Single-event appends: `streams` × `eventsPerStream`, one event per call at the exact expected
 * version, round-robin over the streams so no stream stays hot in a cache.
 */
export async function singleAppends(contender: Contender, scale: Scale): Promise<Result> {
  let settings = '';
  const m = await measure(async (rep, warm) => {
    const streams = warm ? Math.max(10, Math.floor(scale.streams / 10)) : scale.streams;
    const target = await openReady(contender, 1);
    settings = target.settings;
    try {
      return await timed(streams * scale.eventsPerStream, async () => {
        for (let i = 0; i < scale.eventsPerStream; i++) {
          for (let s = 0; s < streams; s++)
            await target.appendOne(`bench-r${rep}s${s}`, i, benchEvent(s, i));
        }
      });
    } finally {
      await target.close();
    }
  }, scale);
  return result('single-event appends', contender, settings, m);
}

/** Batch appends: each stream written by one call of `eventsPerStream` events. */
export async function batchAppends(contender: Contender, scale: Scale): Promise<Result> {
  let settings = '';
  const batches = Array.from({ length: scale.streams }, (_, s) =>
    Array.from({ length: scale.eventsPerStream }, (_, i) => benchEvent(s, i)),
  );
  const m = await measure(async (rep, warm) => {
    const streams = warm ? Math.max(10, Math.floor(scale.streams / 10)) : scale.streams;
    const target = await openReady(contender, 1);
    settings = target.settings;
    try {
      return await timed(streams * scale.eventsPerStream, async () => {
        for (let s = 0; s < streams; s++)
          await target.appendBatch(`bench-r${rep}s${s}`, batches[s]!);
      });
    } finally {
      await target.close();
    }
  }, scale);
  return result(`${scale.eventsPerStream}-event batch appends`, contender, settings, m);
}

/** Concurrent single-event appends: `writers` writers, each owning its share of the streams. */
export async function concurrentAppends(contender: Contender, scale: Scale): Promise<Result> {
  let settings = '';
  const m = await measure(async (rep, warm) => {
    const streams = warm ? Math.max(10, Math.floor(scale.streams / 10)) : scale.streams;
    const target = await openReady(contender, scale.writers);
    settings = target.settings;
    try {
      return await timed(streams * scale.eventsPerStream, async () => {
        await Promise.all(
          Array.from({ length: scale.writers }, async (_, w) => {
            for (let i = 0; i < scale.eventsPerStream; i++) {
              for (let s = w; s < streams; s += scale.writers) {
                await target.appendOne(`bench-r${rep}s${s}`, i, benchEvent(s, i));
              }
            }
          }),
        );
      });
    } finally {
      await target.close();
    }
  }, scale);
  return result(`${scale.writers} concurrent writers`, contender, settings, m);
}

/**
 * Stream loads: `streams` streams of `eventsPerStream` events are written once (untimed), then
 * every stream is read back and folded, as a command handler does before deciding.
 */
export async function streamLoads(contender: Contender, scale: Scale): Promise<Result> {
  const target = await contender.open({ concurrency: 1 });
  try {
    for (let s = 0; s < scale.streams; s++) {
      await target.appendBatch(
        `bench-s${s}`,
        Array.from({ length: scale.eventsPerStream }, (_, i) => benchEvent(s, i)),
      );
    }
    const m = await measure(async (_rep, warm) => {
      const streams = warm ? Math.max(10, Math.floor(scale.streams / 10)) : scale.streams;
      let read = 0;
      const sample = await timed(streams * scale.eventsPerStream, async () => {
        for (let s = 0; s < streams; s++) read += await target.loadStream(`bench-s${s}`);
      });
      if (read !== streams * scale.eventsPerStream)
        throw new Error(`${contender.name} loaded ${read} events`);
      return sample;
    }, scale);
    return result(`loading ${scale.streams} streams`, contender, target.settings, m);
  } finally {
    await target.close();
  }
}
