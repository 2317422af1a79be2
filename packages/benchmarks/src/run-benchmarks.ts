import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { BenchJob } from './bench-job.js';
import {
  contendersOf,
  type Lineup,
  subjectsOf,
  type WorkloadId,
  workloadTitle,
} from './catalog.js';
import { type IsolatedJob, runContenders } from './isolation/run-contenders.js';
import { describeMachine } from './machine.js';
import { renderMachine, renderTables, renderTargets } from './report.js';
import { emmettInstalled, emmettVersions } from './targets/emmett.js';
import { postgresServerVersion } from './targets/postgres.js';
import type { Family } from './targets/target.js';
import { checkTargets } from './targets-check.js';
import type { Result, Scale } from './workloads/workload.js';

/** The workload sizes of the issue: 1,000 streams × 10 events, 16 writers, 100k-event rebuild. */
export const FULL_SCALE: Scale = {
  streams: 1_000,
  eventsPerStream: 10,
  writers: 16,
  rebuildEvents: 100_000,
  hazards: 500,
  warmup: 1,
  // Five repeats: single-writer PostgreSQL numbers move by ±10% between runs on a shared host.
  repeats: 5,
};

/** A tenth of everything and one repeat: a smoke run that finishes in well under a minute. */
export const QUICK_SCALE: Scale = {
  streams: 100,
  eventsPerStream: 10,
  writers: 16,
  rebuildEvents: 10_000,
  hazards: 50,
  warmup: 1,
  repeats: 1,
};

/** Options of a benchmark run. */
export interface RunOptions {
  readonly quick: boolean;
  readonly pgUrl: string | undefined;
  readonly log: (line: string) => void;
  /** Narrow the run (tests use it); default: every family. */
  readonly families?: readonly ('memory' | 'sqlite' | 'postgres')[];
  /** Narrow the run to these workloads (`--only`); default: every workload. */
  readonly workloads?: readonly WorkloadId[];
  readonly scale?: Scale;
  /** Per contender and workload; a job still running then is killed and reported as failed. */
  readonly timeLimitMs?: number;
}

/** Long enough for the slowest full-scale cell on a slow machine; a hang costs no more than this. */
export const FULL_TIME_LIMIT_MS = 600_000;
export const QUICK_TIME_LIMIT_MS = 120_000;

const jobModule = fileURLToPath(new URL('./bench-job.ts', import.meta.url));

/**
 * Runs every workload on every contender, each cell in its own child process with a time limit,
 * and renders the report; a cell that fails is a row saying why.
 */
export async function runBenchmarks(
  options: RunOptions,
): Promise<{ results: Result[]; markdown: string }> {
  const scale = options.scale ?? (options.quick ? QUICK_SCALE : FULL_SCALE);
  const families = new Set<Family>(options.families ?? ['memory', 'sqlite', 'postgres']);
  const notes: string[] = [];
  const withEmmett = emmettInstalled();
  if (!withEmmett)
    notes.push('Emmett was not measured: its packages are not installed (run `pnpm bench:setup`).');
  const pgUrl = families.has('postgres') ? options.pgUrl : undefined;
  if (families.has('postgres') && pgUrl === undefined) {
    notes.push(
      'PostgreSQL was not measured: set `PG_URL` to a server (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
  }

  const loadAtStart = os.loadavg()[0] ?? 0;
  const lineup: Lineup = { families: [...families], withEmmett, pgUrl };
  const contenders = contendersOf(lineup);
  const subjects = subjectsOf(lineup);
  // Workload by workload, so every contender of one comparison runs back to back in this session;
  // each cell in a fresh process, so one contender's crash or hang cannot end the run.
  const jobs: IsolatedJob<BenchJob>[] = [];
  const plan = (
    workload: WorkloadId,
    of: readonly { name: string; family: Family; kind?: Result['kind'] }[],
  ) => {
    if (options.workloads !== undefined && !options.workloads.includes(workload)) return;
    for (const c of of) {
      jobs.push({
        workload: workloadTitle(workload, scale),
        contender: c.name,
        family: c.family,
        kind: c.kind ?? 'safeledger',
        job: { workload, contender: c.name, lineup, scale },
      });
    }
  };
  plan('single', contenders);
  plan('batch', contenders);
  plan(
    'writers',
    contenders.filter((c) => c.family === 'postgres'),
  );
  plan('loads', contenders);
  plan('rebuild', subjects);
  plan('hazard', subjects);
  const run = await runContenders(jobs, {
    module: jobModule,
    timeLimitMs: options.timeLimitMs ?? (options.quick ? QUICK_TIME_LIMIT_MS : FULL_TIME_LIMIT_MS),
    log: options.log,
  });
  const results = run.results;
  notes.push(...run.notes);
  const failed = results.filter((r) => r.failure !== undefined);
  if (failed.length > 0) {
    notes.push(
      `${failed.length} cell(s) failed (each in its own process; the run went on): ${failed.map((r) => `${r.contender}, ${r.workload}`).join('; ')}.`,
    );
  }

  const versions: Record<string, string> = {
    SQLite: (
      new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }
    ).v,
    ...(pgUrl === undefined ? {} : { PostgreSQL: await postgresServerVersion(pgUrl) }),
    ...(withEmmett ? emmettVersions() : {}),
  };
  const names = {
    writers: workloadTitle('writers', scale),
    rebuild: workloadTitle('rebuild', scale),
    loads: workloadTitle('loads', scale),
    batch: workloadTitle('batch', scale),
    cores: os.cpus().length,
  };
  const markdown = renderReport({
    machine: renderMachine(
      describeMachine(versions, { start: loadAtStart, end: os.loadavg()[0] ?? 0 }),
    ),
    targets: renderTargets(checkTargets(results, names)),
    tables: renderTables(results),
    scale,
    quick: options.quick,
    notes,
  });
  return { results, markdown };
}

function renderReport(parts: {
  machine: string;
  targets: string;
  tables: string;
  scale: Scale;
  quick: boolean;
  notes: readonly string[];
}): string {
  const { scale } = parts;
  return `# Benchmarks

Measured by \`pnpm bench\` (packages/benchmarks): one run on one machine, every store one after
another, each workload of each store in a fresh Node process (its own heap and JIT; a crash or a
hang fails that cell only, after a time limit). Each number is the median of ${scale.repeats} timed
repeat(s) after ${scale.warmup} untimed warm-up, with the slowest and fastest repeat beside it; every
repeat starts from an empty store. Ratios compare stores of the same family only
(memory with memory, SQLite with SQLite, PostgreSQL with PostgreSQL).${parts.quick ? '\n\n**Quick run** (`--quick`): a tenth of the sizes and one repeat; indicative only.' : ''}

## Machine

${parts.machine}

## What runs

- Workload: ${scale.streams.toLocaleString('en-US')} streams × ${scale.eventsPerStream} events of about 120 bytes; single-event
  appends at the exact expected version (round-robin over the streams), ${scale.eventsPerStream}-event batches to new
  streams, ${scale.writers} concurrent writers (PostgreSQL), loading every stream, a projection rebuild of
  ${scale.rebuildEvents.toLocaleString('en-US')} events into one document per stream, and the hazard command path
  (${scale.hazards} hazards × register, extend, complete, verify-and-close; each command loads the stream,
  decides with the domain rules and appends).
- safeledger stores run with a schema registry, so every append is validated by zod; Emmett
  validates nothing. The raw drivers run the statements our adapters run, in the same
  transaction shape, with none of our layers: they are the ceiling.
- Durability: safeledger SQLite defaults to WAL with synchronous NORMAL (a power loss may drop
  the last commits, never corrupt the file); the FULL row syncs every commit, as Emmett's SQLite
  store (WAL, SQLite's default synchronous FULL) does. Raw better-sqlite3 runs at both settings,
  and every ratio compares equal durability: ours FULL against Emmett, each of our rows against
  the raw driver at its own setting. PostgreSQL runs with the server's synchronous_commit for
  everyone.

## Targets

${parts.targets}

## Results

${parts.tables}
${parts.notes.length > 0 ? `\n## Notes from this run\n\n${parts.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
}
