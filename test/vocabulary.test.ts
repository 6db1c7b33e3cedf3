import { describe, expect, it } from 'vitest';
import { createVocabulary, foldText, normaliseTag, vocabularies } from '../src/index.js';

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
