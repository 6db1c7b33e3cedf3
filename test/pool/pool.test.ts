// Issue #20: activity-match/pool answers exactly as the single-threaded matcher, shares one copy
// of the snapshot, and a call that throws rejects only itself. It runs the built package
// (dist/pool.js and dist/pool-worker.js): worker threads run JavaScript files, and these are
// the files a user gets (`npm test` builds dist/ first when it is out of date).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import personas from '../../fixtures/personas.json';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { createMatcher, isActivityMatchError } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput } from '../../src/index.js';
import type * as PoolEntry from '../../src/pool/index.js';

// The built entry, typed as its source (a path in a variable: typechecking does not need dist/).
const built = new URL('../../dist/pool.js', import.meta.url).href;
const { createMatcherPool } = (await import(built)) as typeof PoolEntry;
const AT = '2026-11-23T09:00:00Z';
const PROFILES = (personas as { profile: ClientProfileInput }[]).map((p) => p.profile);
const matcher = createMatcher([...(bundled as unknown as ActivityInput[]), ...generateCatalogue({ seed: 4, count: 3000, spread: 'city' })]);
const snapshot = matcher.toSnapshot();
/** Plain data, as a worker's answer arrives (structured clones are not frozen). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('createMatcherPool', () => {
  it('gives the same shortlists, explanations and search hits as the matcher, with 1 and 2 workers', async () => {
    for (const workers of [1, 2]) {
      const pool = createMatcherPool(snapshot, { workers });
      try {
        expect(pool.workers).toBe(workers);
        const caseload = [...PROFILES, ...PROFILES];
        expect(plain(await pool.recommendMany(caseload, { at: AT, limit: 6 }))).toEqual(plain(matcher.recommendMany(caseload, { at: AT, limit: 6 })));
        const singles = await Promise.all(PROFILES.slice(0, 6).map((p) => pool.recommend(p, { at: AT })));
        expect(plain(singles)).toEqual(plain(PROFILES.slice(0, 6).map((p) => matcher.recommend(p, { at: AT }))));
        const id = matcher.activities[10]?.id as string;
        expect(plain(await pool.explain(PROFILES[0] as ClientProfileInput, id, { at: AT }))).toEqual(plain(matcher.explain(PROFILES[0] as ClientProfileInput, id, { at: AT })));
        expect(plain(await pool.search('helthy lungs', { limit: 5 }))).toEqual(plain(matcher.search('helthy lungs', { limit: 5 })));
      } finally {
        await pool.close();
      }
    }
  });

  it('rejects only the call with a bad profile, naming it in the whole caseload, and keeps serving', async () => {
    const pool = createMatcherPool(snapshot, { workers: 2 });
    try {
      const caseload = PROFILES.slice(0, 10).map((p, i) => (i === 7 ? { ...p, age: -4 } : p));
      const [bad, good] = await Promise.allSettled([pool.recommendMany(caseload, { at: AT }), pool.recommend(PROFILES[1] as ClientProfileInput, { at: AT })]);
      expect(bad.status).toBe('rejected');
      const error = (bad as PromiseRejectedResult).reason as unknown;
      expect(isActivityMatchError(error) && error.code).toBe('INVALID_CLIENT');
      expect(isActivityMatchError(error) && error.issues.map((i) => i.path)).toEqual(['clients[7].age']);
      expect(good.status).toBe('fulfilled');
      await expect(pool.recommend({ age: 'old' } as never, { at: AT })).rejects.toSatisfy((e: unknown) => isActivityMatchError(e) && e.code === 'INVALID_CLIENT');
      expect(plain(await pool.recommendMany(PROFILES.slice(0, 10), { at: AT }))).toEqual(plain(matcher.recommendMany(PROFILES.slice(0, 10), { at: AT })));
    } finally {
      await pool.close();
    }
  });

  it('refuses a bad snapshot and a bad worker count before starting any worker', () => {
    const broken = snapshot.slice(0, 100);
    expect(() => createMatcherPool(broken, { workers: 2 })).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
    expect(() => createMatcherPool(snapshot, { workers: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => createMatcherPool(snapshot, { workers: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('rejects arguments that cannot be copied to a worker', async () => {
    const pool = createMatcherPool(snapshot, { workers: 1 });
    try {
      await expect(pool.recommend({ ...(PROFILES[0] as ClientProfileInput), age: () => 60 } as never, { at: AT })).rejects.toSatisfy((e: unknown) => isActivityMatchError(e) && e.code === 'INVALID_OPTIONS');
    } finally {
      await pool.close();
    }
  });

  it('rejects calls made after close', async () => {
    const pool = createMatcherPool(snapshot, { workers: 1 });
    await pool.close();
    await expect(pool.recommend(PROFILES[0] as ClientProfileInput, { at: AT })).rejects.toThrow('closed');
  });

  it('runs from CommonJS too (the worker script is found beside dist/pool.cjs)', () => {
    const script = [
      "const { createMatcherPool } = require('./dist/pool.cjs');",
      "const { createMatcher } = require('./dist/index.cjs');",
      "const pool = createMatcherPool(createMatcher(require('./fixtures/catalogue.json')).toSnapshot(), { workers: 1 });",
      "pool.recommend(require('./fixtures/personas.json')[0].profile, { at: '2026-11-23T09:00:00Z' }).then((r) => { process.stdout.write(String(r.length)); return pool.close(); });",
    ].join('\n');
    const { status, stdout, stderr } = spawnSync(process.execPath, ['-e', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(Number(stdout)).toBe(matcher.recommend(PROFILES[0] as ClientProfileInput, { at: AT }).length);
  });
});
