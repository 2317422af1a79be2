import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerReport, WorkerTask } from './append-worker.js';

const require = createRequire(import.meta.url);
// tsx is a devDependency of this package: resolved from here, it runs the worker's TypeScript
// and the source condition points every workspace import at `src/`, so no build is needed.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
const workerScript = fileURLToPath(new URL('./append-worker.ts', import.meta.url));

/** What a finished worker process reported, with its exit code and error output. */
export interface WorkerOutcome {
  readonly report: Exclude<WorkerReport, { kind: 'ready' }> | undefined;
  readonly exitCode: number | null;
  readonly stderr: string;
}

/**
 * Starts one process per task, waits until all of them are ready, then releases them at once
 * (so they open the database and append at the same time) and collects their reports.
 */
export async function runAppendWorkers(tasks: readonly WorkerTask[]): Promise<WorkerOutcome[]> {
  const children = tasks.map(() =>
    fork(workerScript, [], {
      execPath: process.execPath,
      execArgv: ['--import', tsxLoader, '--conditions=@safeledger/source'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    }),
  );
  const outcomes = children.map((child) => collect(child));
  try {
    await Promise.all(children.map((child) => readiness(child)));
  } catch (error) {
    for (const child of children) child.kill();
    throw error;
  }
  children.forEach((child, index) => {
    child.send({ kind: 'go', ...tasks[index]! });
  });
  return Promise.all(outcomes);
}

function readiness(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReport) => {
      if (message.kind !== 'ready') return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before it was ready`)),
    );
  });
}

function collect(child: ChildProcess): Promise<WorkerOutcome> {
  let stderr = '';
  let report: WorkerOutcome['report'];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.on('message', (message: WorkerReport) => {
    if (message.kind !== 'ready') report = message;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve({ report, exitCode, stderr }));
  });
}
