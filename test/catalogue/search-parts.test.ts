// Issue #20: the compact word index (letter-pair filter, one index per part, dead marks, loaded
// from a snapshot) gives exactly the hits of the search as it was: fuse.js over every distinct
// word (test/reference/text-search.ts), for typed, mistyped and joined queries with any options.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { createMatcher, createSearchIndex, loadMatcher } from '../../src/index.js';
import type { ActivityInput, Matcher, SearchOptions } from '../../src/index.js';
import { wordsOf } from '../../src/catalogue/search-words.js';
import { createSearchIndex as referenceIndex } from './../reference/text-search.js';

const BUNDLED = bundled as unknown as ActivityInput[];
const records = [...BUNDLED, ...generateCatalogue({ seed: 8, count: 1500, spread: 'city' })];
const matcher = createMatcher(records);
const reference = referenceIndex(matcher.activities);
const WORDS = [...new Set(matcher.activities.flatMap((a) => wordsOf(`${a.name} ${a.provider ?? ''} ${a.description ?? ''}`).map((w) => w.word)))].sort();

/** A word with typing mistakes: letters dropped, doubled, swapped or changed. */
const typoArb = fc
  .tuple(fc.constantFrom(...WORDS), fc.array(fc.tuple(fc.constantFrom('drop', 'double', 'swap', 'change', 'cut'), fc.nat(), fc.constantFrom(...'aeioulnrst')), { maxLength: 2 }))
  .map(([word, edits]) =>
    edits.reduce((w, [kind, at, letter]) => {
      if (w.length < 2) return w;
      const i = at % w.length;
      if (kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
      if (kind === 'double') return w.slice(0, i) + (w[i] as string) + w.slice(i);
      if (kind === 'swap') return i + 1 < w.length ? w.slice(0, i) + (w[i + 1] as string) + (w[i] as string) + w.slice(i + 2) : w;
      if (kind === 'change') return w.slice(0, i) + letter + w.slice(i + 1);
      return w.slice(0, Math.max(3, i));
    }, word),
  );
const queryArb = fc.oneof(
  fc.array(typoArb, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  fc.constantFrom('walkin grup', 'bee keeping', 'helthy lungs', 'swiming for women', 'knit and natter', 'excercise on referal', 'art clas', 'mens shed', 'a', 'the and of', '12', 'chair yoga 7'),
);
const optionsArb: fc.Arbitrary<SearchOptions> = fc.record(
  { limit: fc.integer({ min: 1, max: 60 }), categories: fc.subarray(['physical-activity', 'social', 'creative', 'nature', 'practical-support']), near: fc.record({ lat: fc.double({ min: 53.3, max: 53.45, noNaN: true }), lon: fc.double({ min: -1.6, max: -1.35, noNaN: true }), maxKm: fc.double({ min: 0.5, max: 8, noNaN: true }) }) },
  { requiredKeys: ['limit'] },
);

function sameAsReference(search: (q: string, o: SearchOptions) => unknown, ref: (q: string, o: SearchOptions) => unknown, runs: number, seed: number): void {
  let found = 0;
  fc.assert(
    fc.property(queryArb, optionsArb, (query, options) => {
      const expected = ref(query, options) as unknown[];
      found += expected.length;
      expect(search(query, options)).toEqual(expected);
    }),
    { numRuns: runs, seed },
  );
  // The queries find things: the equality is not only of empty lists.
  expect(found).toBeGreaterThan(runs * 2);
}

describe('search over the compact word index', () => {
  it('equals fuse.js over every word, for createSearchIndex', () => {
    const index = createSearchIndex(matcher.activities);
    sameAsReference((q, o) => index.search(q, o), (q, o) => reference.search(q, o), 300, 1);
  }, 60_000);

  it('equals it for the matcher, and for the matcher loaded from a snapshot with its index', () => {
    const loaded = loadMatcher(matcher.toSnapshot({ search: true }));
    sameAsReference((q, o) => matcher.search(q, o), (q, o) => reference.search(q, o), 150, 2);
    sameAsReference((q, o) => loaded.search(q, o), (q, o) => reference.search(q, o), 150, 3);
  }, 60_000);

  it('equals it over the parts of an updated matcher (changed and removed activities left out)', () => {
    let m: Matcher = matcher;
    m.search('walk');
    const pool = generateCatalogue({ seed: 9, count: 200, spread: 'city' });
    m = m.update({ upsert: pool.slice(0, 100), remove: BUNDLED.slice(0, 20).map((a) => a.id) });
    m = m.update({ upsert: [...pool.slice(100, 150), { ...(BUNDLED[30] as ActivityInput), name: 'Zither and zumba social' }], remove: [(pool[3] as ActivityInput).id] });
    const ref = referenceIndex(m.activities);
    sameAsReference((q, o) => m.search(q, o), (q, o) => ref.search(q, o), 150, 4);
    const loaded = loadMatcher(m.toSnapshot());
    sameAsReference((q, o) => loaded.search(q, o), (q, o) => ref.search(q, o), 100, 5);
    expect(m.search('zither')[0]?.id).toBe((BUNDLED[30] as ActivityInput).id);
  }, 60_000);
});
