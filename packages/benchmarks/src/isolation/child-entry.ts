import type { ChildMessage } from './run-in-child.js';

// The child side of `runInChild`: imports the job module named on the command line, runs the job
// it receives over IPC, reports the value or the failure, and exits. Any error that escapes the
// job (a peer's unhandled rejection, say) is reported as this job's failure before exiting.

const moduleUrl = process.argv[2];
let reported = false;

function report(message: ChildMessage, code: number): void {
  if (reported) return;
  reported = true;
  process.send?.(message, () => process.exit(code));
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

process.on('uncaughtException', (error) =>
  report({ type: 'failed', error: `uncaught exception: ${describe(error)}` }, 1),
);
process.on('unhandledRejection', (reason) =>
  report({ type: 'failed', error: `unhandled rejection: ${describe(reason)}` }, 1),
);

process.once('message', async (raw) => {
  try {
    if (moduleUrl === undefined) throw new Error('child-entry needs the job module as argument');
    const module = (await import(moduleUrl)) as { runJob?: (job: unknown) => Promise<unknown> };
    if (typeof module.runJob !== 'function')
      throw new Error(`${moduleUrl} does not export a runJob function`);
    const value = await module.runJob((raw as { job: unknown }).job);
    report({ type: 'done', value }, 0);
  } catch (error) {
    report({ type: 'failed', error: describe(error) }, 1);
  }
});
