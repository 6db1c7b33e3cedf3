// Random client profiles near Sheffield, for the property tests of the search.
import fc from 'fast-check';
import { CONDITIONS, DAYS, NEEDS } from '../../src/index.js';
import type { ClientProfileInput } from '../../src/index.js';

export const CENTRE = { lat: 53.3811, lon: -1.4701 };
const INTEREST_WORDS = ['walking', 'bee keeping', 'singing in a choir', 'art', 'cooking', 'gym', 'fishing', 'walkin grup', 'dancing', 'getting fit', 'yoga', 'book club'];

/** Any client the schema accepts near {@link CENTRE}: conditions, needs, interests (some misspelt), avoidances, availability, budget, access and languages. */
export const clientArb: fc.Arbitrary<ClientProfileInput> = fc.record(
  {
    age: fc.integer({ min: 18, max: 95 }),
    activation: fc.constantFrom(1, 2, 3, 4),
    gender: fc.constantFrom('female', 'male', 'non-binary', 'other'),
    home: fc.record({ lat: fc.double({ min: CENTRE.lat - 0.1, max: CENTRE.lat + 0.1, noNaN: true }), lon: fc.double({ min: CENTRE.lon - 0.15, max: CENTRE.lon + 0.15, noNaN: true }) }),
    travel: fc.record({ maxKm: fc.double({ min: 0.5, max: 15, noNaN: true }) }),
    conditions: fc.subarray(CONDITIONS.map((c) => c.id), { maxLength: 3 }),
    needs: fc.subarray(NEEDS.map((n) => n.id), { maxLength: 3 }),
    loneliness: fc.constantFrom('never', 'occasionally', 'some-of-the-time', 'often-or-always'),
    groups: fc.subarray(['lgbtq', 'veterans'], { maxLength: 1 }),
    interests: fc.subarray(INTEREST_WORDS, { maxLength: 4 }),
    avoid: fc.subarray(['gym', 'big groups', 'swimming', 'social'], { maxLength: 2 }),
    availability: fc.array(
      fc.record({ day: fc.constantFrom(...DAYS), start: fc.integer({ min: 8, max: 18 }), length: fc.integer({ min: 1, max: 5 }) }).map((w) => ({ day: w.day, start: `${String(w.start).padStart(2, '0')}:00`, end: `${String(w.start + w.length).padStart(2, '0')}:30` })),
      { minLength: 1, maxLength: 6 },
    ),
    housebound: fc.boolean(),
    budget: fc.constantFrom('none', 'low', 'any'),
    accessibility: fc.record({ wheelchair: fc.boolean(), stepFree: fc.boolean() }),
    languages: fc.constantFrom(['en'], ['pl'], ['en', 'pl']),
  },
  { requiredKeys: ['age', 'activation'] },
) as fc.Arbitrary<ClientProfileInput>;

