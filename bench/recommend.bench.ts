// vitest bench: recommend() on 10k and 100k national catalogues, against the naive reference at 10k.
import { bench, describe } from 'vitest';
import { generateCatalogue } from '../fixtures/generate/catalogue.js';
import { ClientProfileSchema, createMatcher, DEFAULT_RULES } from '../src/index.js';
import { referenceRank } from '../test/reference/matcher.js';
import { AT, benchClients } from './workloads.js';

const clients = benchClients(14, 'national');
const profiles = clients.map((c) => ClientProfileSchema.parse(c));
const matcher10k = createMatcher(generateCatalogue({ seed: 1, count: 10_000, spread: 'national' }));
const matcher100k = createMatcher(generateCatalogue({ seed: 1, count: 100_000, spread: 'national' }));
let i = 0;

describe('recommend, 10k national activities, 10 km, top 10', () => {
  bench('fast path', () => {
    matcher10k.recommend(clients[i++ % clients.length]!, { at: AT, limit: 10 });
  });
  bench('naive array of objects (reference)', () => {
    referenceRank(matcher10k.activities, profiles[i++ % profiles.length]!, new Date(AT), DEFAULT_RULES, 10);
  });
});

describe('recommend, 100k national activities, 10 km, top 10', () => {
  bench('fast path', () => {
    matcher100k.recommend(clients[i++ % clients.length]!, { at: AT, limit: 10 });
  });
});
