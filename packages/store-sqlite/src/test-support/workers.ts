import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerReport, WorkerTask } from './append-worker.js';
import type { SeenEvent, SubscriberReport } from './subscribe-worker.js';

const require = createRequire(import.meta.url);
// tsx is a devDependency of this package: resolved from here, it runs the worker's TypeScript
// and the source condition points every workspace import at `src/`, so no build is needed.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
const workerScript = fileURLToPath(new URL('./append-worker.ts', import.meta.url));
const subscriberScript = fileURLToPath(new URL('./subscribe-worker.ts', import.meta.url));

function forkTypeScript(script: string): ChildProcess {
  return fork(script, [], {
    execPath: process.execPath,
    execArgv: ['--import', tsxLoader, '--conditions=@safeledger/source'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

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
  const children = tasks.map(() => forkTypeScript(workerScript));
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

/** A subscriber process following a database file's global log from its start. */
export interface SubscriberProcess {
  /**
   * Lets it run until its subscription has passed `head`, then returns every event it was
   * handed, in order.
   * @throws Error when the subscriber failed or exited without a report.
   */
  drain(head: string): Promise<readonly SeenEvent[]>;
  kill(): void;
}

/** Starts a subscriber process and resolves once it is subscribed. */
export async function startSubscriber(path: string): Promise<SubscriberProcess> {
  const child = forkTypeScript(subscriberScript);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const reports: SubscriberReport[] = [];
  const waiters: Array<() => void> = [];
  child.on('message', (report: SubscriberReport) => {
    reports.push(report);
    for (const waiter of waiters.splice(0)) waiter();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = async (kinds: readonly string[]): Promise<SubscriberReport> => {
    for (;;) {
      const found = reports.find((report) => kinds.includes(report.kind));
      if (found !== undefined) return found;
      const more = new Promise<void>((resolve) => waiters.push(resolve));
      const gone = await Promise.race([more.then(() => false), exited.then(() => true)]);
      if (gone && !reports.some((report) => kinds.includes(report.kind))) {
        throw new Error(`subscriber exited before reporting ${kinds.join(' or ')}: ${stderr}`);
      }
    }
  };
  await next(['ready']);
  child.send({ kind: 'go', path });
  const subscribed = await next(['subscribed', 'failed']);
  if (subscribed.kind === 'failed') throw new Error(subscribed.error.message);
  return {
    async drain(head) {
      child.send({ kind: 'drain', head });
      const report = await next(['done', 'failed']);
      if (report.kind === 'failed') throw new Error(`subscriber failed: ${report.error.message}`);
      return (report as Extract<SubscriberReport, { kind: 'done' }>).seen;
    },
    kill: () => child.kill(),
  };
}
