// The fast path (columns, blocks, bounds, heap) must return exactly what the readable reference returns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { createMatcher, FITS } from '../../src/index.js';
import type { ActivityInput } from '../../src/index.js';
import { referenceRecommend } from '../reference/matcher.js';
import { CENTRE, clientArb } from './arbitraries.js';
import { runs } from '../runs.js';

const rulesArb = fc.option(
  fc.record({
    weights: fc.record({
      distance: fc.double({ min: 0, max: 3, noNaN: true }),
      interests: fc.double({ min: 0, max: 3, noNaN: true }),
      freshness: fc.double({ min: 0, max: 3, noNaN: true }),
      needs: fc.constantFrom(0, 1, 3),
      conditions: fc.constantFrom(0, 1.5),
    }),
    distance: fc.record({ remote: fc.double({ min: 0, max: 1, noNaN: true }), unknown: fc.double({ min: 0, max: 1, noNaN: true }) }),
    relevance: fc.record({ minimum: fc.double({ min: 0, max: 0.75, noNaN: true }), practicalFirst: fc.record({ maxActivation: fc.constantFrom(0, 1, 2, 3, 4) }) }),
    diversity: fc.record({ enabled: fc.boolean(), penalty: fc.double({ min: 0, max: 1, noNaN: true }) }),
  }),
  { nil: undefined },
);

/** A catalogue with ties: some activities copied under new ids, so their scores are equal. */
function catalogueWithTies(seed: number, count: number, copies: number): ActivityInput[] {
  const base = generateCatalogue({ seed, count, spread: 'city' });
  const extra = base.slice(0, copies).map((a, i) => ({ ...a, id: `copy-${i}-${a.id}` }));
  return [...base, ...extra];
}

describe('the fast path and the reference implementation', () => {
  it('return the same ids in the same order with the same scores, ties included, for 200 random clients', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 120, max: 360 }),
        fc.array(fc.tuple(clientArb, rulesArb, fc.integer({ min: 1, max: 15 }), fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })), { minLength: 5, maxLength: 5 }),
        (seed, count, queries) => {
          const catalogue = catalogueWithTies(seed, count, 40);
          const matcher = createMatcher(catalogue);
          for (const [client, rules, limit, date] of queries) {
            const options = { at: date.toISOString(), limit, ...(rules ? { rules } : {}) };
            const fast = matcher.recommend(client, options);
            const reference = referenceRecommend(catalogue, client, options);
            expect(fast.map((r) => r.id)).toEqual(reference.map((r) => r.id));
            fast.forEach((r, i) => expect(Math.abs(r.score - (reference[i]?.score ?? NaN))).toBeLessThanOrEqual(1e-12));
            expect(fast.map((r) => r.fit)).toEqual(reference.map((r) => FITS[2 - r.fit]));
            compared++;
          }
        },
      ),
      { numRuns: runs(40), seed: 20261121 },
    );
    expect(compared).toBe(runs(40) * 5);
  }, 120_000);

  it('agree over catalogues of thousands, where the search visits many super-blocks and blocks', () => {
    // The random catalogues above fit in one super-block (16 blocks of 32); these need many.
    const catalogues = [
      generateCatalogue({ seed: 11, count: 6000, spread: 'city' }),
      generateCatalogue({ seed: 12, count: 6000, spread: 'national' }).map((a) =>
        a.location.kind === 'venue' && a.location.lat !== undefined && a.location.lon !== undefined ? { ...a, location: { ...a.location, lat: CENTRE.lat + (a.location.lat - 54) / 20, lon: CENTRE.lon + (a.location.lon + 2) / 20 } } : a,
      ),
    ];
    let compared = 0;
    for (const catalogue of catalogues) {
      const matcher = createMatcher(catalogue);
      expect(matcher.stats.blocks).toBeGreaterThan(4 * 16);
      fc.assert(
        fc.property(clientArb, rulesArb, fc.integer({ min: 1, max: 15 }), (client, rules, limit) => {
          const options = { at: '2026-11-23T09:00:00Z', limit, ...(rules ? { rules } : {}) };
          const fast = matcher.recommend(client, options);
          const reference = referenceRecommend(catalogue, client, options);
          expect(fast.map((r) => r.id)).toEqual(reference.map((r) => r.id));
          fast.forEach((r, i) => expect(Math.abs(r.score - (reference[i]?.score ?? NaN))).toBeLessThanOrEqual(1e-12));
          compared++;
        }),
        { numRuns: runs(25), seed: 20261122 },
      );
    }
    expect(compared).toBe(runs(25) * 2);
  }, 120_000);

  it('agree on long lists without diversity, where ties between copies must be broken by id', () => {
    const catalogue = catalogueWithTies(7, 300, 150);
    const matcher = createMatcher(catalogue);
    const client = { age: 60, activation: 3, home: CENTRE, travel: { maxKm: 10 } } as const;
    const options = { at: '2026-11-23T09:00:00Z', limit: 100, rules: { diversity: { enabled: false } } };
    const fast = matcher.recommend(client, options);
    const reference = referenceRecommend(catalogue, client, options);
    expect(fast.map((r) => r.id)).toEqual(reference.map((r) => r.id));
    const scores = fast.map((r) => r.score);
    expect(new Set(scores).size).toBeLessThan(scores.length); // the list really contains ties
  });
});

describe('the spatial search at the edges of the map', () => {
  it('finds venues across the antimeridian', () => {
    const venue = (id: string, lon: number) => ({ id, name: id, category: 'social', location: { kind: 'venue', lat: -17.7, lon }, cost: { level: 'free' } }) as const;
    const matcher = createMatcher([venue('east', 179.98), venue('west', -179.98), venue('far', 170)]);
    const client = { age: 50, activation: 3, home: { lat: -17.7, lon: 179.995 }, travel: { maxKm: 10 } } as const;
    expect(matcher.recommend(client, { at: '2026-11-23T09:00:00Z', limit: 5 }).map((r) => r.id).sort()).toEqual(['east', 'west']);
  });
});
