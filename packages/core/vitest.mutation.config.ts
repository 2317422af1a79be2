import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The tests mutation testing runs against the hazard aggregate (`pnpm mutation`): without the
// type tests, with property tests at a lighter effort and in one module graph, so that each of the
// many mutants is judged in seconds. `pnpm test` runs all.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // `mergeConfig` appends this list to the shared one, so every core test file is loaded and
      // each mutant is judged by every test that covers it (Stryker's per-test coverage keeps that
      // to a few). The rule tests named here are the ones written to kill mutants one condition at
      // a time; the published scores in docs/testing.md were measured with this configuration.
      include: [
        'src/safety/hazard/rules-*.test.ts',
        'src/safety/hazard/late-entry.test.ts',
        'src/safety/hazard/time-facts.test.ts',
      ],
      typecheck: { enabled: false },
      env: { FC_NUM_RUNS: '30' },
      // Stryker switches mutants at run time inside code loaded once, so the test files may share
      // one module graph: without isolation a mutant costs its tests, not a re-import of the
      // aggregate per test file (the hazard tests hold no module-level state between files).
      isolate: false,
    },
  }),
);
