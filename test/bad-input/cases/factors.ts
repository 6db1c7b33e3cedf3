// Issue #21: argument lists spread into every exported factor function. Each returns a value in
// [0, 1] (never NaN) or throws INVALID_OPTIONS naming the parameter; the walker checks both.
import type { BadInputCase } from '../corpus.js';

const e = 'factor-args' as const;

export const cases: BadInputCase[] = [
  { name: 'small whole numbers', entry: e, input: [1, 2, 3, 1, true, false], expect: 'ok' },
  { name: 'NaN everywhere', entry: e, input: [NaN, NaN, NaN, NaN, NaN], expect: 'ok' },
  { name: 'infinities', entry: e, input: [Infinity, Infinity, -Infinity, Infinity, 1], expect: 'ok' },
  { name: 'negative counts', entry: e, input: [-1, -1, -1, -1, -1], expect: 'ok' },
  { name: 'strings that look like numbers', entry: e, input: ['1', '2', '3', '4', '5'], expect: 'ok' },
  { name: 'no arguments', entry: e, input: [], expect: 'ok' },
  { name: 'null', entry: e, input: [null, null, null, null], expect: 'ok' },
  { name: 'objects that convert to numbers', entry: e, make: () => [{ valueOf: () => 1 }, { valueOf: () => 2 }], expect: 'ok' },
  { name: 'a matched count above the total', entry: e, input: [5, 2, 2, 1, false, false], expect: 'ok' },
];
