// Issue #7's promises, as fast-check properties over random clients and a seeded city catalogue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../fixtures/generate/catalogue.js';
import { ActivitySchema, ClientProfileSchema, CONDITIONS, createMatcher, DAYS, DEFAULT_RULES, NEEDS } from '../src/index.js';
import type { ClientProfileInput } from '../src/index.js';
import { referenceEligible } from './reference/matcher.js';

const AT = '2026-11-23T09:00:00Z';
const CENTRE = { lat: 53.3811, lon: -1.4701 };
const catalogue = generateCatalogue({ seed: 99, count: 400, spread: 'city' });
const matcher = createMatcher(catalogue);

const clientArb: fc.Arbitrary<ClientProfileInput> = fc.record(
  {
    age: fc.integer({ min: 18, max: 95 }),
    activation: fc.constantFrom(1, 2, 3, 4),
    gender: fc.constantFrom('female', 'male', 'non-binary'),
    home: fc.record({ lat: fc.double({ min: CENTRE.lat - 0.08, max: CENTRE.lat + 0.08, noNaN: true }), lon: fc.double({ min: CENTRE.lon - 0.12, max: CENTRE.lon + 0.12, noNaN: true }) }),
    travel: fc.record({ maxKm: fc.double({ min: 1, max: 12, noNaN: true }) }),
    conditions: fc.subarray(CONDITIONS.map((c) => c.id), { maxLength: 3 }),
    needs: fc.subarray(NEEDS.map((n) => n.id), { maxLength: 3 }),
    interests: fc.subarray(['walking', 'gardening', 'singing', 'art', 'cooking', 'bee keeping'], { maxLength: 3 }),
    avoid: fc.subarray(['gym', 'big groups'], { maxLength: 1 }),
    availability: fc.array(fc.record({ day: fc.constantFrom(...DAYS), start: fc.constantFrom('09:00', '12:00', '17:00'), end: fc.constantFrom('13:00', '16:00', '21:00') }), { minLength: 2, maxLength: 5 }),
    budget: fc.constantFrom('none', 'low', 'any'),
    accessibility: fc.record({ wheelchair: fc.boolean() }),
  },
  { requiredKeys: ['age', 'activation', 'home'] },
).map((c) => ({ ...c, availability: c.availability?.filter((w) => w.end > w.start) })) as fc.Arbitrary<ClientProfileInput>;

const options = { at: AT, limit: 8 } as const;
const runs = { numRuns: 60, seed: 7 };

describe('properties of recommend and explain', () => {
  it('scores lie in [0, 1] and their contributions add up to them', () => {
    let seen = 0;
    fc.assert(
      fc.property(clientArb, (client) => {
        for (const item of matcher.recommend(client, options)) {
          seen++;
          expect(item.score).toBeGreaterThanOrEqual(0);
          expect(item.score).toBeLessThanOrEqual(1);
          expect(Math.abs(item.factors.reduce((s, f) => s + f.contribution, 0) - item.score)).toBeLessThan(1e-12);
        }
      }),
      runs,
    );
    // The random clients really get shortlists: the property is not true of empty lists only.
    expect(seen).toBeGreaterThan(runs.numRuns * 3);
  });

  it('no result ever breaks a hard eligibility rule (checked by the plain reference rules too)', () => {
    fc.assert(
      fc.property(clientArb, (client) => {
        const profile = ClientProfileSchema.parse(client);
        for (const item of matcher.recommend(client, options)) {
          expect(item.exclusions).toEqual([]);
          expect(referenceEligible(item.activity, profile, new Date(AT), DEFAULT_RULES)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('the ranking is the same after shuffling the catalogue and after a JSON round trip of every input', () => {
    const shuffled = createMatcher(JSON.parse(JSON.stringify([...catalogue].reverse())) as typeof catalogue);
    fc.assert(
      fc.property(clientArb, (client) => {
        const expected = matcher.recommend(client, options).map((r) => [r.id, r.score]);
        expect(shuffled.recommend(JSON.parse(JSON.stringify(client)), JSON.parse(JSON.stringify(options))).map((r) => [r.id, r.score])).toEqual(expected);
      }),
      runs,
    );
  });

  it('adding an interest that an activity matches never lowers that activity’s score', () => {
    fc.assert(
      fc.property(clientArb, fc.integer({ min: 0, max: catalogue.length - 1 }), (client, index) => {
        const activity = ActivitySchema.parse(catalogue[index]);
        const tag = activity.tags[0];
        if (tag === undefined || (client.interests ?? []).length >= 32) return;
        const before = matcher.explain(client, activity.id, { at: AT }).score;
        const after = matcher.explain({ ...client, interests: [...(client.interests ?? []), tag] }, activity.id, { at: AT }).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      runs,
    );
  });

  it('moving a client closer to a venue never lowers its distance factor', () => {
    fc.assert(
      fc.property(clientArb, fc.integer({ min: 0, max: catalogue.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (client, index, t) => {
        const activity = ActivitySchema.parse(catalogue[index]);
        const venue = activity.location;
        if (venue.kind !== 'venue' || venue.lat === undefined || venue.lon === undefined || client.home === undefined) return;
        const closer = { lat: client.home.lat + t * (venue.lat - client.home.lat), lon: client.home.lon + t * (venue.lon - client.home.lon) };
        const distance = (home: { lat: number; lon: number }) => matcher.explain({ ...client, home }, activity.id, { at: AT }).factors.find((f) => f.factor === 'distance')?.value ?? NaN;
        expect(distance(closer)).toBeGreaterThanOrEqual(distance(client.home));
      }),
      runs,
    );
  });

  it('explain() gives the same breakdown as recommend() for every returned activity', () => {
    fc.assert(
      fc.property(clientArb, (client) => {
        for (const { rank: _rank, placement: _placement, ...item } of matcher.recommend(client, options)) expect(matcher.explain(client, item.id, { at: AT })).toEqual(item);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
