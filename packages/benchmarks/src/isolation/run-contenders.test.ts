import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderTables } from '../report.js';
import type { FakeJob } from './fake-jobs.fixture.js';
import { type IsolatedJob, runContenders } from './run-contenders.js';

const fixture = fileURLToPath(new URL('./fake-jobs.fixture.ts', import.meta.url));

const job = (name: FakeJob): IsolatedJob<FakeJob> => ({
  workload: 'fake workload',
  contender: name,
  family: 'memory',
  kind: name === 'healthy' ? 'safeledger' : 'emmett',
  job: name,
});

it('reports contenders that throw, reject unhandled or hang as failed and goes on', async () => {
  const lines: string[] = [];
  const { results } = await runContenders(
    [job('throws'), job('rejects-unhandled'), job('hangs'), job('healthy')],
    { module: fixture, timeLimitMs: 3_000, log: (line) => lines.push(line) },
  );

  const byName = new Map(results.map((r) => [r.contender, r]));
  expect(byName.get('throws')?.failure).toBe('Error: store exploded');
  expect(byName.get('rejects-unhandled')?.failure).toBe(
    'unhandled rejection: Error: SQLITE_BUSY: cannot commit transaction',
  );
  expect(byName.get('hangs')?.failure).toBe('timed out after 3 s');
  // The healthy contender ran after all three failures, in its own process, and was measured.
  expect(byName.get('healthy')?.perSecond).toBe(1234);
  expect(byName.get('healthy')?.failure).toBeUndefined();
  expect(lines.filter((l) => l.includes('FAILED'))).toHaveLength(3);

  const table = renderTables(results);
  expect(table).toContain('| throws | — | failed: Error: store exploded |');
  expect(table).toContain('| hangs | — | failed: timed out after 3 s |');
  expect(table).toContain('| healthy | in-process | 1,234 events/s |');
}, 60_000);
