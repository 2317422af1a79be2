import { defineConfig, type Options } from 'tsup';

/**
 * The build every published package uses: dual ESM + CJS with `.d.ts` and `.d.cts`. tsup keeps
 * every dependency and peer dependency external, so an adapter never bundles its own copy of
 * core (that would break error guards and registries at run time).
 */
export function defineSafeledgerBuild(platform: NonNullable<Options['platform']>) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform,
  });
}
