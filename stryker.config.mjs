// @ts-check
// `npm run mutation`: mutation testing of the scoring, ranking, time and metric code with
// StrykerJS and its vitest runner. Not run in CI (about an hour or more on two cores); the
// score is recorded in README.md's development section. The HTML report goes to
// reports/mutation/mutation.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/signals/**/*.ts', 'src/rank/**/*.ts', 'src/time/**/*.ts', 'src/evaluate/metrics/**/*.ts'],
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // Static mutants (code run while modules and test suites load, such as the factor tables and
  // the zod schemas) would each need the whole suite: about 70% of the mutants and 97% of the
  // time, over a day on two cores. `npm run mutation -- --ignoreStatic false` includes them.
  ignoreStatic: true,
  // Two workers for two cores.
  concurrency: 2,
  timeoutMS: 20000,
  // The first full run measures coverage per test: minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 60, break: null },
};
