import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { crashProblems, type StreamHistory } from './crash-invariants.js';
import type { CrashReport, CrashTask } from './crash-protocol.js';
import { openStore } from './open-store.js';

// A worker process appends batches and runs a projection; the test kills it with SIGKILL at a
// random moment, checks every invariant, and starts the next worker on the same database.
const ROUNDS = 50;
const STREAMS = ['crash-a', 'crash-b', 'crash-c', 'crash-d'];
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2_147_483_647);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const worker = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));

function startWorker(task: CrashTask, histories: Map<string, StreamHistory>) {
  const child: ChildProcess = fork(worker, [], {
    execArgv: ['--import', tsx, '--conditions=@safeledger/source'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  let acks = 0;
  let failure: string | undefined;
  const acked = new Promise<void>((resolve, reject) => {
    child.on('message', (message: CrashReport) => {
      if (message.kind === 'ready') child.send(task);
      if (message.kind === 'attempt') {
        histories.get(message.stream)!.attempted.push({ batch: message.batch, size: message.size });
      }
      if (message.kind === 'ack') {
        histories.get(message.stream)!.acknowledged.add(message.batch);
        acks += 1;
        if (acks === 3) resolve();
      }
      if (message.kind === 'failed') failure = message.error;
    });
    child.once('exit', () =>
      reject(new Error(`worker ended before appending: ${failure ?? stderr}`)),
    );
  });
  return { child, acked, failure: () => failure };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function crashRounds(kind: 'sqlite' | 'postgres', location: string, schema?: string) {
  const histories = new Map<string, StreamHistory>(
    STREAMS.map((stream) => [stream, { attempted: [], acknowledged: new Set<string>() }]),
  );
  let random = seed;
  const next = () => {
    // Park–Miller, enough to spread kill delays reproducibly from the printed seed.
    random = (random * 48_271) % 2_147_483_647;
    return random / 2_147_483_647;
  };
  for (let round = 1; round <= ROUNDS; round += 1) {
    const { child, acked, failure } = startWorker(
      {
        kind: 'go',
        store: kind,
        location,
        ...(schema ? { schema } : {}),
        round,
        streams: STREAMS,
        seed: seed + round,
      },
      histories,
    );
    await acked;
    // Kill anywhere from mid-first-batch to a few hundred appends in.
    await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 250)));
    await kill(child);
    expect(failure(), `round ${round}: the worker failed on its own`).toBeUndefined();
    const store = openStore(kind, location, schema);
    try {
      const problems = await crashProblems(store, histories);
      expect(problems, `round ${round}, seed ${seed}`).toEqual([]);
    } finally {
      await store.close();
    }
  }
  const acknowledged = [...histories.values()].reduce((sum, h) => sum + h.acknowledged.size, 0);
  const attempted = [...histories.values()].reduce((sum, h) => sum + h.attempted.length, 0);
  return { acknowledged, attempted };
}

describe(`processes killed with SIGKILL at random moments (seed ${seed}, CRASH_SEED to replay)`, () => {
  const files: string[] = [];
  afterAll(() => {
    for (const file of files)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });

  it(`SQLite: ${ROUNDS} kills, and after each every invariant holds`, async () => {
    const path = join(tmpdir(), `safeledger-crash-${randomUUID()}.db`);
    files.push(path);
    const { acknowledged, attempted } = await crashRounds('sqlite', path);
    expect(acknowledged).toBeGreaterThan(ROUNDS * 3 - 1);
    expect(attempted).toBeGreaterThanOrEqual(acknowledged);
  }, 600_000);

  it(`PostgreSQL: ${ROUNDS} kills, and after each every invariant holds`, async () => {
    const schema = `crash_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const url = inject('pgUrl');
    try {
      const { acknowledged } = await crashRounds('postgres', url, schema);
      expect(acknowledged).toBeGreaterThan(ROUNDS * 3 - 1);
    } finally {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }, 600_000);
});
