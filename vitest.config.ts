import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    setupFiles: ['test/setup/no-console.ts'],
    // Type tests: test/**/*.test-d.ts are checked by tsc (expectTypeOf, @ts-expect-error), not run.
    // Type errors in src/ are left to `npm run typecheck`.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'test/types/tsconfig.json', ignoreSourceErrors: true },
    coverage: { provider: 'v8', include: ['src/**/*.ts'], reporter: ['text-summary'], thresholds: { lines: 90 } },
  },
});
