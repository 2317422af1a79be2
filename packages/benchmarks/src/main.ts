import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type WorkloadId, workloadIds } from './catalog.js';
import { runBenchmarks } from './run-benchmarks.js';

const KEPT_MARKER = '<!-- kept by pnpm bench: the sections below are not written by it -->';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    // Seconds one contender may take on one workload before it is killed and reported as failed.
    'time-limit': { type: 'string' },
    // Comma-separated workload ids and families, to measure one comparison alone (e.g.
    // `--only writers --family postgres`); a narrowed run never rewrites docs/benchmarks.md.
    only: { type: 'string' },
    // Write docs/benchmarks.md from a quick run too (its report says it was a quick run).
    write: { type: 'boolean', default: false },
    family: { type: 'string' },
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

const families = ['memory', 'sqlite', 'postgres'] as const;
type FamilyId = (typeof families)[number];
/** A comma-separated option as a list of known ids, or a clear error naming the unknown one. */
function listOption<T extends string>(
  name: string,
  raw: string | undefined,
  known: readonly T[],
): T[] | undefined {
  if (raw === undefined) return undefined;
  const ids = raw.split(',').map((id) => id.trim());
  for (const id of ids) {
    if (!(known as readonly string[]).includes(id)) {
      throw new Error(`--${name} "${id}" is not one of: ${known.join(', ')}`);
    }
  }
  return ids as T[];
}
const only = listOption<WorkloadId>('only', values.only, workloadIds);
const onlyFamilies = listOption<FamilyId>('family', values.family, families);
const narrowed = only !== undefined || onlyFamilies !== undefined;

const report = await runBenchmarks({
  ...(only === undefined ? {} : { workloads: only }),
  ...(onlyFamilies === undefined ? {} : { families: onlyFamilies }),
  ...(timeLimit === undefined ? {} : { timeLimitMs: timeLimit * 1000 }),
  quick: values.quick,
  pgUrl: process.env.PG_URL,
  log: (line) => console.log(line),
});
console.log(`\n${report.markdown}`);
if ((!values.quick || values.write) && !values['no-write'] && !narrowed) {
  const target = join(here, '..', '..', '..', 'docs', 'benchmarks.md');
  // Sections other benchmarks write by hand (the district year, scale) follow a marker; a run
  // rewrites what it measured and keeps them.
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const kept = previous.indexOf(KEPT_MARKER);
  writeFileSync(
    target,
    kept < 0 ? report.markdown : `${report.markdown.trimEnd()}\n\n${previous.slice(kept)}`,
  );
  // The repository's formatter owns the docs' layout (aligned tables): without this step a
  // fresh report fails `pnpm lint`.
  const root = join(here, '..', '..', '..');
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', target], {
    cwd: root,
    stdio: 'ignore',
  });
  console.log('written to docs/benchmarks.md');
}
