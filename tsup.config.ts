import { defineConfig } from 'tsup';
import { pureModuleScope } from './scripts/build/pure-module-scope.js';

/**
 * The library's entry points, built together with code splitting: a module used by several
 * entries lives in one shared chunk, so every entry (and every subpath a program imports) uses
 * the same `ActivityMatchError` class, the same importer and the same vocabularies, and a bundler
 * keeps only what a program uses (see scripts/build/pure-module-scope.ts; budgets in
 * scripts/bundle-size.json).
 */
const CORE_ENTRIES = {
  index: 'src/index.ts',
  factors: 'src/entries/factors.ts',
  time: 'src/entries/time.ts',
  evaluate: 'src/entries/evaluate.ts',
  'open-referral': 'src/entries/open-referral.ts',
  sample: 'src/entries/sample.ts',
};
const ENTRIES = { ...CORE_ENTRIES, sync: 'src/sync/index.ts', pool: 'src/pool/index.ts', 'pool-worker': 'src/pool/worker.ts' };

export default defineConfig([
  {
    // Platform-neutral: the core has no Node-only import; activity-match/sync needs only fetch,
    // AbortController and timers (the CLI adds the files). activity-match/pool and its worker are
    // the one Node-only entry (worker threads), built here so they share the core's chunks.
    entry: ENTRIES,
    external: ['node:os', 'node:worker_threads'],
    // The pool finds its worker script beside itself through import.meta.url, which the CommonJS build shims.
    shims: true,
    format: ['esm', 'cjs'],
    splitting: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    esbuildPlugins: [pureModuleScope],
  },
  // Type declarations: the core entries share declaration chunks; activity-match/sync gets its own
  // self-contained file (it takes the core's types through src/index.ts, which one declaration
  // build with the core entries would split into chunks importing each other).
  { entry: CORE_ENTRIES, format: ['esm', 'cjs'], dts: { only: true } },
  { entry: { sync: 'src/sync/index.ts' }, format: ['esm', 'cjs'], dts: { only: true } },
  { entry: { pool: 'src/pool/index.ts' }, format: ['esm', 'cjs'], dts: { only: true } },
  {
    // The CLI is the one place allowed to use Node APIs; it bundles the bundled fixtures.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    esbuildPlugins: [pureModuleScope],
  },
]);
