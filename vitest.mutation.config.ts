// The tests `npm run mutation` (StrykerJS) runs against each mutant: those that specify the
// scoring, ranking, time and metric code it mutates (src/signals, src/rank, src/time,
// src/evaluate/metrics). Left out: the hostile-input corpus (10 MB inputs and wall-clock
// budgets, which instrumented code would miss), the schema fast-path pinning, the importer,
// the CLI, sync and the built-package tests, none of which specify the mutated code.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/signals/**/*.test.ts',
      'test/rank/**/*.test.ts',
      'test/time/**/*.test.ts',
      'test/evaluate/**/*.test.ts',
      'test/reference/**/*.test.ts',
      'test/properties.test.ts',
      'test/acceptance.test.ts',
      'test/quality.test.ts',
    ],
    setupFiles: ['test/setup/no-console.ts'],
    // The heaviest properties run a fifth of their cases (test/runs.ts).
    env: { MUTATION: '1' },
    // Instrumented code runs several times slower.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
