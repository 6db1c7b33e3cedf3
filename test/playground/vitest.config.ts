// The playground test alone (npm run test:playground): it needs Chromium and the built page.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/playground/*.browser.ts'],
    setupFiles: ['test/setup/no-console.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
