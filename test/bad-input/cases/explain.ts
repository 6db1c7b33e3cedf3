// matcher.explain: the activity id, and the options (which take no limit).
import { AT, fakeDate, hugeMarker, MARKER } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const id = 'explain-id' as const;
const opts = 'explain-options' as const;
const unknown = { code: 'UNKNOWN_ACTIVITY' as const, paths: ['activityId'] };
const notAnId = { code: 'INVALID_OPTIONS' as const, paths: ['activityId'] };

export const cases: BadInputCase[] = [
  { name: 'a known id', entry: id, input: 'a1', expect: 'ok' },
  { name: 'each other known id', entry: id, input: 'a4', expect: 'ok' },
  { name: 'an unknown id', entry: id, input: MARKER, expect: unknown },
  { name: 'an empty id', entry: id, input: '', expect: unknown },
  { name: 'the id in another case', entry: id, input: 'A1', expect: unknown },
  { name: 'the id with spaces around it', entry: id, input: ' a1 ', expect: [unknown, 'ok'] },
  { name: '__proto__', entry: id, input: '__proto__', expect: unknown },
  { name: 'constructor', entry: id, input: 'constructor', expect: unknown },
  { name: 'toString', entry: id, input: 'toString', expect: unknown },
  { name: 'hasOwnProperty', entry: id, input: 'hasOwnProperty', expect: unknown },
  { name: 'a 10 MB id', entry: id, make: hugeMarker, expect: unknown },
  { name: 'a number', entry: id, input: 1, expect: notAnId },
  { name: 'NaN', entry: id, input: NaN, expect: notAnId },
  { name: 'null', entry: id, input: null, expect: notAnId },
  { name: 'undefined', entry: id, input: undefined, expect: notAnId },
  { name: 'an array holding the id', entry: id, input: ['a1'], expect: notAnId },
  { name: 'an object with the id', entry: id, input: { id: 'a1' }, expect: notAnId },
  { name: 'a boxed string', entry: id, make: () => new String('a1'), expect: notAnId },
  { name: 'a symbol', entry: id, input: Symbol('a1'), expect: notAnId },
  { name: 'a bigint', entry: id, input: 1n, expect: notAnId },
  { name: 'a function', entry: id, input: () => 'a1', expect: notAnId },

  { name: 'valid', entry: opts, input: { at: AT }, expect: 'ok' },
  { name: 'with rules', entry: opts, input: { at: AT, rules: { weights: { needs: 0 }, diversity: { enabled: false } } }, expect: 'ok' },
  { name: 'a limit, which explain does not take', entry: opts, input: { at: AT, limit: 5 }, expect: { code: 'INVALID_OPTIONS', paths: ['options'] } },
  { name: 'undefined', entry: opts, input: undefined, expect: { code: 'INVALID_OPTIONS', paths: ['options'] } },
  { name: 'no at', entry: opts, input: {}, expect: { code: 'INVALID_OPTIONS', paths: ['options.at'] } },
  { name: 'at as a marker', entry: opts, input: { at: MARKER }, expect: { code: 'INVALID_OPTIONS', paths: ['options.at'] } },
  { name: 'a negative weight', entry: opts, input: { at: AT, rules: { weights: { distance: -1 } } }, expect: { code: 'INVALID_OPTIONS', paths: ['options.rules.weights.distance'] } },
  {
    name: 'at: an object posing as a Date',
    entry: opts,
    make: () => ({ at: fakeDate() }),
    expect: { code: 'INVALID_OPTIONS', paths: ['options.at'] },
  },
];
