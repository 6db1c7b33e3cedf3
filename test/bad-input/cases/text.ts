// Issue #21: text and vocabulary helpers. Anything but a string is INVALID_OPTIONS at the
// argument (never a TypeError); megabytes of text, one word or many, return in bounded time;
// markup that made the old stripHtml backtrack returns at once.
import { MARKER } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const e = 'text' as const;
const notText = { code: 'INVALID_OPTIONS' as const, paths: ['text'] };
const MB = 1024 * 1024;

export const cases: BadInputCase[] = [
  { name: 'a word', entry: e, input: 'COPD', expect: 'ok' },
  { name: 'a typo', entry: e, input: 'astma', expect: 'ok' },
  { name: 'the empty string', entry: e, input: '', expect: 'ok' },
  { name: 'the marker', entry: e, input: MARKER, expect: 'ok' },
  { name: 'null', entry: e, input: null, expect: notText },
  { name: 'undefined', entry: e, input: undefined, expect: notText },
  { name: 'a number', entry: e, input: 42, expect: notText },
  { name: 'NaN', entry: e, input: NaN, expect: notText },
  { name: 'an object', entry: e, input: { text: 'copd' }, expect: notText },
  { name: 'a list of words', entry: e, input: ['copd'], expect: notText },
  { name: 'a boxed string', entry: e, make: () => new String('copd'), expect: notText },
  { name: 'a symbol', entry: e, make: () => Symbol('copd'), expect: notText },
  { name: '1 MB of one word', entry: e, make: () => 'a'.repeat(MB), expect: 'ok', budgetMs: 3000 },
  { name: '1 MB of punctuation between letters', entry: e, make: () => 'a!'.repeat(MB / 2), expect: 'ok', budgetMs: 3000 },
  { name: '1 MB of many words', entry: e, make: () => 'walking group for people with copd '.repeat(MB / 32), expect: 'ok', budgetMs: 3000 },
  { name: 'half a million "<p" with no ">"', entry: e, make: () => '<p'.repeat(MB / 2), expect: 'ok', budgetMs: 3000 },
  { name: '"<" and a megabyte of spaces', entry: e, make: () => `<${' '.repeat(MB)}`, expect: 'ok', budgetMs: 3000 },
  { name: 'lone surrogates and control characters', entry: e, input: '\ud800copd\u0000\u202e\udfff', expect: 'ok' },
  { name: 'a 100,000-letter taxonomy-like term', entry: e, make: () => `Health > ${'Lung'.repeat(25_000)}`, expect: 'ok', budgetMs: 3000 },
];
