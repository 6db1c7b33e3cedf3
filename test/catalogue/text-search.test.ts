import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../helpers.js';
import bundled from '../../fixtures/catalogue.json';
import { ActivitySchema, parseCatalogue } from '../../src/index.js';
import type { Activity } from '../../src/index.js';
import { fromOpenReferral } from '../../src/catalogue/open-referral/index.js';
import { createSearchIndex, MIN_SEARCH_SCORE } from '../../src/catalogue/text-search.js';
import { foldText } from '../../src/vocabulary/index.js';
import { readFixture } from './fixtures.js';

const catalogue = parseCatalogue(bundled).activities;
const index = createSearchIndex(catalogue);
const top = (text: string, n = 3, options = {}) => index.search(text, { limit: n, ...options }).map((h) => h.id);

describe('createSearchIndex: typo-tolerant search', () => {
  it.each([
    ['walkin grup', ['evening-walk-norfolk-park', 'health-walk-endcliffe', 'meersbrook-walk-and-talk']],
    ['bee keeping', ['beekeeping-heeley']],
    ['beekeeping', ['beekeeping-heeley']],
    ['helthy lungs', ['healthy-lungs-course', 'singing-for-lung-health']],
    ['swiming for women', ['women-only-swim']],
    ['knitt', ['knit-and-natter']],
    ['Breathe', ['breathe-easy-group']],
    ['Don Valley', ['ers-leisure-centre-gym']],
    ['couch to 5k', ['couch-to-5k']],
    ['befriending', ['home-visiting-befriending', 'telephone-befriending']],
  ])('%j finds %j first', (query, expected) => {
    expect(top(query, expected.length)).toEqual(expected);
  });

  it('matches a word being typed', () => {
    expect(top('walki', 5).every((id) => catalogue.find((a) => a.id === id)?.tags.includes('walking'))).toBe(true);
  });

  it('does not read a short word into a long one ("knit" is not "community")', () => {
    expect(top('knit', 10)).toEqual(['knit-and-natter']);
  });

  it('finds nothing for nonsense, an empty query or only punctuation', () => {
    expect(index.search('zzzz qqqq')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('  ?! ')).toEqual([]);
  });

  it('ranks a name match above the same word in a description', () => {
    const [first, second] = index.search('debt');
    expect(first?.id).toBe('debt-advice-drop-in');
    expect(first?.score).toBe(1);
    expect(second?.score).toBeLessThan(0.5);
  });
});

describe('highlights', () => {
  it('gives [start, end) ranges into the text of each matched field', () => {
    const [hit] = index.search('helthy lungs', { limit: 1 });
    expect(hit?.id).toBe('healthy-lungs-course');
    const name = hit?.matches.find((m) => m.field === 'name');
    expect(name).toEqual({ field: 'name', value: 'Healthy Lungs course', ranges: [[0, 7], [8, 13]] });
  });

  it('every range covers a word that matches a query word, in the field value', () => {
    for (const query of ['walkin grup', 'bee keeping', 'chair yoga', 'debt advice', 'singing']) {
      for (const hit of index.search(query)) {
        const activity = catalogue.find((a) => a.id === hit.id) as Activity;
        for (const m of hit.matches) {
          if (m.field === 'name') expect(m.value).toBe(activity.name);
          if (m.field === 'description') expect(m.value).toBe(activity.description);
          if (m.field === 'tags') expect(activity.tags).toContain(m.tag);
          for (const [start, end] of m.ranges) {
            expect(start).toBeGreaterThanOrEqual(0);
            expect(end).toBeLessThanOrEqual(m.value.length);
            expect(foldText(m.value.slice(start, end)).length).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it('highlights the whole tag when the query names the tag by meaning', () => {
    const hit = index.search('helthy lungs').find((h) => h.id === 'singing-for-lung-health');
    expect(hit?.matches.find((m) => m.field === 'tags')).toEqual({ field: 'tags', tag: 'pulmonary-rehab', value: 'pulmonary rehabilitation', ranges: [[0, 24]] });
  });
});

describe('filters and options', () => {
  it('filters by category, accepting synonyms', () => {
    const hits = index.search('walk', { categories: ['creative'] });
    expect(hits.map((h) => h.id)).toEqual(['phone-photography-walks']);
    expect(index.search('walk', { categories: ['arts and crafts'] }).map((h) => h.id)).toEqual(['phone-photography-walks']);
  });

  it('filters venues by distance and gives the distance; home and online activities pass', () => {
    const near = { lat: 53.3811, lon: -1.4701, maxKm: 1 };
    const hits = index.search('advice', { near, limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const activity = catalogue.find((a) => a.id === h.id) as Activity;
      if (activity.location.kind === 'venue') expect(h.distanceKm).toBeLessThanOrEqual(1);
      else expect(h).not.toHaveProperty('distanceKm');
    }
    expect(hits.map((h) => h.id)).toEqual(['benefits-advice', 'debt-advice-drop-in', 'online-money-advice']);
    expect(index.search('advice').map((h) => h.id)).toContain('housing-advice'); // 1.7 km away
  });

  it('limits the number of results (default 20)', () => {
    expect(index.search('group').length).toBeLessThanOrEqual(20);
    expect(index.search('group', { limit: 2 })).toHaveLength(2);
  });

  it.each([
    ['an unknown category', { categories: ['knitting circles'] }, 'options.categories[0]'],
    ['a limit of 0', { limit: 0 }, 'options.limit'],
    ['a latitude out of range', { near: { lat: 95, lon: 0, maxKm: 1 } }, 'options.near.lat'],
    ['an unknown option', { fuzzy: true }, 'options'],
  ])('throws INVALID_OPTIONS for %s, naming the path', (_name, options, path) => {
    const error = errorOf(() => index.search('walk', options as never));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]?.path).toBe(path);
  });
});

describe('ranking properties', () => {
  it('scores are in [MIN_SEARCH_SCORE, 1], sorted by score then id', () => {
    for (const query of ['walkin grup', 'group', 'gentle exercise', 'advice', 'singing for lung health']) {
      const hits = index.search(query, { limit: 100 });
      for (const [i, h] of hits.entries()) {
        expect(h.score).toBeGreaterThanOrEqual(MIN_SEARCH_SCORE);
        expect(h.score).toBeLessThanOrEqual(1);
        const next = hits[i + 1];
        if (next) expect(h.score > next.score || (h.score === next.score && h.id < next.id)).toBe(true);
      }
    }
  });

  it('gives the same results whatever the catalogue order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...catalogue], { minLength: catalogue.length }), fc.constantFrom('walkin grup', 'bee keeping', 'helthy lungs', 'advice', 'chair'), (shuffled, query) => {
        expect(createSearchIndex(shuffled).search(query, { limit: 100 })).toEqual(index.search(query, { limit: 100 }));
      }),
      { numRuns: 25 },
    );
  });

  it('never mutates the activities', () => {
    const copy = structuredClone(catalogue);
    createSearchIndex(catalogue).search('walk');
    expect(catalogue).toEqual(copy);
  });
});

describe('searching an imported feed', () => {
  it('finds every location of a service, and typo queries over directory words', () => {
    const imported = fromOpenReferral(readFixture('uk-feeds/sheffield-v3-page-1.json')).activities.map(({ inferred: _i, source: _s, ...a }) => ActivitySchema.parse(a));
    const feedIndex = createSearchIndex(imported);
    expect(feedIndex.search('breath easy').map((h) => h.id).slice(0, 3).sort()).toEqual(['shf-svc-0202@loc-firth-park-hub', 'shf-svc-0202@loc-hillsborough-library', 'shf-svc-0202@loc-manor-church']);
    expect(feedIndex.search('mens shed')[0]?.id).toBe('shf-svc-0303@loc-attercliffe-works');
    expect(feedIndex.search('mindfullness')[0]?.id).toBe('shf-svc-0505@loc-zoom');
  });
});

describe('long and repetitive queries', () => {
  it('reads a repeated word once, so it does not drown the others', () => {
    expect(index.search('walk walk walk knitting')).toEqual(index.search('walk knitting'));
    expect(index.search('walk walk walk knitting').map((h) => h.id)).toContain('knit-and-natter');
  });

  it('stays quick on a pasted paragraph', () => {
    const paragraph = `knitting ${'lorem ipsum dolor sit amet consectetur '.repeat(400)}`;
    const started = performance.now();
    index.search(paragraph);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('bad arguments (issue #21)', () => {
  it('refuses a query that is not text with INVALID_OPTIONS at text, instead of quietly finding nothing', () => {
    for (const value of [null, undefined, 42, {}, ['walk']]) expect(errorOf(() => index.search(value as never)).issues).toEqual([{ path: 'text', message: 'expected the text to search for (a string)' }]);
  });

  it('reads the first 1,000 characters and each word up to 40 letters', () => {
    expect(index.search(`${' '.repeat(1000)}knitting`)).toEqual([]);
    expect(index.search(`knitting${'s'.repeat(100)}`)).toEqual(index.search(`knitting${'s'.repeat(32)}`));
  });

  it('createSearchIndex checks the fields it reads, naming the first bad one', () => {
    const good = parseCatalogue(bundled).activities;
    expect(errorOf(() => createSearchIndex(null as never)).issues[0]?.path).toBe('activities');
    expect(errorOf(() => createSearchIndex([good[0], { ...good[1], tags: 'walking' }] as never)).issues).toEqual([{ path: 'activities[1].tags', message: 'expected a list of tag ids' }]);
    expect(errorOf(() => createSearchIndex([undefined] as never)).code).toBe('INVALID_CATALOGUE');
  });
});
