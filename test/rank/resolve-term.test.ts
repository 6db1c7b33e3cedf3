import { describe, expect, it } from 'vitest';
import { resolveTerm } from '../../src/rank/client-context.js';

describe('resolveTerm: a client’s own words onto the vocabularies', () => {
  it.each([
    ['bee keeping', ['beekeeping'], undefined],
    ['used to love dancing', ['dancing'], undefined],
    ['singing in a choir', ['singing'], undefined],
    ['walkin grup', ['walking'], undefined],
    ['big groups', ['large-group'], undefined],
    ['the gym', ['gym'], undefined],
    ['getting fit', [], 'physical-activity'],
    ['meeting new people', [], 'social'],
    ['reading', ['book-club'], undefined],
  ])('%j matches tags %j and category %s', (text, tags, category) => {
    const term = resolveTerm(text);
    for (const tag of tags) expect(term.tags).toContain(tag);
    expect(term.category).toBe(category);
  });

  it('keeps unknown words as an open-vocabulary tag and labels them plainly', () => {
    expect(resolveTerm('Fishing')).toEqual({ label: 'fishing', tags: ['fishing'], category: undefined });
  });

  it('never matches a category fuzzily', () => {
    expect(resolveTerm('reading').category).toBeUndefined();
    expect(resolveTerm('art').category).toBeUndefined();
  });
});
