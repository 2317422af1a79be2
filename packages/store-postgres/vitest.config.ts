import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // One PostgreSQL server per test run: PG_URL, or a throwaway one (src/test-support).
      globalSetup: ['./src/test-support/global-setup.ts'],
      // Test files run one after another: several tests hold a transaction open on purpose,
      // and an open transaction anywhere in the cluster delays when every other test's events
      // become visible (that is the gap-safety design), which would make unrelated tests wait.
      fileParallelism: false,
    },
  }),
);
