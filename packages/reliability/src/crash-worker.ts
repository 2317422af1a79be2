import { createProjectionRunner } from '@safeledger/core';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { countingProjection } from './counting-projection.js';
import type { CrashReport, CrashTask } from './crash-protocol.js';
import { LEASE_TTL_MS } from './crash-protocol.js';
import { openStore } from './open-store.js';

// A process that appends batches to a few streams and runs a projection until it is killed.
// It announces each batch before appending it and acknowledges it after, over IPC, so the
// parent knows what was attempted and what was acknowledged when the kill came.
const report = (message: CrashReport) => process.send?.(message);

process.on('message', (task: CrashTask) => {
  if (task.kind === 'go')
    run(task).catch((error: unknown) => report({ kind: 'failed', error: String(error) }));
});
report({ kind: 'ready' });

async function run(task: CrashTask): Promise<never> {
  const store = openStore(task.store, task.location, task.schema);
  const runner = createProjectionRunner({
    store,
    projections: [countingProjection],
    owner: `worker-${task.round}`,
    leaseTtlMs: LEASE_TTL_MS,
    pollIntervalMs: 5,
    batchSize: 7,
  });
  runner.start();
  const rng = xoroshiro128plus(task.seed);
  const versions = new Map<string, number>();
  for (const stream of task.streams) {
    let version = 0;
    for await (const event of store.readStream(stream)) version = event.version;
    versions.set(stream, version);
  }
  for (let n = 0; ; n += 1) {
    const stream = task.streams[uniformInt(rng, 0, task.streams.length - 1)]!;
    const size = uniformInt(rng, 1, 5);
    const batch = `${task.round}-${n}`;
    report({ kind: 'attempt', stream, batch, size });
    const result = await store.appendToStream(
      stream,
      Array.from({ length: size }, (_, index) => ({
        type: 'Appended',
        data: { batch, index, size },
      })),
      { expectedVersion: versions.get(stream) === 0 ? 'no_stream' : versions.get(stream)! },
    );
    versions.set(stream, result.nextVersion);
    report({ kind: 'ack', stream, batch });
  }
}
