// The validation fast path is pinned to zod: it may only accept what ActivitySchema accepts, and
// then must produce exactly zod's output (values, own keys and their order), deep-frozen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../../fixtures/catalogue.json';
import { generateCatalogue } from '../../fixtures/generate/catalogue.js';
import { ActivitySchema } from '../../src/schema/activity.js';
import { fastParseActivity } from '../../src/schema/fast-activity.js';
import { withoutGeneratedCode } from '../../src/schema/fast-object.js';
import { checkMutants, checkSingleEdits, containers, DELETE, expectSameOutput, mutationArbitrary, pinnedChecker, valuePaths, withValue } from './pinned.js';
import type { Json } from './pinned.js';

/** Checks the contract of fastParseActivity on one input (see pinnedChecker). */
const check = pinnedChecker(ActivitySchema, fastParseActivity);

const fixtures = structuredClone(bundled) as unknown as Record<string, Json>[];
const generated: Record<string, Json>[] = [
  ...generateCatalogue({ seed: 1, count: 500, spread: 'national' }),
  ...generateCatalogue({ seed: 2, count: 500, spread: 'national' }),
  ...generateCatalogue({ seed: 3, count: 500, spread: 'city' }),
  ...generateCatalogue({ seed: 4, count: 500, spread: 'city' }),
] as unknown as Record<string, Json>[];

/** A valid record using every hand-coded field. */
const FULL: Record<string, Json> = {
  id: 'walk-1',
  name: 'Health walk',
  provider: 'Parks Trust',
  description: 'A gentle walk round the park.',
  category: 'physical-activity',
  tags: ['walking', 'outdoors'],
  location: { kind: 'venue', lat: 53.38, lon: -1.47, venue: 'Meersbrook Park', address: '1 Brook Road, Sheffield', postcode: 'S8 9FL' },
  sessions: [{ day: 'wed', start: '10:00', end: '11:00' }, { day: 'sat', start: '09:30', end: '10:30' }],
  timeZone: 'Europe/London',
  capacity: { placesLeft: 3, waitingList: true, usualWaitWeeks: 2, updated: '2026-01-05', description: 'usually space in spring' },
  intensity: 'light',
  groupSize: 'small',
  supported: true,
  cost: { level: 'low', amountGBP: 3, per: 'session', freePeriod: { weeks: 2, sessionsPerWeek: 1 }, description: 'first two weeks free' },
  eligibility: { minAge: 18, maxAge: 99, genders: ['female', 'non-binary'], referralRoutes: ['gp', 'self'] },
  conditions: { designedFor: ['copd', 'depression'], unsuitableFor: ['asthma'] },
  needs: ['loneliness', 'physical-activity'],
  audience: { conditions: ['COPD'], needs: ['lonely'], groups: ['veteran'] },
  accessibility: { wheelchair: true, stepFree: false, hearingLoop: true, accessibleToilet: false },
  languages: ['en', 'pl'],
  lastVerified: '2026-10-01',
  url: 'https://example.org/walks',
};

describe('fastParseActivity covers real catalogues exactly as zod parses them', () => {
  it('covers every bundled fixture record (schedules and programmes included) with zod-identical, deep-frozen output', () => {
    expect(fixtures.length).toBeGreaterThan(50);
    for (const record of fixtures) expect(check(record)).toEqual({ zodOk: true, fastOk: true });
  });

  it('covers 2,000 generated records (national and city, four seeds), including own keys set to undefined', () => {
    expect(generated).toHaveLength(2000);
    let undefinedKeys = 0;
    for (const record of generated) {
      if (Object.values(record).includes(undefined)) undefinedKeys++;
      expect(check(record)).toEqual({ zodOk: true, fastOk: true });
    }
    // The generator writes `lastVerified: undefined` now and then: those records are covered too.
    expect(undefinedKeys).toBeGreaterThan(20);
  });

  it('covers a record using every hand-coded field', () => {
    expect(check(FULL)).toEqual({ zodOk: true, fastOk: true });
  });

  it('writes keys in schema order whatever the input order', () => {
    const reversed = Object.fromEntries(Object.entries(FULL).reverse());
    expect(check(reversed)).toEqual({ zodOk: true, fastOk: true });
    const keys = Object.keys(fastParseActivity(reversed) ?? {});
    expect(keys.slice(0, 3)).toEqual(['id', 'name', 'provider']);
    expect(keys).toEqual(Object.keys(ActivitySchema.shape).filter((k) => k in reversed || k === 'schedules'));
  });
});

describe('fastParseActivity mirrors zod on valid edge cases', () => {
  it.each<[string, (string | number)[], unknown]>([
    ['text is trimmed', ['name'], '  Health walk  '],
    ['a text of exactly its maximum length after trimming', ['id'], ` ${'x'.repeat(200)} `],
    ['the description is not trimmed', ['description'], '  spaced  '],
    ['an empty description', ['description'], ''],
    ['a category synonym', ['category'], 'exercise'],
    ['condition synonyms, de-duplicated in first-seen order', ['conditions', 'designedFor'], ['COPD', 'chronic obstructive pulmonary disease', 'Depression', 'copd']],
    ['tag synonyms and slugs, de-duplicated', ['tags'], ['Walks', 'walking', '  Bee Keeping ', 'Pétanque', 'walks']],
    ['mixed-case language tags reduced to the primary code', ['languages'], ['EN-gb', 'en', 'PL', 'ur-Arab']],
    ['a need synonym', ['needs'], ['Debt advice', 'lonely']],
    ['minAge equal to maxAge', ['eligibility'], { minAge: 50, maxAge: 50 }],
    ['ages 0 and 130', ['eligibility'], { minAge: 0, maxAge: 130 }],
    ['duplicate genders kept (the schema does not de-duplicate them)', ['eligibility'], { genders: ['female', 'female'] }],
    ['-0 as a price', ['cost', 'amountGBP'], -0],
    ['-0 as a latitude', ['location', 'lat'], -0],
    ['latitude 90 and longitude -180', ['location'], { kind: 'venue', lat: 90, lon: -180 }],
    ['a service area of 1000 km', ['location'], { kind: 'home', area: { lat: 53, lon: -1, radiusKm: 1000 } }],
    ['a tiny service area', ['location'], { kind: 'online', area: { lat: 53, lon: -1, radiusKm: 0.001 } }],
    ['an online activity without an area', ['location'], { kind: 'online' }],
    ['a free period without sessions per week', ['cost', 'freePeriod'], { weeks: 520 }],
    ['a leap day', ['lastVerified'], '2024-02-29'],
    ['the first and last dates allowed', ['capacity', 'updated'], '1900-01-01'],
    ['the last date allowed', ['lastVerified'], '2999-12-31'],
    ['a session across the whole day', ['sessions'], [{ day: 'sun', start: '00:00', end: '23:59' }]],
    ['another IANA zone', ['timeZone'], 'America/New_York'],
    ['an empty session list', ['sessions'], []],
    ['an empty tag list', ['tags'], []],
    ['a valid programme (compiled from its schema)', ['programme'], { startDate: '2026-03-02', weeks: 10, latestJoinWeek: 2, intakes: ['2026-09-07', '2026-06-01'] }],
    ['a valid schedule (compiled from its schema)', ['schedules'], [{ freq: 'WEEKLY', byday: 'MO,TH', opensAt: '10:00', closesAt: '12:00:00Z' }]],
    ['inferred fields (compiled from its schema)', ['inferred'], ['category', 'needs', 'category']],
    ['a source (compiled from its schema)', ['source'], { serviceId: ' s1 ', feed: 'page-1.json' }],
    ['an optional key present with the value undefined (zod keeps the key)', ['provider'], undefined],
    ['a nested optional key present with the value undefined', ['cost', 'freePeriod'], undefined],
    ['an optional key in an area present with the value undefined', ['location'], { kind: 'home', area: undefined }],
    ['a defaulted key present with the value undefined (zod writes the default)', ['timeZone'], undefined],
    ['defaulted lists present with the value undefined', ['conditions'], { designedFor: undefined }],
    ['eligibility present with the value undefined', ['eligibility'], undefined],
    ['a minAge present with the value undefined next to a maxAge', ['eligibility'], { minAge: undefined, maxAge: 5 }],
  ])('%s', (_label, path, value) => {
    expect(check(withValue(FULL, path, value))).toEqual({ zodOk: true, fastOk: true });
  });

  it('fills every default when the optional fields are absent', () => {
    const minimal = { id: 'm', name: 'Minimal', category: 'social', location: { kind: 'online' } };
    expect(check(minimal)).toEqual({ zodOk: true, fastOk: true });
    expect(fastParseActivity(minimal)).toEqual({
      id: 'm', name: 'Minimal', category: 'social', tags: [], location: { kind: 'online' }, sessions: [], schedules: [], timeZone: 'Europe/London',
      eligibility: {}, conditions: { designedFor: [], unsuitableFor: [] }, needs: [], accessibility: {}, languages: ['en'],
    });
  });

  it('accepts a record, and nested objects, with a null prototype', () => {
    const record = Object.assign(Object.create(null) as Record<string, Json>, structuredClone(FULL));
    record.location = Object.assign(Object.create(null) as object, FULL.location);
    expect(check(record)).toEqual({ zodOk: true, fastOk: true });
  });
});

describe('fastParseActivity defers to zod on every invalid value', () => {
  const long = (n: number) => 'x'.repeat(n);
  const sessions201 = Array.from({ length: 201 }, () => ({ day: 'mon', start: '10:00', end: '11:00' }));
  it.each<[string, (string | number)[], unknown]>([
    ['an unknown top-level key', ['sesions'], []],
    ['a missing id', ['id'], DELETE],
    ['an empty id', ['id'], ''],
    ['an id of spaces', ['id'], '   '],
    ['an id over 200 characters', ['id'], long(201)],
    ['a numeric id', ['id'], 42],
    ['a name over 300 characters', ['name'], long(301)],
    ['a missing name', ['name'], DELETE],
    ['an empty provider', ['provider'], ''],
    ['a provider over 300 characters', ['provider'], long(301)],
    ['a null provider', ['provider'], null],
    ['a description over 20000 characters', ['description'], long(20001)],
    ['a numeric description', ['description'], 5],
    ['an unknown category', ['category'], 'vampirism'],
    ['a category over 200 characters', ['category'], `physical activity${' '.repeat(200)}`],
    ['a missing category', ['category'], DELETE],
    ['tags that are not a list', ['tags'], 'walking'],
    ['more than 100 tags', ['tags'], Array.from({ length: 101 }, (_, i) => `tag ${i}`)],
    ['an empty tag', ['tags'], ['']],
    ['a tag of spaces', ['tags'], ['   ']],
    ['a tag without letters or digits', ['tags'], ['!!!']],
    ['a tag over 80 characters', ['tags'], [long(81)]],
    ['a missing location', ['location'], DELETE],
    ['an unknown location kind', ['location'], { kind: 'moon' }],
    ['latitude 90.0001', ['location', 'lat'], 90.0001],
    ['latitude -90.0001', ['location', 'lat'], -90.0001],
    ['longitude 180.0001', ['location', 'lon'], 180.0001],
    ['latitude NaN', ['location', 'lat'], NaN],
    ['latitude Infinity', ['location', 'lat'], Infinity],
    ['latitude as text', ['location', 'lat'], '53.38'],
    ['a venue without a latitude', ['location', 'lat'], DELETE],
    ['a venue with an area', ['location', 'area'], { lat: 53, lon: -1, radiusKm: 5 }],
    ['an empty venue name', ['location', 'venue'], ' '],
    ['a postcode over 10 characters', ['location', 'postcode'], long(11)],
    ['an area of radius 0', ['location'], { kind: 'home', area: { lat: 53, lon: -1, radiusKm: 0 } }],
    ['an area of radius -0', ['location'], { kind: 'home', area: { lat: 53, lon: -1, radiusKm: -0 } }],
    ['an area over 1000 km', ['location'], { kind: 'online', area: { lat: 53, lon: -1, radiusKm: 1000.0001 } }],
    ['an area with an unknown key', ['location'], { kind: 'home', area: { lat: 53, lon: -1, radiusKm: 5, unit: 'km' } }],
    ['a home location with a latitude', ['location'], { kind: 'home', lat: 53 }],
    ['a null area', ['location'], { kind: 'home', area: null }],
    ['a session at 25:00', ['sessions', 0, 'start'], '25:00'],
    ['a session at 9:00', ['sessions', 0, 'start'], '9:00'],
    ['a session at 24:00', ['sessions', 0, 'end'], '24:00'],
    ['a session ending before it starts', ['sessions', 0], { day: 'wed', start: '11:00', end: '10:00' }],
    ['a session ending as it starts', ['sessions', 0], { day: 'wed', start: '10:00', end: '10:00' }],
    ['an unknown day', ['sessions', 0, 'day'], 'funday'],
    ['a capitalised day', ['sessions', 0, 'day'], 'Mon'],
    ['a session with an unknown key', ['sessions', 0, 'room'], 'hall'],
    ['a null session', ['sessions', 0], null],
    ['more than 200 sessions', ['sessions'], sessions201],
    ['an invalid schedule', ['schedules'], [{ freq: 'WEEKLY', byday: 'XX', opensAt: '10:00', closesAt: '11:00' }]],
    ['an unknown time zone', ['timeZone'], 'Mars/Olympus'],
    ['an empty time zone', ['timeZone'], ''],
    ['a numeric time zone', ['timeZone'], 0],
    ['a programme of 0 weeks', ['programme'], { weeks: 0 }],
    ['a negative number of places', ['capacity', 'placesLeft'], -1],
    ['a fractional number of places', ['capacity', 'placesLeft'], 1.5],
    ['too many places', ['capacity', 'placesLeft'], 100_001],
    ['a wait over 520 weeks', ['capacity', 'usualWaitWeeks'], 521],
    ['a waiting list as text', ['capacity', 'waitingList'], 'yes'],
    ['an impossible capacity date', ['capacity', 'updated'], '2026-02-30'],
    ['a capacity with an unknown key', ['capacity', 'total'], 10],
    ['an unknown intensity', ['intensity'], 'extreme'],
    ['an unknown group size', ['groupSize'], 'huge'],
    ['supported as text', ['supported'], 'yes'],
    ['an unknown cost level', ['cost', 'level'], 'cheap'],
    ['a cost without a level', ['cost', 'level'], DELETE],
    ['a negative price', ['cost', 'amountGBP'], -1],
    ['a price of NaN', ['cost', 'amountGBP'], NaN],
    ['an infinite price', ['cost', 'amountGBP'], Infinity],
    ['a price over 100000', ['cost', 'amountGBP'], 100_000.01],
    ['an unknown price period', ['cost', 'per'], 'day'],
    ['a free period of 0 weeks', ['cost', 'freePeriod'], { weeks: 0 }],
    ['a free period of 1.5 weeks', ['cost', 'freePeriod'], { weeks: 1.5 }],
    ['a free period over 520 weeks', ['cost', 'freePeriod'], { weeks: 521 }],
    ['15 free sessions a week', ['cost', 'freePeriod'], { weeks: 2, sessionsPerWeek: 15 }],
    ['a free period with an unknown key', ['cost', 'freePeriod'], { weeks: 2, days: 3 }],
    ['an empty cost description', ['cost', 'description'], ''],
    ['a cost with an unknown key', ['cost', 'currency'], 'GBP'],
    ['a negative age', ['eligibility', 'minAge'], -1],
    ['an age of 131', ['eligibility', 'maxAge'], 131],
    ['a fractional age', ['eligibility', 'minAge'], 1.5],
    ['an age beyond the safe integers', ['eligibility', 'maxAge'], 2 ** 53],
    ['minAge above maxAge', ['eligibility'], { minAge: 60, maxAge: 50 }],
    ['an empty gender list', ['eligibility', 'genders'], []],
    ['an unknown gender', ['eligibility', 'genders'], ['robot']],
    ['an empty route list', ['eligibility', 'referralRoutes'], []],
    ['an unknown route', ['eligibility', 'referralRoutes'], ['email']],
    ['eligibility with an unknown key', ['eligibility', 'postcode'], 'S1'],
    ['an unknown condition', ['conditions', 'designedFor'], ['vampirism']],
    ['conditions as text', ['conditions', 'unsuitableFor'], 'copd'],
    ['more than 100 conditions', ['conditions', 'designedFor'], Array.from({ length: 101 }, () => 'copd')],
    ['conditions with an unknown key', ['conditions', 'helpsWith'], []],
    ['an unknown need', ['needs'], ['flying']],
    ['wheelchair access as text', ['accessibility', 'wheelchair'], 'yes'],
    ['accessibility with an unknown key', ['accessibility', 'lift'], true],
    ['an empty language list', ['languages'], []],
    ['a language name', ['languages'], ['english']],
    ['a one-letter language', ['languages'], ['e']],
    ['a language with a dangling hyphen', ['languages'], ['en-']],
    ['a language with an underscore', ['languages'], ['en_GB']],
    ['more than 50 languages', ['languages'], Array.from({ length: 51 }, () => 'en')],
    ['an impossible date', ['lastVerified'], '2026-02-30'],
    ['a date before 1900', ['lastVerified'], '1899-12-31'],
    ['a date from 3000', ['lastVerified'], '3000-01-01'],
    ['a date without zero padding', ['lastVerified'], '2026-1-1'],
    ['a numeric date', ['lastVerified'], 20260101],
    ['a URL over 2000 characters', ['url'], long(2001)],
    ['a numeric URL', ['url'], 5],
    ['an unknown inferred field', ['inferred'], ['colour']],
    ['an empty source feed', ['source'], { feed: '' }],
    ['a required key present with the value undefined', ['name'], undefined],
  ])('%s', (_label, path, value) => {
    const record = withValue(FULL, path, value);
    expect(ActivitySchema.safeParse(record).success).toBe(false);
    expect(fastParseActivity(record)).toBeUndefined();
  });
});

describe('fastParseActivity defers, without throwing, on shapes it leaves to zod', () => {
  class Record_ {
    constructor(values: object) {
      Object.assign(this, values);
    }
  }
  class List<T> extends Array<T> {}
  const throwingGetter = structuredClone(FULL);
  Object.defineProperty(throwingGetter, 'name', { enumerable: true, get: () => { throw new Error('getter'); } });
  const throwingProxy = new Proxy(structuredClone(FULL), { getPrototypeOf: () => { throw new Error('trap'); } });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const holes = ['walking', 'outdoors'];
  delete holes[0];

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'walk-1'],
    ['an array', [FULL]],
    ['a class instance', new Record_(FULL)],
    ['a record whose prototype is another object', Object.assign(Object.create({ inherited: true }) as object, FULL)],
    ['a nested object with a custom prototype', withValue(FULL, ['cost'], Object.assign(Object.create({}) as object, { level: 'free' }))],
    ['an array subclass', withValue(FULL, ['tags'], List.from(['walking']))],
    ['an array with holes', withValue(FULL, ['tags'], holes)],
    ['a getter that throws', throwingGetter],
    ['a proxy whose trap throws', throwingProxy],
    ['a revoked proxy', revoked.proxy],
  ])('%s', (_label, input) => {
    expect(() => fastParseActivity(input)).not.toThrow();
    expect(fastParseActivity(input)).toBeUndefined();
  });

  it('reads keys inherited from Object.prototype exactly as zod does (enumerable ones make every strict object fail)', () => {
    const record = structuredClone(FULL);
    const proto = Object.prototype as Record<string, unknown>;
    let enumerable: ReturnType<typeof check>;
    let hidden: ReturnType<typeof check>;
    try {
      proto.polluted = 'x';
      enumerable = { zodOk: ActivitySchema.safeParse(record).success, fastOk: fastParseActivity(record) !== undefined };
    } finally {
      delete proto.polluted;
    }
    try {
      Object.defineProperty(proto, 'url', { value: 'https://inherited.example', enumerable: false, configurable: true, writable: true });
      const plain = withValue(record, ['url'], DELETE);
      const zod = ActivitySchema.safeParse(plain);
      const fast = fastParseActivity(plain);
      hidden = { zodOk: zod.success, fastOk: fast !== undefined };
      expectSameOutput(fast, zod.data);
    } finally {
      delete proto.url;
    }
    expect(enumerable).toEqual({ zodOk: false, fastOk: false });
    expect(hidden).toEqual({ zodOk: true, fastOk: true });
  });

  it('never mutates or freezes its input, even on the default paths', () => {
    const input = { id: 'm', name: 'M', category: 'social', location: { kind: 'online' }, tags: [], eligibility: {} };
    const before = structuredClone(input);
    expect(fastParseActivity(input)).toBeDefined();
    expect(input).toStrictEqual(before);
    for (const part of containers(input)) expect(Object.isFrozen(part)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random mutations of valid records. Whatever the mutation, a fast value means zod
// succeeds with the same output; and the fast path must cover most of the valid mutants.

const BOUNDARY: readonly unknown[] = [
  '', ' ', '  x  ', 'x', 'x'.repeat(10), 'x'.repeat(11), 'x'.repeat(80), 'x'.repeat(81), 'x'.repeat(200), 'x'.repeat(201), ` ${'x'.repeat(200)} `, 'x'.repeat(301), 'x'.repeat(2001),
  -0, 0, 1, -1, 1.5, 2, 14, 15, 90, 90.0001, -90.0001, 180, 180.0001, 130, 131, 520, 521, 1000, 1000.0001, 100_000, 100_001, 2 ** 53, NaN, Infinity, -Infinity,
  true, false, null, undefined, [], {},
  'COPD', 'chronic obstructive pulmonary disease', 'copd', 'vampirism', 'Walks', 'walking', '!!!', 'exercise', 'Advice', 'social', 'debt', 'Debt advice',
  'EN-gb', 'en', 'PL', 'eng', 'e', 'en-', 'english',
  '2026-02-30', '2026-02-28', '2024-02-29', '1899-12-31', '1900-01-01', '2999-12-31', '3000-01-01', '2026-1-1',
  'Mars/Olympus', 'Europe/London', 'europe/london', 'UTC', 'America/New_York',
  '10:00', '09:59', '00:00', '23:59', '24:00', '9:00', '10:00:00',
  'mon', 'sun', 'funday', 'venue', 'home', 'online', 'free', 'low', 'paid', 'session', 'year', 'gp', 'self', 'female', 'none', 'vigorous', 'one-to-one', 'large',
  { lat: 53, lon: -1, radiusKm: 0 }, { lat: 53, lon: -1, radiusKm: 5 }, { kind: 'home' }, { kind: 'online', area: { lat: 53, lon: -1, radiusKm: 30 } }, { kind: 'venue', lat: 53, lon: -1 },
  { weeks: 10 }, { weeks: 0 }, { weeks: 2, sessionsPerWeek: 14 }, { level: 'free' }, { level: 'paid', amountGBP: 5, per: 'week' },
  ['COPD', 'copd'], ['Walks', 'walking', 'walks'], ['EN-gb', 'en'], ['female', 'male'], ['gp'], ['loneliness', 'lonely'],
  [{ day: 'mon', start: '10:00', end: '09:00' }], [{ day: 'mon', start: '10:00', end: '11:00' }],
  { minAge: 60, maxAge: 50 }, { minAge: 50, maxAge: 50 }, { designedFor: ['copd'] }, { wheelchair: true },
  { placesLeft: 0, waitingList: false }, { weeks: 10, rolling: true }, [{ freq: 'WEEKLY', byday: 'MO', opensAt: '10:00', closesAt: '11:00' }],
  ['category', 'tags'], { serviceId: 'x' },
];

/** Keys to add: known ones (valid somewhere in the record) and unknown ones. */
const KEYS = ['area', 'venue', 'postcode', 'minAge', 'maxAge', 'genders', 'sessionsPerWeek', 'freePeriod', 'amountGBP', 'per', 'programme', 'capacity', 'url', 'languages', 'inferred', 'source', 'description', 'extra', 'sesions', '__proto__'];

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BOUNDARY) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 600 }) },
);

const mutationArb = mutationArbitrary(valueArb, KEYS);

describe('fastParseActivity against zod on every single edit of a full record', () => {
  it('agrees with zod when any one value is deleted, set to undefined or set to a boundary value', () => {
    expect(valuePaths(FULL).length).toBeGreaterThan(60);
    const tally = checkSingleEdits(check, FULL, BOUNDARY);
    expect(tally.valid).toBeGreaterThan(tally.inputs * 0.1);
    expect(tally.covered).toBe(tally.valid);
    // About 11,000 zod comparisons: 4.6 s alone here, so vitest's 5 s default timed it out under
    // CI's coverage on a busy machine. The limit only guards against a hang.
  }, 60_000);
});

describe('fastParseActivity where code cannot be generated (the loop over the fields)', () => {
  const checkLoop = pinnedChecker(ActivitySchema, (input: unknown) => withoutGeneratedCode(() => fastParseActivity(input)));

  it('covers the fixtures, the generated records and the full record as zod parses them', () => {
    for (const record of [...fixtures, ...generated, FULL]) expect(checkLoop(record)).toEqual({ zodOk: true, fastOk: true });
  });

  it('agrees with zod on every single edit of a full record', () => {
    const tally = checkSingleEdits(checkLoop, FULL, BOUNDARY);
    expect(tally.valid).toBeGreaterThan(tally.inputs * 0.1);
    expect(tally.covered).toBe(tally.valid);
  }, 60_000);
});

describe('fastParseActivity against zod on mutated records (property)', () => {
  const pool = [...fixtures, ...generated.slice(0, 100), ...generated.slice(1500, 1600), FULL];

  it('only returns a value zod agrees with, and covers most valid mutants', () => {
    const tally = checkMutants(check, pool, mutationArb, { numRuns: 3000, seed: 20260517 });
    expect(tally.inputs).toBe(3000);
    // Enough mutants stay valid for the property to mean something, and the fast path takes them.
    expect(tally.valid).toBeGreaterThan(tally.inputs * 0.25);
    expect(tally.covered).toBeGreaterThan(tally.valid * 0.9);
  }, 60_000);

  it('never throws and never disagrees with zod on arbitrary values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...KEYS, 'id', 'name', 'category', 'location'), fc.anything())), (input) => {
        expect(() => check(input)).not.toThrow();
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
