import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      // The PostgreSQL README example needs a server: PG_URL, or the throwaway one the
      // store-postgres tests start (never a silent skip).
      globalSetup: ['../../packages/store-postgres/src/test-support/global-setup.ts'],
    },
  }),
);
