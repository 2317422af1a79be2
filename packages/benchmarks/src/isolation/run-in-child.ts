import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a child reports back over IPC. */
export type ChildMessage =
  | { readonly type: 'done'; readonly value: unknown }
  | { readonly type: 'failed'; readonly error: string };

/** How one isolated job ended. */
export type ChildOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

const entry = fileURLToPath(new URL('./child-entry.ts', import.meta.url));
// The child runs TypeScript sources like `pnpm bench` does: tsx's loader, and the workspace's
// source condition so it measures the code in the tree, not a stale build.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const STDERR_TAIL = 2_000;

/**
 * Runs `runJob(job)` of `module` (a file path exporting `runJob`) in a fresh Node process, so a
 * crash, an unhandled rejection or a hang ends that job only. The child gets its own heap and JIT;
 * it is killed after `timeLimitMs`.
 */
export function runInChild(
  module: string,
  job: unknown,
  options: { readonly timeLimitMs: number },
): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = fork(entry, [pathToFileURL(module).href], {
      execArgv: ['--import', tsxLoader, '--conditions=@safeledger/source'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    let message: ChildMessage | undefined;
    let settled = false;
    const finish = (outcome: ChildOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, error: `timed out after ${Math.round(options.timeLimitMs / 1000)} s` });
    }, options.timeLimitMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.on('message', (m) => {
      message = m as ChildMessage;
    });
    child.on('error', (error) => finish({ ok: false, error: error.message }));
    child.on('exit', (code, signal) => {
      if (message?.type === 'done' && code === 0) return finish({ ok: true, value: message.value });
      if (message?.type === 'failed') return finish({ ok: false, error: message.error });
      // Died without a word (a native crash, say): the exit and the end of its stderr say why.
      const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
      const last = lastLine(stderr);
      finish({ ok: false, error: `crashed (${how})${last === '' ? '' : `: ${last}`}` });
    });
    child.send({ job });
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.at(-1) ?? '';
}
