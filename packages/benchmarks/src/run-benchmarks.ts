import os from 'node:os';
import Database from 'better-sqlite3';
import { describeMachine } from './machine.js';
import { takeRepeatedFailures } from './measure.js';
import { renderMachine, renderTables, renderTargets } from './report.js';
import {
  emmettInstalled,
  emmettMemory,
  emmettPostgres,
  emmettSqlite,
  emmettVersions,
} from './targets/emmett.js';
import {
  postgresServerVersion,
  postgresSubjects,
  rawPostgres,
  safeledgerPostgres,
} from './targets/postgres.js';
import { rawSqlite } from './targets/raw-sqlite.js';
import { safeledgerMemory } from './targets/safeledger-memory.js';
import { safeledgerSqlite } from './targets/safeledger-sqlite.js';
import { memorySubject, sqliteSubject } from './targets/store-subjects.js';
import type { Contender } from './targets/target.js';
import { checkTargets } from './targets-check.js';
import {
  batchAppends,
  concurrentAppends,
  singleAppends,
  streamLoads,
} from './workloads/appends.js';
import { hazardCommandPath } from './workloads/hazard-path.js';
import { projectionRebuild } from './workloads/rebuild.js';
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
  readonly scale?: Scale;
}

/** Runs every workload on every contender in one process and renders the report. */
export async function runBenchmarks(
  options: RunOptions,
): Promise<{ results: Result[]; markdown: string }> {
  const scale = options.scale ?? (options.quick ? QUICK_SCALE : FULL_SCALE);
  const families = new Set(options.families ?? ['memory', 'sqlite', 'postgres']);
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

  const contenders: Contender[] = [];
  if (families.has('memory'))
    contenders.push(safeledgerMemory, ...(withEmmett ? [emmettMemory] : []));
  if (families.has('sqlite')) {
    contenders.push(
      safeledgerSqlite('NORMAL'),
      safeledgerSqlite('FULL'),
      rawSqlite,
      ...(withEmmett ? [emmettSqlite] : []),
    );
  }
  if (pgUrl !== undefined) {
    contenders.push(
      safeledgerPostgres(pgUrl),
      rawPostgres(pgUrl),
      ...(withEmmett ? [emmettPostgres(pgUrl)] : []),
    );
  }

  const results: Result[] = [];
  const record = (result: Result) => {
    for (const failure of takeRepeatedFailures()) {
      notes.push(
        `${result.contender}, ${result.workload}: a repetition failed (${failure}) and was run again on a fresh store.`,
      );
    }
    results.push(result);
    options.log(
      `${result.workload.padEnd(44)} ${result.contender.padEnd(28)} ${Math.round(result.perSecond).toLocaleString('en-US').padStart(12)} ${result.unit}`,
    );
  };
  for (const contender of contenders) record(await singleAppends(contender, scale));
  for (const contender of contenders) record(await batchAppends(contender, scale));
  for (const contender of contenders.filter((c) => c.family === 'postgres'))
    record(await concurrentAppends(contender, scale));
  for (const contender of contenders) record(await streamLoads(contender, scale));

  const subjects = [
    ...(families.has('memory') ? [memorySubject] : []),
    ...(families.has('sqlite') ? [sqliteSubject] : []),
    ...(pgUrl === undefined ? [] : postgresSubjects(pgUrl)),
  ];
  for (const subject of subjects) record(await projectionRebuild(subject, scale));
  for (const subject of subjects) record(await hazardCommandPath(subject, scale));

  const versions: Record<string, string> = {
    SQLite: (
      new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }
    ).v,
    ...(pgUrl === undefined ? {} : { PostgreSQL: await postgresServerVersion(pgUrl) }),
    ...(withEmmett ? emmettVersions() : {}),
  };
  const names = {
    writers: `${scale.writers} concurrent writers`,
    rebuild: `projection rebuild (${Math.ceil(scale.rebuildEvents / scale.eventsPerStream) * scale.eventsPerStream} events)`,
    loads: `loading ${scale.streams} streams`,
    batch: `${scale.eventsPerStream}-event batch appends`,
    cores: os.cpus().length,
  };
  const markdown = renderReport({
    machine: renderMachine(describeMachine(versions)),
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

Measured by \`pnpm bench\` (packages/benchmarks): every store in one process, one run, on the same
machine. Each number is the median of ${scale.repeats} timed repeat(s) after ${scale.warmup} untimed
warm-up; every repeat starts from an empty store. Ratios compare stores of the same family only
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
  store (WAL, SQLite's default synchronous FULL) does. PostgreSQL runs with the server's
  synchronous_commit for everyone.

## Targets

${parts.targets}

## Results

${parts.tables}
${parts.notes.length > 0 ? `\n## Notes from this run\n\n${parts.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
}
