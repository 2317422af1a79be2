import { createProjectionRunner, type EventStore, type StoredEvent } from '@safeledger/core';
import { countingProjection, type StreamCount } from './counting-projection.js';
import type { CrashEventData } from './crash-protocol.js';
import { LEASE_TTL_MS } from './crash-protocol.js';

/** What the parent learnt from one stream across every round so far. */
export interface StreamHistory {
  /** Batches announced before their append, in order, with their sizes. */
  readonly attempted: { batch: string; size: number }[];
  /** Batches whose append returned before the kill. */
  readonly acknowledged: Set<string>;
}

/**
 * Checks what must hold after a crash, whenever it came: every stream is a prefix of what was
 * attempted, batch by whole batch; versions are contiguous; nothing acknowledged is missing; the
 * global log has no hole a reader would wait on; and the projection, resumed by a new runner,
 * equals a count of the log. Returns the problems found (none when all holds).
 */
export async function crashProblems(
  store: EventStore,
  histories: ReadonlyMap<string, StreamHistory>,
): Promise<string[]> {
  const problems: string[] = [];
  let total = 0;
  for (const [stream, history] of histories) {
    const events: StoredEvent[] = [];
    for await (const event of store.readStream(stream)) events.push(event);
    total += events.length;
    events.forEach((event, index) => {
      if (event.version !== index + 1)
        problems.push(`${stream}: version ${event.version} at ${index + 1}`);
    });
    // Split the stream into its batches, in order.
    const present: { batch: string; size: number; seen: number }[] = [];
    for (const event of events) {
      const data = event.data as CrashEventData;
      const last = present.at(-1);
      if (last?.batch === data.batch && data.index === last.seen) last.seen += 1;
      else if (data.index === 0) present.push({ batch: data.batch, size: data.size, seen: 1 });
      else problems.push(`${stream}: event ${data.index} of batch ${data.batch} out of place`);
    }
    for (const batch of present) {
      if (batch.seen !== batch.size) {
        problems.push(`${stream}: batch ${batch.batch} has ${batch.seen} of ${batch.size} events`);
      }
    }
    // The stream holds the attempts in order; a batch is missing only if it was never
    // acknowledged, and then no later batch of the stream may be present.
    let cursor = 0;
    for (const attempt of history.attempted) {
      if (present[cursor]?.batch === attempt.batch) {
        cursor += 1;
        continue;
      }
      if (history.acknowledged.has(attempt.batch)) {
        problems.push(`${stream}: acknowledged batch ${attempt.batch} is missing`);
      }
    }
    if (cursor !== present.length) {
      problems.push(`${stream}: batch ${present[cursor]?.batch} was never attempted in this order`);
    }
  }
  // The global log: strictly increasing positions and every stream event reachable, so a
  // subscriber starting from zero reaches the end without waiting on a hole.
  let seen = 0;
  let previous: string | undefined;
  for await (const event of store.readAll()) {
    // Positions are opaque but string-ordered (event-store spec): compare, never compute.
    if (previous !== undefined && event.position <= previous) {
      problems.push(`position ${event.position} after ${previous}`);
    }
    previous = event.position;
    seen += 1;
  }
  if (seen !== total) problems.push(`the global log has ${seen} events, the streams ${total}`);
  // The projection resumes under a new holder once the killed one's lease lapses.
  const runner = createProjectionRunner({
    store,
    projections: [countingProjection],
    owner: 'checker',
    leaseTtlMs: LEASE_TTL_MS,
    pollIntervalMs: 5,
  });
  runner.start();
  try {
    await runner.catchUp({ timeoutMs: 20_000 });
  } finally {
    await runner.stop();
  }
  for (const stream of histories.keys()) {
    let events = 0;
    for await (const _ of store.readStream(stream)) events += 1;
    const document = (await store.projections.getDocument(countingProjection.name, stream)) as
      | StreamCount
      | undefined;
    const expected = events === 0 ? undefined : { events, lastVersion: events };
    if (JSON.stringify(document) !== JSON.stringify(expected)) {
      problems.push(
        `${stream}: projection ${JSON.stringify(document)}, log ${JSON.stringify(expected)}`,
      );
    }
  }
  return problems;
}
