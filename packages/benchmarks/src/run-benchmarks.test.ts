import { expect, it } from 'vitest';
import { runBenchmarks } from './run-benchmarks.js';
import type { Scale } from './workloads/workload.js';

// Keeps the benchmark code working between real runs: every workload on tiny sizes, checked
// for shape only. Throughput is never asserted in tests; `pnpm bench` measures it.
const tiny: Scale = {
  streams: 6,
  eventsPerStream: 3,
  writers: 3,
  rebuildEvents: 30,
  hazards: 2,
  warmup: 0,
  repeats: 1,
};

it('runs every workload on the embedded stores and renders the report', async () => {
  const { results, markdown } = await runBenchmarks({
    quick: true,
    pgUrl: undefined,
    families: ['memory', 'sqlite'],
    scale: tiny,
    log: () => {},
  });
  const cells = results
    .filter((r) => r.kind !== 'emmett')
    .map((r) => `${r.workload} | ${r.contender}`);
  expect(cells).toEqual(
    expect.arrayContaining([
      'single-event appends | safeledger memory',
      'single-event appends | safeledger sqlite (NORMAL)',
      'single-event appends | raw better-sqlite3 (NORMAL)',
      'single-event appends | raw better-sqlite3 (FULL)',
      '3-event batch appends | safeledger sqlite (FULL)',
      'loading 6 streams | safeledger memory',
      'projection rebuild (30 events) | safeledger sqlite (NORMAL)',
      'hazard command path (load, decide, append) | safeledger memory',
    ]),
  );
  // Each cell ran in its own child process; none may have failed there.
  expect(results.filter((r) => r.failure !== undefined)).toEqual([]);
  for (const result of results) expect(result.perSecond).toBeGreaterThan(0);
  expect(markdown).toContain('## Targets');
  expect(markdown).toContain(
    '| SQLite single-event appends ≥ 90% of raw better-sqlite3 (both NORMAL) |',
  );
}, 300_000);

it('says which contenders it could not measure instead of dropping them', async () => {
  const { markdown } = await runBenchmarks({
    quick: true,
    pgUrl: undefined,
    families: ['postgres'],
    scale: tiny,
    log: () => {},
  });
  expect(markdown).toContain('PostgreSQL was not measured: set `PG_URL`');
});
