import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBenchmarks } from './run-benchmarks.js';

const KEPT_MARKER = '<!-- kept by pnpm bench: the sections below are not written by it -->';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    // Seconds one contender may take on one workload before it is killed and reported as failed.
    'time-limit': { type: 'string' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const { emmettInstalled } = await import('./targets/emmett.js');

if (!values.quick && !emmettInstalled()) {
  // A full run compares against Emmett, so it installs the peers itself the first time.
  execFileSync(process.execPath, [join(here, '..', 'scripts', 'setup-peers.mjs')], {
    stdio: 'inherit',
  });
}

const timeLimit = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
if (timeLimit !== undefined && !(Number.isFinite(timeLimit) && timeLimit > 0)) {
  throw new Error(
    `--time-limit must be a positive number of seconds, got "${values['time-limit']}"`,
  );
}

const report = await runBenchmarks({
  ...(timeLimit === undefined ? {} : { timeLimitMs: timeLimit * 1000 }),
  quick: values.quick,
  pgUrl: process.env.PG_URL,
  log: (line) => console.log(line),
});
console.log(`\n${report.markdown}`);
if (!values.quick && !values['no-write']) {
  const target = join(here, '..', '..', '..', 'docs', 'benchmarks.md');
  // Sections other benchmarks write by hand (the district year, scale) follow a marker; a run
  // rewrites what it measured and keeps them.
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const kept = previous.indexOf(KEPT_MARKER);
  writeFileSync(
    target,
    kept < 0 ? report.markdown : `${report.markdown.trimEnd()}\n\n${previous.slice(kept)}`,
  );
  console.log('written to docs/benchmarks.md');
}
