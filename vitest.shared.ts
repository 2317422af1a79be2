import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages expose their TypeScript sources under this export condition, so tests
// run against `src/` without a build step while published packages resolve to `dist/`.
const SOURCE_CONDITION = '@safeledger/source';

// Packages whose library code must build without Node's types keep their tests in a separate
// tsconfig; type tests must be checked with that one, or they would silently check nothing.
const typecheckTsconfig = existsSync('tsconfig.test.json') ? 'tsconfig.test.json' : 'tsconfig.json';

/** The one test configuration every package re-exports. */
export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: [fileURLToPath(new URL('./.config/vitest.setup.ts', import.meta.url))],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: typecheckTsconfig,
    },
  },
});
