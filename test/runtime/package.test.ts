// The built package: ESM and CommonJS in Node, ESM in Deno, and no Node-only imports in the core.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const smoke = join(root, 'test/runtime/smoke.mjs');

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build (npm install does it) before the package tests');
});

describe('the built package', () => {
  it('imports and runs as ESM in Node', () => {
    const { status, stdout, stderr } = run(process.execPath, [smoke]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('ok walk');
  });

  it('requires and runs as CommonJS in Node', () => {
    const script = "const { createMatcher, ActivityMatchError } = require('./dist/index.cjs'); try { createMatcher([{ id: 1 }]); } catch (e) { process.stdout.write(String(e instanceof ActivityMatchError) + ' ' + e.code); }";
    const { status, stdout } = run(process.execPath, ['-e', script]);
    expect(status).toBe(0);
    expect(stdout).toBe('true INVALID_CATALOGUE');
  });

  it('recognises a CommonJS-thrown error from the ESM build and back (isActivityMatchError, instanceof)', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const cjs = createRequire(import.meta.url)('./dist/index.cjs');",
      "const esm = await import('./dist/index.js');",
      'const thrown = (m) => { try { m.createMatcher([{ id: 1 }]); } catch (e) { return e; } };',
      'const fromCjs = thrown(cjs), fromEsm = thrown(esm);',
      'process.stdout.write(JSON.stringify([cjs.ActivityMatchError === esm.ActivityMatchError, esm.isActivityMatchError(fromCjs), fromCjs instanceof esm.ActivityMatchError, cjs.isActivityMatchError(fromEsm), fromEsm instanceof cjs.ActivityMatchError, esm.isActivityMatchError(new Error())]));',
    ].join('\n');
    const { status, stdout, stderr } = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([false, true, true, true, true, false]);
  });

  it('has every subpath entry in ESM and CommonJS, sharing one ActivityMatchError class per format', () => {
    const esm = [
      "const root = await import('./dist/index.js');",
      "const entries = await Promise.all(['factors', 'time', 'evaluate', 'open-referral', 'sample', 'sync'].map((n) => import('./dist/' + n + '.js')));",
      "const [factors, time] = entries;",
      "let error; try { time.nextOccurrences([], { at: 'soon', timeZone: 'Europe/London' }); } catch (e) { error = e; }",
      'process.stdout.write(JSON.stringify([factors.haversineKm === root.haversineKm, error.constructor === root.ActivityMatchError, entries[4].catalogue.length, entries.map((e) => Object.keys(e).length > 1)]));',
    ].join('\n');
    const cjs = [
      "const root = require('./dist/index.cjs');",
      "const entries = ['factors', 'time', 'evaluate', 'open-referral', 'sample', 'sync'].map((n) => require('./dist/' + n + '.cjs'));",
      "const [factors, time] = entries;",
      "let error; try { time.nextOccurrences([], { at: 'soon', timeZone: 'Europe/London' }); } catch (e) { error = e; }",
      'process.stdout.write(JSON.stringify([factors.haversineKm === root.haversineKm, error.constructor === root.ActivityMatchError, entries[4].catalogue.length, entries.map((e) => Object.keys(e).length > 1)]));',
    ].join('\n');
    const expected = [true, true, 57, [true, true, true, true, true, true]];
    for (const args of [['--input-type=module', '-e', esm], ['-e', cjs]]) {
      const { status, stdout, stderr } = run(process.execPath, args);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(JSON.parse(stdout)).toEqual(expected);
    }
  });

  it('imports and runs as ESM in Deno', () => {
    const { status, stdout, stderr } = run(join(root, 'node_modules/.bin/deno'), ['run', '--quiet', '--allow-read', '--allow-env', smoke]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('ok walk');
  });

  it('has no Node-only import in the core, so it bundles for browsers (only the CLI and activity-match/pool may use Node)', () => {
    const built = readFileSync(join(root, 'dist/index.js'), 'utf8');
    expect(built).not.toMatch(/from\s+['"](node:|fs|path|os|child_process|url)['"]/);
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('cli.ts') && !path.includes(`${join('src', 'pool')}`)) sources.push(path);
      }
    };
    walk(join(root, 'src'));
    expect(sources.length).toBeGreaterThan(40);
    for (const file of sources) expect({ file, imports: /from\s+['"]node:/.test(readFileSync(file, 'utf8')) }).toEqual({ file, imports: false });
  });

  it('declares itself free of side effects, with types first in every export condition', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects: boolean; exports: Record<string, Record<string, Record<string, string>>> };
    expect(pkg.sideEffects).toBe(false);
    for (const condition of ['import', 'require']) expect(Object.keys(pkg.exports['.']?.[condition] ?? {})[0]).toBe('types');
  });
});
