// Query options: matcher.recommend(client, input) and matcher.explain(client, id, input).
import { AT, deepFreeze, deepObjects, fakeDate, hugeMarker, json, MARKER, PLANTED, revokedProxy, throwingGetter } from '../corpus.js';
import type { BadInputCase, Outcome } from '../corpus.js';

const e = 'options' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_OPTIONS' as const, paths });
const at = (name: string, value: unknown, expect: Outcome | readonly Outcome[] = invalid('options.at')): BadInputCase => ({ name: `at: ${name}`, entry: e, make: () => ({ at: value }), expect });
const limit = (value: unknown): BadInputCase => ({ name: `limit ${typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value)}`, entry: e, input: { at: AT, limit: value }, expect: invalid('options.limit') });

/** An `at` outside what ISO 8601 strings can say: either rejected or answered correctly. */
const rejectOrCorrect = [invalid('options.at'), 'ok'] as const;

export const cases: BadInputCase[] = [
  // ── Not options ──
  { name: 'undefined', entry: e, input: undefined, expect: invalid('options') },
  { name: 'null', entry: e, input: null, expect: invalid('options') },
  { name: 'a string', entry: e, input: AT, expect: invalid('options') },
  { name: 'a Date', entry: e, make: () => new Date(AT), expect: invalid('options.at') },
  { name: 'an array', entry: e, input: [AT, 5], expect: invalid('options') },
  { name: 'an empty object', entry: e, input: {}, expect: invalid('options.at') },
  { name: 'a revoked proxy', entry: e, make: revokedProxy, expect: invalid('options') },

  // ── Valid ──
  { name: 'a string at', entry: e, input: { at: AT }, expect: 'ok' },
  { name: 'a Date at and limit 100', entry: e, make: () => ({ at: new Date(AT), limit: 100 }), expect: 'ok' },
  { name: 'limit 1', entry: e, input: { at: AT, limit: 1 }, expect: 'ok' },
  { name: 'deeply frozen options', entry: e, make: () => deepFreeze({ at: new Date(AT), limit: 3, rules: { weights: { distance: 2 } } }), expect: 'ok' },
  {
    name: 'a class instance',
    entry: e,
    make: () =>
      new (class Options {
        at = AT;
        limit = 2;
      })(),
    expect: 'ok',
  },
  at('a Date subclass', new (class Moment extends Date {})(AT), 'ok'),
  at('an offset of +14:00', '2026-11-23T23:00:00+14:00', 'ok'),
  at('fractional seconds', '2026-11-23T09:00:00.123456789Z', 'ok'),
  at('across the spring clock change', '2026-03-29T00:30:00Z', 'ok'),
  at('across the autumn clock change', '2026-10-25T00:30:00Z', 'ok'),
  at('29 February 2028', '2028-02-29T12:00:00Z', 'ok'),
  at('the epoch', new Date(0), 'ok'),
  at('year 2999', '2999-12-31T23:59:59Z', 'ok'),
  at('year 9999, outside 1900 to 2999', '9999-12-31T23:59:59Z'),
  at('year 1899, outside 1900 to 2999', '1899-12-31T23:59:59Z'),

  // ── Bad at ──
  at('a marker string', MARKER),
  at('"now"', 'now'),
  at('an empty string', ''),
  at('a timestamp number', Date.parse(AT)),
  at('NaN', NaN),
  at('an invalid Date', new Date(NaN)),
  at('2026-02-30', '2026-02-30T09:00:00Z'),
  at('a date without a time', '2026-11-23'),
  at('a date-time without an offset', '2026-11-23T09:00:00'),
  at('hour 24', '2026-11-23T24:00:00Z'),
  at('a leap second', '2026-12-31T23:59:60Z'),
  at('an offset of +99:00', '2026-11-23T09:00:00+99:00'),
  at('an object with toISOString', { toISOString: () => AT }),
  at('a function', () => new Date(AT)),
  at('a boxed string', new String(AT)),
  at('null', null),
  { name: 'at: 10 MB', entry: e, make: () => ({ at: hugeMarker() }), expect: invalid('options.at') },
  { name: 'at: 10,000 nested objects', entry: e, make: () => ({ at: deepObjects() }), expect: invalid('options.at') },
  { name: 'at: a getter that throws', entry: e, make: () => throwingGetter({}, 'at'), expect: invalid('options.at') },
  {
    name: 'at: a Date whose getTime throws',
    entry: e,
    make: () => {
      const d = new Date(AT);
      Object.defineProperty(d, 'getTime', {
        value: () => {
          throw PLANTED;
        },
      });
      return { at: d };
    },
    expect: ['ok', invalid('options.at')],
  },
  { ...at('an object posing as a Date', fakeDate()) },
  { ...at('a Proxy around a Date', new Proxy(new Date(AT), {})) },
  at('year 0050', '0050-06-01T00:00:00Z', rejectOrCorrect),
  at('year 0000', '0000-01-03T00:00:00Z', rejectOrCorrect),
  {
    ...at('the last representable Date', new Date(8.64e15), rejectOrCorrect),
  },
  {
    ...at('the first representable Date', new Date(-8.64e15), rejectOrCorrect),
  },
  at('a Date in year 10000', new Date('+010000-01-01T00:00:00Z'), rejectOrCorrect),

  // ── limit ──
  limit(0),
  limit(101),
  limit(1.5),
  limit('5'),
  limit(NaN),
  limit(Infinity),
  limit(-1),
  limit(null),
  limit(5n),

  // ── Keys and rules ──
  { name: 'misspelt key', entry: e, input: { at: AT, limt: 5 }, expect: invalid('options') },
  { name: '__proto__ key (own property)', entry: e, make: () => json(`{ "at": "${AT}", "__proto__": { "polluted": true, "limit": 100 } }`), expect: invalid('options') },
  { name: 'constructor key (own property)', entry: e, make: () => json(`{ "at": "${AT}", "constructor": { "prototype": { "polluted": true } } }`), expect: invalid('options') },
  { name: 'rules null', entry: e, input: { at: AT, rules: null }, expect: invalid('options.rules') },
  { name: 'rules as a string', entry: e, input: { at: AT, rules: MARKER }, expect: invalid('options.rules') },
  {
    name: 'rules pointing to the options',
    entry: e,
    make: () => {
      const o: Record<string, unknown> = { at: AT };
      o['rules'] = o;
      return o;
    },
    expect: invalid('options.rules'),
  },
];
