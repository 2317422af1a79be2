// A separate process appending to a shared database file, for the multi-process tests. It is
// started by `fork` with `--import tsx --conditions=@safeledger/source`, so it runs from the
// TypeScript sources without a build. Protocol over the IPC channel:
//   child → parent  { kind: 'ready' }
//   parent → child  { kind: 'go', ...WorkerTask }   (sent to every child at once: a barrier)
//   child → parent  { kind: 'done', batches } or { kind: 'failed', error }
import { createUlidGenerator, type ExpectedVersion, isSafeledgerError } from '@safeledger/core';
import { createSqliteEventStore } from '../create-sqlite-event-store.js';

/** What one worker process is asked to do. */
export interface WorkerTask {
  readonly path: string;
  readonly worker: string;
  /** Events to append in total, over the shared stream and the worker's private stream. */
  readonly events: number;
  readonly sharedStream: string;
  readonly busyTimeoutMs: number;
}

/** One append a worker made and what the store answered. */
export interface WorkerBatch {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly firstVersion: number;
  readonly nextVersion: number;
  readonly position: string;
}

/** A worker's report to the parent. */
export type WorkerReport =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly batches: readonly WorkerBatch[] }
  | {
      readonly kind: 'failed';
      readonly error: { name: string; message: string; code?: string; causeCode?: string };
    };

const send = (report: WorkerReport): Promise<void> =>
  new Promise((resolve, reject) => {
    process.send!(report, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });

async function run(task: WorkerTask): Promise<WorkerBatch[]> {
  const store = createSqliteEventStore({ path: task.path }, { busyTimeoutMs: task.busyTimeoutMs });
  const newId = createUlidGenerator();
  const privateStream = `private-${task.worker}`;
  let privateVersion = 0;
  const batches: WorkerBatch[] = [];
  try {
    for (let written = 0, round = 0; written < task.events; round++) {
      // Batches of 1-3 events, alternating a contended stream ('any') with an own stream
      // appended at exact expected versions.
      const size = Math.min(1 + (round % 3), task.events - written);
      const shared = round % 2 === 0;
      const streamId = shared ? task.sharedStream : privateStream;
      const expectedVersion: ExpectedVersion = shared ? 'any' : privateVersion;
      const events = Array.from({ length: size }, (_, index) => ({
        type: 'Counted',
        eventId: newId(),
        data: { worker: task.worker, n: written + index },
      }));
      const result = await store.appendToStream(streamId, events, { expectedVersion });
      if (!shared) privateVersion = result.nextVersion;
      batches.push({
        streamId,
        eventIds: events.map((event) => event.eventId),
        firstVersion: result.firstVersion,
        nextVersion: result.nextVersion,
        position: result.position,
      });
      written += size;
    }
  } finally {
    await store.close();
  }
  return batches;
}

process.on('message', (message: { kind: string } & WorkerTask) => {
  if (message.kind !== 'go') return;
  run(message)
    .then((batches) => send({ kind: 'done', batches }))
    .catch((error: unknown) => {
      const failure = error as { name?: string; message?: string; code?: unknown; cause?: unknown };
      const cause = failure.cause as { code?: unknown } | undefined;
      return send({
        kind: 'failed',
        error: {
          name: String(failure.name),
          message: String(failure.message),
          ...(isSafeledgerError(error) || typeof failure.code === 'string'
            ? { code: String(failure.code) }
            : {}),
          ...(typeof cause?.code === 'string' ? { causeCode: cause.code } : {}),
        },
      });
    })
    .finally(() => process.disconnect());
});

void send({ kind: 'ready' });
