import type { EventStore, NewEvent, ProjectionRunner } from '@safeledger/core';
import { expect } from 'vitest';
import { visibleLog } from './fixtures.js';

/*
 * What the read-model cases share: each writes random histories of raw events, folds them with
 * the library's projections, and compares the figures with an oracle recomputed from the raw
 * events, in China Standard Time (UTC+8, no daylight saving).
 */

export const DAY = 86_400_000;
const CST_OFFSET = 8 * 3_600_000;

/** One event as a case writes it and its oracle reads it back. */
export interface Raw {
  readonly type: string;
  readonly data: Record<string, any>;
}

/** The instant as an ISO string in UTC. */
export const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar date in China Standard Time. */
export const cst = (ms: number) => new Date(ms + CST_OFFSET).toISOString().slice(0, 10);
/** The last millisecond of a China Standard Time date. */
export const endOf = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`);
/** The date `days` calendar days after `date`. */
export const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** Whole calendar days from one date to another. */
export const dayDiff = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/**
 * Appends a case's histories and keeps count of what it wrote, so catching a runner up can first
 * wait for all of it on the global log: the contract promises gap safety (R1), not that an
 * append is visible the moment it returns.
 */
export function historyWriter(store: EventStore) {
  let appended = 0;
  const writer = {
    async append(streamId: string, events: readonly Raw[]): Promise<void> {
      await store.appendToStream(streamId, events as NewEvent[]);
      appended += events.length;
    },
    async catchUp(runner: ProjectionRunner): Promise<void> {
      await visibleLog(store, appended);
      await runner.catchUp();
    },
    /**
     * Appends each history to its stream and catches the runner up after every even-length one,
     * so the fold also runs incrementally across batches, then once more at the end.
     */
    async appendAll(
      runner: ProjectionRunner,
      histories: readonly (readonly Raw[])[],
      streamOf: (events: readonly Raw[]) => string,
    ): Promise<void> {
      for (const events of histories) {
        await writer.append(streamOf(events), events);
        if (events.length % 2 === 0) await writer.catchUp(runner);
      }
      await writer.catchUp(runner);
    },
  };
  return writer;
}

/** S5: a rebuild of the projection from scratch equals the incrementally built documents. */
export async function expectRebuildEqualsIncremental(
  store: EventStore,
  runner: ProjectionRunner,
  name: string,
  listOptions?: { limit?: number },
): Promise<void> {
  const incremental = await store.projections.listDocuments(name, listOptions);
  await runner.rebuild(name);
  await runner.catchUp();
  expect(await store.projections.listDocuments(name, listOptions)).toEqual(incremental);
}
