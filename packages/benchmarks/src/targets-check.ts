import type { Result } from './workloads/workload.js';

/** A performance target of the benchmark issue, checked against one run's results. */
export interface TargetCheck {
  readonly statement: string;
  readonly measured: string;
  readonly met: boolean | undefined;
  /** The repeats overlap the target line: neither met nor missed in this run. */
  readonly withinNoise?: boolean;
  /** When missed: what limits it, with evidence from the same run. */
  readonly limit?: string;
}

/** Names of the workloads whose titles depend on the run's sizes. */
export interface WorkloadNames {
  readonly writers: string;
  readonly rebuild: string;
  readonly loads: string;
  readonly batch: string;
  readonly cores: number;
}

type Finder = (workload: string, contender: string) => Result | undefined;

const times = (v: number) => `${v.toFixed(2)}×`;
const percent = (v: number) => `${(v * 100).toFixed(0)}%`;

/** A figure with the range its repeats allow: worst case low, best case high. */
interface Spread {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

const lowest = (r: Result) => (r.samples.length > 0 ? Math.min(...r.samples) : r.perSecond);
const highest = (r: Result) => (r.samples.length > 0 ? Math.max(...r.samples) : r.perSecond);

function ratio(find: Finder, workload: string, ours: string, other: string): Spread | undefined {
  const a = find(workload, ours);
  const b = find(workload, other);
  if (!a || !b) return undefined;
  // Our slowest repeat against their fastest, and the other way round.
  return {
    value: a.perSecond / b.perSecond,
    low: lowest(a) / highest(b),
    high: highest(a) / lowest(b),
  };
}

/** A throughput with the range of its repeats. */
function spreadOf(r: Result | undefined): Spread | undefined {
  return r && { value: r.perSecond, low: lowest(r), high: highest(r) };
}

function check(
  statement: string,
  figure: Spread | number | undefined,
  threshold: number,
  format: (v: number) => string,
  limit?: string,
): TargetCheck {
  if (figure === undefined) return { statement, measured: 'not measured', met: undefined };
  const spread = typeof figure === 'number' ? { value: figure, low: figure, high: figure } : figure;
  // When the repeats fall on both sides of the line, the run cannot say met or missed.
  if (spread.low < threshold && spread.high >= threshold) {
    return {
      statement,
      measured: `${format(spread.value)} (${format(spread.low)} to ${format(spread.high)})`,
      met: undefined,
      withinNoise: true,
    };
  }
  const met = spread.value >= threshold;
  return {
    statement,
    measured: format(spread.value),
    met,
    ...(met || limit === undefined ? {} : { limit }),
  };
}

/** Checks every target of the benchmark issue that this run measured. */
export function checkTargets(results: readonly Result[], names: WorkloadNames): TargetCheck[] {
  const find: Finder = (workload, contender) =>
    // A failed contender has no throughput: its targets read "not measured".
    results.find(
      (r) => r.workload === workload && r.contender === contender && r.failure === undefined,
    );
  const single = 'single-event appends';
  const sqlite = 'safeledger sqlite (NORMAL)';
  const sqliteFull = 'safeledger sqlite (FULL)';
  const rebuild = find(names.rebuild, sqlite);
  const scaling = (contender: string) => {
    const one = find(single, contender);
    const many = find(names.writers, contender);
    return one && many ? many.perSecond / one.perSecond : undefined;
  };
  const rawScaling = scaling('raw pg');
  const rawLoads = ratio(find, names.loads, 'raw pg', 'emmett postgres');
  const rawSingleVsEmmett = ratio(find, single, 'raw pg', 'emmett postgres');
  // The raw driver at FULL against Emmett: the most any SQLite store can reach at that setting.
  const rawFullVsEmmett = (workload: string) =>
    ratio(find, workload, 'raw better-sqlite3 (FULL)', 'emmett sqlite');
  const syncCeiling = (workload: string, target: string) => {
    const raw = rawFullVsEmmett(workload);
    return raw === undefined
      ? undefined
      : `the sync per commit: at synchronous FULL every commit waits for the disk, and raw better-sqlite3 running our statements reaches ${times(raw.value)} Emmett in this run, so no client-side work reaches ${target}; the target was set when Emmett's store opened a connection per call (which now and then ended runs with SQLITE_BUSY), while this run gives Emmett one connection, as an application would`;
  };
  const writers = names.writers.split(' ')[0];

  return [
    // SQLite ratios compare equal durability only: Emmett's store syncs every commit (FULL), so
    // it is compared with our FULL row; each of our rows has the raw driver at its own setting.
    check(
      'SQLite single-event appends ≥ 20× Emmett (both synchronous FULL)',
      ratio(find, single, sqliteFull, 'emmett sqlite'),
      20,
      times,
      syncCeiling(single, '20×'),
    ),
    ...(['NORMAL', 'FULL'] as const).map((mode) =>
      check(
        `SQLite single-event appends ≥ 90% of raw better-sqlite3 (both ${mode})`,
        ratio(find, single, `safeledger sqlite (${mode})`, `raw better-sqlite3 (${mode})`),
        0.9,
        percent,
      ),
    ),
    check(
      `SQLite ${names.batch} ≥ 10× Emmett (both synchronous FULL)`,
      ratio(find, names.batch, sqliteFull, 'emmett sqlite'),
      10,
      times,
      syncCeiling(names.batch, '10×'),
    ),
    ...(['NORMAL', 'FULL'] as const).map((mode) =>
      check(
        `SQLite ${names.batch} ≥ 90% of raw better-sqlite3 (both ${mode})`,
        ratio(find, names.batch, `safeledger sqlite (${mode})`, `raw better-sqlite3 (${mode})`),
        0.9,
        percent,
      ),
    ),
    check(
      'Postgres single-event appends ≥ 1.5× Emmett',
      ratio(find, single, 'safeledger postgres', 'emmett postgres'),
      1.5,
      times,
      rawSingleVsEmmett === undefined
        ? undefined
        : `commit latency: an append is one round trip for us and three for Emmett (BEGIN, its function, COMMIT), but both wait for the same WAL flush, which dominates a single writer. Raw pg calling our append function reaches ${times(rawSingleVsEmmett.value)} Emmett in this run; our validation, ids and envelope cost the rest, and the ratio moves by about ±10% between runs on a shared host`,
    ),
    check(
      'Postgres single-event appends ≥ 80% of raw pg',
      ratio(find, single, 'safeledger postgres', 'raw pg'),
      0.8,
      percent,
    ),
    check(
      `Postgres ${writers} writers ≥ 4× one writer`,
      scaling('safeledger postgres'),
      4,
      times,
      rawScaling === undefined
        ? undefined
        : `the machine: raw pg calling the same append function scales ${times(rawScaling)} from 1 to ${writers} writers in this run. One writer waits for each commit's WAL flush; concurrent writers share flushes (group commit) until the CPU is saturated, and with ${names.cores} cores the server's backends and the benchmark process saturate it well before 4×`,
    ),
    check(
      `Postgres ${writers} writers ≥ 90% of raw pg`,
      ratio(find, names.writers, 'safeledger postgres', 'raw pg'),
      0.9,
      percent,
    ),
    check(
      'Postgres stream loads ≥ 4× Emmett',
      ratio(find, names.loads, 'safeledger postgres', 'emmett postgres'),
      4,
      times,
      rawLoads === undefined
        ? undefined
        : `the round trip: loading a 10-event stream is one query, and raw pg running our read statement reaches ${times(rawLoads.value)} Emmett in this run, so no client-side work can reach 4×; our load already is a single round trip on a prepared statement`,
    ),
    check(
      'Memory appends ≥ 5× Emmett',
      ratio(find, single, 'safeledger memory', 'emmett memory'),
      5,
      times,
      "the guarantees every append keeps: zod validation of payload and metadata, a ULID per event, the expected-version check, an index of every event id for idempotent retries (A6), and a JSON-faithful frozen copy of each event so no caller can change what others read. Profiles split the time between that work and the garbage collector; Emmett's in-memory store does none of it",
    ),
    check(
      'SQLite projection rebuild ≥ 100k events/s',
      spreadOf(rebuild),
      100_000,
      (v) => `${Math.round(v).toLocaleString('en-US')} events/s`,
    ),
  ];
}
