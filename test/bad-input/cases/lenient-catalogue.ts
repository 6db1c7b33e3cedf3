// Lenient catalogue loading: good records kept, every bad one reported, nothing dropped silently.
import { activity } from '../../helpers.js';
import { baseActivity, catalogue, deepArrays, deepFreeze, hugeMarker, json, MARKER, revokedProxy, throwingGetter } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const e = 'lenient-catalogue' as const;

export const cases: BadInputCase[] = [
  { name: 'not an array', entry: e, input: { length: 0 }, expect: { code: 'INVALID_CATALOGUE', paths: ['activities'] } },
  { name: 'null', entry: e, input: null, expect: { code: 'INVALID_CATALOGUE', paths: ['activities'] } },
  { name: 'a string', entry: e, input: MARKER, expect: { code: 'INVALID_CATALOGUE', paths: ['activities'] } },
  { name: 'the baseline catalogue', entry: e, make: catalogue, expect: { rejected: 0 } },
  { name: 'an empty catalogue', entry: e, input: [], expect: { rejected: 0 } },
  { name: 'one bad record among good ones', entry: e, make: () => [activity('a1'), { ...activity('a2'), category: MARKER }, activity('a3')], expect: { rejected: 1, indices: [1] } },
  { name: 'duplicate ids', entry: e, make: () => [activity('a1'), activity('a1'), activity('a2'), activity('a2')], expect: { rejected: 2, indices: [1, 3] } },
  {
    name: 'an invalid record does not claim its id',
    entry: e,
    make: () => [{ ...activity('a1'), name: '' }, activity('a1')],
    expect: { rejected: 1, indices: [0] },
  },
  { name: 'every record bad', entry: e, input: [null, 1, 'x', [], {}, true], expect: { rejected: 6, indices: [0, 1, 2, 3, 4, 5] } },
  { name: 'a sparse array', entry: e, make: () => [activity('a1'), , , activity('a4')], expect: { rejected: 2, indices: [1, 2] } },
  { name: 'a sparse array of 2^24 + 1 holes', entry: e, make: () => Object.assign(new Array(2 ** 24 + 1), { 0: activity('a1') }), expect: { code: 'INVALID_CATALOGUE', paths: ['activities'] } },
  {
    name: 'an array containing itself',
    entry: e,
    make: () => {
      const list: unknown[] = [activity('a1')];
      list.push(list, activity('a2'));
      return list;
    },
    expect: { rejected: 1, indices: [1] },
  },
  { name: '20,000 number records', entry: e, make: () => Array.from({ length: 20_000 }, (_, i) => i), expect: { rejected: 20_000 } },
  { name: 'a 10 MB id', entry: e, make: () => [activity('a1'), { ...activity('a2'), id: hugeMarker() }], expect: { rejected: 1, indices: [1] } },
  { name: 'a record nested 10,000 levels deep', entry: e, make: () => [activity('a1'), deepArrays()], expect: { rejected: 1, indices: [1] } },
  {
    name: 'a __proto__ record (own property)',
    entry: e,
    make: () => [activity('a1'), json(`{ "id": "p1", "name": "P", "category": "social", "location": { "kind": "online" }, "__proto__": { "polluted": true } }`)],
    expect: { rejected: 1, indices: [1] },
  },
  { name: 'a frozen catalogue with a bad record', entry: e, make: () => deepFreeze([activity('a1'), { ...activity('a2'), location: { kind: 'venue', lat: 200, lon: 0 } }]), expect: { rejected: 1, indices: [1] } },
  {
    name: 'junk of every type',
    entry: e,
    make: () => [activity('ok'), Symbol(MARKER), 10n, () => 1, new Date(), new Map(), NaN, activity('ok-2')],
    expect: { rejected: 6, indices: [1, 2, 3, 4, 5, 6] },
  },
  { name: 'a getter that throws: the whole load stops, at its path', entry: e, make: () => [activity('a1'), throwingGetter(baseActivity(), 'category')], expect: { code: 'INVALID_CATALOGUE', paths: ['activities[1].category'] } },
  { name: 'a revoked proxy record', entry: e, make: () => [activity('a1'), revokedProxy()], expect: [{ rejected: 1, indices: [1] }, { code: 'INVALID_CATALOGUE', paths: ['activities[1]'] }] },
];
