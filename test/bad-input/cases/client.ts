// Client profiles: matcher.recommend(input, { at }) and matcher.explain(input, id, { at }).
import { CENTRE } from '../../helpers.js';
import { deepArrays, deepFreeze, deepObjects, fullClient, hugeMarker, hugePunctuated, hugeWords, json, keysThrow, MARKER, revokedProxy, throwingGetter, validClient, withClient } from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const e = 'client' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_CLIENT' as const, paths });
const field = (name: string, overrides: Record<string, unknown>, ...paths: string[]): BadInputCase => ({ name, entry: e, make: () => withClient(overrides), expect: invalid(...paths) });

/** Text of `n` characters from a fixed pseudo-random sequence of letters and spaces. */
function noise(n: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += 'abcdefghijklmnopqrstuvwxyz  '[x % 28];
  }
  return s;
}

export const cases: BadInputCase[] = [
  // ── Not a profile at all ──
  { name: 'a string', entry: e, input: MARKER, expect: invalid('client') },
  { name: 'null', entry: e, input: null, expect: invalid('client') },
  { name: 'undefined', entry: e, input: undefined, expect: invalid('client') },
  { name: 'an array', entry: e, make: () => [validClient()], expect: invalid('client') },
  { name: 'a number', entry: e, input: 67, expect: invalid('client') },
  { name: 'a boolean', entry: e, input: true, expect: invalid('client') },
  { name: 'a bigint', entry: e, input: 67n, expect: invalid('client') },
  { name: 'a symbol', entry: e, input: Symbol(MARKER), expect: invalid('client') },
  // Issue #21: a key is input too. Not close to a field name, it is named by position, not quoted.
  { name: 'an unknown field named after a person', entry: e, make: () => withClient({ [`John Smith 12/03/1951 ${MARKER}`]: 1 }), expect: invalid('client') },
  { name: 'an unknown field that is a short code', entry: e, make: () => withClient({ MS: true }), expect: invalid('client') },
  { name: 'a misspelt field', entry: e, make: () => withClient({ activaton: 2 }), expect: invalid('client') },
  { name: 'a function', entry: e, input: () => validClient(), expect: invalid('client') },
  { name: 'a Date', entry: e, make: () => new Date(), expect: invalid('client.activation') },
  { name: 'a Map of the fields', entry: e, make: () => new Map(Object.entries(validClient())), expect: invalid('client.activation') },
  { name: 'an empty object', entry: e, input: {}, expect: invalid('client.activation') },
  { name: 'no age or dateOfBirth', entry: e, input: { activation: 3 }, expect: invalid('client.age') },
  { name: 'a revoked proxy', entry: e, make: revokedProxy, expect: invalid('client') },

  // ── Valid, in unusual shapes ──
  { name: 'a valid profile', entry: e, make: validClient, expect: 'ok' },
  { name: 'a profile with every field', entry: e, make: fullClient, expect: 'ok' },
  { name: 'a deeply frozen profile', entry: e, make: () => deepFreeze(fullClient()), expect: 'ok' },
  { name: 'a null-prototype profile', entry: e, make: () => Object.assign(Object.create(null) as object, fullClient()), expect: 'ok' },
  {
    name: 'a class instance',
    entry: e,
    make: () =>
      new (class Client {
        age = 60;
        activation = 3;
        interests = [MARKER];
      })(),
    expect: 'ok',
  },
  { name: 'fields inherited from a prototype', entry: e, make: () => Object.create({ age: 60, activation: 3 }) as object, expect: ['ok', invalid('client.activation')] },
  {
    name: 'a symbol-keyed extra property',
    entry: e,
    make: () => ({ ...validClient(), [Symbol(MARKER)]: MARKER }),
    expect: ['ok', { code: 'INVALID_CLIENT' }],
  },
  {
    name: 'a non-enumerable extra property',
    entry: e,
    make: () => Object.defineProperty(validClient(), 'secret', { value: MARKER, enumerable: false }),
    expect: ['ok', invalid('client')],
  },
  { name: 'a travel limit of 0 km', entry: e, make: () => withClient({ travel: { maxKm: 0 } }), expect: 'ok' },
  { name: 'housebound with a home', entry: e, make: () => withClient({ housebound: true, loneliness: 'often-or-always' }), expect: 'ok' },
  { name: 'no home location', entry: e, make: () => withClient({ home: undefined }), expect: 'ok' },
  { name: 'home at the North Pole', entry: e, make: () => withClient({ home: { lat: 90, lon: 180 } }), expect: 'ok' },
  { name: 'an empty availability', entry: e, make: () => withClient({ availability: [] }), expect: 'ok' },
  { name: 'age 130 with a matching dateOfBirth', entry: e, make: () => withClient({ age: 130, dateOfBirth: '1896-01-01' }), expect: 'ok' },
  { name: 'dateOfBirth on 29 February', entry: e, make: () => withClient({ age: undefined, dateOfBirth: '1960-02-29' }), expect: 'ok' },
  {
    name: 'the most interests and avoidances, each of 200 characters',
    entry: e,
    make: () => withClient({ interests: Array.from({ length: 32 }, (_, i) => noise(200, i + 1)), avoid: Array.from({ length: 32 }, (_, i) => noise(200, i + 100)) }),
    expect: 'ok',
    budgetMs: 500,
  },
  {
    name: '5 interests of 200 characters',
    entry: e,
    make: () => withClient({ interests: Array.from({ length: 5 }, (_, i) => noise(200, i + 1)) }),
    expect: 'ok',
  },

  // ── age and dateOfBirth ──
  field('age NaN', { age: NaN }, 'client.age'),
  field('age Infinity', { age: Infinity }, 'client.age'),
  field('age -Infinity', { age: -Infinity }, 'client.age'),
  field('age as a string', { age: '12' }, 'client.age'),
  field('negative age', { age: -1 }, 'client.age'),
  field('age 131', { age: 131 }, 'client.age'),
  field('fractional age', { age: 2.5 }, 'client.age'),
  field('age as a bigint', { age: 60n }, 'client.age'),
  field('age as a boxed number', { age: new Number(60) }, 'client.age'),
  field('age null', { age: null }, 'client.age'),
  field('neither age nor dateOfBirth', { age: undefined }, 'client.age'),
  field('dateOfBirth 2026-02-30', { age: undefined, dateOfBirth: '2026-02-30' }, 'client.dateOfBirth'),
  field('dateOfBirth as a Date', { age: undefined, dateOfBirth: new Date('1960-01-01') }, 'client.dateOfBirth'),
  field('dateOfBirth empty', { age: undefined, dateOfBirth: '' }, 'client.dateOfBirth'),
  field('dateOfBirth with a time', { age: undefined, dateOfBirth: '1960-01-01T00:00:00Z' }, 'client.dateOfBirth'),
  { name: '10 MB dateOfBirth', entry: e, make: () => withClient({ age: undefined, dateOfBirth: hugeMarker() }), expect: invalid('client.dateOfBirth') },
  {
    name: 'dateOfBirth after the query time',
    entry: e,
    make: () => withClient({ age: undefined, dateOfBirth: '2030-01-01' }),
    expect: invalid('client.dateOfBirth'),
  },
  {
    name: 'dateOfBirth the day after the query time',
    entry: e,
    make: () => withClient({ age: undefined, dateOfBirth: '2026-11-24' }),
    expect: invalid('client.dateOfBirth'),
  },
  {
    name: 'dateOfBirth giving an age of 226',
    entry: e,
    make: () => withClient({ age: undefined, dateOfBirth: '1800-01-01' }),
    expect: invalid('client.dateOfBirth'),
  },

  // ── activation ──
  field('activation 0', { activation: 0 }, 'client.activation'),
  field('activation 5', { activation: 5 }, 'client.activation'),
  field('activation 2.5', { activation: 2.5 }, 'client.activation'),
  field('activation "2"', { activation: '2' }, 'client.activation'),
  field('activation NaN', { activation: NaN }, 'client.activation'),
  field('activation null', { activation: null }, 'client.activation'),
  field('activation true', { activation: true }, 'client.activation'),
  field('activation as a marker', { activation: MARKER }, 'client.activation'),

  // ── gender, home ──
  field('unknown gender', { gender: MARKER }, 'client.gender'),
  field('latitude 200', { home: { lat: 200, lon: 0 } }, 'client.home.lat'),
  field('longitude -181', { home: { lat: 0, lon: -181 } }, 'client.home.lon'),
  field('NaN latitude', { home: { lat: NaN, lon: 0 } }, 'client.home.lat'),
  field('Infinity longitude', { home: { lat: 0, lon: Infinity } }, 'client.home.lon'),
  field('coordinates as strings', { home: { lat: '53.38', lon: '-1.47' } }, 'client.home.lat', 'client.home.lon'),
  field('home as a string', { home: MARKER }, 'client.home'),
  field('home as an array', { home: [CENTRE.lat, CENTRE.lon] }, 'client.home'),
  field('home with a misspelt key', { home: { lat: 53.38, lng: -1.47 } }, 'client.home', 'client.home.lon'),
  {
    name: 'home pointing to the client itself',
    entry: e,
    make: () => {
      const c = withClient({});
      c['home'] = c;
      return c;
    },
    expect: invalid('client.home', 'client.home.lat', 'client.home.lon'),
  },
  { name: 'home of 10,000 nested arrays', entry: e, make: () => withClient({ home: deepArrays() }), expect: invalid('client.home') },
  { name: 'home of 10,000 nested objects', entry: e, make: () => withClient({ home: deepObjects() }), expect: invalid('client.home') },
  { name: '10 MB postcode', entry: e, make: () => withClient({ home: { ...CENTRE, postcode: hugeMarker() } }), expect: invalid('client.home.postcode') },

  // ── vocabulary lists ──
  field('unknown condition', { conditions: [MARKER] }, 'client.conditions[0]'),
  field('conditions as a string', { conditions: 'copd' }, 'client.conditions'),
  field('condition as an object', { conditions: [{ id: 'copd' }] }, 'client.conditions[0]'),
  { name: '100,000 conditions', entry: e, make: () => withClient({ conditions: Array.from({ length: 100_000 }, () => 'copd') }), expect: invalid('client.conditions') },
  {
    name: '10 MB condition',
    entry: e,
    make: () => withClient({ conditions: [hugeMarker()] }),
    expect: invalid('client.conditions[0]'),
    budgetMs: 500,
  },
  {
    name: '10 MB punctuated condition',
    entry: e,
    make: () => withClient({ conditions: [hugePunctuated()] }),
    expect: invalid('client.conditions[0]'),
    budgetMs: 500,
  },
  field('unknown need', { needs: [MARKER] }, 'client.needs[0]'),
  {
    name: '10 MB of words as a need',
    entry: e,
    make: () => withClient({ needs: [hugeWords()] }),
    expect: invalid('client.needs[0]'),
  },
  {
    name: '10 MB of words as a condition',
    entry: e,
    make: () => withClient({ conditions: [hugeWords()] }),
    expect: invalid('client.conditions[0]'),
  },
  { name: '1 MB of words as a need', entry: e, make: () => withClient({ needs: ['a '.repeat(500_000)] }), expect: invalid('client.needs[0]') },
  field('unknown loneliness answer', { loneliness: 'sometimes' }, 'client.loneliness'),

  // ── free text ──
  { name: '100,000 interests', entry: e, make: () => withClient({ interests: Array.from({ length: 100_000 }, (_, i) => `${MARKER} ${i}`) }), expect: invalid('client.interests') },
  { name: '10 MB interest', entry: e, make: () => withClient({ interests: [hugeMarker()] }), expect: invalid('client.interests[0]') },
  field('interest over 200 characters', { interests: [MARKER.repeat(12)] }, 'client.interests[0]'),
  field('empty interest', { interests: [''] }, 'client.interests[0]'),
  field('whitespace interest', { interests: ['   '] }, 'client.interests[0]'),
  { name: 'sparse interests', entry: e, make: () => withClient({ interests: [MARKER, , MARKER] }), expect: invalid('client.interests[1]') },
  { name: 'interests nested 10,000 levels', entry: e, make: () => withClient({ interests: deepArrays() }), expect: invalid('client.interests[0]') },
  field('interests as an object', { interests: { singing: true } }, 'client.interests'),
  field('interests as a string', { interests: MARKER }, 'client.interests'),
  field('avoidances as numbers', { avoid: [1, 2] }, 'client.avoid[0]', 'client.avoid[1]'),
  { name: '10 MB id', entry: e, make: () => withClient({ id: hugeMarker() }), expect: invalid('client.id') },

  // ── availability, travel, budget, access, languages, referral ──
  field('availability ending before it starts', { availability: [{ day: 'mon', start: '12:00', end: '09:00' }] }, 'client.availability[0].end'),
  field('availability of no length', { availability: [{ day: 'mon', start: '09:00', end: '09:00' }] }, 'client.availability[0].end'),
  field('availability as a string', { availability: 'mon 09:00-12:00' }, 'client.availability'),
  field('availability with an unknown day', { availability: [{ day: MARKER, start: '09:00', end: '12:00' }] }, 'client.availability[0].day'),
  { name: '101 availability windows', entry: e, make: () => withClient({ availability: Array.from({ length: 101 }, () => ({ day: 'mon', start: '09:00', end: '10:00' })) }), expect: invalid('client.availability') },
  field('travel maxKm -1', { travel: { maxKm: -1 } }, 'client.travel.maxKm'),
  field('travel maxKm NaN', { travel: { maxKm: NaN } }, 'client.travel.maxKm'),
  field('travel maxKm Infinity', { travel: { maxKm: Infinity } }, 'client.travel.maxKm'),
  field('travel maxKm as a string', { travel: { maxKm: '5' } }, 'client.travel.maxKm'),
  field('travel maxKm 501', { travel: { maxKm: 501 } }, 'client.travel.maxKm'),
  field('travel without maxKm', { travel: { mode: 'car' } }, 'client.travel.maxKm'),
  field('unknown travel mode', { travel: { maxKm: 5, mode: 'teleport' } }, 'client.travel.mode'),
  field('housebound as a string', { housebound: 'yes' }, 'client.housebound'),
  field('unknown budget', { budget: 'unlimited' }, 'client.budget'),
  field('wheelchair as 1', { accessibility: { wheelchair: 1 } }, 'client.accessibility.wheelchair'),
  field('languages as a string', { languages: 'en' }, 'client.languages'),
  field('unknown language code', { languages: [MARKER] }, 'client.languages[0]'),
  field('unknown referral route', { referredBy: 'police' }, 'client.referredBy'),

  // ── Keys ──
  field('misspelt key', { conditons: ['copd'] }, 'client'),
  field('a toJSON method', { toJSON: () => ({}) }, 'client'),
  { name: '__proto__ key (own property)', entry: e, make: () => json(`{ "age": 60, "activation": 3, "__proto__": { "polluted": true, "activation": 4 } }`), expect: invalid('client') },
  { name: 'constructor and prototype keys (own properties)', entry: e, make: () => json(`{ "age": 60, "activation": 3, "constructor": { "prototype": { "polluted": true } }, "prototype": { "polluted": true } }`), expect: invalid('client') },
  { name: '__proto__ key in home', entry: e, make: () => json(`{ "age": 60, "activation": 3, "home": { "lat": 53.4, "lon": -1.5, "__proto__": { "polluted": true } } }`), expect: invalid('client.home') },
  {
    name: 'everything wrong at once',
    entry: e,
    make: () => ({
      age: MARKER,
      activation: MARKER,
      gender: MARKER,
      home: MARKER,
      conditions: [MARKER, MARKER],
      needs: [MARKER],
      loneliness: MARKER,
      interests: [MARKER.repeat(20)],
      avoid: MARKER,
      availability: [{ day: MARKER, start: MARKER, end: MARKER }],
      travel: { maxKm: MARKER, mode: MARKER },
      housebound: MARKER,
      budget: MARKER,
      accessibility: { wheelchair: MARKER },
      languages: [MARKER],
      referredBy: MARKER,
    }),
    expect: invalid('client.age', 'client.activation', 'client.conditions[1]', 'client.availability[0].end', 'client.referredBy'),
  },

  // ── Objects that fight back ──
  { name: 'a getter that throws', entry: e, make: () => throwingGetter(withClient({}), 'activation'), expect: invalid('client.activation') },
  { name: 'a getter that throws in home', entry: e, make: () => withClient({ home: throwingGetter({ lat: 53.4 }, 'lon') }), expect: invalid('client.home.lon') },
  { name: 'a proxy whose ownKeys trap throws', entry: e, make: () => keysThrow(withClient({})), expect: invalid('client') },
];
