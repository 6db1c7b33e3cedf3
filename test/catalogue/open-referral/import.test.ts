import { describe, expect, it } from 'vitest';
import { errorOf } from '../../helpers.js';
import { ActivitySchema, createMatcher } from '../../../src/index.js';
import { fromOpenReferral, ImportedActivitySchema } from '../../../src/catalogue/open-referral/index.js';
import type { ImportedActivity, OpenReferralImport } from '../../../src/catalogue/open-referral/index.js';
import { deepFreeze, OFFICIAL_SERVICE_EXAMPLES, readFixture, UK_FEEDS } from '../fixtures.js';

const ALL = [...OFFICIAL_SERVICE_EXAMPLES, ...UK_FEEDS];
const AT = '2026-01-15';
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const importFixture = (path: string, options = {}) => fromOpenReferral(readFixture(path), options);
const ids = (r: OpenReferralImport) => r.activities.map((a) => a.id);
const byId = (r: OpenReferralImport, id: string) => r.activities.find((a) => a.id === id) as ImportedActivity;
const paths = (problems: OpenReferralImport['rejected']) => problems.map((p) => [p.index, p.id, p.issues.map((i) => i.path)]);
/** The activity without the two fields ActivitySchema does not have yet (inferred, source). */
const core = ({ inferred: _i, source: _s, ...rest }: ImportedActivity) => rest;

describe('document shapes', () => {
  const service = { id: 's1', name: 'Knit and natter', status: 'active', service_at_locations: [{ id: 'sal1', location: { id: 'l1', location_type: 'physical', latitude: 53.38, longitude: -1.47 } }] };
  it.each([
    ['a UK v3 page', { total_items: 1, total_pages: 1, page_number: 1, size: 1, first_page: true, last_page: true, empty: false, contents: [service] }, 'uk-v3-page', 'contents[0]'],
    ['a UK v1 page', { totalElements: 1, totalPages: 1, number: 0, size: 1, first: true, last: true, content: [service] }, 'uk-v1-page', 'content[0]'],
    ['a plain array of services', [service], 'array', '[0]'],
    ['{ services: [...] }', { services: [service] }, 'services', 'services[0]'],
    ['one nested service', service, 'service', ''],
  ])('reads %s', (_name, doc, shape, path) => {
    const r = fromOpenReferral(doc);
    expect(r.feed.shape).toBe(shape);
    expect(ids(r)).toEqual(['s1@l1']);
    // Without usable coordinates the venue is kept with its position unknown, and the warning names the field.
    const bad = fromOpenReferral(JSON.parse(JSON.stringify(doc).replace('"physical"', '"physical","latitude":"x"').replace('"latitude":53.38,', '')));
    expect(bad.rejected).toEqual([]);
    expect(bad.activities.map((a) => a.location)).toEqual([{ kind: 'venue' }]);
    expect(bad.warnings[0]?.issues[0]?.path).toBe(path === '' ? 'service_at_locations[0].location.latitude' : `${path}.service_at_locations[0].location.latitude`);
  });

  it('reads a service_at_location with its service nested, the root being its one location', () => {
    const { service_at_locations: [sal], ...rest } = service;
    const r = fromOpenReferral({ ...sal, service: rest });
    expect(r.feed.shape).toBe('service-at-location');
    expect(ids(r)).toEqual(['s1@l1']);
  });

  it('reports where a page sits, numbering v1 pages from 1 like v3', () => {
    expect(importFixture('uk-feeds/sheffield-v3-page-1.json').feed.page).toEqual({ pageNumber: 1, totalPages: 2, totalItems: 11 });
    expect(importFixture('uk-feeds/rotherham-v1-page.json').feed.page).toEqual({ pageNumber: 1, totalPages: 1, totalItems: 3 });
  });

  it.each([
    ['null', null, '(root)'],
    ['text', 'services', '(root)'],
    ['an object of another kind', { type: 'FeatureCollection' }, '(root)'],
    ['a page whose contents are not a list', { total_items: 1, contents: {} }, 'contents'],
    ['the official location example', readFixture('hsds-3.0/location.json'), 'location_type'],
  ])('throws INVALID_CATALOGUE for %s, naming the path', (_name, doc, path) => {
    const error = errorOf(() => fromOpenReferral(doc));
    expect(error.code).toBe('INVALID_CATALOGUE');
    expect(error.issues[0]?.path).toBe(path);
  });

  it.each([
    ['an unknown option', { lenient: true }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['a bad date', { at: 'next Tuesday' }],
    ['a stale limit of 0 days', { staleAfterDays: 0 }],
  ])('throws INVALID_OPTIONS for %s', (_name, options) => {
    expect(errorOf(() => fromOpenReferral([], options as never)).code).toBe('INVALID_OPTIONS');
  });
});

describe('the official examples (round trip)', () => {
  it.each(ALL)('%s: every activity validates against the activity schema, also after a JSON round trip', (path) => {
    const r = importFixture(path, { at: AT });
    for (const activity of r.activities) {
      expect(ImportedActivitySchema.safeParse(activity).success).toBe(true);
      expect(ImportedActivitySchema.safeParse(JSON.parse(JSON.stringify(activity))).success).toBe(true);
      // Without the two fields the lead adds to ActivitySchema, the rest is a plain activity today.
      expect(ActivitySchema.safeParse(core(activity)).success).toBe(true);
    }
  });

  const VENUE = `${SERVICE}@3a19ff88-4620-4d17-9830-ac1d859eb5d5`;
  const UNREADABLE = ['bymonthday', 'byweekno', 'byyearday', ''].map((f) => `schedules[0]${f === '' ? '' : `.${f}`}`);
  it.each([
    ['hsds-3.0/service_full.json', [VENUE, `${SERVICE}@online`], [], [[0, SERVICE, ['service_areas[0]', 'assured_date', 'service_at_locations[0].location.latitude', ...UNREADABLE.map((p) => `service_at_locations[0].${p}`), ...UNREADABLE]]]],
    ['hsds-3.0/service_at_location_full.json', [VENUE, `${SERVICE}@online`], [], [[0, SERVICE, ['service.service_areas[0]', 'service.assured_date', 'location.latitude', ...UNREADABLE, ...UNREADABLE.map((p) => `service.${p}`)]]]],
    ['uk-profile/service_full.json', [VENUE, `${SERVICE}@online`], [], [[0, SERVICE, ['service_areas[0]', 'assured_date', 'service_at_locations[0].location.latitude', 'schedules[0].bymonthday']]]],
    ['hsds-3.0/service_list.json', [], [[0, SERVICE, ['contents[0].service_at_locations']]], [[0, SERVICE, ['contents[0].assured_date']]]],
    // No location, but a timetable: a venue whose position is unknown.
    ['hsds-3.0/schedule-guidance-services.json', [SERVICE], [], []],
  ])('%s imports to the documented activities, rejections and warnings', (path, activityIds, rejected, warnings) => {
    const r = importFixture(path, { at: AT });
    expect(ids(r)).toEqual(activityIds);
    expect(paths(r.rejected)).toEqual(rejected);
    expect(paths(r.warnings)).toEqual(warnings);
    expect(r.skipped).toEqual([]);
  });

  it('maps the official service: its venue (latitude 100) kept with its position unknown, and the video option it offers', () => {
    const [venue, activity] = importFixture('hsds-3.0/service_full.json', { feed: 'service_full.json' }).activities as [ImportedActivity, ImportedActivity];
    // Its service area's description names postcode districts ("all postcodes starting with AB1, AB2, and AB3").
    expect(venue.location).toEqual({ kind: 'venue', venue: 'MyCity Civic Center', address: '1-30 Main Street, MyVillage, MyCity', postcode: 'ABC 1234', area: { postcodeDistricts: ['AB1', 'AB2', 'AB3'] } });
    expect(venue.inferred).not.toContain('location');
    expect(venue.inferred).toContain('location.area');
    expect(activity).toMatchObject({
      name: 'Community Counselling',
      provider: 'Example Organization Inc.',
      category: 'mental-wellbeing',
      location: { kind: 'online' },
      eligibility: { minAge: 12 },
      conditions: { designedFor: ['anxiety', 'depression'], unsuitableFor: [] },
      needs: ['mental-wellbeing'],
      cost: { level: 'paid', amountGBP: 35, per: 'session' },
      languages: ['en', 'ur'],
      lastVerified: '2005-01-01',
      url: 'http://example.com/counselling',
      source: { serviceId: SERVICE, feed: 'service_full.json' },
    });
    expect(activity.eligibility).not.toHaveProperty('maxAge');
    expect(activity.inferred).toEqual(['category', 'intensity', 'conditions.designedFor', 'needs', 'location', 'languages', 'location.area']);
    expect(activity.schedules).toEqual([{ description: 'The service is available from 10 am to 6pm weekdays. The service is not available on public holidays.', notes: expect.any(String), attendingType: expect.any(String), scheduleLink: 'http://example.com' }]);
  });

  it('keeps the UK example timetable (Thursdays and Fridays 10:00 to 18:00) once the WEEKLY bymonthday is dropped', () => {
    const [activity] = importFixture('uk-profile/service_full.json').activities;
    expect(activity?.schedules).toEqual([expect.objectContaining({ freq: 'WEEKLY', byday: 'TH,FR', opensAt: '10:00:00', closesAt: '18:00:00', validTo: '2005-01-01' })]);
    expect(activity?.languages).toEqual(['en']);
  });

  it('hints that list pages may leave locations out', () => {
    expect(importFixture('hsds-3.0/service_list.json').rejected[0]?.issues[0]?.message).toMatch(/list pages may leave locations out/);
  });
});

describe('realistic UK feeds', () => {
  const page1 = importFixture('uk-feeds/sheffield-v3-page-1.json', { at: AT, feed: 'sheffield-v3-page-1.json' });
  const v1 = importFixture('uk-feeds/rotherham-v1-page.json', { at: AT });

  it('imports page 1: eight activities from ten records, two rejected, two with warnings, two skipped', () => {
    expect(ids(page1)).toEqual(['shf-svc-0101@loc-heeley-park', 'shf-svc-0202@loc-firth-park-hub', 'shf-svc-0202@loc-hillsborough-library', 'shf-svc-0202@loc-manor-church', 'shf-svc-0303@loc-attercliffe-works', 'shf-svc-0404', 'shf-svc-0505@loc-zoom', 'shf-svc-1010@loc-firth-park-hub']);
    expect(paths(page1.rejected)).toEqual([[7, 'shf-svc-0808', ['contents[7].name', 'contents[7].status']], [8, undefined, ['contents[8]']]]);
    expect(paths(page1.warnings)).toEqual([
      [2, 'shf-svc-0303', ['contents[2].assured_date', 'contents[2].service_at_locations[0].schedules[1].opens_at', 'contents[2].service_at_locations[0].schedules[1].closes_at', 'contents[2].service_at_locations[0].schedules[1]']],
      [9, 'shf-svc-1010', ['contents[9].service_at_locations[1].location.location_type']],
    ]);
  });

  it('makes one activity per location of a service at three venues, sharing the service id, each with its own timetable and access', () => {
    const breathe = page1.activities.filter((a) => a.source?.serviceId === 'shf-svc-0202');
    expect(breathe.map((a) => [a.source?.locationId, a.schedules?.map((s) => s.byday), a.accessibility])).toEqual([
      ['loc-firth-park-hub', ['1WE'], { wheelchair: true, stepFree: true, hearingLoop: true }],
      ['loc-hillsborough-library', ['2TH'], { stepFree: false, wheelchair: false }],
      ['loc-manor-church', ['-1FR'], {}],
    ]);
    expect(new Set(breathe.map((a) => a.name))).toEqual(new Set(['Breathe Easy lung support group']));
  });

  it('strips HTML from names and descriptions', () => {
    const walk = byId(page1, 'shf-svc-0101@loc-heeley-park');
    expect(walk.name).toBe('Walk & Talk – Heeley');
    expect(walk.description).toMatch(/^A gentle health walk around Heeley Park/);
    for (const a of page1.activities) expect(`${a.name}${a.description ?? ''}`).not.toMatch(/<|&[a-z]+;/);
  });

  it.each([
    ['-1 and -1 are no limits', 'shf-svc-0101@loc-heeley-park', {}],
    ['18 to 120 is 18 and over', 'shf-svc-0202@loc-firth-park-hub', { minAge: 18 }],
    ['"50" and "null" are 50 and over', 'shf-svc-1010@loc-firth-park-hub', { minAge: 50 }],
    ['18 to 999 is 18 and over', 'shf-svc-0505@loc-zoom', { minAge: 18 }],
  ])('ages: %s', (_name, id, eligibility) => {
    expect(byId(page1, id).eligibility).toEqual(eligibility);
  });

  it('ignores vendor extension fields and prose in phone numbers without a word', () => {
    const issues = [...page1.rejected, ...page1.warnings].flatMap((p) => p.issues.map((i) => i.path));
    expect(issues.filter((p) => /pc_|phones/.test(p))).toEqual([]);
    expect(JSON.stringify(page1.activities)).not.toMatch(/pc_|PlaceCube|Adults 50\+|0114 496/);
  });

  it('keeps a stale assured date as lastVerified, and warns only when given the import date', () => {
    expect(byId(page1, 'shf-svc-0303@loc-attercliffe-works').lastVerified).toBe('2022-06-10');
    const withoutDate = importFixture('uk-feeds/sheffield-v3-page-1.json');
    expect(withoutDate.warnings.flatMap((w) => w.issues).filter((i) => i.path.endsWith('assured_date'))).toEqual([]);
    expect(page1.warnings[0]?.issues[0]).toEqual({ path: 'contents[2].assured_date', message: 'last checked more than 365 days before the import: re-check with the provider' });
  });

  it('skips defunct and temporarily closed services (and inactive ones in v1), reporting each', () => {
    expect(page1.skipped).toEqual([
      { index: 5, id: 'shf-svc-0606', status: 'defunct', reason: 'status defunct: not recommended', path: 'contents[5].status' },
      { index: 6, id: 'shf-svc-0707', status: 'temporarily closed', reason: 'status temporarily closed: not recommended', path: 'contents[6].status' },
    ]);
    expect(v1.skipped).toEqual([{ index: 2, id: 'rmbc-7003', status: 'inactive', reason: 'status inactive: not recommended', path: 'content[2].status' }]);
    expect(JSON.stringify(page1.activities)).not.toMatch(/shf-svc-0606|shf-svc-0707/);
  });

  it('maps a virtual location to online, and a telephone service without a location to phone (inferred)', () => {
    expect(byId(page1, 'shf-svc-0505@loc-zoom')).toMatchObject({ location: { kind: 'online' }, source: { serviceId: 'shf-svc-0505', locationId: 'loc-zoom' } });
    expect(byId(page1, 'shf-svc-0505@loc-zoom').inferred).not.toContain('location');
    const phone = byId(page1, 'shf-svc-0404');
    expect(phone).toMatchObject({ location: { kind: 'phone' }, category: 'befriending', groupSize: 'one-to-one', languages: ['en', 'ur', 'pa'], cost: { level: 'free' } });
    expect(phone.inferred).toContain('location');
  });

  it('ignores a postal location but keeps the service at its venue', () => {
    expect(page1.activities.filter((a) => a.source?.serviceId === 'shf-svc-1010').map((a) => a.id)).toEqual(['shf-svc-1010@loc-firth-park-hub']);
    expect(page1.warnings[1]?.issues[0]?.message).toBe('a postal address is not where the service runs: location ignored');
  });

  it('reads UK v1 field names: regular_schedules, eligibilitys, service_taxonomys, physical_addresses, accessibility_for_disabilities, attending_type', () => {
    expect(byId(v1, 'rmbc-7001@rloc-maltby-lc')).toMatchObject({
      category: 'physical-activity',
      tags: ['over-50s', 'walking-football'],
      intensity: 'light',
      location: { kind: 'venue', lat: 53.4214, lon: -1.2008, venue: 'Maltby Leisure Centre', address: 'Braithwell Road, Maltby, Rotherham', postcode: 'S66 8JL' },
      schedules: [{ id: 'rs-7001', freq: 'WEEKLY', byday: 'FR', opensAt: '11:00:00', closesAt: '12:00:00', validFrom: '2025-01-03' }],
      eligibility: { minAge: 50 },
      conditions: { designedFor: ['heart-disease', 'hypertension'] },
      accessibility: { stepFree: true, accessibleToilet: true },
      cost: { level: 'low', amountGBP: 2.5, per: 'session' },
      lastVerified: '2025-04-30',
    });
    expect(byId(v1, 'rmbc-7002')).toMatchObject({ location: { kind: 'online' }, category: 'practical-support', cost: { level: 'free' }, languages: ['en', 'sk'] });
  });

  it('rejects the second of two activities with the same id (a service repeated across pages)', () => {
    const page2 = readFixture('uk-feeds/sheffield-v3-page-2.json') as { contents: unknown[] };
    const both = fromOpenReferral([...(readFixture('uk-feeds/sheffield-v3-page-1.json') as { contents: unknown[] }).contents, ...page2.contents]);
    expect(ids(both).filter((id) => id === 'shf-svc-0101@loc-heeley-park')).toHaveLength(1);
    expect(both.rejected.at(-1)).toEqual({ index: 11, id: 'shf-svc-0101@loc-heeley-park', issues: [{ path: '[11].id', message: 'expected a unique id: an earlier service in the document gives an activity with this id' }] });
  });

  it('lists as inferred only fields the activity has', () => {
    for (const a of [...page1.activities, ...v1.activities]) {
      for (const field of a.inferred ?? []) {
        const [top, sub] = field.split('.') as [string, string | undefined];
        const value = (a as Record<string, unknown>)[top];
        expect(value, `${a.id} ${field}`).toBeDefined();
        if (sub !== undefined) expect((value as Record<string, unknown>)[sub], `${a.id} ${field}`).toBeDefined();
      }
    }
  });

  it('never quotes a bad value in a message', () => {
    const badValues = ['1.30pm', '4pm', 'fifty-three', 'open', 'record withdrawn', 'Romany', 'Temporarily_Closed'];
    const messages = ALL.flatMap((path) => {
      const r = importFixture(path, { at: AT });
      return [...r.rejected, ...r.warnings].flatMap((p) => p.issues.map((i) => i.message));
    });
    expect(messages.length).toBeGreaterThan(10);
    for (const message of messages) for (const value of badValues) expect(message).not.toContain(value);
  });

  it('uses the time zone option and can stop assuming English', () => {
    const r = importFixture('uk-feeds/sheffield-v3-page-1.json', { timeZone: 'Europe/Dublin', assumeEnglish: false });
    expect(new Set(r.activities.map((a) => a.timeZone))).toEqual(new Set(['Europe/Dublin']));
    expect(byId(r, 'shf-svc-0404').languages).toEqual(['en', 'ur', 'pa']);
    expect(byId(r, 'shf-svc-0202@loc-firth-park-hub')).not.toHaveProperty('languages');
    const official = importFixture('hsds-3.0/service_full.json', { assumeEnglish: false }).activities[0];
    expect(official?.languages).toEqual(['ur']);
    expect(official?.inferred).not.toContain('languages');
  });
});

describe('purity and strictness', () => {
  it.each(ALL)('%s: never mutates its input and gives the same result twice', (path) => {
    const doc = deepFreeze(readFixture(path));
    const first = fromOpenReferral(doc, { at: AT });
    expect(fromOpenReferral(doc, { at: AT })).toEqual(first);
    expect(doc).toEqual(readFixture(path));
  });

  it('maps each service on its own: the activities do not depend on the order of services', () => {
    const services = (readFixture('uk-feeds/sheffield-v3-page-1.json') as { contents: unknown[] }).contents;
    const sorted = (r: OpenReferralImport) => [...r.activities].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sorted(fromOpenReferral([...services].reverse()))).toEqual(sorted(fromOpenReferral(services)));
  });

  it('strict: throws INVALID_CATALOGUE at the first service with a problem, with its issues', () => {
    const error = errorOf(() => importFixture('uk-feeds/sheffield-v3-page-1.json', { strict: true, at: AT }));
    expect(error.code).toBe('INVALID_CATALOGUE');
    expect(error.issues.map((i) => i.path)).toEqual(['contents[2].assured_date', 'contents[2].service_at_locations[0].schedules[1].opens_at', 'contents[2].service_at_locations[0].schedules[1].closes_at', 'contents[2].service_at_locations[0].schedules[1]']);
  });

  it('strict: a clean page imports as usual', () => {
    expect(ids(importFixture('uk-feeds/sheffield-v3-page-2.json', { strict: true, at: AT }))).toEqual(['shf-svc-1111@loc-upperthorpe', 'shf-svc-0101@loc-heeley-park']);
  });
});

describe('into the matcher', () => {
  it('gives activities a matcher can rank: a COPD client near Firth Park is offered the nearest Breathe Easy group', () => {
    const r = importFixture('uk-feeds/sheffield-v3-page-1.json');
    const matcher = createMatcher(r.activities.map(core));
    const client = { age: 70, activation: 2, conditions: ['COPD'], home: { lat: 53.412, lon: -1.447 }, travel: { maxKm: 3 } } as const;
    const [first] = matcher.recommend(client, { at: '2026-01-19T09:00:00Z', limit: 3 });
    expect(first?.id).toBe('shf-svc-0202@loc-firth-park-hub');
    expect(first?.reasons.join(' ')).toMatch(/COPD/);
  });
});

describe('the inferred and source fields', () => {
  it('accepts only the fields an import can infer', async () => {
    const { InferredSchema, INFERABLE_FIELDS } = await import('../../../src/catalogue/open-referral/index.js');
    expect(InferredSchema.parse(['needs', 'category', 'needs'])).toEqual(['needs', 'category']);
    expect(InferredSchema.safeParse(['colour']).success).toBe(false);
    for (const path of ALL) for (const a of importFixture(path).activities) for (const f of a.inferred ?? []) expect(INFERABLE_FIELDS).toContain(f);
  });

  it('rejects unknown keys in source', () => {
    expect(ImportedActivitySchema.safeParse({ id: 'a', name: 'A', category: 'social', location: { kind: 'online' }, source: { service: 'x' } }).success).toBe(false);
  });
});
