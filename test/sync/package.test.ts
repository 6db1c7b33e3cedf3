// The built `activity-match/sync` entry: it loads in Node (ESM and CommonJS) and Deno, shares the
// root entry's ActivityMatchError (the core is imported from ./index.js, not bundled again), and
// has no Node-only import, so it runs wherever fetch does.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/sync.js'))) throw new Error('dist/sync.js is missing: run npm run build before the package tests');
});

// Refuses a non-http base before any request, so no network is needed.
const CHECK = "await syncFeed('ftp://example.org').catch((e) => e instanceof ActivityMatchError && e.code)";

describe('the built activity-match/sync entry', () => {
  it('imports as ESM in Node, throwing the root entry’s own ActivityMatchError', () => {
    const script = `import { syncFeed } from './dist/sync.js'; import { ActivityMatchError } from './dist/index.js'; process.stdout.write(String(${CHECK}));`;
    const { status, stdout, stderr } = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe('INVALID_OPTIONS');
  });

  it('requires as CommonJS in Node, with the same class as the root entry', () => {
    const script = `const { syncFeed } = require('./dist/sync.cjs'); const { ActivityMatchError } = require('./dist/index.cjs'); (async () => process.stdout.write(String(${CHECK})))();`;
    const { status, stdout } = run(process.execPath, ['-e', script]);
    expect(status).toBe(0);
    expect(stdout).toBe('INVALID_OPTIONS');
  });

  it('imports as ESM in Deno', () => {
    const script = `import { syncFeed } from './dist/sync.js'; import { ActivityMatchError } from './dist/index.js'; console.log(${CHECK});`;
    const { status, stdout, stderr } = run(join(root, 'node_modules/.bin/deno'), ['eval', '--quiet', script]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('INVALID_OPTIONS');
  });

  it('shares the core with the root entry (its chunks) instead of bundling it, and imports nothing from Node', () => {
    for (const [file, core] of [['dist/sync.js', /from\s+"\.\/chunk-[A-Z0-9]+\.js"/], ['dist/sync.cjs', /require\(["']\.\/chunk-[A-Z0-9]+\.cjs["']\)/]] as const) {
      const built = readFileSync(join(root, file), 'utf8');
      expect(built).toMatch(core);
      expect(built).not.toMatch(/class ActivityMatchError|function fromOpenReferral/);
      expect(built).not.toMatch(/(from\s+|require\()["'](node:|fs|path|os|child_process|http|https|url)["']/);
    }
  });

  it('is exported as activity-match/sync with types first in each condition', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, Record<string, string>>> };
    expect(pkg.exports['./sync']).toEqual({
      import: { types: './dist/sync.d.ts', default: './dist/sync.js' },
      require: { types: './dist/sync.d.cts', default: './dist/sync.cjs' },
    });
  });
});
