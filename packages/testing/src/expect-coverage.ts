/** Options of `expectCoverage`. */
export interface ExpectCoverageOptions {
  /** Batches to run at most before failing (default 10). */
  readonly maxBatches?: number;
}

/**
 * Runs batches of a property until every wanted path (a rule id, an accepted command, …) has
 * been seen, and fails naming the ones never reached. A model-based test should show that it
 * reached each rule it claims to test, but a rare path is reached in most batches of random
 * runs, not all: one unlucky seed must not fail the build, while a path that the generators
 * can no longer reach still must. `runBatch` records what it reaches in `seen` (usually by
 * running `fc.assert` once); it runs again only while something is missing.
 *
 * @returns the paths seen, for further assertions.
 * @example
 * await expectCoverage(['EP-1', 'accepted publish'], async (seen) => {
 *   await fc.assert(fc.asyncProperty(steps, async (s) => { … seen.add(error.rule); … }));
 * });
 */
export async function expectCoverage(
  wanted: readonly string[],
  runBatch: (seen: Set<string>, batch: number) => void | Promise<void>,
  options: ExpectCoverageOptions = {},
): Promise<ReadonlySet<string>> {
  const maxBatches = options.maxBatches ?? 10;
  const seen = new Set<string>();
  let batch = 0;
  while (batch < maxBatches && wanted.some((path) => !seen.has(path))) {
    await runBatch(seen, batch);
    batch += 1;
  }
  const missing = wanted.filter((path) => !seen.has(path));
  if (missing.length > 0)
    throw new Error(
      `not reached in ${batch} batch(es): ${missing.join(', ')} (seen: ${[...seen].sort().join(', ')})`,
    );
  return seen;
}
