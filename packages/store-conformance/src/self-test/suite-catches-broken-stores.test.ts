import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../cases/index.js';
import type { ConformanceFactory } from '../harness.js';
import { runConformanceCase } from '../run-case.js';
import {
  bumpsVersionOnRejection,
  commitsNonAtomically,
  deliversOutOfOrder,
  forgetsOldCommands,
  hidesLateCommits,
  ignoresNoStream,
  ignoresStreamExists,
  leasesByOwnerName,
  overshootsCheckpoint,
  readsThenWrites,
  reportsNoHead,
  resetKeepsDocuments,
} from './broken-stores.js';

/** Longer than any wait inside a case: a case still running then is stuck, not failing. */
const CASE_TIMEOUT_MS = 45_000;

type Outcome = 'passed' | 'failed' | 'timed out';

/**
 * Runs the named cases against a broken store. A case that throws has caught the flaw; one
 * that neither passes nor fails in time has not (a suite that can only hang proves nothing), so
 * it is reported apart and fails the self-test.
 */
async function outcomes(
  factory: ConformanceFactory,
  names: readonly string[],
): Promise<Record<string, Outcome>> {
  const result: Record<string, Outcome> = {};
  for (const name of names) {
    const testCase = conformanceCases.find((c) => c.name === name);
    if (testCase === undefined) throw new Error(`no conformance case named "${name}"`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    result[name] = await Promise.race([
      runConformanceCase(testCase, factory, {
        modelRuns: 15,
        writers: 4,
        eventsPerWriter: 10,
      }).then(
        (): Outcome => 'passed',
        (): Outcome => 'failed',
      ),
      new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve('timed out'), CASE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
  }
  return result;
}

/** Each broken store, with the cases written to catch its flaw. */
const flaws: ReadonlyArray<[string, ConformanceFactory, readonly string[]]> = [
  [
    "ignores 'no_stream'",
    ignoresNoStream,
    [
      "A2 'no_stream' on an existing stream fails with the actual version",
      'A1 concurrent first appends with no_stream: exactly one creates the stream',
      'model: random appends and reads agree with a plain in-memory model',
    ],
  ],
  [
    "ignores 'stream_exists'",
    ignoresStreamExists,
    [
      "A2 'stream_exists' on an absent stream fails",
      'A3 a rejected append leaves no trace: no version, no row, no position a reader waits on',
      'model: random appends and reads agree with a plain in-memory model',
    ],
  ],
  [
    'bumps the version on a rejected append',
    bumpsVersionOnRejection,
    [
      'A3 a rejected append leaves no trace: no version, no row, no position a reader waits on',
      'A1 10 concurrent appends at the same expected version: exactly one wins',
      'model: random appends and reads agree with a plain in-memory model',
    ],
  ],
  [
    'checks the expected version, then writes after an await',
    readsThenWrites,
    [
      'A1 10 concurrent appends at the same expected version: exactly one wins',
      'A1 concurrent first appends with no_stream: exactly one creates the stream',
      'handler: concurrent commands on one stream all land through retries, none lost',
    ],
  ],
  [
    'delivers the global log out of order',
    deliversOutOfOrder,
    [
      'R1 readAll returns the global log in position order and resumes after a checkpoint',
      'R1 N writers × M appends with a subscriber running: every event exactly once, in order',
    ],
  ],
  [
    'hides late commits behind a checkpoint',
    hidesLateCommits,
    [
      'R1 N writers × M appends with a subscriber running: every event exactly once, in order',
      'R1 pages read while writers run never skip an event that later becomes visible',
    ],
  ],
  [
    'checkpoints a full page beyond its last event',
    overshootsCheckpoint,
    [
      'S3 a full page checkpoints at its last event, not beyond',
      'S5 a rebuild equals the incrementally built documents (property)',
    ],
  ],
  [
    'keeps documents on reset',
    resetKeepsDocuments,
    [
      'S5 bumping the projection version rebuilds it from the start with the new code',
      'S5 a rebuild equals the incrementally built documents (property)',
    ],
  ],
  [
    'writes documents before checking the commit fence',
    commitsNonAtomically,
    ['S1 a commit fenced on a stale checkpoint fails and writes nothing'],
  ],
  [
    'grants a live lease again to the same owner name',
    leasesByOwnerName,
    [
      'S4 a lease belongs to one holder, not to an owner name: the same name cannot take it twice',
      'S4 two runners given the same owner name are never both active',
    ],
  ],
  [
    'forgets commands older than the snapshot',
    forgetsOldCommands,
    [
      'A6 a command id is recognised however old it is, with snapshots on',
      'A6 the same command id with a different command is an IdempotencyConflictError naming both command types',
    ],
  ],
  [
    'reports no head, so catchUp waits for nothing',
    reportsNoHead,
    [
      'S4 catchUp waits until the stored checkpoint reaches the head as of the call, whoever holds the lease',
    ],
  ],
];

// A suite that cannot fail proves nothing: run it against stores with known flaws and check
// that the cases written for each flaw catch it, by failing, not by hanging.
describe('the conformance suite catches broken stores', () => {
  for (const [flaw, factory, catching] of flaws) {
    it(`a store that ${flaw}`, async () => {
      const seen = await outcomes(factory, catching);
      expect(seen).toEqual(Object.fromEntries(catching.map((name) => [name, 'failed'])));
    }, 600_000);
  }
});
