import { defineConfig, type Options } from 'tsup';

/**
 * The build every published package uses: dual ESM + CJS with `.d.ts` and `.d.cts`. tsup keeps
 * every dependency and peer dependency external, so an adapter never bundles its own copy of
 * core (that would break error guards and registries at run time).
 *
 * Source maps point at the `src/` files the package ships instead of embedding them
 * (`sourcesContent: false`): embedded, every source would ship three times (in `src/` and in the
 * ESM and CJS maps), which is most of a tarball's size.
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
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  });
}
