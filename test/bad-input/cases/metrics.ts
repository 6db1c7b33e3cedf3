// Issue #21: the metrics throw ActivityMatchError (INVALID_OPTIONS with the argument's path),
// never TypeError or RangeError, and never quote an id.
import { MARKER } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const invalid = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });

export const cases: BadInputCase[] = [
  // A ranked list
  { name: 'ids', entry: 'ranked', input: ['a', 'b', 'x'], expect: 'ok' },
  { name: 'scored items', entry: 'ranked', input: [{ id: 'a', score: 1 }, { id: 'b', score: 2 }], expect: 'ok' },
  { name: 'nothing', entry: 'ranked', input: [], expect: 'ok' },
  { name: 'null', entry: 'ranked', input: null, expect: invalid('ranked') },
  { name: 'a string', entry: 'ranked', input: MARKER, expect: invalid('ranked') },
  { name: 'a score NaN', entry: 'ranked', input: [{ id: MARKER, score: NaN }], expect: invalid('ranked[0].score') },
  { name: 'a hole', entry: 'ranked', make: () => ['a', , 'b'], expect: invalid('ranked[1]') },
  { name: 'ids then an item', entry: 'ranked', input: ['a', { id: 'b', score: 1 }], expect: invalid('ranked[1]') },
  // Judgements
  { name: 'grades', entry: 'qrels', input: { a: 1, b: 0 }, expect: 'ok' },
  { name: 'a Map of grades', entry: 'qrels', make: () => new Map([['a', 2]]), expect: 'ok' },
  { name: 'null', entry: 'qrels', input: null, expect: invalid('qrels') },
  { name: 'a grade NaN, under the marker', entry: 'qrels', input: { [MARKER]: NaN }, expect: invalid('qrels') },
  { name: 'a grade Infinity', entry: 'qrels', input: { a: 1, b: Infinity }, expect: invalid('qrels') },
  { name: 'a grade as text', entry: 'qrels', input: { a: '1' }, expect: invalid('qrels') },
  { name: 'a Map with a number key', entry: 'qrels', make: () => new Map([[1, 1]]), expect: invalid('qrels') },
  // Cut-offs
  { name: '3', entry: 'metric-k', input: 3, expect: 'ok' },
  { name: '0 (was a RangeError)', entry: 'metric-k', input: 0, expect: invalid('k') },
  { name: '1.5', entry: 'metric-k', input: 1.5, expect: invalid('k') },
  { name: 'NaN', entry: 'metric-k', input: NaN, expect: invalid('k') },
  { name: 'Infinity', entry: 'metric-k', input: Infinity, expect: invalid('k') },
  { name: 'a string (was a TypeError)', entry: 'metric-k', input: '3', expect: invalid('k') },
];
