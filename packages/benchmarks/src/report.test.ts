import { expect, it } from 'vitest';
import { renderMachine, renderTables, renderTargets } from './report.js';
import type { Result } from './workloads/workload.js';

const cell = (samples: number[], perSecond: number): Result => ({
  workload: 'single-event appends',
  contender: 'safeledger sqlite (NORMAL)',
  family: 'sqlite',
  kind: 'safeledger',
  settings: 'WAL, synchronous NORMAL',
  perSecond,
  unit: 'events/s',
  samples,
});

it('shows the slowest and fastest repeat beside the median', () => {
  expect(renderTables([cell([1_200, 900, 1_000], 1_000)])).toContain(
    '| 1,000 events/s (min 900, max 1,200) |',
  );
});

it('shows a single repeat without a spread it does not have', () => {
  expect(renderTables([cell([1_000], 1_000)])).toContain('| 1,000 events/s |');
});

it("prints the machine's load around the run", () => {
  const text = renderMachine({
    cpu: 'cpu',
    cores: 2,
    memoryGiB: 4,
    os: 'os',
    node: 'v20',
    versions: {},
    load: { start: 0.5, end: 1.75 },
  });
  expect(text).toContain('0.50 when the run started, 1.75 when it ended');
  expect(text).not.toContain('Run under load');
});

it('says a run was made under load when the load exceeded the cores', () => {
  const machine = { cpu: 'cpu', cores: 2, memoryGiB: 4, os: 'os', node: 'v20', versions: {} };
  expect(renderMachine({ ...machine, load: { start: 1.5, end: 2.5 } })).toContain(
    '**Run under load**',
  );
  expect(renderMachine({ ...machine, load: { start: 2, end: 2 } })).not.toContain('Run under load');
});

it('marks a target whose repeats overlap its line as within noise', () => {
  const text = renderTargets([
    {
      statement: 'X ≥ 50% of raw',
      measured: '55% (40% to 67%)',
      met: undefined,
      withinNoise: true,
    },
  ]);
  expect(text).toContain('| X ≥ 50% of raw | 55% (40% to 67%) | within noise |');
});

it('compares each of our SQLite rows only with contenders at the same synchronous setting', () => {
  const row = (contender: string, kind: Result['kind'], settings: string, perSecond: number) => ({
    ...cell([perSecond], perSecond),
    contender,
    kind,
    settings,
  });
  const text = renderTables([
    row('safeledger sqlite (NORMAL)', 'safeledger', 'WAL, synchronous NORMAL', 8_000),
    row('raw better-sqlite3 (NORMAL)', 'raw', 'WAL, synchronous NORMAL', 10_000),
    row('safeledger sqlite (FULL)', 'safeledger', 'WAL, synchronous FULL', 3_000),
    row('raw better-sqlite3 (FULL)', 'raw', 'WAL, synchronous FULL', 2_000),
    row('emmett sqlite', 'emmett', 'WAL, synchronous FULL (SQLite default)', 1_500),
  ]);
  // NORMAL: no Emmett ratio (Emmett syncs every commit), raw at NORMAL.
  expect(text).toContain(
    '| safeledger sqlite (NORMAL) | WAL, synchronous NORMAL | 8,000 events/s | — | 80% |',
  );
  // FULL: Emmett and raw both at FULL.
  expect(text).toContain(
    '| safeledger sqlite (FULL) | WAL, synchronous FULL | 3,000 events/s | 2.00× | 150% |',
  );
});
