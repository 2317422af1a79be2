import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The tests mutation testing runs against the hazard aggregate (`pnpm mutation`): the hazard
// tests only, without the type tests and the (slow) model-based test, and with property tests at
// a lighter effort, so that each of the many mutants is judged in seconds. `pnpm test` runs all.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['src/safety/hazard/**/*.test.ts'],
      // The model-based test judges the whole lifecycle; rule tests kill mutants in milliseconds.
      exclude: ['src/safety/hazard/model.test.ts'],
      typecheck: { enabled: false },
      env: { FC_NUM_RUNS: '30' },
      // Stryker switches mutants at run time inside code loaded once, so the test files may share
      // one module graph: without isolation a mutant costs its tests, not a re-import of the
      // aggregate per test file (the hazard tests hold no module-level state between files).
      isolate: false,
    },
  }),
);
