// Issue #21: every text entry point finishes in bounded time on megabytes of text. Each is fed
// 1 MB of one word and 1 MB of many words (and the markup that made the old stripHtml
// backtrack); the test timeout is the hang guard (generous: the point is seconds, not the
// minutes these took before). How fast they are is measured in the benchmarks, not here.
import { describe, expect, it } from 'vitest';
import { createSearchIndex, foldText, fromOpenReferral, normaliseTag, resolveKeyword, runImportCommand, slugify, stripHtml, vocabularies } from '../../src/index.js';
import { BASE } from './runners.js';
import { orLocation, orService, v3Page } from './corpus.js';

const MB = 1024 * 1024;
const TEXTS: Record<string, () => string> = {
  '1 MB of one word': () => 'a'.repeat(MB),
  '1 MB of many words': () => 'walking group for people with copd '.repeat(Math.ceil(MB / 35)).slice(0, MB),
  '1 MB of one mixed-case word': () => 'Walkinggroup'.repeat(Math.ceil(MB / 12)).slice(0, MB),
};
/** The hang guard per test: each entry point is called for every text. */
const GUARD_MS = 60_000;

const VOCABULARIES = Object.keys(vocabularies) as (keyof typeof vocabularies)[];
const HELPERS: Record<string, (text: string) => unknown> = {
  foldText,
  slugify,
  normaliseTag,
  resolveKeyword,
  stripHtml,
  'matcher.search': (text) => BASE.search(text),
  'createSearchIndex(…).search': (text) => createSearchIndex(BASE.activities).search(text),
  ...Object.fromEntries(VOCABULARIES.flatMap((v) => [[`vocabularies.${v}.lookup`, (text: string) => vocabularies[v].lookup(text)], [`vocabularies.${v}.match`, (text: string) => vocabularies[v].match(text)]])),
};

describe('text helpers finish in bounded time on megabytes of text', () => {
  for (const [name, call] of Object.entries(HELPERS)) {
    it(
      `${name}`,
      () => {
        for (const make of Object.values(TEXTS)) expect(() => call(make())).not.toThrow();
      },
      GUARD_MS,
    );
  }

  it('search reads the start of a long query: a known word before a megabyte of noise still finds its activities', () => {
    const noise = ` ${'x'.repeat(MB)}`;
    const found = BASE.search(`singing${noise}`).map((h) => h.id);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(BASE.search('singing').map((h) => h.id).filter((id) => found.includes(id)));
  });

  it('resolveKeyword reads a long keyword up to its 200th character, cut back to a whole word', () => {
    expect(resolveKeyword(`Mental health ${'x'.repeat(MB)}`)).toEqual(resolveKeyword('Mental health'));
    expect(resolveKeyword(`${'word '.repeat(39)}copd ${'y'.repeat(10)}`).map((h) => h.id)).toContain('copd');
    expect(resolveKeyword(`${'word '.repeat(40)}copd`)).toEqual([]);
  });

  it('vocabulary match is fuzzy only up to 64 folded characters; lookup is exact whatever the length', () => {
    expect(vocabularies.conditions.match('astma')).toBe('asthma');
    expect(vocabularies.conditions.match(`astma ${'x'.repeat(64)}`)).toBeUndefined();
    expect(vocabularies.conditions.lookup(`COPD${' '.repeat(MB)}`)).toBe('copd');
  });

  it('stripHtml gives the old result on markup that made the old one backtrack, in bounded time', () => {
    const markup = ['<p'.repeat(MB / 2), `<${' '.repeat(MB)}`, '<script'.repeat(MB / 7), '<li'.repeat(MB / 3), '< / '.repeat(MB / 4)];
    for (const text of markup) expect(typeof stripHtml(text)).toBe('string');
    expect(stripHtml(`<p${' '.repeat(1000)}>Tea<`)).toBe('Tea<');
  });
});

/** The fields of a service the importer reads as text, each set to `text`. */
function servicesWith(text: string): Record<string, unknown>[] {
  const fields: Record<string, (t: string) => Record<string, unknown>> = {
    name: (t) => ({ name: t }),
    description: (t) => ({ description: t }),
    eligibility_description: (t) => ({ eligibility_description: t }),
    fees: (t) => ({ fees: t }),
    fees_description: (t) => ({ fees_description: t }),
    'organization.name': (t) => ({ organization: { id: 'o1', name: t } }),
    'taxonomy term': (t) => ({ attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: t } }] }),
    'UK taxonomy': (t) => ({ service_taxonomys: [{ id: 'x1', taxonomy: { id: 't2', name: t, vocabulary: 'Audience' } }] }),
    'cost option': (t) => ({ cost_options: [{ id: 'c1', option: t, amount: 1, amount_description: t }] }),
    'schedule description': (t) => ({ schedules: [{ id: 'sc1', freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:00', description: t, notes: t }] }),
    'location name and address': (t) => ({ service_at_locations: [{ id: 'sal', location: orLocation('l1', { name: t, description: t, addresses: [{ address_1: t, city: t, postal_code: t, address_type: 'physical' }] }) }] }),
    attending_access: (t) => ({ attending_access: t }),
  };
  return Object.entries(fields).map(([field, make], i) => orService(`s-${i}-${field.replace(/\W/g, '-')}`, make(text)));
}

describe('the importer finishes in bounded time on megabytes in any text field', () => {
  for (const [label, make] of Object.entries(TEXTS)) {
    it(
      `fromOpenReferral and runImportCommand, ${label} in each text field`,
      () => {
        const page = v3Page(servicesWith(make()));
        const imported = fromOpenReferral(page);
        expect(imported.activities.length + imported.rejected.length).toBeGreaterThan(0);
        expect(typeof runImportCommand(page).output).toBe('string');
      },
      GUARD_MS,
    );
  }

  it('says when a taxonomy term was read only in part', () => {
    const imported = fromOpenReferral(v3Page([orService('long-term', { attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: `Physical activity ${'x'.repeat(MB)}` } }] })]));
    const messages = imported.warnings.flatMap((w) => w.issues.map((i) => i.message));
    expect(messages).toContain('a taxonomy term of more than 200 characters was read only up to its 200th character');
  });
});
