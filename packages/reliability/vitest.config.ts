import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // PG_URL, or the throwaway server the store-postgres tests start (never a silent skip).
      globalSetup: ['../store-postgres/src/test-support/global-setup.ts'],
    },
  }),
);
