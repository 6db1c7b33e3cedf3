// The built command (dist/cli.js) as a real process: pipes that close early, real files that
// cannot be written, exit statuses as the shell sees them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli.js');
const page = join(root, 'fixtures/open-referral/uk-feeds/sheffield-v3-page-1.json');
let scratch = '';

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build before the CLI process tests');
  scratch = mkdtempSync(join(tmpdir(), 'activity-match-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cliRun(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: scratch, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI with its stdout pipe closed before it writes anything; resolves to its status and stderr. */
function withClosedStdout(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('the activity-match process', { timeout: 30_000 }, () => {
  it.each([[['personas']], [['personas', '--json']], [['recommend', '--client', 'copd-activation-2', '--limit', '100', '--json']], [['--help']]])('%j into a pipe closed early (| head -1): no EPIPE, no stack trace, exit 0', async (args) => {
    const { status, stderr } = await withClosedStdout(args);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('in a shell pipeline into head -1', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cli}" personas | head -1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^copd-activation-2 +A 67-year-old/);
  });

  it('import --out into a folder that does not exist: one clear line, exit 1', () => {
    const r = cliRun(['import', page, '--out', '/no/such/dir/x.json']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('activity-match: cannot write the catalogue file /no/such/dir/x.json: no such file or folder');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('import --out / (a folder): one clear line, exit 1', () => {
    const r = cliRun(['import', page, '--out', '/']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('activity-match: cannot write the catalogue file /: it is a folder');
  });

  it('reading a folder or a missing file as a client file: one clear line, exit 1', () => {
    mkdirSync(join(scratch, 'folder.json'));
    expect(cliRun(['recommend', '--client', 'folder.json'])).toEqual({ status: 1, stdout: '', stderr: 'activity-match: cannot read the client file folder.json: it is a folder\n' });
    expect(cliRun(['recommend', '--client', 'none.json'])).toEqual({ status: 1, stdout: '', stderr: 'activity-match: cannot read the client file none.json: no such file or folder\n' });
  });

  it('writes the catalogue with a final newline', () => {
    const out = join(scratch, 'catalogue.json');
    expect(cliRun(['import', page, '--out', out, '--at', '2026-11-23T09:00:00Z']).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/\]\n$/);
  });

  it('exit statuses as the shell sees them: 0 done, 1 failed, 2 usage', { timeout: 60_000 }, () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cliRun(['--version'])).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(cliRun(['recommend', '--client', 'nobody']).status).toBe(1);
    expect(cliRun(['recommend', '--catalog', 'x']).status).toBe(2);
    expect(cliRun(['recomend']).status).toBe(2);
    expect(cliRun([]).status).toBe(2);
  });
});
