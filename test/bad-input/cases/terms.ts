// Issue #21: createVocabulary checks its terms (INVALID_OPTIONS at terms…) instead of a TypeError.
import { MARKER } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const e = 'terms' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });

export const cases: BadInputCase[] = [
  { name: 'two terms', entry: e, input: [{ id: 'a', label: 'Apple', synonyms: ['pomme'] }, { id: 'b', label: 'Bee', synonyms: [] }], expect: 'ok' },
  { name: 'no terms', entry: e, input: [], expect: 'ok' },
  { name: 'null', entry: e, input: null, expect: invalid('terms') },
  { name: 'a term without synonyms', entry: e, input: [{ id: 'a', label: 'A' }], expect: invalid('terms[0].synonyms') },
  { name: 'a null term', entry: e, input: [null], expect: invalid('terms[0]') },
  { name: 'a synonym that is a number', entry: e, input: [{ id: 'a', label: 'A', synonyms: [MARKER, 3] }], expect: invalid('terms[0].synonyms[1]') },
  { name: 'a label of 10 MB', entry: e, make: () => [{ id: 'a', label: `${MARKER} `.repeat(600_000), synonyms: [] }], expect: invalid('terms[0].label') },
  { name: '10,001 terms', entry: e, make: () => Array.from({ length: 10_001 }, (_, i) => ({ id: `t${i}`, label: `T${i}`, synonyms: [] })), expect: invalid('terms') },
];
