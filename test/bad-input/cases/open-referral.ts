// Open Referral documents: fromOpenReferral lenient (every bad service reported, never a
// throw once the document has a shape), strict (INVALID_CATALOGUE at the first service with a
// problem) and runImportCommand (one stderr line per record, never a throw).
//
// Lenient outcomes follow the importer's contract: a service (or one of its places) that gives
// no activity is in `rejected` (`paths`); one that gives an activity with fields partly mapped,
// dropped or defaulted is in `warnings` (`warned`); one that is not running is `skipped`.
import sheffield from '../../../fixtures/open-referral/uk-feeds/sheffield-v3-page-1.json';
import { deepArrays, deepFreeze, deepObjects, hugeMarker, json, MARKER, orLocation, orService, pageAround, revokedProxy, throwingGetter, v3Page } from '../corpus.js';
import type { BadInputCase, Outcome } from '../corpus.js';

const e = 'open-referral' as const;
const shape = (path: string) => ({ code: 'INVALID_CATALOGUE' as const, paths: [path] });
/** A page of three clean services whose middle one (`s2`, at `contents[1]`) has `overrides`. */
const middle = (name: string, overrides: Record<string, unknown>, expect: Outcome | readonly Outcome[], extra: Partial<BadInputCase> = {}): BadInputCase => ({ name, entry: e, make: () => pageAround(overrides), expect, ...extra });
const S2 = 'contents[1]';
const rejected = (...paths: string[]) => ({ rejected: 1, indices: [1], paths: paths.map((p) => `${S2}.${p}`) });
const warned = (...paths: string[]) => ({ rejected: 0, warnings: 1, warned: paths.map((p) => (p === '' ? S2 : `${S2}.${p}`)) });
const schedule = (row: Record<string, unknown>) => ({ schedules: [{ id: 'sch', freq: 'WEEKLY', byday: 'TU', opens_at: '10:00:00Z', closes_at: '11:00:00Z', ...row }] });
const locations = (n: number, id: (i: number) => string) => ({ service_at_locations: Array.from({ length: n }, (_, i) => ({ id: `sal-${i}`, location: orLocation(id(i), { latitude: 53 + i / 100_000 }) })) });

export const cases: BadInputCase[] = [
  // ── No recognisable shape: the only throw in lenient mode ──
  { name: 'a number', entry: e, input: 5, expect: shape('(root)') },
  { name: 'null', entry: e, input: null, expect: shape('(root)') },
  { name: 'a string', entry: e, input: MARKER, expect: shape('(root)') },
  { name: 'an empty object', entry: e, input: {}, expect: shape('(root)') },
  { name: 'a UK v3 page whose contents is an object', entry: e, make: () => ({ total_items: 1, page_number: 1, total_pages: 1, contents: { 0: orService('s1') } }), expect: shape('contents') },
  { name: 'a UK v3 page whose contents is null', entry: e, input: { total_items: 0, contents: null }, expect: shape('contents') },
  { name: 'a UK v3 page whose contents is a string', entry: e, input: { total_items: 1, contents: MARKER }, expect: shape('contents') },
  { name: 'a UK v1 page with content null', entry: e, input: { totalElements: 3, number: 0, content: null }, expect: shape('content') },
  { name: 'a location instead of a service', entry: e, make: () => orLocation('loc-1'), expect: shape('location_type') },
  { name: 'a revoked proxy', entry: e, make: revokedProxy, expect: shape('(root)') },
  { name: 'contents behind a getter that throws', entry: e, make: () => throwingGetter({ total_items: 1 }, 'contents'), expect: shape('contents') },

  // ── Valid ──
  { name: 'a clean UK v3 page', entry: e, make: () => v3Page([orService('s1'), orService('s2'), orService('s3')]), expect: { rejected: 0 } },
  { name: 'an empty UK v3 page', entry: e, make: () => v3Page([]), expect: { rejected: 0 } },
  { name: 'a clean UK v1 page', entry: e, make: () => ({ totalElements: 2, totalPages: 1, number: 0, content: [orService('s1'), orService('s2')] }), expect: { rejected: 0 } },
  { name: 'a plain array of services', entry: e, make: () => [orService('s1'), orService('s2')], expect: { rejected: 0 } },
  { name: '{ services: [...] }', entry: e, make: () => ({ services: [orService('s1')] }), expect: { rejected: 0 } },
  { name: 'one nested service', entry: e, make: () => orService('s1'), expect: { rejected: 0 } },
  { name: 'a service_at_location with its service', entry: e, make: () => ({ id: 'sal-1', service: orService('s1', { service_at_locations: undefined }), location: orLocation('loc-1') }), expect: { rejected: 0 } },
  { name: 'a deeply frozen page', entry: e, make: () => deepFreeze(pageAround({})), expect: { rejected: 0 } },
  { name: 'services with null prototypes', entry: e, make: () => v3Page([Object.assign(Object.create(null) as object, orService('s1'))]), expect: { rejected: 0 } },
  {
    name: 'the Sheffield fixture page',
    entry: e,
    make: () => structuredClone(sheffield),
    expect: { rejected: 2, indices: [7, 8], paths: ['contents[7].name', 'contents[7].status', 'contents[8]'], warnings: 2, warned: ['contents[2].service_at_locations[0].schedules[1].opens_at', 'contents[9].service_at_locations[1].location.location_type'], skipped: 2 },
  },
  middle('status inactive', { status: 'inactive' }, { rejected: 0, skipped: 1 }),
  middle('status Temporarily_Closed', { status: 'Temporarily_Closed' }, { rejected: 0, skipped: 1 }),
  middle('HTML with <script> in the name and description', { name: '<b>Chair</b> yoga<script>alert(1)</script>', description: `<script type="text/javascript">document.write("${MARKER}")</script><style>p{}</style><!-- ${MARKER} --><p onclick="x()">Gentle yoga</p>` }, { rejected: 0 }),
  middle('entities and stray angle brackets', { name: 'Tea &amp; talk &#x1F600; &bogus; <3 &#0;', description: 'a < b > c, I &lt;3 tea, 5 &gt; 3' }, { rejected: 0 }),

  // ── Whole services that give no activity ──
  middle('a location id alone', { service_at_locations: [{ id: 'sal', location_id: 'loc-x' }] }, rejected('service_at_locations[0].location')),
  middle('status "zombie"', { status: 'zombie' }, rejected('status')),
  middle('status carrying the marker', { status: MARKER }, rejected('status')),
  middle('no id', { id: undefined }, { rejected: 1, indices: [1], paths: [`${S2}.id`] }),
  middle('an id of 151 characters', { id: 'x'.repeat(151) }, { rejected: 1, indices: [1], paths: [`${S2}.id`] }),
  middle('a name of only markup', { name: '<p> </p>' }, rejected('name')),
  middle('every field junk', { id: {}, name: [], status: 7, description: {}, cost_options: 5, schedules: 'x', service_at_locations: 1, attributes: null }, { rejected: 1, indices: [1], paths: [`${S2}.id`, `${S2}.name`] }),
  { name: 'a duplicate service', entry: e, make: () => v3Page([orService('s1'), orService('s2'), orService('s1')]), expect: { rejected: 1, indices: [2], paths: ['contents[2].id'] } },
  { name: 'junk of every type as services', entry: e, make: () => v3Page([orService('s1'), null, 5, MARKER, [], true, orService('s6')]), expect: { rejected: 5, indices: [1, 2, 3, 4, 5], paths: ['contents[1]', 'contents[2]', 'contents[3]', 'contents[4]', 'contents[5]'] } },
  {
    name: 'a sparse list of services',
    entry: e,
    make: () => v3Page([orService('s1'), , orService('s3')]),
    expect: { rejected: 1, indices: [1], paths: ['contents[1]'] },
  },
  { name: 'a sparse array as the document', entry: e, make: () => [, orService('s2')], expect: { rejected: 1, indices: [0], paths: ['[0]'] } },
  { name: '20,000 number services', entry: e, make: () => v3Page(Array.from({ length: 20_000 }, (_, i) => i)), expect: { rejected: 20_000, paths: ['contents[0]', 'contents[19999]'] } },
  { name: 'a service nested 10,000 levels deep', entry: e, make: () => v3Page([orService('s1'), deepArrays()]), expect: { rejected: 1, indices: [1], paths: ['contents[1]'] } },
  {
    name: 'a page containing itself',
    entry: e,
    make: () => {
      const list: unknown[] = [orService('s1')];
      const page = v3Page(list);
      list.push(page);
      return page;
    },
    expect: { rejected: 1, indices: [1], paths: ['contents[1].id', 'contents[1].name'] },
  },
  middle('junk service_at_locations', { service_at_locations: [null, 5, MARKER] }, { rejected: 4, indices: [1, 1, 1, 1], paths: [0, 1, 2].map((k) => `${S2}.service_at_locations[${k}]`).concat(`${S2}.service_at_locations`) }),

  // ── Services that give an activity, with warnings ──
  // Coordinates that cannot be used: the venue is kept with its position unknown (no geocoding is done).
  middle('latitude 200', { service_at_locations: [{ id: 'sal', location: orLocation('loc-x', { latitude: 200 }) }] }, warned('service_at_locations[0].location.latitude')),
  middle('longitude "far"', { service_at_locations: [{ id: 'sal', location: orLocation('loc-x', { longitude: 'far' }) }] }, warned('service_at_locations[0].location.longitude')),
  middle('latitude and longitude 0 (null island)', { service_at_locations: [{ id: 'sal', location: orLocation('loc-x', { latitude: 0, longitude: 0 }) }] }, warned('service_at_locations[0].location.latitude')),
  middle('latitude NaN', { service_at_locations: [{ id: 'sal', location: orLocation('loc-x', { latitude: NaN }) }] }, warned('service_at_locations[0].location.latitude')),
  middle('minimum_age "ten"', { minimum_age: 'ten' }, warned('minimum_age')),
  middle('minimum_age 200', { minimum_age: 200 }, warned('minimum_age')),
  middle('a minimum age above the maximum', { minimum_age: 60, maximum_age: 18 }, warned('maximum_age')),
  middle('opens_at 25:00', schedule({ opens_at: '25:00' }), warned('schedules[0].opens_at', 'schedules[0]')),
  middle('closes_at before opens_at', schedule({ opens_at: '12:00', closes_at: '10:00' }), warned('schedules[0].closes_at', 'schedules[0]')),
  middle('byday XX and interval 0', schedule({ byday: 'XX', interval: 0 }), warned('schedules[0].byday[0]', 'schedules[0].interval', 'schedules[0]')),
  middle('byweekno (unsupported), with a description kept', schedule({ byweekno: '1,3', description: 'Weeks 1 and 3' }), warned('schedules[0].byweekno', 'schedules[0]')),
  middle('count and until together', schedule({ dtstart: '2026-01-06', count: 10, until: '2026-12-31' }), warned('schedules[0].count', 'schedules[0]')),
  middle('a schedule that is not an object', { schedules: [MARKER] }, warned('schedules[0]')),
  middle('200 schedules', { schedules: Array.from({ length: 200 }, (_, i) => ({ id: `sch-${i}`, freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:00' })) }, warned('schedules')),
  middle('cost amount -5', { cost_options: [{ id: 'c', amount: -5 }] }, warned('cost_options[0].amount')),
  middle('cost amount "free"', { cost_options: [{ id: 'c', amount: 'free' }] }, warned('cost_options[0].amount')),
  middle('cost amount 1e9', { cost_options: [{ id: 'c', amount: 1e9 }] }, warned('cost_options[0].amount')),
  middle('cost in another currency', { cost_options: [{ id: 'c', amount: 3, currency: 'EUR' }] }, warned('cost_options[0].currency')),
  middle('cost amount NaN, true and {}', { cost_options: [{ id: 'c1', amount: NaN }, { id: 'c2', amount: true }, { id: 'c3', amount: {} }] }, warned('cost_options[0].amount', 'cost_options[1].amount', 'cost_options[2].amount')),
  middle('status missing', { status: undefined }, warned('status')),
  middle('assured_date 2026-02-30', { assured_date: '2026-02-30' }, warned('assured_date')),
  middle('location_type "spaceship"', { service_at_locations: [{ id: 'sal', location: orLocation('loc-x', { location_type: 'spaceship' }) }] }, warned('service_at_locations[0].location.location_type')),
  middle('no taxonomy and no cue in the words', { name: 'Tuesdays', description: MARKER, attributes: [] }, warned('')),
  { name: 'a 10 MB description', entry: e, make: () => pageAround({ description: hugeMarker() }), expect: warned('description') },
  { name: 'a 10 MB name', entry: e, make: () => pageAround({ name: hugeMarker() }), expect: warned('name') },
  {
    name: 'a schedule row with a vendor field named constructor',
    entry: e,
    make: () => pageAround(schedule({ constructor: 'vendor' })),
    expect: { rejected: 0 },
  },
  {
    name: 'a schedule row with an own __proto__ key',
    entry: e,
    make: () => pageAround({ schedules: [json(`{ "id": "sch", "freq": "WEEKLY", "byday": "TU", "opens_at": "10:00", "closes_at": "11:00", "__proto__": { "polluted": true } }`)] }),
    expect: { rejected: 0 },
  },
  {
    name: 'a root service with no category cue names the root',
    entry: e,
    make: () => orService('s1', { name: 'Tuesdays', description: MARKER, attributes: [] }),
    expect: { rejected: 0, warnings: 1, warned: ['(root)'] },
  },

  // ── Vendor fields, nesting, cycles, size ──
  { name: 'vendor fields with __proto__ (own properties)', entry: e, make: () => v3Page([json(`{ "id": "s1", "name": "Chair yoga", "status": "active", "__proto__": { "polluted": true }, "pc_metadata": { "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } } }, "attributes": [{ "taxonomy_term": { "name": "Physical activity", "__proto__": { "polluted": true } } }], "service_at_locations": [{ "id": "sal", "__proto__": { "polluted": true }, "location": { "id": "loc", "latitude": 53.38, "longitude": -1.47, "__proto__": { "polluted": true } } }] }`)]), expect: { rejected: 0 } },
  middle('a vendor field nested 10,000 levels deep', { pc_metadata: deepObjects() }, { rejected: 0 }),
  middle('a description of 10,000 nested arrays', { description: deepArrays() }, { rejected: 0 }),
  {
    name: 'cyclic references in vendor fields and children',
    entry: e,
    make: () => {
      const s = orService('s2');
      s['organization'] = { id: 'org', name: 'Heeley Trust', parent: s };
      const sal = (s['service_at_locations'] as Record<string, unknown>[])[0] as Record<string, unknown>;
      (sal['location'] as Record<string, unknown>)['service'] = s;
      s['self'] = s;
      return v3Page([orService('s1'), s]);
    },
    expect: { rejected: 0 },
  },
  middle('a service at 10,000 locations', locations(10_000, (i) => `loc-${i}`), { rejected: 0 }, { budgetMs: 3000 }),

  // ── Text read for timetables, prices, ages, genders, places and modes (issue #17): megabytes, junk profile fields ──
  ...(
    [
      ['day lists', 'Monday, Tuesday and '],
      ['ordinals', 'first and third Monday of the month '],
      ['times and dashes', '10-12-2pm-4.30 '],
      ['"every other"', 'every other '],
      ['dates', 'Saturday 12 December 2026 at 7pm '],
      ['money', '£1 £2.50 GBP3 50p suggested donation '],
      ['ages', 'aged 11-16 over 50s 18+ '],
      ['gender words', 'for men and women only for '],
      ['commas before postcodes', 'A, B, BS34 5PE, '],
      ['contact and mode phrases', 'call us to book by phone, online course on zoom, visits you at home '],
    ] as const
  ).map(([what, unit]) =>
    middle(
      `10 MB of ${what} in a description, no locations`,
      { service_at_locations: undefined, schedules: undefined, cost_options: undefined, description: unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length)), service_areas: [{ id: 'sa', name: 'Bristol' }] },
      // Nothing but dated sessions: a one-off event, skipped.
      what === 'dates' ? { rejected: 0, skipped: 1 } : warned('description'),
    ),
  ),
  middle('no locations: area, attending type, text times, price and postcode', { service_at_locations: undefined, schedules: undefined, cost_options: undefined, attending_type: 'Venue, Phone', service_areas: [{ id: 'sa', name: 'Bristol' }], description: `Drop in at Patchway Community Centre, BS34 5PE. Thursdays 1.30pm – 3.30pm. £2 a session. ${MARKER}` }, { rejected: 0 }),
  middle('no locations and nothing says where, when or how', { service_at_locations: undefined, schedules: undefined, attributes: undefined, description: 'A friendly group.' }, rejected('service_at_locations')),
  middle('not a service: a job vacancy', { service_at_locations: undefined, schedules: undefined, description: `We are recruiting. Closing date 15 January 2027. ${MARKER}` }, { rejected: 0, skipped: 1 }),
  middle('pc_targetAudience and service_areas of every type', { pc_targetAudience: [null, 5, MARKER, { audienceType: {} }, { audienceType: 'x'.repeat(300) }, { audienceType: 'Older people' }, [[]]], service_areas: [null, 7, { name: 'y'.repeat(200) }, { name: MARKER }, 'BS34'] }, warned('pc_targetAudience[0]', 'pc_targetAudience[2]', 'service_areas[0]', 'service_areas[2]')),
  middle('profile fields that are not text', { attending_type: { type: 'Venue' }, attending_access: [7, null], deliverable_type: 5, pc_attendingAccess_additionalInfo: {}, pc_targetAudience: 'Men', service_areas: 'Bristol' }, { rejected: 0 }),
  middle('20,000 audience tags and service areas', { pc_targetAudience: Array.from({ length: 20_000 }, (_, i) => ({ audienceType: `Tag ${i}`, id: `t${i}` })), service_areas: Array.from({ length: 20_000 }, (_, i) => ({ id: `a${i}`, name: `Area ${i}` })) }, warned('service_areas')),
  middle('an attending type of 10,000 terms', { attending_type: Array.from({ length: 10_000 }, () => 'Venue, Phone, Online, Home visit') }, { rejected: 0 }),
  middle('2,000 locations with one id', locations(2_000, () => 'loc-same'), { rejected: 1_999, paths: [`${S2}.id`] }),
  // Issue #21: text is bounded before any fuzzy work, and the result says what was cut.
  middle('a taxonomy term of 1 MB', { attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: `Physical activity ${'x'.repeat(1024 * 1024)}` } }] }, warned(''), { budgetMs: 3000 }),
  middle('an organisation name of 1 MB of words', { organization: { id: 'o1', name: 'Breathe Sheffield '.repeat(60_000) } }, warned('organization.name'), { budgetMs: 3000 }),
  middle(
    'a description of 100,000 "<p" with no ">"',
    { description: '<p'.repeat(100_000) },
    warned('description'),
    { budgetMs: 3000 },
  ),
];
