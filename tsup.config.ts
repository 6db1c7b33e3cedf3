import { defineConfig } from 'tsup';
import type { Options } from 'tsup';

/**
 * The sync entry imports the core only through `src/index.ts` (as `../index.js`); this keeps
 * that import pointing at the built root entry instead of bundling the core a second time, so
 * both entries share one `ActivityMatchError` class and one copy of the importer.
 */
const coreFromRootEntry: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'core-from-root-entry',
  setup(build) {
    const root = build.initialOptions.format === 'cjs' ? './index.cjs' : './index.js';
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => (/[\\/]src[\\/]sync[\\/]/.test(args.importer) ? { path: root, external: true } : undefined));
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
  },
  {
    // activity-match/sync: the crawler, the only network code. It needs only fetch, AbortController
    // and timers, so it stays platform-neutral like the core; the CLI adds the files.
    entry: { sync: 'src/sync/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    esbuildPlugins: [coreFromRootEntry],
  },
  {
    // The CLI is the one place allowed to use Node APIs; it bundles the bundled fixtures.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
  },
]);
