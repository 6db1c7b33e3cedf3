// The subpath entries (activity-match/factors, /time, /evaluate, /open-referral, /sample): each
// re-exports the root entry's own values, and the package exports map lists every entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as evaluate from '../../src/entries/evaluate.js';
import * as factors from '../../src/entries/factors.js';
import * as openReferral from '../../src/entries/open-referral.js';
import * as sample from '../../src/entries/sample.js';
import * as time from '../../src/entries/time.js';
import bundledCatalogue from '../../fixtures/catalogue.json';
import bundledPersonas from '../../fixtures/personas.json';
import { AT } from '../helpers.js';

const SUBPATHS = { factors, time, evaluate, 'open-referral': openReferral } as const;

describe('subpath entries', () => {
  it.each(Object.entries(SUBPATHS))('activity-match/%s re-exports values of the root entry, the same objects', (_name, entry) => {
    const names = Object.keys(entry);
    expect(names.length).toBeGreaterThan(2);
    for (const name of names) expect({ name, same: (root as Record<string, unknown>)[name] === (entry as Record<string, unknown>)[name] }).toEqual({ name, same: true });
  });

  it('/factors has haversineKm and every factor function the root entry has', () => {
    const factorNames = Object.keys(root).filter((n) => /Factor$/.test(n) || ['haversineKm', 'activityDemand', 'isAffordable', 'fitLevel', 'fitName', 'FITS'].includes(n));
    expect(Object.keys(factors).sort()).toEqual(factorNames.sort());
  });

  it('the package exports map lists every entry, types first, and nothing unbuilt', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './evaluate', './factors', './open-referral', './package.json', './pool', './sample', './sync', './time']);
    const tsup = readFileSync(new URL('../../tsup.config.ts', import.meta.url), 'utf8');
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (subpath === './package.json') continue;
      const name = subpath === '.' ? 'index' : subpath.slice(2);
      expect(target).toEqual({ import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` }, require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` } });
      expect(tsup).toMatch(new RegExp(`['"]?${name}['"]?: 'src/`));
    }
  });
});

describe('activity-match/sample', () => {
  it('is the bundled catalogue and personas, loading strictly', () => {
    expect(sample.catalogue).toBe(bundledCatalogue);
    expect(sample.personas).toBe(bundledPersonas);
    const matcher = root.createMatcher(sample.catalogue);
    expect(matcher.rejected).toEqual([]);
    expect(matcher.activities).toHaveLength(57);
    expect(sample.personas).toHaveLength(14);
    for (const persona of sample.personas) expect(matcher.recommend(persona.profile, { at: AT, limit: 3 }).length).toBeGreaterThan(0);
  });
});
