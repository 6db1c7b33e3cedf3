/**
 * A hand-written fast path for `ClientProfileSchema` (./client.ts), under the same contract as
 * the catalogue's (./fast-activity.ts): it only ever *accepts*, with exactly zod's output (values,
 * own keys and their order, defaults written), deep-frozen; anything invalid or unfamiliar comes
 * back `undefined`, and the caller runs zod for the verdict and the error messages.
 *
 * Why a profile needs one: every `recommend` validates its profile, and after a search over a
 * large catalogue zod's schema walk runs on cold caches. At 1M activities it cost 64–143 µs a
 * query in one process (13.6 µs when timed alone, warm); this path, 28–34 µs in the same
 * setting. Paired runs (BENCHMARKS.md): recommend 0.93–0.94×, recommendMany 0.91×.
 *
 * Profiles are health data. The shared caches keep only spellings of condition and need names
 * that the vocabulary accepts and "HH:MM" times, bounded, never linked to a profile; dates,
 * texts and numbers are checked without caches, so no date of birth or date away is kept.
 *
 * The profile's fields and its sub-objects' (home, local area, travel, accessibility, a date
 * range), their order, presence and defaults are read from the schemas by `objectCheck`
 * (./fast-object.ts), with the schema's refinements; only each field's value check is written
 * here.
 *
 * The tests (test/schema/fast-client.test.ts) pin this module to zod: the bundled personas,
 * random profiles, every single edit of a full profile, and random mutations must give zod's
 * exact output or `undefined`.
 *
 * @module
 */
import { GENDERS, REFERRAL_ROUTES } from './activity.js';
import { BUDGETS, ClientProfileSchema, LONELINESS, TRAVEL_MODES } from './client.js';
import type { ClientProfile } from './client.js';
import { isBirthDate, isIsoDate } from './common.js';
import { DateRangeSchema } from './date-range.js';
import { postcodeDistrict } from '../signals/areas.js';
import { conditionList, EMPTY_LIST, exactList, freeze, groupList, isIntIn, isNumberIn, isPlainArray, languageList, needList, text, windowList } from './fast-common.js';
import { objectCheck } from './fast-object.js';

const GENDER_SET: ReadonlySet<string> = new Set(GENDERS);
const LONELINESS_SET: ReadonlySet<string> = new Set(LONELINESS);
const BUDGET_SET: ReadonlySet<string> = new Set(BUDGETS);
const TRAVEL_MODE_SET: ReadonlySet<string> = new Set(TRAVEL_MODES);
const REFERRED_BY_SET: ReadonlySet<string> = new Set([...REFERRAL_ROUTES, 'other']);

/** A value of the enum, or undefined. */
const oneOf = (allowed: ReadonlySet<string>) => (value: unknown) => (typeof value === 'string' && allowed.has(value) ? value : undefined);
const isBoolean = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

/** A list of at most `max` texts of at most 200 characters, each trimmed (interests, avoid). */
function textList(value: unknown, max: number): readonly string[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > max) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<string>(n);
  for (let i = 0; i < n; i++) {
    const t = text(value[i], 200);
    if (t === undefined) return undefined;
    out[i] = t;
  }
  return freeze(out);
}

/**
 * `IsoDateSchema`, checked afresh each time: the catalogue's cache of valid dates is not used, so
 * no date of a client's is kept after the call.
 */
function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoDate(value) ? value : undefined;
}

/** `DateRangeSchema`'s object form: `{ from, to, reason? }` with `to` on or after `from`. */
const range = objectCheck(() => DateRangeSchema.out, { from: isoDate, to: isoDate, reason: (r) => text(r, 200) }, (r) => (r.to as string) >= (r.from as string));

/** `DateRangeSchema`: a date (read as a range of one day, as the schema's preprocessing does), or a range. */
const dateRange = (value: unknown) => range(typeof value === 'string' ? { from: value, to: value } : value);

/** `datesAway`: at most 500 ranges. */
function dateRangeList(value: unknown): readonly unknown[] | undefined {
  if (!isPlainArray(value)) return undefined;
  const n = value.length;
  if (n > 500) return undefined;
  if (n === 0) return EMPTY_LIST;
  const out = exactList<unknown>(n);
  for (let i = 0; i < n; i++) {
    const r = dateRange(value[i]);
    if (r === undefined) return undefined;
    out[i] = r;
  }
  return freeze(out);
}

const shape = () => ClientProfileSchema.shape;

/** `ClientProfileSchema`: its fields, order, presence and defaults from the schema; the check of each field's value here. */
const profile = objectCheck(
  () => ClientProfileSchema,
  {
    id: (v) => text(v, 100),
    age: (v) => (isIntIn(v, 0, 130) ? v : undefined),
    dateOfBirth: (v) => (typeof v === 'string' && isBirthDate(v) ? v : undefined),
    gender: oneOf(GENDER_SET),
    home: objectCheck(() => shape().home.unwrap(), { lat: (v) => (isNumberIn(v, -90, 90) ? v : undefined), lon: (v) => (isNumberIn(v, -180, 180) ? v : undefined), postcode: (v) => text(v, 10) }),
    // The district in canonical form; not cached.
    localArea: objectCheck(() => shape().localArea.unwrap(), { localAuthority: (v) => text(v, 100), postcodeDistrict: (v) => (typeof v === 'string' ? postcodeDistrict(v) : undefined) }),
    conditions: conditionList,
    activation: (v) => (isIntIn(v, 1, 4) ? v : undefined),
    needs: needList,
    loneliness: oneOf(LONELINESS_SET),
    groups: groupList,
    interests: (v) => textList(v, 32),
    avoid: (v) => textList(v, 32),
    availability: (v) => windowList(v, 100),
    datesAway: dateRangeList,
    travel: objectCheck(() => shape().travel.unwrap(), { maxKm: (v) => (isNumberIn(v, 0, 500) ? v : undefined), mode: oneOf(TRAVEL_MODE_SET) }),
    housebound: isBoolean,
    budget: oneOf(BUDGET_SET),
    accessibility: objectCheck(() => shape().accessibility.unwrap(), { wheelchair: isBoolean, stepFree: isBoolean, hearingLoop: isBoolean }),
    languages: languageList,
    referredBy: oneOf(REFERRED_BY_SET),
  },
  (c) => c.age !== undefined || c.dateOfBirth !== undefined,
);

/**
 * Validates a client profile without zod when it can: returns exactly what
 * `ClientProfileSchema.parse(input)` would, deep-frozen, or `undefined` when the profile is
 * invalid or of a shape left to zod; then run `ClientProfileSchema.safeParse(input)` for the
 * verdict and the error messages. Never throws, never mutates or keeps `input`, never logs.
 * Internal: not exported from the package.
 *
 * @example
 * ```ts
 * const profile = fastParseClient({ age: 72, activation: 2, conditions: ['emphysema'] });
 * profile?.conditions; // ['copd']
 * profile?.budget;     // 'any'
 * fastParseClient({ activation: 2 }); // undefined (no age: zod writes the error)
 * ```
 */
export function fastParseClient(input: unknown): ClientProfile | undefined {
  try {
    return profile(input) as ClientProfile | undefined;
  } catch {
    return undefined;
  }
}
