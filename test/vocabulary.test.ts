import { describe, expect, it } from 'vitest';
import { createVocabulary, foldText, normaliseTag, resolveKeyword, slugify, vocabularies } from '../src/index.js';
import { errorOf } from './helpers.js';

describe('vocabularies', () => {
  it.each([
    ['conditions', 'COPD', 'copd'],
    ['conditions', 'chronic obstructive pulmonary disease', 'copd'],
    ['conditions', 'Type 2 Diabetes', 'type-2-diabetes'],
    ['conditions', 'T2D', 'type-2-diabetes'],
    ['needs', 'Universal Credit', 'benefits'],
    ['needs', 'lonely', 'loneliness'],
    ['categories', 'Arts and crafts', 'creative'],
    ['tags', 'bee-keeping', 'beekeeping'],
    ['tags', 'Bee Keeping', 'beekeeping'],
    ['tags', 'beekeeping', 'beekeeping'],
    ['tags', 'Healthy Lungs', 'pulmonary-rehab'],
  ] as const)('%s: looks up %j exactly as %s', (vocabulary, text, id) => {
    expect(vocabularies[vocabulary].lookup(text)).toBe(id);
  });

  it.each([
    ['tags', 'walkin grup', 'walking'],
    ['tags', 'helthy lungs', 'pulmonary-rehab'],
    ['conditions', 'astma', 'asthma'],
    ['conditions', 'osteoporossis', 'osteoporosis'],
  ] as const)('%s: matches the misspelling %j to %s', (vocabulary, text, id) => {
    expect(vocabularies[vocabulary].match(text)).toBe(id);
  });

  it('returns undefined for text that is nowhere near any term', () => {
    expect(vocabularies.conditions.match('zzzzqqq')).toBeUndefined();
    expect(vocabularies.conditions.lookup('flu')).toBeUndefined();
  });

  it('gives the first term the claim when two terms share a form', () => {
    const v = createVocabulary([
      { id: 'a', label: 'alpha', synonyms: ['shared'] },
      { id: 'b', label: 'beta', synonyms: ['shared'] },
    ]);
    expect(v.lookup('Shared')).toBe('a');
  });

  it('folds case, accents and punctuation, and keeps unknown tags as slugs', () => {
    expect(foldText('  Pétanque & Boules! ')).toBe('petanque boules');
    expect(normaliseTag('Pétanque & Boules')).toBe('petanque-boules');
    expect(normaliseTag("Men's Shed")).toBe('crafts');
  });
});

// Issue #16: synonyms audited for meaning, not only spelling. Each row is a form a client or a
// directory writes, and what it must (or must not) stand for.
describe('vocabulary meanings', () => {
  it.each([
    ['board games', 'tags', 'board-games'],
    ['cards', 'tags', 'card-games'],
    ['whist', 'tags', 'card-games'],
    ['healthy eating', 'needs', 'healthy-eating'],
    ['carb counting', 'needs', 'healthy-eating'],
    ['food bank', 'needs', 'food'],
    ['cookery', 'tags', 'cooking'],
    ["Parkinson's disease", 'conditions', 'parkinsons'],
    ['LGBT', 'groups', 'lgbtq'],
  ] as const)('%j stands for %s %s', (text, vocabulary, id) => {
    expect(vocabularies[vocabulary].lookup(text)).toBe(id);
  });

  it.each([
    ['board games', 'card-games', 'board games are not card games'],
    ['games', 'card-games', '"games" alone names no particular game'],
    ['food', 'cooking', 'food (a food bank) is not cooking'],
  ] as const)('%j is not the tag %s: %s', (text, tag, _why) => {
    expect(vocabularies.tags.lookup(text)).not.toBe(tag);
    expect(resolveKeyword(text).map((h) => h.id)).not.toContain(tag);
  });

  it('"healthy eating" is not food poverty: a cookery course is not a food bank', () => {
    expect(vocabularies.needs.lookup('healthy eating')).not.toBe('food');
  });

  it('"games" on its own resolves to nothing rather than to a guessed game', () => {
    expect(resolveKeyword('games')).toEqual([]);
    expect(resolveKeyword('Games')).toEqual([]);
  });

  it('"diabetes" with no type stands for both types', () => {
    expect(resolveKeyword('diabetes').map((h) => h.id).sort()).toEqual(['type-1-diabetes', 'type-2-diabetes']);
  });
});

describe('bad arguments (issue #21)', () => {
  const bad = (value: unknown): never => value as never;
  it.each([null, undefined, 42, {}, ['copd'], Symbol('x')])('text helpers refuse %s with INVALID_OPTIONS at the argument, never a TypeError', (value) => {
    const calls: [string, () => unknown][] = [
      ['text', () => foldText(bad(value))],
      ['text', () => slugify(bad(value))],
      ['text', () => normaliseTag(bad(value))],
      ['keyword', () => resolveKeyword(bad(value))],
      ...Object.values(vocabularies).flatMap((v): [string, () => unknown][] => [
        ['text', () => v.lookup(bad(value))],
        ['text', () => v.match(bad(value))],
      ]),
    ];
    for (const [path, call] of calls) {
      const error = errorOf(call);
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.issues).toEqual([{ path, message: 'expected text (a string)' }]);
    }
  });

  it('createVocabulary checks its terms and names the field', () => {
    const paths = (terms: unknown) => errorOf(() => createVocabulary(bad(terms))).issues.map((i) => i.path);
    expect(paths(null)).toEqual(['terms']);
    expect(paths([{ id: 'a', label: 'A' }])).toEqual(['terms[0].synonyms']);
    expect(paths([{ id: 'a', label: 'A', synonyms: [] }, { id: '', label: 'B', synonyms: [3] }])).toEqual(['terms[1].id', 'terms[1].synonyms[0]']);
    expect(paths([{ id: 'a', label: 'x'.repeat(201), synonyms: [] }])).toEqual(['terms[0].label']);
    expect(createVocabulary([{ id: 'a', label: 'Apple', synonyms: ['pomme'] }]).lookup('POMME')).toBe('a');
  });
});
