import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The tests mutation testing runs against the hazard aggregate (`pnpm mutation`): the hazard
// tests only, without the type tests and the (slow) model-based test, and with property tests at
// a lighter effort, so that each of the many mutants is judged in seconds. `pnpm test` runs all.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // The rule tests: each checks one rule's conditions on examples, so a mutant is judged in
      // milliseconds. The model-based test, the main paths, the message catalog and the generated
      // docs are left out (they cover nearly every line, so every mutant would run them).
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
