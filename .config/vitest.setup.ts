import fc from 'fast-check';

// Property tests are reproducible: FC_SEED pins the seed (fast-check prints the seed and path
// of every counterexample), FC_NUM_RUNS raises or lowers the effort without editing tests.
const seed = process.env.FC_SEED;
const numRuns = process.env.FC_NUM_RUNS;

fc.configureGlobal({
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(numRuns !== undefined && numRuns !== '' ? { numRuns: Number(numRuns) } : {}),
});
