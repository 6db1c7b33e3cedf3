// The profile validation fast path is pinned to zod like the catalogue's: it may only accept what
// ClientProfileSchema accepts, and then must produce exactly zod's output (values, own keys and
// their order, defaults written), deep-frozen, without touching the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import personas from '../../fixtures/personas.json';
import { ClientProfileSchema } from '../../src/schema/client.js';
import { fastParseClient } from '../../src/schema/fast-client.js';
import { withoutGeneratedCode } from '../../src/schema/fast-object.js';
import { clientArb } from '../rank/arbitraries.js';
import { checkMutants, checkSingleEdits, DELETE, mutationArbitrary, pinnedChecker, valuePaths, withValue } from './pinned.js';
import type { Json } from './pinned.js';

/** Checks the contract of fastParseClient on one input (see pinnedChecker). */
const check = pinnedChecker(ClientProfileSchema, fastParseClient);

const profiles = personas.map((p) => structuredClone(p.profile)) as unknown as Record<string, Json>[];
const random = fc.sample(clientArb, { numRuns: 300, seed: 11 }) as unknown as Record<string, Json>[];

/** A valid profile using every field. */
const FULL: Record<string, Json> = {
  id: 'client-7',
  age: 67,
  dateOfBirth: '1959-03-14',
  gender: 'female',
  home: { lat: 53.38, lon: -1.47, postcode: 'S8 9FL' },
  localArea: { localAuthority: 'Sheffield City Council', postcodeDistrict: ' s8 ' },
  conditions: ['COPD', 'type 2 diabetes'],
  activation: 2,
  needs: ['lonely', 'debt'],
  loneliness: 'often-or-always',
  groups: ['veteran', 'LGBT'],
  interests: ['bee keeping', '  singing  '],
  avoid: ['gym'],
  availability: [{ day: 'tue', start: '10:00', end: '12:00' }, { day: 'thu', start: '13:30', end: '16:00' }],
  datesAway: ['2026-12-25', { from: '2027-01-04', to: '2027-01-08', reason: 'hospital' }],
  travel: { maxKm: 5, mode: 'public-transport' },
  housebound: false,
  budget: 'low',
  accessibility: { wheelchair: true, stepFree: true, hearingLoop: false },
  languages: ['en', 'PL'],
  referredBy: 'gp',
};

describe('fastParseClient covers real profiles exactly as zod parses them', () => {
  it('covers every bundled persona with zod-identical, deep-frozen output', () => {
    expect(profiles.length).toBeGreaterThan(10);
    for (const profile of profiles) expect(check(profile)).toEqual({ zodOk: true, fastOk: true });
  });

  it('covers 300 random profiles of the property tests', () => {
    expect(random).toHaveLength(300);
    for (const profile of random) expect(check(profile)).toEqual({ zodOk: true, fastOk: true });
  });

  it('covers a profile using every field, and writes keys in schema order whatever the input order', () => {
    expect(check(FULL)).toEqual({ zodOk: true, fastOk: true });
    const reversed = Object.fromEntries(Object.entries(FULL).reverse());
    expect(check(reversed)).toEqual({ zodOk: true, fastOk: true });
    expect(Object.keys(fastParseClient(reversed) ?? {})).toEqual(Object.keys(ClientProfileSchema.shape));
  });

  it('fills every default of a minimal profile', () => {
    expect(check({ age: 70, activation: 3 })).toEqual({ zodOk: true, fastOk: true });
    expect(fastParseClient({ age: 70, activation: 3 })).toEqual({
      age: 70, conditions: [], activation: 3, needs: [], groups: [], interests: [], avoid: [], datesAway: [], housebound: false, budget: 'any',
      accessibility: { wheelchair: false, stepFree: false, hearingLoop: false }, languages: ['en'],
    });
  });
});

describe('fastParseClient mirrors zod on valid edge cases', () => {
  it.each<[string, (string | number)[], unknown]>([
    ['a date of birth without an age', ['age'], DELETE],
    ['an age without a date of birth', ['dateOfBirth'], DELETE],
    ['an age present with the value undefined next to a date of birth', ['age'], undefined],
    ['ages 0 and 130', ['age'], 130],
    ['a date of birth in 1850', ['dateOfBirth'], '1850-01-01'],
    ['condition and need synonyms, de-duplicated in first-seen order', ['conditions'], ['COPD', 'chronic obstructive pulmonary disease', 'copd', 'Depression']],
    ['interests are trimmed and not de-duplicated', ['interests'], [' art ', 'art']],
    ['an interest of exactly 200 characters after trimming', ['interests', 0], ` ${'x'.repeat(200)} `],
    ['32 things to avoid', ['avoid'], Array.from({ length: 32 }, (_, i) => `thing ${i}`)],
    ['an empty availability list (available at no time)', ['availability'], []],
    ['availability present with the value undefined (zod keeps the key)', ['availability'], undefined],
    ['a date away as a range without a reason', ['datesAway', 1], { from: '2027-01-04', to: '2027-01-04' }],
    ['a range whose reason is present with the value undefined', ['datesAway', 1, 'reason'], undefined],
    ['a reason trimmed', ['datesAway', 1, 'reason'], '  surgery  '],
    ['a travel limit of 0 and of 500 km', ['travel'], { maxKm: 500 }],
    ['a travel limit of -0', ['travel', 'maxKm'], -0],
    ['a travel mode present with the value undefined', ['travel'], { maxKm: 0, mode: undefined }],
    ['a home without a postcode', ['home'], { lat: -90, lon: 180 }],
    ['a home postcode present with the value undefined', ['home', 'postcode'], undefined],
    ['accessibility with one flag', ['accessibility'], { hearingLoop: true }],
    ['accessibility with a flag present with the value undefined', ['accessibility'], { wheelchair: undefined }],
    ['empty accessibility', ['accessibility'], {}],
    ['defaulted fields present with the value undefined', ['budget'], undefined],
    ['housebound present with the value undefined', ['housebound'], undefined],
    ['languages present with the value undefined', ['languages'], undefined],
    ['mixed-case language tags', ['languages'], ['EN-gb', 'en', 'ur-Arab']],
    ['referred by someone else', ['referredBy'], 'other'],
    ['an optional key present with the value undefined', ['gender'], undefined],
  ])('%s', (_label, path, value) => {
    expect(check(withValue(FULL, path, value))).toEqual({ zodOk: true, fastOk: true });
  });

  it('accepts a profile, and nested objects, with a null prototype', () => {
    const profile = Object.assign(Object.create(null) as Record<string, Json>, structuredClone(FULL));
    profile.home = Object.assign(Object.create(null) as object, FULL.home);
    expect(check(profile)).toEqual({ zodOk: true, fastOk: true });
  });
});

describe('fastParseClient defers to zod on every invalid value', () => {
  it.each<[string, (string | number)[], unknown]>([
    ['an unknown key', ['name'], 'Ann'],
    ['neither age nor date of birth', ['age'], DELETE],
    ['a fractional age', ['age'], 67.5],
    ['an age of 131', ['age'], 131],
    ['a negative age', ['age'], -1],
    ['an age as text', ['age'], '67'],
    ['an impossible date of birth', ['dateOfBirth'], '1959-02-30'],
    ['a date of birth before 1850', ['dateOfBirth'], '1849-12-31'],
    ['an empty id', ['id'], ' '],
    ['an id over 100 characters', ['id'], 'x'.repeat(101)],
    ['an unknown gender', ['gender'], 'robot'],
    ['a home without a longitude', ['home', 'lon'], DELETE],
    ['a home latitude of NaN', ['home', 'lat'], NaN],
    ['a home with an unknown key', ['home', 'town'], 'Sheffield'],
    ['a postcode over 10 characters', ['home', 'postcode'], 'S8 9FL 1234'],
    ['an unknown condition', ['conditions'], ['vampirism']],
    ['conditions as text', ['conditions'], 'copd'],
    ['a missing activation', ['activation'], DELETE],
    ['activation 0', ['activation'], 0],
    ['activation 5', ['activation'], 5],
    ['activation 2.5', ['activation'], 2.5],
    ['activation as text', ['activation'], '2'],
    ['an unknown need', ['needs'], ['flying']],
    ['an unknown loneliness answer', ['loneliness'], 'sometimes'],
    ['an empty interest', ['interests'], ['  ']],
    ['an interest over 200 characters', ['interests'], ['x'.repeat(201)]],
    ['33 interests', ['interests'], Array.from({ length: 33 }, () => 'art')],
    ['a numeric thing to avoid', ['avoid'], [5]],
    ['a window ending before it starts', ['availability', 0], { day: 'tue', start: '12:00', end: '10:00' }],
    ['a window on an unknown day', ['availability', 0, 'day'], 'Tuesday'],
    ['101 windows', ['availability'], Array.from({ length: 101 }, () => ({ day: 'mon', start: '10:00', end: '11:00' }))],
    ['a null availability', ['availability'], null],
    ['an impossible date away', ['datesAway', 0], '2026-02-30'],
    ['a range ending before it starts', ['datesAway', 1], { from: '2027-01-08', to: '2027-01-04' }],
    ['a range with an unknown key', ['datesAway', 1, 'note'], 'x'],
    ['a range without an end', ['datesAway', 1, 'to'], DELETE],
    ['an empty reason', ['datesAway', 1, 'reason'], ''],
    ['501 dates away', ['datesAway'], Array.from({ length: 501 }, () => '2026-12-25')],
    ['a travel limit over 500 km', ['travel', 'maxKm'], 500.5],
    ['a negative travel limit', ['travel', 'maxKm'], -1],
    ['an infinite travel limit', ['travel', 'maxKm'], Infinity],
    ['travel without a limit', ['travel'], { mode: 'car' }],
    ['an unknown travel mode', ['travel', 'mode'], 'horse'],
    ['housebound as text', ['housebound'], 'no'],
    ['an unknown budget', ['budget'], 'some'],
    ['accessibility with an unknown key', ['accessibility', 'lift'], true],
    ['accessibility flags as text', ['accessibility', 'wheelchair'], 'yes'],
    ['null accessibility', ['accessibility'], null],
    ['an empty language list', ['languages'], []],
    ['a language name', ['languages'], ['english']],
    ['an unknown referral route', ['referredBy'], 'email'],
    ['a required key present with the value undefined', ['activation'], undefined],
  ])('%s', (_label, path, value) => {
    const profile = withValue(FULL, path, value);
    const edited = path[0] === 'age' ? withValue(profile, ['dateOfBirth'], DELETE) : profile;
    expect(ClientProfileSchema.safeParse(edited).success).toBe(false);
    expect(fastParseClient(edited)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'client-7'],
    ['an array', [FULL]],
    ['a class instance', new (class Profile { age = 70; activation = 2; })()],
    ['an array subclass', withValue(FULL, ['interests'], class extends Array {}.from(['art']))],
    ['a list with a hole', withValue(FULL, ['avoid'], [, 'gym'])], // eslint-disable-line no-sparse-arrays
    ['a revoked proxy', (() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()],
  ])('defers without throwing on %s', (_label, input) => {
    expect(() => fastParseClient(input)).not.toThrow();
    expect(fastParseClient(input)).toBeUndefined();
  });
});

// Every single edit, and random mutations: whatever the input, a fast value means zod succeeds
// with the same output; and the fast path covers every valid single edit.
const BOUNDARY: readonly unknown[] = [
  '', ' ', '  x  ', 'x'.repeat(10), 'x'.repeat(11), 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(200), 'x'.repeat(201),
  -0, 0, 1, 2, 4, 5, 1.5, -1, 90, 90.0001, 130, 131, 180, 180.0001, 500, 500.5, 2 ** 53, NaN, Infinity,
  true, false, null, undefined, [], {},
  'COPD', 'copd', 'vampirism', 'lonely', 'debt', 'female', 'robot', 'other', 'gp', 'none', 'low', 'any', 'car', 'horse', 'never', 'often-or-always',
  'en', 'PL', 'EN-gb', 'english', 'mon', 'Tuesday', '10:00', '9:00', '24:00', '23:59',
  '2026-12-25', '2026-02-30', '1850-01-01', '1849-12-31', '1900-01-01', '2999-12-31', '3000-01-01',
  ['COPD', 'copd'], ['lonely'], ['art', ' art '], ['en', 'EN-gb'], [{ day: 'mon', start: '10:00', end: '09:00' }], ['2026-12-25'],
  { lat: 53, lon: -1 }, { maxKm: 3 }, { from: '2026-12-01', to: '2026-11-30' }, { wheelchair: true },
];
const KEYS = ['postcode', 'mode', 'reason', 'from', 'to', 'wheelchair', 'hearingLoop', 'age', 'dateOfBirth', 'referredBy', 'extra', '__proto__'];
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BOUNDARY) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.double() },
);

describe('fastParseClient against zod on every single edit and on mutated profiles', () => {
  it('agrees with zod, and covers every valid result, when any one value is deleted or set to a boundary value', () => {
    expect(valuePaths(FULL).length).toBeGreaterThan(40);
    const tally = checkSingleEdits(check, FULL, BOUNDARY);
    expect(tally.valid).toBeGreaterThan(tally.inputs * 0.1);
    expect(tally.covered).toBe(tally.valid);
  }, 60_000);

  it('only returns a value zod agrees with, and covers most valid mutants (property)', () => {
    const tally = checkMutants(check, [...profiles, ...random.slice(0, 50), FULL], mutationArbitrary(valueArb, KEYS), { numRuns: 2000, seed: 20261121 });
    expect(tally.inputs).toBe(2000);
    expect(tally.valid).toBeGreaterThan(tally.inputs * 0.25);
    expect(tally.covered).toBeGreaterThan(tally.valid * 0.9);
  }, 60_000);

  it('never throws and never disagrees with zod on arbitrary values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...KEYS, 'activation', 'home', 'interests'), fc.anything())), (input) => {
        expect(() => check(input)).not.toThrow();
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('fastParseClient where code cannot be generated (the loop over the fields)', () => {
  const checkLoop = pinnedChecker(ClientProfileSchema, (input: unknown) => withoutGeneratedCode(() => fastParseClient(input)));

  it('covers the personas, the random profiles and the full profile as zod parses them', () => {
    for (const profile of [...profiles, ...random, FULL]) expect(checkLoop(profile)).toEqual({ zodOk: true, fastOk: true });
  });

  it('agrees with zod on every single edit of a full profile', () => {
    const tally = checkSingleEdits(checkLoop, FULL, BOUNDARY);
    expect(tally.valid).toBeGreaterThan(tally.inputs * 0.1);
    expect(tally.covered).toBe(tally.valid);
  }, 60_000);
});
