// A consumer project, as a new user makes one: pack this package, install the tarball into a
// temporary project (from npm's cache: no network), and use it from ESM, CommonJS, Deno, a browser
// bundle and TypeScript, within the bundle-size budgets. See test/runtime/consumer/README.md.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/runtime/consumer');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let scratch = '';
let app = '';
let install = { status: null as number | null, stdout: '', stderr: '' };

/** npm, node or deno in the consumer project, with npm kept quiet and offline. */
function sh(command: string, args: readonly string[], cwd = app) {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_offline: 'true' };
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000, env });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build before the consumer test');
  scratch = mkdtempSync(join(tmpdir(), 'activity-match-consumer-'));
  app = join(scratch, 'app');
  mkdirSync(app);
  // --ignore-scripts: pack dist/ as built (prepack would rebuild it if src/ changed under a running suite).
  const pack = sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], root);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack made no tarball');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(app, file));
  copyFileSync(join(fixtures, 'types-ok.ts'), join(app, 'types-ok.cts'));
  install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, tarball)]);
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXPECTED = { ids: ['singing-for-lung-health', 'breathe-easy-group', 'healthy-lungs-course'], error: 'INVALID_CATALOGUE', branded: true, shared: [true, true, true, true, true] };

function typecheck(name: string, options: Record<string, unknown>, files: string[]) {
  const config = join(app, `tsconfig.${name}.json`);
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'dom'], types: [], ...options };
  writeFileSync(config, JSON.stringify({ compilerOptions, files }, null, 2));
  return sh(process.execPath, [tsc, '-p', config, '--pretty', 'false']);
}

describe('a consumer project with the packed package installed', { timeout: 240_000 }, () => {
  it('installs from the tarball, offline, running no install script and warning of none', () => {
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/activity-match/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(installed.scripts?.[hook]).toBeUndefined();
    for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli.js']) expect(existsSync(join(app, 'node_modules/activity-match', file)), file).toBe(true);
  });

  it('runs as ESM in Node, every entry point', () => {
    const r = sh(process.execPath, ['app.mjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('runs as CommonJS in Node, every entry point', () => {
    const r = sh(process.execPath, ['app.cjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('runs in Deno from the project’s node_modules', () => {
    const r = sh(join(root, 'node_modules/.bin/deno'), ['run', '--quiet', '--allow-read', '--allow-env', 'app.mjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('runs as a browser bundle with no Node globals', async () => {
    const bundled = await build({ entryPoints: [join(app, 'browser.mjs')], absWorkingDir: app, bundle: true, minify: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
    const code = bundled.outputFiles[0]?.text ?? '';
    const sandbox: { result?: { shortlists: string[][]; code: string | null; km: number } } = {};
    runInContext(code, createContext(sandbox));
    expect(sandbox.result?.shortlists).toHaveLength(14);
    expect(sandbox.result?.shortlists[0]).toEqual(EXPECTED.ids);
    expect(sandbox.result?.code).toBe('INVALID_CLIENT');
    expect(sandbox.result?.km).toBe(228);
  });

  it.each([
    ['ESM under nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, 'types-ok.ts'],
    ['CommonJS under nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, 'types-ok.cts'],
    ['a bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'types-ok.ts'],
  ])('type-checks right inputs under tsc --strict (%s), and each @ts-expect-error is an error', (name, options, file) => {
    const r = typecheck(name.replace(/\W+/g, '-'), options, [file]);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('rejects wrong inputs under tsc --strict, on exactly the lines marked', () => {
    const r = typecheck('wrong', { module: 'nodenext', moduleResolution: 'nodenext' }, ['types-wrong.ts']);
    expect(r.status).not.toBe(0);
    const marked = readFileSync(join(fixtures, 'types-wrong.ts'), 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.endsWith('// error') ? [i + 1] : []));
    const reported = [...new Set([...r.stdout.matchAll(/^types-wrong\.ts\((\d+),\d+\): error/gm)].map((m) => Number(m[1])))];
    expect(marked.length).toBe(7);
    expect(reported).toEqual(marked);
  });

  it('stays within the bundle-size budget of every entry', () => {
    const r = sh(process.execPath, [join(root, 'scripts/bundle-size.mjs'), '--package', join(app, 'node_modules/activity-match'), '--json']);
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as { label: string; gzip: number; budget: number }[];
    for (const row of rows) expect({ label: row.label, within: row.gzip <= row.budget }).toEqual({ label: row.label, within: true });
    expect(r.status).toBe(0);
  });
});
