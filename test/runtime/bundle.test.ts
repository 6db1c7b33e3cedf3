// The built package in a browser bundle: esbuild bundles a program that makes bad calls
// (minified, browser platform, zod imported as a namespace so its locales stay out), and the
// bundle must print exactly the messages the package gives in Node. Also: the per-entry size
// budgets (scripts/bundle-size.json) hold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let scratch = '';

const PROGRAM = `
import { createMatcher, isActivityMatchError, MatchingRulesSchema, ClientProfileSchema } from '${join(root, 'dist/index.js')}';
import { nextOccurrences } from '${join(root, 'dist/time.js')}';
import { haversineKm } from '${join(root, 'dist/factors.js')}';
const messages = [];
const tryIt = (f) => { try { f(); messages.push('no error'); } catch (e) { messages.push(isActivityMatchError(e) ? e.message : 'other: ' + e.message); } };
const walk = { id: 'walk', name: 'Walk', category: 'physical-activity', location: { kind: 'venue', lat: 53.38, lon: -1.47 } };
const m = createMatcher([walk]);
tryIt(() => createMatcher([{ id: 'a1', name: 'Walk' }]));
tryIt(() => createMatcher([walk, walk]));
tryIt(() => createMatcher('catalogue'));
tryIt(() => m.recommend({ age: 'sixty', activaton: 2 }, { at: '2026-11-23T09:00:00Z' }));
tryIt(() => m.recommend({ age: 60, activation: 2, conditions: ['gout'] }, { at: '2026-11-23T09:00:00Z' }));
tryIt(() => m.recommend({ age: 60, activation: 2 }, { at: 12345 }));
tryIt(() => m.recommend({ age: 60, activation: 2 }));
tryIt(() => m.recommend({ age: 60, activation: 2 }, { at: '2026-11-23T09:00:00Z', limit: 0, rules: { weights: { distance: -1 } } }));
tryIt(() => m.explain({ age: 60, activation: 2 }, 'nope', { at: '2026-11-23T09:00:00Z' }));
tryIt(() => nextOccurrences([], { at: 'soon', timeZone: 'Mars/Base' }));
tryIt(() => haversineKm('53', 1, 2, 3));
messages.push(MatchingRulesSchema.safeParse({ weights: { distance: 'far' } }).error?.issues.map((i) => i.message).join('; '));
messages.push(ClientProfileSchema.safeParse({ age: -1, activation: 9, budget: 'lots' }).error?.issues.map((i) => i.message).join('; '));
messages.push(ClientProfileSchema.safeParse(42).error?.issues.map((i) => i.message).join('; '));
console.log(JSON.stringify(messages));
`;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build before the bundle tests');
  scratch = mkdtempSync(join(tmpdir(), 'activity-match-bundle-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function node(file: string): string {
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('a browser bundle of the package', () => {
  it('gives every message the package gives in Node, word for word', async () => {
    const program = join(scratch, 'program.mjs');
    writeFileSync(program, PROGRAM);
    const bundled = join(scratch, 'bundle.mjs');
    await build({ entryPoints: [program], bundle: true, minify: true, format: 'esm', platform: 'browser', outfile: bundled, logLevel: 'silent', nodePaths: [join(root, 'node_modules')] });
    const direct = JSON.parse(node(program)) as string[];
    expect(direct).toHaveLength(14);
    expect(direct.filter((m) => m === 'no error' || m.startsWith('other: '))).toEqual([]);
    expect(JSON.parse(node(bundled))).toEqual(direct);
    // No other locale's messages in the bundle (zod's French "Entrée invalide", German "Ungültige Eingabe").
    const code = readFileSync(bundled, 'utf8');
    expect(code).not.toMatch(/Entrée invalide|Ungültige Eingabe/);
  });

  it('stays within the size budget of every entry', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/bundle-size.mjs'), '--json'], { encoding: 'utf8', timeout: 240_000 });
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as { label: string; gzip: number; budget: number }[];
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect({ label: row.label, within: row.gzip <= row.budget }).toEqual({ label: row.label, within: true });
    expect(r.status).toBe(0);
    // haversineKm alone is a few kB: none of zod, fuse.js or date-fns.
    expect(rows.find((row) => row.label === 'haversineKm (root)')?.gzip).toBeLessThan(4096);
  }, 300_000);
});
