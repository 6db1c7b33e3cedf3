// Search latency on a seeded 10,000-activity catalogue, generated from the bundled catalogue by
// perturbation (names, providers, place words, locations; same categories and tags).
// Run: npx vitest bench --run bench/search.bench.ts
import Fuse from 'fuse.js';
import { bench, describe } from 'vitest';
import bundled from '../fixtures/catalogue.json';
import { parseCatalogue } from '../src/catalogue/load.js';
import { createSearchIndex } from '../src/catalogue/text-search.js';
import type { Activity, ActivityInput } from '../src/index.js';
import { mulberry32 as random } from '../src/evaluate/random.js';

const PLACES = ['Heeley', 'Darnall', 'Firth Park', 'Crookes', 'Walkley', 'Hillsborough', 'Meersbrook', 'Sharrow', 'Gleadless', 'Woodseats', 'Stocksbridge', 'Ecclesfield', 'Handsworth', 'Totley', 'Dore', 'Broomhill', 'Pitsmoor', 'Burngreave', 'Manor', 'Arbourthorne'];
const EXTRAS = ['Everyone welcome.', 'Tea and biscuits provided.', 'Bring a friend.', 'Free parking nearby.', 'Run by local volunteers.', 'Near the number 52 bus route.', 'Booking essential.', 'Drop in any time.'];

function generateCatalogue(size: number, seed = 20260115): Activity[] {
  const base = bundled as unknown as ActivityInput[];
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const out: ActivityInput[] = [];
  for (let i = 0; i < size; i++) {
    const a = base[i % base.length] as ActivityInput;
    const place = pick(PLACES);
    const location = a.location.kind === 'venue' && a.location.lat !== undefined && a.location.lon !== undefined ? { ...a.location, lat: a.location.lat + (rnd() - 0.5) * 0.2, lon: a.location.lon + (rnd() - 0.5) * 0.3 } : a.location;
    out.push({
      ...a,
      id: `${a.id}-${i}`,
      name: rnd() < 0.5 ? `${a.name} (${place})` : `${place} ${a.name.charAt(0).toLowerCase()}${a.name.slice(1)}`,
      ...(a.provider === undefined ? {} : { provider: rnd() < 0.3 ? `${place} ${a.provider}` : a.provider }),
      description: `${a.description ?? ''} ${pick(EXTRAS)} ${pick(EXTRAS)}`.trim(),
      location,
    });
  }
  return [...parseCatalogue(out).activities];
}

const QUERIES = ['walkin grup', 'bee keeping', 'helthy lungs', 'yoga', 'debt advice', 'swiming for women', 'chair', 'knit and natter', 'singing for lung health', 'befriending'];
const catalogue = generateCatalogue(10_000);
const index = createSearchIndex(catalogue);

describe('search, 10,000 activities (one query per iteration, cycling through 10 queries)', () => {
  let q = 0;
  bench('index.search(query)', () => {
    index.search(QUERIES[q++ % QUERIES.length] as string);
  });
  bench('index.search(query, { categories, near, limit })', () => {
    index.search(QUERIES[q++ % QUERIES.length] as string, { categories: ['physical-activity', 'social', 'creative'], near: { lat: 53.38, lon: -1.47, maxKm: 5 }, limit: 10 });
  });
});

describe('building the index, 10,000 activities', () => {
  bench('createSearchIndex', () => {
    createSearchIndex(catalogue);
  }, { iterations: 5, time: 0 });
});

describe('baseline: fuse.js over whole documents, 10,000 activities (not used; why the index matches words)', () => {
  const fuse = new Fuse(catalogue, {
    keys: [{ name: 'name', weight: 4 }, { name: 'tags', weight: 3 }, { name: 'provider', weight: 2 }, { name: 'description', weight: 1 }],
    includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 0.35,
  });
  let q = 0;
  bench('fuse.search(query)', () => {
    fuse.search(QUERIES[q++ % QUERIES.length] as string);
  }, { iterations: 10, time: 0 });
});
