// Issue #17: services that cover an area by name or postcode, and venues whose position a
// directory does not give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { areaKey, createMatcher, DEFAULT_RULES } from '../../src/index.js';
import type { ActivityInput, ClientProfileInput } from '../../src/index.js';
import { referenceRecommend } from '../reference/matcher.js';
import { activity, AT, client } from '../helpers.js';
import { CENTRE, clientArb } from './arbitraries.js';
import { runs } from '../runs.js';

const bristolOnly = activity('bristol-advice', { category: 'practical-support', location: { kind: 'phone', area: { names: ['Bristol, City of'] } }, sessions: [] });
const leeds: ClientProfileInput = client({ localArea: { localAuthority: 'Leeds City Council' } });
const bristol: ClientProfileInput = client({ localArea: { localAuthority: 'Bristol City Council' } });
const all = { at: AT, limit: 10, rules: { relevance: { minimum: 0 } } };

describe('a service covering an area by name', () => {
  const m = createMatcher([bristolOnly]);

  it('is not offered to a client in Leeds, and is offered to one in Bristol, however the council is written', () => {
    expect(m.recommend(leeds, all)).toEqual([]);
    const e = m.explain(leeds, 'bristol-advice', { at: AT });
    expect(e.exclusions).toEqual([{ rule: 'area', reason: 'Covers Bristol, City of only, not where they live' }]);
    const [item] = m.recommend(bristol, all);
    expect(item?.id).toBe('bristol-advice');
    expect(item?.canTheyGo).toContain('Covers their area');
    expect(item?.cautions.some((c) => c.includes('check they live there'))).toBe(false);
  });

  it('is offered, with a caution to check, to a client whose profile gives no local area', () => {
    const [item] = m.recommend(client(), all);
    expect(item?.id).toBe('bristol-advice');
    expect(item?.cautions).toContain('Covers Bristol, City of only: check they live there');
  });

  it('compares names by areaKey: council words, case and punctuation aside', () => {
    expect(areaKey('Bristol, City of')).toBe(areaKey('bristol city council'));
    expect(areaKey('Royal Borough of Kensington and Chelsea')).toBe('kensington and chelsea');
    expect(areaKey('City of London')).not.toBe(areaKey('London'));
  });
});

describe('a service covering postcode districts', () => {
  const m = createMatcher([
    activity('patchway', { location: { kind: 'venue', lat: 51.53, lon: -2.56, postcode: 'BS34 5LP', area: { postcodeDistricts: ['bs34', 'BS35'] } } }),
    activity('all-bs', { location: { kind: 'online', area: { postcodeDistricts: ['BS'] } } }),
  ]);
  const at = (postcode: string, extra: Partial<ClientProfileInput> = {}) => ({ ...client({ home: { lat: 51.53, lon: -2.56, postcode }, ...extra }) });

  it('takes clients whose home postcode (or stated district) is in one of them, and a postcode area takes all its districts', () => {
    expect(m.recommend(at('BS34 7QA'), all).map((i) => i.id).sort()).toEqual(['all-bs', 'patchway']);
    expect(m.recommend(at('BS8 1TH'), all).map((i) => i.id)).toEqual(['all-bs']);
    expect(m.recommend(at('LS6 1AA'), all)).toEqual([]);
    expect(m.recommend(at('LS6 1AA', { localArea: { postcodeDistrict: 'BS35' } }), all).map((i) => i.id).sort()).toEqual(['all-bs', 'patchway']);
  });
});

describe('a venue whose position is not given', () => {
  const m = createMatcher([activity('somewhere', { location: { kind: 'venue', venue: 'The Parade hall', postcode: 'BS34 5LP' }, accessibility: {} })]);

  it('is offered with the documented neutral distance, where it meets as the directory gives it, and a caution that its distance is not known', () => {
    const [item] = m.recommend(client(), all);
    expect(item?.id).toBe('somewhere');
    expect(item?.distanceKm).toBeNull();
    expect(item?.factors.find((f) => f.factor === 'distance')?.value).toBe(DEFAULT_RULES.distance.unknown);
    expect(item?.canTheyGo).toContain('At The Parade hall, BS34 5LP');
    expect(item?.cautions).toContain('Distance not known: the directory gives no map position');
    const nowhere = createMatcher([activity('nowhere', { location: { kind: 'venue' }, accessibility: {} })]).recommend(client(), all)[0];
    expect(nowhere?.cautions).toContain('Where it meets is not given: check with the provider');
  });

  it('is still a venue: not for a housebound client, and not for a wheelchair user unless it is known to be accessible', () => {
    expect(m.recommend(client({ housebound: true }), all)).toEqual([]);
    expect(m.recommend(client({ accessibility: { wheelchair: true } }), all)).toEqual([]);
  });
});

/** A catalogue of thousands, with a quarter of services covering areas by name or district and some venues without positions. */
function areaCatalogue(seed: number): ActivityInput[] {
  const names = ['Bristol', 'South Gloucestershire', 'Leeds', 'Sheffield', 'Newcastle upon Tyne'];
  const districts = ['BS34', 'BS35', 'BS', 'LS6', 'S5', 'S8', 'NE1'];
  return generateCatalogue({ seed, count: 3000, spread: 'city' }).map((a, i) => {
    const r = (i * 7919) % 16;
    if (r < 3) return { ...a, location: { kind: 'phone', area: { names: [names[i % names.length] as string, ...(r === 0 ? [names[(i + 1) % names.length] as string] : [])] } } };
    if (r === 3) return { ...a, location: { kind: 'online', area: { postcodeDistricts: [districts[i % districts.length] as string] } } };
    if (r === 4) return { ...a, location: { kind: 'venue', area: { names: [names[i % names.length] as string], postcodeDistricts: [districts[(i + 2) % districts.length] as string] } } };
    if (r === 5) return { ...a, location: { kind: 'venue', postcode: 'S5 7AU' } };
    return a;
  });
}

const localAreaArb = fc.record(
  {
    localAuthority: fc.constantFrom('Bristol City Council', 'south gloucestershire', 'Leeds', 'Sheffield', 'Manchester'),
    postcodeDistrict: fc.constantFrom('BS34', 'BS8', 'LS6', 'S5', 'M1'),
  },
  { requiredKeys: [] },
);

describe('the fast path and the reference with named areas', () => {
  it('agree over catalogues of thousands, where blocks of area-only services are skipped by their area blooms', () => {
    let compared = 0;
    for (const seed of [21, 22]) {
      const catalogue = areaCatalogue(seed);
      const matcher = createMatcher(catalogue);
      expect(matcher.stats.blocks).toBeGreaterThan(50);
      fc.assert(
        fc.property(clientArb, fc.option(localAreaArb, { nil: undefined }), fc.integer({ min: 1, max: 20 }), (input, localArea, limit) => {
          const profile = { ...input, home: input.home ?? { ...CENTRE }, ...(localArea === undefined ? {} : { localArea }) };
          const options = { at: '2026-11-23T09:00:00Z', limit };
          const fast = matcher.recommend(profile, options);
          const reference = referenceRecommend(catalogue, profile, options);
          expect(fast.map((r) => r.id)).toEqual(reference.map((r) => r.id));
          compared++;
        }),
        { numRuns: runs(40), seed },
      );
    }
    expect(compared).toBe(runs(40) * 2);
  }, 120_000);
});
