import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../cases/index.js';
import type { ConformanceFactory } from '../harness.js';
import { runConformanceCase } from '../run-case.js';
import { bumpsVersionOnRejection, deliversOutOfOrder, ignoresNoStream } from './broken-stores.js';

async function failingCases(factory: ConformanceFactory): Promise<string[]> {
  const failures: string[] = [];
  for (const testCase of conformanceCases) {
    const outcome = await Promise.race([
      runConformanceCase(testCase, factory, {
        modelRuns: 15,
        writers: 4,
        eventsPerWriter: 10,
      }).then(
        () => 'passed',
        () => 'failed',
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('failed'), 15_000)),
    ]);
    if (outcome === 'failed') failures.push(testCase.name);
  }
  return failures;
}

// A suite that cannot fail proves nothing: run it against stores with known flaws and check
// that the cases written for each flaw catch it.
describe('the conformance suite catches broken stores', () => {
  it("a store that ignores 'no_stream'", async () => {
    const failures = await failingCases(ignoresNoStream);
    expect(failures).toEqual(
      expect.arrayContaining([
        "A2 'no_stream' on an existing stream fails with the actual version",
        'A1 concurrent first appends with no_stream: exactly one creates the stream',
        'model: random appends and reads agree with a plain in-memory model',
      ]),
    );
  }, 300_000);

  it('a store that bumps the version on a rejected append', async () => {
    const failures = await failingCases(bumpsVersionOnRejection);
    expect(failures).toEqual(
      expect.arrayContaining([
        'A3 a rejected append leaves no trace: no version, no row, no position a reader waits on',
        'A1 10 concurrent appends at the same expected version: exactly one wins',
        'model: random appends and reads agree with a plain in-memory model',
      ]),
    );
  }, 300_000);

  it('a store that delivers the global log out of order', async () => {
    const failures = await failingCases(deliversOutOfOrder);
    expect(failures).toEqual(
      expect.arrayContaining([
        'R1 readAll returns the global log in position order and resumes after a checkpoint',
        'R1 N writers × M appends with a subscriber running: every event exactly once, in order',
      ]),
    );
  }, 300_000);
});
