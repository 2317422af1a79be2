import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBenchmarks } from './run-benchmarks.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
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

const report = await runBenchmarks({
  quick: values.quick,
  pgUrl: process.env.PG_URL,
  log: (line) => console.log(line),
});
console.log(`\n${report.markdown}`);
if (!values.quick && !values['no-write']) {
  const target = join(here, '..', '..', '..', 'docs', 'benchmarks.md');
  writeFileSync(target, report.markdown);
  console.log('written to docs/benchmarks.md');
}
