// Strict catalogue loading: createMatcher(input) and parseCatalogue(input).
import { activity } from '../../helpers.js';
import {
  baseActivity,
  catalogue,
  deepArrays,
  deepFreeze,
  deepObjects,
  hugeMarker,
  hugePunctuated,
  hugeWords,
  json,
  MARKER,
  revokedProxy,
  throwingGetter,
  withActivity,
} from '../corpus.js';
import type { BadInputCase } from '../corpus.js';

const e = 'catalogue' as const;
const invalid = (...paths: string[]) => ({ code: 'INVALID_CATALOGUE' as const, paths });
const field = (name: string, value: unknown, ...paths: string[]): BadInputCase => ({
  name,
  entry: e,
  make: () => withActivity(value as Record<string, unknown>),
  expect: invalid(...paths),
});

export const cases: BadInputCase[] = [
  // ── Not a catalogue at all ──
  { name: 'an object instead of an array', entry: e, input: { a1: activity('a1') }, expect: invalid('activities') },
  { name: 'a string', entry: e, input: MARKER, expect: invalid('activities') },
  { name: 'null', entry: e, input: null, expect: invalid('activities') },
  { name: 'undefined', entry: e, input: undefined, expect: invalid('activities') },
  { name: 'NaN', entry: e, input: NaN, expect: invalid('activities') },
  { name: 'a bigint', entry: e, input: 10n, expect: invalid('activities') },
  { name: 'a symbol', entry: e, input: Symbol(MARKER), expect: invalid('activities') },
  { name: 'a function returning activities', entry: e, input: () => catalogue(), expect: invalid('activities') },
  { name: 'a Map of activities', entry: e, make: () => new Map([['a1', activity('a1')]]), expect: invalid('activities') },
  { name: 'a Set of activities', entry: e, make: () => new Set([activity('a1')]), expect: invalid('activities') },
  { name: 'an array-like object', entry: e, make: () => ({ length: 1, 0: activity('a1') }), expect: invalid('activities') },
  { name: 'a typed array', entry: e, make: () => new Uint8Array(4), expect: invalid('activities') },
  { name: 'a revoked proxy', entry: e, make: revokedProxy, expect: invalid('activities') },

  // ── Valid, and valid at the edges ──
  { name: 'an empty catalogue', entry: e, input: [], expect: 'ok' },
  { name: 'the baseline catalogue', entry: e, make: catalogue, expect: 'ok' },
  { name: 'a deeply frozen catalogue', entry: e, make: () => deepFreeze(catalogue()), expect: 'ok' },
  { name: 'activities with null prototypes', entry: e, make: () => catalogue().map((a) => Object.assign(Object.create(null) as object, a)), expect: 'ok' },
  {
    name: 'activities as class instances',
    entry: e,
    make: () => {
      class Record {
        constructor(source: object) {
          Object.assign(this, source);
        }
      }
      return catalogue().map((a) => new Record(a));
    },
    expect: 'ok',
  },
  {
    name: 'values at the edge of every range',
    entry: e,
    make: () => [
      activity('pole', { location: { kind: 'venue', lat: 90, lon: 180 }, eligibility: { minAge: 0, maxAge: 0 } }),
      activity('antipode', { location: { kind: 'venue', lat: -90, lon: -180 }, eligibility: { minAge: 130, maxAge: 130 } }),
      activity('pricey', { cost: { level: 'paid', amountGBP: 100000, per: 'year', freePeriod: { weeks: 520, sessionsPerWeek: 14 } }, programme: { weeks: 520 } }),
      activity('all-day', { sessions: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, start: '00:00', end: '23:59' })) as never }),
      activity('kiritimati', { timeZone: 'Pacific/Kiritimati', sessions: [{ day: 'sun', start: '23:00', end: '23:59' }] }),
      activity('gmt12', { timeZone: 'Etc/GMT+12', sessions: [{ day: 'mon', start: '00:00', end: '00:01' }] }),
      activity('lower-zone', { timeZone: 'europe/london' }),
      activity('id-200'.padEnd(200, 'x'), { name: 'n'.repeat(300), description: 'd'.repeat(20000), tags: Array.from({ length: 100 }, (_, i) => `tag ${i}`) }),
      activity('spaces', { name: '  padded  ', tags: ['  Bee Keeping  ', 'BEEKEEPING', 'bee-keeping'] }),
      activity('future-verified', { lastVerified: '2999-12-31' }),
      activity('old-verified', { lastVerified: '1900-01-01' }),
      activity('leap', { lastVerified: '2024-02-29' }),
    ],
    expect: 'ok',
  },
  {
    name: '2,000 valid activities',
    entry: e,
    make: () => Array.from({ length: 2_000 }, (_, i) => activity(`bulk-${i}`, { tags: ['walking'] })),
    expect: 'ok',
  },

  // ── Duplicate ids ──
  { name: 'duplicate ids', entry: e, make: () => [activity('a1'), activity('a1')], expect: { code: 'DUPLICATE_ID', paths: ['activities[1].id'] } },
  { name: 'ids duplicate after trimming', entry: e, make: () => [activity('a1'), activity('  a1  ')], expect: { code: 'DUPLICATE_ID', paths: ['activities[1].id'] } },
  { name: 'three copies of one id', entry: e, make: () => [activity('a1'), activity('a1'), activity('a1')], expect: { code: 'DUPLICATE_ID', paths: ['activities[1].id', 'activities[2].id'] } },
  {
    name: 'the same object twice',
    entry: e,
    make: () => {
      const a = activity('a1');
      return [a, a];
    },
    expect: { code: 'DUPLICATE_ID', paths: ['activities[1].id'] },
  },
  { name: 'a duplicate and an invalid record', entry: e, make: () => [activity('a1'), activity('a1'), { id: 'a3' }], expect: invalid('activities[1].id', 'activities[2].name') },
  { name: 'ids differing only in case are distinct', entry: e, make: () => [activity('a1'), activity('A1')], expect: 'ok' },

  // ── Records that are not activities ──
  {
    name: 'an array containing itself',
    entry: e,
    make: () => {
      const list: unknown[] = [activity('a1')];
      list.push(list);
      return list;
    },
    expect: invalid('activities[1]'),
  },
  { name: 'a sparse array', entry: e, make: () => [activity('a1'), , activity('a3')], expect: invalid('activities[1]') },
  // Longer than any catalogue may be (2^24 records): refused before a record is read, by
  // parseCatalogue as by createMatcher, rather than reporting every hole for minutes.
  { name: 'a sparse array of 2^24 + 1 holes', entry: e, make: () => new Array(2 ** 24 + 1), expect: invalid('activities') },
  { name: 'null records', entry: e, input: [null, null], expect: invalid('activities[0]', 'activities[1]') },
  { name: 'a string record', entry: e, input: [MARKER], expect: invalid('activities[0]') },
  { name: 'an array record', entry: e, make: () => [[activity('a1')]], expect: invalid('activities[0]') },
  { name: 'a Date record', entry: e, make: () => [new Date()], expect: invalid('activities[0].id') },
  { name: 'an empty object record', entry: e, input: [{}], expect: invalid('activities[0].id', 'activities[0].name', 'activities[0].category', 'activities[0].location') },
  { name: '10,000 number records', entry: e, make: () => Array.from({ length: 10_000 }, (_, i) => i), expect: invalid('activities[0]', 'activities[9999]') },

  // ── id and name ──
  field('empty id', { id: '' }, 'activities[0].id'),
  field('whitespace id', { id: '   \t\n ' }, 'activities[0].id'),
  field('numeric id', { id: 12 }, 'activities[0].id'),
  field('symbol id', { id: Symbol(MARKER) }, 'activities[0].id'),
  field('id over 200 characters', { id: `${MARKER}`.repeat(20) }, 'activities[0].id'),
  { name: '10 MB id', entry: e, make: () => withActivity({ id: hugeMarker() }), expect: invalid('activities[0].id') },
  field('missing name', { name: undefined }, 'activities[0].name'),
  field('name as a function', { name: () => MARKER }, 'activities[0].name'),
  field('name as a boxed string', { name: new String(MARKER) }, 'activities[0].name'),
  { name: '10 MB description', entry: e, make: () => withActivity({ description: hugeMarker() }), expect: invalid('activities[0].description') },
  { name: 'description of 10,000 nested arrays', entry: e, make: () => withActivity({ description: deepArrays() }), expect: invalid('activities[0].description') },

  // ── category and tags ──
  field('unknown category', { category: MARKER }, 'activities[0].category'),
  field('category as a number', { category: 3 }, 'activities[0].category'),
  field('category as an array', { category: ['social'] }, 'activities[0].category'),
  { name: '10 MB category', entry: e, make: () => withActivity({ category: hugeMarker() }), expect: invalid('activities[0].category'), budgetMs: 500 },
  { name: '10 MB punctuated category', entry: e, make: () => withActivity({ category: hugePunctuated() }), expect: invalid('activities[0].category'), budgetMs: 500 },
  { name: '10 MB of words as a category', entry: e, make: () => withActivity({ category: hugeWords() }), expect: invalid('activities[0].category') },
  { name: '10 MB of words as a designed-for condition', entry: e, make: () => withActivity({ conditions: { designedFor: [hugeWords()] } }), expect: invalid('activities[0].conditions.designedFor[0]') },
  field('tags as a string', { tags: 'walking' }, 'activities[0].tags'),
  field('tags as an object', { tags: { 0: 'walking' } }, 'activities[0].tags'),
  field('tag with no letters or digits', { tags: ['!!!'] }, 'activities[0].tags[0]'),
  field('empty tag', { tags: [''] }, 'activities[0].tags[0]'),
  field('tag as null', { tags: [null] }, 'activities[0].tags[0]'),
  { name: '100,000 tags', entry: e, make: () => withActivity({ tags: Array.from({ length: 100_000 }, (_, i) => `tag ${i}`) }), expect: invalid('activities[0].tags') },
  { name: 'sparse tags', entry: e, make: () => withActivity({ tags: ['walking', , 'singing'] }), expect: invalid('activities[0].tags[1]') },

  // ── location ──
  field('missing location', { location: undefined }, 'activities[0].location'),
  field('unknown location kind', { location: { kind: MARKER } }, 'activities[0].location.kind'),
  field('location as a string', { location: MARKER }, 'activities[0].location'),
  field('location as an array', { location: [53.38, -1.47] }, 'activities[0].location'),
  field('latitude 200', { location: { kind: 'venue', lat: 200, lon: -1.47 } }, 'activities[0].location.lat'),
  field('longitude -181', { location: { kind: 'venue', lat: 53.38, lon: -181 } }, 'activities[0].location.lon'),
  field('NaN latitude and Infinity longitude', { location: { kind: 'venue', lat: NaN, lon: Infinity } }, 'activities[0].location.lat', 'activities[0].location.lon'),
  field('-Infinity latitude', { location: { kind: 'venue', lat: -Infinity, lon: 0 } }, 'activities[0].location.lat'),
  field('latitude as a string', { location: { kind: 'venue', lat: '53.38', lon: -1.47 } }, 'activities[0].location.lat'),
  field('latitude as a bigint', { location: { kind: 'venue', lat: 53n, lon: -1.47 } }, 'activities[0].location.lat'),
  field('venue with a latitude but no longitude', { location: { kind: 'venue', lat: 53.38 } }, 'activities[0].location.lon'),
  field('venue whose area is a circle', { location: { kind: 'venue', lat: 53.38, lon: -1.47, area: { lat: 53.38, lon: -1.47, radiusKm: 5 } } }, 'activities[0].location.area'),
  field('service area with a centre but no radius', { location: { kind: 'home', area: { lat: 53.38, lon: -1.47 } } }, 'activities[0].location.area.radiusKm'),
  field('service area with nothing in it', { location: { kind: 'online', area: {} } }, 'activities[0].location.area'),
  field('postcode district that is not one', { location: { kind: 'phone', area: { postcodeDistricts: ['Bristol'] } } }, 'activities[0].location.area.postcodeDistricts[0]'),
  field('home location with coordinates', { location: { kind: 'home', lat: 53.38, lon: -1.47 } }, 'activities[0].location'),
  field('venue name of 10,000 nested objects', { location: { kind: 'venue', lat: 53.38, lon: -1.47, venue: deepObjects() } }, 'activities[0].location.venue'),
  {
    name: 'location that is the activity itself',
    entry: e,
    make: () => {
      const a = baseActivity();
      a['location'] = a;
      return [a];
    },
    expect: invalid('activities[0].location.kind'),
  },

  // ── sessions and time zone ──
  field('session ending before it starts', { sessions: [{ day: 'mon', start: '11:00', end: '10:00' }] }, 'activities[0].sessions[0].end'),
  field('session of no length', { sessions: [{ day: 'mon', start: '10:00', end: '10:00' }] }, 'activities[0].sessions[0].end'),
  field('session starting at 24:00', { sessions: [{ day: 'mon', start: '24:00', end: '24:30' }] }, 'activities[0].sessions[0].start', 'activities[0].sessions[0].end'),
  field('session time without a leading zero', { sessions: [{ day: 'mon', start: '9:00', end: '10:00' }] }, 'activities[0].sessions[0].start'),
  field('session on an unknown day', { sessions: [{ day: 'monday', start: '09:00', end: '10:00' }] }, 'activities[0].sessions[0].day'),
  field('session times as Dates', { sessions: [{ day: 'mon', start: new Date(0), end: new Date(3600_000) }] }, 'activities[0].sessions[0].start', 'activities[0].sessions[0].end'),
  field('sessions as an object', { sessions: { day: 'mon', start: '09:00', end: '10:00' } }, 'activities[0].sessions'),
  { name: '100,000 sessions', entry: e, make: () => withActivity({ sessions: Array.from({ length: 100_000 }, () => ({ day: 'mon', start: '09:00', end: '10:00' })) }), expect: invalid('activities[0].sessions') },
  field('unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'activities[0].timeZone'),
  field('empty time zone', { timeZone: '' }, 'activities[0].timeZone'),
  field('UTC offset as a time zone', { timeZone: '+01:00' }, 'activities[0].timeZone'),
  { name: '10 MB time zone', entry: e, make: () => withActivity({ timeZone: hugeMarker() }), expect: invalid('activities[0].timeZone') },

  // ── programme, intensity, group, support ──
  field('programme of 0 weeks', { programme: { weeks: 0 } }, 'activities[0].programme.weeks'),
  field('programme of 2.5 weeks', { programme: { weeks: 2.5 } }, 'activities[0].programme.weeks'),
  field('programme as a number', { programme: 10 }, 'activities[0].programme'),
  field('unknown intensity', { intensity: 'extreme' }, 'activities[0].intensity'),
  field('group size as a number', { groupSize: 5 }, 'activities[0].groupSize'),
  field('supported as a string', { supported: 'yes' }, 'activities[0].supported'),

  // ── cost ──
  field('unknown cost level', { cost: { level: 'cheap' } }, 'activities[0].cost.level'),
  field('negative amount', { cost: { level: 'low', amountGBP: -1 } }, 'activities[0].cost.amountGBP'),
  field('NaN amount', { cost: { level: 'low', amountGBP: NaN } }, 'activities[0].cost.amountGBP'),
  field('Infinity amount', { cost: { level: 'paid', amountGBP: Infinity } }, 'activities[0].cost.amountGBP'),
  field('amount as a string', { cost: { level: 'paid', amountGBP: '12' } }, 'activities[0].cost.amountGBP'),
  field('free period of 0 weeks', { cost: { level: 'paid', freePeriod: { weeks: 0 } } }, 'activities[0].cost.freePeriod.weeks'),
  field('cost as a string', { cost: 'free' }, 'activities[0].cost'),

  // ── eligibility ──
  field('minAge above maxAge', { eligibility: { minAge: 50, maxAge: 40 } }, 'activities[0].eligibility.maxAge'),
  field('negative minAge', { eligibility: { minAge: -1 } }, 'activities[0].eligibility.minAge'),
  field('maxAge 131', { eligibility: { maxAge: 131 } }, 'activities[0].eligibility.maxAge'),
  field('fractional minAge', { eligibility: { minAge: 2.5 } }, 'activities[0].eligibility.minAge'),
  field('empty genders', { eligibility: { genders: [] } }, 'activities[0].eligibility.genders'),
  field('unknown gender', { eligibility: { genders: [MARKER] } }, 'activities[0].eligibility.genders[0]'),
  field('referral routes as a string', { eligibility: { referralRoutes: 'gp' } }, 'activities[0].eligibility.referralRoutes'),
  field('eligibility as an array', { eligibility: [] }, 'activities[0].eligibility'),

  // ── conditions, needs, accessibility, languages, dates, url ──
  field('unknown condition', { conditions: { designedFor: [MARKER] } }, 'activities[0].conditions.designedFor[0]'),
  field('conditions as an array', { conditions: ['copd'] }, 'activities[0].conditions'),
  field('unknown need', { needs: [MARKER] }, 'activities[0].needs[0]'),
  field('wheelchair as a string', { accessibility: { wheelchair: 'true' } }, 'activities[0].accessibility.wheelchair'),
  field('languages as a string', { languages: 'en' }, 'activities[0].languages'),
  field('language as a word', { languages: ['english'] }, 'activities[0].languages[0]'),
  field('2026-02-30', { lastVerified: '2026-02-30' }, 'activities[0].lastVerified'),
  field('lastVerified as a Date', { lastVerified: new Date('2026-01-01') }, 'activities[0].lastVerified'),
  field('lastVerified without zero padding', { lastVerified: '2026-1-5' }, 'activities[0].lastVerified'),
  field('lastVerified as a timestamp', { lastVerified: 1767225600000 }, 'activities[0].lastVerified'),
  field('url over 2000 characters', { url: `https://example.org/${'x'.repeat(2000)}` }, 'activities[0].url'),

  // ── Keys ──
  field('misspelt key', { catgory: 'social', category: undefined }, 'activities[0]', 'activities[0].category'),
  { name: '__proto__ key (own property)', entry: e, make: () => [json(`{ "id": "p1", "name": "P", "category": "social", "location": { "kind": "online" }, "__proto__": { "polluted": true } }`)], expect: invalid('activities[0]') },
  {
    name: 'constructor.prototype keys (own properties)',
    entry: e,
    make: () => [json(`{ "id": "p1", "name": "P", "category": "social", "location": { "kind": "online" }, "constructor": { "prototype": { "polluted": true } }, "prototype": { "polluted": true } }`)],
    expect: invalid('activities[0]'),
  },
  {
    name: '__proto__ key inside a nested object',
    entry: e,
    make: () => [json(`{ "id": "p1", "name": "P", "category": "social", "location": { "kind": "online", "__proto__": { "polluted": true } }, "cost": { "level": "free", "__proto__": { "polluted": true } } }`)],
    expect: invalid('activities[0].location', 'activities[0].cost'),
  },

  // ── Objects that fight back ──
  { name: 'a getter that throws', entry: e, make: () => [activity('a1'), throwingGetter(baseActivity(), 'name')], expect: invalid('activities[1].name') },
  { name: 'a revoked proxy record', entry: e, make: () => [activity('a1'), revokedProxy()], expect: invalid('activities[1]') },
];
