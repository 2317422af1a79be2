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
    },
  }),
);
